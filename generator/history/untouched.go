package history

import (
	"crypto/sha1"
	"encoding/hex"
	"path/filepath"
	"strconv"
	"sync"

	"ismsgen/generator/internal/fast"
	"ismsgen/generator/internal/par"
	"ismsgen/generator/internal/wholefile"
)

// dropUntouched takes out of dirty the files whose bytes are those of
// their last commit. git diff-index lists a file whose status changed
// since the index last saw it, not only one whose bytes did: after a
// copy of the work tree (cp -r, a CI cache, a container image) it lists
// every file, and the build would read the last commit's text of each
// to compare. A file is taken out only when its bytes hash to the id of
// that text, so nothing git would call changed is; with the fast paths
// off, every file listed stays.
func dropUntouched(source string, l *Log, dirty map[string]bool) {
	if !fast.On() || len(dirty) == 0 {
		return
	}
	var paths []string
	for p := range dirty {
		if f := l.files[p]; f != nil && len(f.revs) > 0 && len(f.revs[0].blob) == 2*sha1.Size {
			paths = append(paths, p)
		}
	}
	var mu sync.Mutex
	par.Each(len(paths), func(i int) {
		p := paths[i]
		if blobID(filepath.Join(source, filepath.FromSlash(p))) == l.files[p].revs[0].blob {
			mu.Lock()
			delete(dirty, p)
			mu.Unlock()
		}
	})
}

// blobID is the id git gives the bytes of the file name as a blob; ""
// when it cannot be read (or is too large to be a document).
func blobID(name string) string {
	data, err := wholefile.Read(name, maxBlob)
	if err != nil {
		return ""
	}
	h := sha1.New()
	h.Write([]byte("blob " + strconv.Itoa(len(data)) + "\x00"))
	h.Write(data)
	var sum [sha1.Size]byte
	return hex.EncodeToString(h.Sum(sum[:0]))
}
