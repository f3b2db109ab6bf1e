package history

import (
	"bytes"
	"compress/zlib"
	"crypto/sha1"
	"encoding/hex"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"ismsgen/generator/internal/fast"
	"ismsgen/generator/internal/wholefile"
)

// looseObjects reads the texts git keeps as loose objects, a
// zlib-compressed file each, itself: `git cat-file --batch` opens,
// maps and inflates such a file three times (for its type and size,
// then for its content), and the 3,300 loose earlier texts of the
// benchmark's repository cost git more than the 6,700 packed ones. It is
// a fast path beside cat-file, off with ISMSGEN_FAST=0: a text is taken
// only when its bytes hash to the id asked for, so it is the text git
// gives; anything else (a packed object, one that is not a file, too
// large, damaged, a repository whose ids are not SHA-1) is left to git.
// One looseObjects is for one goroutine.
type looseObjects struct {
	dir string // the objects folder
	raw []byte // the compressed file, used again
	out []byte // the text, used again when not large
	zr  io.ReadCloser
	br  bytes.Reader
}

// loose returns a reader of r's loose objects, or nil when the fast
// paths are off or git says nothing this reader can rely on.
func (r *Repo) loose() *looseObjects {
	if !fast.On() {
		return nil
	}
	if r.objects == nil {
		return nil
	}
	r.objects.once.Do(func() { r.objects.dir = r.objectsDir() })
	if r.objects.dir == "" {
		return nil
	}
	return &looseObjects{dir: r.objects.dir}
}

// objectsDir is the folder of the repository's objects when their ids
// are SHA-1, else "".
func (r *Repo) objectsDir() string {
	out, err := r.run.output("rev-parse", "--show-object-format", "--git-path", "objects")
	if err != nil {
		return ""
	}
	lines := strings.Split(strings.TrimRight(string(out), "\n"), "\n")
	if len(lines) != 2 || lines[0] != "sha1" || lines[1] == "" {
		return ""
	}
	dir := lines[1]
	if !filepath.IsAbs(dir) {
		dir = filepath.Join(r.run.dir, dir)
	}
	return dir
}

// path is where a loose object would be.
func (l *looseObjects) path(oid string) string {
	return filepath.Join(l.dir, oid[:2], oid[2:])
}

// ids lists the ids of the loose objects, from the names in the 256
// folders that hold them: a listing of each costs less than a look for
// each of thousands of objects.
func (l *looseObjects) ids() map[string]bool {
	ids := map[string]bool{}
	const digits = "0123456789abcdef"
	for i := range 256 {
		prefix := string([]byte{digits[i>>4], digits[i&15]})
		f, err := os.Open(filepath.Join(l.dir, prefix))
		if err != nil {
			continue
		}
		names, _ := f.Readdirnames(-1)
		f.Close()
		for _, n := range names {
			if len(n) == 2*sha1.Size-2 {
				ids[prefix+n] = true
			}
		}
	}
	return ids
}

// read returns the text of the blob oid, and whether it is the blob's:
// false leaves it to git. The text is l's until the next read when it
// is not large (as blobs.next).
func (l *looseObjects) read(oid string) ([]byte, bool) {
	var want [sha1.Size]byte
	if len(oid) != 2*sha1.Size {
		return nil, false
	}
	if _, err := hex.Decode(want[:], []byte(oid)); err != nil {
		return nil, false
	}
	// zlib keeps a blob as large as a document in little more than its
	// size; a larger file is not one read here.
	raw, err := wholefile.ReadInto(l.raw[:0], l.path(oid), maxBlob+maxBlob/8)
	if err != nil {
		return nil, false
	}
	l.raw = raw
	return l.inflate(raw, want)
}

// inflate returns the text of a loose object's file, raw, and whether
// it is the blob whose id is want.
func (l *looseObjects) inflate(raw []byte, want [sha1.Size]byte) ([]byte, bool) {
	var err error
	l.br.Reset(raw)
	if l.zr == nil {
		l.zr, err = zlib.NewReader(&l.br)
	} else {
		err = l.zr.(zlib.Resetter).Reset(&l.br, nil)
	}
	if err != nil {
		return nil, false
	}
	// "blob <size>\0", then the text.
	var head [32]byte
	n, _ := io.ReadFull(l.zr, head[:])
	kind, rest, ok := bytes.Cut(head[:n], []byte(" "))
	sizeField, text, ok2 := bytes.Cut(rest, []byte{0})
	if !ok || !ok2 || string(kind) != "blob" {
		return nil, false
	}
	size, err := strconv.Atoi(string(sizeField))
	if err != nil || size < 0 || size > maxBlob || len(text) > size {
		return nil, false
	}
	var data []byte
	if size <= largeText {
		if cap(l.out) < size {
			l.out = make([]byte, max(size, 16<<10))
		}
		data = l.out[:size]
	} else {
		data = make([]byte, size)
	}
	copy(data, text)
	if _, err := io.ReadFull(l.zr, data[len(text):]); err != nil {
		return nil, false
	}
	var end [1]byte
	if m, _ := l.zr.Read(end[:]); m != 0 {
		return nil, false // more than its size says
	}
	h := sha1.New()
	h.Write(head[:len(kind)+1+len(sizeField)+1])
	h.Write(data)
	var got [sha1.Size]byte
	if !bytes.Equal(h.Sum(got[:0]), want[:]) {
		return nil, false
	}
	return data, true
}
