package wholefile

import (
	"io/fs"
	"os"
)

// osWrite is Write with package os: on systems other than Unix, and on
// Unix when the fast paths are off.
func osWrite(name string, data []byte, perm fs.FileMode) error {
	return os.WriteFile(name, data, perm)
}

// osRead is Read with package os.
func osRead(name string, limit int) ([]byte, error) {
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
