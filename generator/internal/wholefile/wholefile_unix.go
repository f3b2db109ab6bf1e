//go:build unix

package wholefile

import (
	"errors"
	"io/fs"

	"golang.org/x/sys/unix"

	"ismsgen/generator/internal/fast"
	"ismsgen/generator/internal/safefile"
)

// Write writes data to the file name, creating it with perm (before the
// umask) or truncating it, as os.WriteFile does; with package os when the
// fast paths are off.
func Write(name string, data []byte, perm fs.FileMode) error {
	if !fast.On() {
		return osWrite(name, data, perm)
	}
	fd, err := open(name, unix.O_WRONLY|unix.O_CREAT|unix.O_TRUNC, uint32(perm.Perm()))
	if err != nil {
		return err
	}
	for len(data) > 0 {
		n, err := unix.Write(fd, data)
		if err == unix.EINTR {
			continue
		}
		if err != nil {
			unix.Close(fd)
			return &fs.PathError{Op: "write", Path: name, Err: err}
		}
		data = data[n:]
	}
	if err := unix.Close(fd); err != nil {
		return &fs.PathError{Op: "close", Path: name, Err: err}
	}
	return nil
}

// Read reads the whole regular file name, or fails with ErrTooLarge
// (wrapped in an *fs.PathError) when it holds more than limit bytes; with
// package os when the fast paths are off. As safefile.Open, it follows no
// symbolic link in the last element of name and fails with
// safefile.ErrNotRegular on one, or on anything else that is not a
// regular file.
func Read(name string, limit int) ([]byte, error) {
	return ReadInto(nil, name, limit)
}

// ReadInto is Read into buf's room when the file fits in it (a build
// reads every body a second time, for its page, into a buffer used
// again); the bytes returned are then buf's.
func ReadInto(buf []byte, name string, limit int) ([]byte, error) {
	if !fast.On() {
		return osRead(name, limit, buf)
	}
	fd, err := open(name, unix.O_RDONLY|unix.O_NOFOLLOW|unix.O_NONBLOCK, 0)
	if errors.Is(err, unix.ELOOP) || errors.Is(err, unix.EMLINK) {
		return nil, &fs.PathError{Op: "open", Path: name, Err: safefile.ErrNotRegular}
	}
	if err != nil {
		return nil, err
	}
	defer unix.Close(fd)
	var st unix.Stat_t
	if err := unix.Fstat(fd, &st); err != nil {
		return nil, &fs.PathError{Op: "stat", Path: name, Err: err}
	}
	if st.Mode&unix.S_IFMT != unix.S_IFREG {
		return nil, &fs.PathError{Op: "open", Path: name, Err: safefile.ErrNotRegular}
	}
	size := 0
	if st.Size <= int64(limit) {
		size = int(st.Size)
	}
	return readAll(name, buf, size, limit, func(p []byte) (int, error) {
		for {
			n, err := unix.Read(fd, p)
			switch {
			case err == unix.EINTR:
				continue
			case err != nil:
				return 0, &fs.PathError{Op: "read", Path: name, Err: err}
			}
			return n, nil
		}
	})
}

func open(name string, mode int, perm uint32) (int, error) {
	for {
		fd, err := unix.Open(name, mode|unix.O_CLOEXEC, perm)
		if err == unix.EINTR {
			continue
		}
		if err != nil {
			return -1, &fs.PathError{Op: "open", Path: name, Err: err}
		}
		return fd, nil
	}
}
