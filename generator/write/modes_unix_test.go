//go:build unix

package write

import (
	"io/fs"
	"path/filepath"
	"syscall"
	"testing"
)

// The output's folders are 0755 and files 0644 less the umask, whatever
// the temporary folder was made with.
func TestModes(t *testing.T) {
	for _, umask := range []int{0o022, 0o002, 0o027, 0o077} {
		old := syscall.Umask(umask)
		dest := filepath.Join(t.TempDir(), "public")
		err := build(t, dest, first)
		if err == nil {
			err = build(t, dest, second) // over an existing output too
		}
		syscall.Umask(old)
		if err != nil {
			t.Fatal(err)
		}
		dirMode, fileMode := fs.FileMode(0o755&^umask), fs.FileMode(0o644&^umask)
		err = filepath.WalkDir(dest, func(p string, e fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			info, err := e.Info()
			if err != nil {
				return err
			}
			want := fileMode
			if e.IsDir() {
				want = dirMode
			}
			if info.Mode().Perm() != want {
				t.Errorf("umask %03o: %s has mode %v, want %v", umask, p, info.Mode().Perm(), want)
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
}
