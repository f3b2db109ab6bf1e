//go:build !unix

package wholefile

import (
	"io/fs"
	"os"
)

// Write writes data to the file name, creating it with perm (before the
// umask) or truncating it, as os.WriteFile does.
func Write(name string, data []byte, perm fs.FileMode) error {
	return os.WriteFile(name, data, perm)
}

// Read reads the whole file name, or fails with ErrTooLarge (wrapped in
// an *fs.PathError) when it holds more than limit bytes.
func Read(name string, limit int) ([]byte, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	size := 0
	if info, err := f.Stat(); err == nil && info.Mode().IsRegular() && info.Size() <= int64(limit) {
		size = int(info.Size())
	}
	return readAll(name, size, limit, f.Read)
}
