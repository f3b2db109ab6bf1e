// Package safefile opens the files of a site's content without following
// symbolic links, and copies an attachment only while it still holds the
// bytes that were hashed when it was read.
//
// A symbolic link inside content/ could publish a file from anywhere on
// the machine, and a file swapped for one between the walk that lists it
// and the read that opens it would too: Open refuses a link (O_NOFOLLOW
// on Unix, a check of the opened handle elsewhere) and anything that is
// not a regular file. An attachment is hashed when the site is loaded and
// copied when the pages are written; Copy and Read fail with ErrChanged
// when it was replaced meanwhile, so that a page never lists a SHA-256
// that differs from the published bytes.
package safefile

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io"
	"io/fs"
)

// ErrNotRegular is the error of Open for a symbolic link, a folder, a
// device or a pipe.
var ErrNotRegular = errors.New("not a regular file (symbolic links are never followed)")

// ErrChanged is the error of Copy and Read for a file that no longer
// holds the bytes it held when it was hashed.
var ErrChanged = errors.New("the file changed after it was read")

// Hash reads the regular file name through Open and returns its size and
// SHA-256 (hex).
func Hash(name string) (size int64, sum string, err error) {
	f, err := Open(name)
	if err != nil {
		return 0, "", err
	}
	defer f.Close()
	h := sha256.New()
	size, err = io.Copy(h, f)
	if err != nil {
		return 0, "", err
	}
	return size, hex.EncodeToString(h.Sum(nil)), nil
}

// Copy writes the file name, opened through Open, to w, and fails with
// ErrChanged (wrapped in an *fs.PathError) unless what it wrote is size
// bytes with the SHA-256 sum. w may have been given a part of the file
// by then: the caller throws it away.
func Copy(w io.Writer, name string, size int64, sum string) error {
	f, err := Open(name)
	if err != nil {
		return err
	}
	defer f.Close()
	h := sha256.New()
	n, err := io.Copy(io.MultiWriter(w, h), io.LimitReader(f, size+1))
	if err != nil {
		return err
	}
	if n != size || hex.EncodeToString(h.Sum(nil)) != sum {
		return &fs.PathError{Op: "copy", Path: name, Err: ErrChanged}
	}
	return nil
}

// Read returns the bytes of the file name, opened through Open, when they
// are size bytes with the SHA-256 sum, and ErrChanged otherwise.
func Read(name string, size int64, sum string) ([]byte, error) {
	var b bytes.Buffer
	b.Grow(int(min(size, 1<<30)) + 1)
	if err := Copy(&b, name, size, sum); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// checkRegular fails with ErrNotRegular unless info is a regular file's.
func checkRegular(name string, info fs.FileInfo) error {
	if !info.Mode().IsRegular() {
		return &fs.PathError{Op: "open", Path: name, Err: ErrNotRegular}
	}
	return nil
}
