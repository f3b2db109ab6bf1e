package history

import (
	"bufio"
	"io"
	"os"
	"strings"
	"sync"
	"unsafe"

	"ismsgen/generator/model"
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
	at    map[string]span
	dirty bool       // w holds bytes not yet in f
	other []*os.File // files of texts read ahead, whose texts it keeps where they are (see adopt)
	err   error
}

// span is where a text is kept: its file (nil for the store's own),
// offset and length.
type span struct {
	f      *os.File
	off, n int64
}

func newStore() *store { return &store{at: map[string]span{}} }

// put keeps a blob's text.
func (s *store) put(blob string, text []byte) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, ok := s.at[blob]; ok || s.err != nil || text == nil {
		return
	}
	if s.f == nil {
		if s.f, s.err = tempFile(); s.err != nil {
			return
		}
		s.w = bufio.NewWriterSize(s.f, 256<<10)
	}
	if _, s.err = s.w.Write(text); s.err != nil {
		return
	}
	s.at[blob] = span{nil, s.size, int64(len(text))}
	s.size += int64(len(text))
	s.dirty = true
}

// adopt makes f, a file of texts read ahead, the store's: it keeps
// their texts there rather than copies (see keepAt), and closes it with
// its own.
func (s *store) adopt(f *os.File) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.other = append(s.other, f)
}

// keepAt keeps a blob's text where it is: n bytes at off in f, a file
// adopted.
func (s *store) keepAt(blob string, f *os.File, off, n int64) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, ok := s.at[blob]; !ok {
		s.at[blob] = span{f, off, n}
	}
}

// locate returns where a blob's text is, or false when it is not kept,
// with what the store wrote still buffered written out first.
func (s *store) locate(blob string) (at span, ok bool, err error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	at, ok = s.at[blob]
	if ok && at.f == nil {
		at.f = s.f
		if s.dirty {
			s.err = s.w.Flush()
			s.dirty = false
		}
	}
	return at, ok, s.err
}

// get returns a blob's text, or false when it is not kept.
func (s *store) get(blob string) ([]byte, bool, error) {
	at, ok, err := s.locate(blob)
	if !ok || err != nil {
		return nil, false, err
	}
	text := make([]byte, at.n)
	if _, err := at.f.ReadAt(text, at.off); err != nil && err != io.EOF {
		return nil, false, err
	}
	return text, true, nil
}

// getString is get for a text read as a string: the texts for the
// pages are read as strings, and reading one into a []byte first cost
// a copy of every text.
func (s *store) getString(blob string) (string, bool, error) {
	at, ok, err := s.locate(blob)
	if !ok || err != nil {
		return "", false, err
	}
	text, err := readString(io.NewSectionReader(at.f, at.off, at.n), at.n)
	if err != nil {
		return "", false, err
	}
	return text, true, nil
}

// copyBuffers are the buffers readString copies through.
var copyBuffers = sync.Pool{New: func() any { return new([32 << 10]byte) }}

// readString reads r to its end into a string of its own, size bytes
// long as far as the caller knows.
func readString(r io.Reader, size int64) (string, error) {
	var b strings.Builder
	if size > 0 && size <= maxBlob {
		b.Grow(int(size))
	}
	buf := copyBuffers.Get().(*[32 << 10]byte)
	defer copyBuffers.Put(buf)
	// Only a reader: io.CopyBuffer would use an *os.File's WriteTo,
	// which copies through a buffer of its own.
	_, err := io.CopyBuffer(&b, struct{ io.Reader }{r}, buf[:])
	return b.String(), err
}

// close removes the file.
func (s *store) close() {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.f != nil {
		closeTemp(s.f)
		s.f = nil
	}
	for _, f := range s.other {
		closeTemp(f)
	}
	s.other = nil
}

// getIn is getString with the text read into room (see EarlierIn).
func (s *store) getIn(room *model.TextRoom, blob string) (string, bool, error) {
	at, ok, err := s.locate(blob)
	if !ok || err != nil {
		return "", false, err
	}
	text, err := readIn(room, io.NewSectionReader(at.f, at.off, at.n), at.n)
	if err != nil {
		return "", false, err
	}
	return text, true, nil
}

// readIn reads r to its end into a buffer of room, size bytes long as
// far as the caller knows, and returns it as a string without a copy:
// the buffer is not written again until room is emptied.
func readIn(room *model.TextRoom, r io.Reader, size int64) (string, error) {
	n := 512
	if size > 0 && size <= maxBlob {
		n = int(size) + 1 // one more: the read that finds the end
	}
	b := room.Take(n)
	for {
		if len(*b) == cap(*b) {
			grown := append(*b, 0) // the buffer room holds, grown
			*b = grown[:len(grown)-1]
		}
		m, err := r.Read((*b)[len(*b):cap(*b)])
		*b = (*b)[:len(*b)+m]
		if err == io.EOF {
			return unsafe.String(unsafe.SliceData(*b), len(*b)), nil
		}
		if err != nil {
			return "", err
		}
	}
}
