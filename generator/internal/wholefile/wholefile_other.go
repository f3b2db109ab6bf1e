//go:build !unix

package wholefile

import "io/fs"

// Write writes data to the file name, creating it with perm (before the
// umask) or truncating it, as os.WriteFile does.
func Write(name string, data []byte, perm fs.FileMode) error {
	return osWrite(name, data, perm)
}

// Read reads the whole file name, or fails with ErrTooLarge (wrapped in
// an *fs.PathError) when it holds more than limit bytes.
func Read(name string, limit int) ([]byte, error) {
	return osRead(name, limit, nil)
}

// ReadInto is Read into buf's room when the file fits in it.
func ReadInto(buf []byte, name string, limit int) ([]byte, error) {
	return osRead(name, limit, buf)
}
