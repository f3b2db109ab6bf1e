package wholefile

import (
	"io/fs"
	"os"

	"ismsgen/generator/internal/safefile"
)

// osWrite is Write with package os: on systems other than Unix, and on
// Unix when the fast paths are off.
func osWrite(name string, data []byte, perm fs.FileMode) error {
	return os.WriteFile(name, data, perm)
}

// osRead is Read with package os, opened through safefile.Open, which
// follows no symbolic link either.
func osRead(name string, limit int, buf []byte) ([]byte, error) {
	f, err := safefile.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	size := 0
	if info, err := f.Stat(); err == nil && info.Mode().IsRegular() && info.Size() <= int64(limit) {
		size = int(info.Size())
	}
	return readAll(name, buf, size, limit, f.Read)
}
