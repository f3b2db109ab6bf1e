package safefile

import (
	"errors"
	"io/fs"
	"os"
)

// ErrNotAFile is the error of ReadRegular and StatRegular for a named
// pipe, a device or a socket.
var ErrNotAFile = errors.New("not a regular file but a named pipe or a device")

// ReadRegular reads the whole file name, following a symbolic link as
// os.ReadFile does, but only when it is a regular file; anything else
// fails with ErrNotAFile. It is for the site's own settings (isms.toml,
// layouts, assets), which a site may share through a link: a named pipe
// in their place would make the read wait for ever for a writer, and a
// link to a device such as /dev/zero would never end.
func ReadRegular(name string) ([]byte, error) {
	if info, err := os.Stat(name); err != nil {
		return nil, err
	} else if !info.Mode().IsRegular() && !info.IsDir() {
		return nil, &fs.PathError{Op: "open", Path: name, Err: ErrNotAFile}
	}
	return os.ReadFile(name) // a folder: the error of os.ReadFile
}

// StatRegular fails with ErrNotAFile when the file name of fsys exists
// and is neither a folder nor a regular file (as ReadRegular, for a site
// folder read through fs.FS); it returns the error of Stat otherwise.
func StatRegular(fsys fs.FS, name string) error {
	info, err := fs.Stat(fsys, name)
	if err != nil || info.IsDir() || info.Mode().IsRegular() {
		return err
	}
	return &fs.PathError{Op: "open", Path: name, Err: ErrNotAFile}
}
