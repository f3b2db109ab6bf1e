//go:build unix

package write

import (
	"io/fs"

	"golang.org/x/sys/unix"
)

// writable reports whether this process may create entries in dir.
func writable(dir string) error {
	if err := unix.Access(dir, unix.W_OK|unix.X_OK); err != nil {
		return &fs.PathError{Op: "access", Path: dir, Err: err}
	}
	return nil
}
