package wholefile

import (
	"io"
	"io/fs"
)

// readAll reads a whole file through read, which returns 0 bytes or
// io.EOF at its end, into room for size bytes and one more (so that the
// read that finds the end needs no larger buffer): buf's when it has
// that much, else new; size is the file's size if known, else 0. More
// than limit bytes fail with ErrTooLarge.
func readAll(name string, buf []byte, size, limit int, read func([]byte) (int, error)) ([]byte, error) {
	if need := min(size, limit) + 1; cap(buf) < need {
		buf = make([]byte, 0, need)
	}
	buf = buf[:0]
	for {
		if len(buf) == cap(buf) {
			buf = append(buf, 0)[:len(buf)]
		}
		n, err := read(buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+n]
		if len(buf) > limit {
			return nil, &fs.PathError{Op: "read", Path: name, Err: ErrTooLarge}
		}
		if n == 0 && err == nil || err == io.EOF {
			return buf, nil
		}
		if err != nil {
			return nil, err
		}
	}
}
