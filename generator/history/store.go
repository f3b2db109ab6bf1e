package history

import (
	"bufio"
	"io"
	"os"
	"sync"
)

// store keeps the earlier texts found for their pages, in a temporary
// file rather than the heap: on 10,000 documents they are tens of
// megabytes, which the build would hold to the end, and which the
// memory limit of the pages' rendering (a multiple of what is live)
// would multiply. The file is read back from the system's cache.
type store struct {
	mu    sync.Mutex
	f     *os.File // nil until the first text
	w     *bufio.Writer
	size  int64
	at    map[string][2]int64 // blob → offset and length
	dirty bool                // w holds bytes not yet in f
	err   error
}

func newStore() *store { return &store{at: map[string][2]int64{}} }

// put keeps a blob's text.
func (s *store) put(blob string, text []byte) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, ok := s.at[blob]; ok || s.err != nil || text == nil {
		return
	}
	if s.f == nil {
		if s.f, s.err = os.CreateTemp("", "ismsgen-history-*"); s.err != nil {
			return
		}
		os.Remove(s.f.Name()) // gone with the last descriptor
		s.w = bufio.NewWriterSize(s.f, 256<<10)
	}
	if _, s.err = s.w.Write(text); s.err != nil {
		return
	}
	s.at[blob] = [2]int64{s.size, int64(len(text))}
	s.size += int64(len(text))
	s.dirty = true
}

// get returns a blob's text, or false when it is not kept.
func (s *store) get(blob string) ([]byte, bool, error) {
	s.mu.Lock()
	span, ok := s.at[blob]
	if ok && s.dirty {
		s.err = s.w.Flush()
		s.dirty = false
	}
	err := s.err
	s.mu.Unlock()
	if !ok || err != nil {
		return nil, false, err
	}
	text := make([]byte, span[1])
	if _, err := s.f.ReadAt(text, span[0]); err != nil && err != io.EOF {
		return nil, false, err
	}
	return text, true, nil
}

// close removes the file.
func (s *store) close() {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.f != nil {
		s.f.Close()
		s.f = nil
	}
}
