//go:build !unix

package safefile

import (
	"io/fs"
	"os"
)

// Open opens the regular file name for reading. Without O_NOFOLLOW, it
// checks that the file it opened is the one the path named before it was
// opened, and that this was no symbolic link: ErrNotRegular otherwise.
func Open(name string) (*os.File, error) {
	before, err := os.Lstat(name)
	if err != nil {
		return nil, err
	}
	if err := checkRegular(name, before); err != nil {
		return nil, err
	}
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	opened, err := f.Stat()
	if err == nil && !os.SameFile(before, opened) {
		err = &fs.PathError{Op: "open", Path: name, Err: ErrNotRegular}
	}
	if err != nil {
		f.Close()
		return nil, err
	}
	return f, nil
}
