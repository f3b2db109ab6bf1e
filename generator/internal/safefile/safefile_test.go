package safefile

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"os"
	"path/filepath"
	"testing"
)

func sum(s string) string {
	h := sha256.Sum256([]byte(s))
	return hex.EncodeToString(h[:])
}

// Open refuses symbolic links (to files, to folders, dangling), folders
// and pipes, with ErrNotRegular, and opens regular files.
func TestOpen(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "form.txt")
	if err := os.WriteFile(file, []byte("form"), 0o644); err != nil {
		t.Fatal(err)
	}
	for name, target := range map[string]string{"link.txt": file, "dirlink": dir, "dangling.txt": filepath.Join(dir, "none")} {
		if err := os.Symlink(target, filepath.Join(dir, name)); err != nil {
			t.Fatal(err)
		}
	}
	refused := []string{"link.txt", "dirlink", ".", "dangling.txt"}
	if mkfifo != nil {
		if err := mkfifo(filepath.Join(dir, "pipe.txt")); err != nil {
			t.Fatal(err)
		}
		refused = append(refused, "pipe.txt") // and does not block
	}
	for _, name := range refused {
		f, err := Open(filepath.Join(dir, name))
		if !errors.Is(err, ErrNotRegular) {
			if f != nil {
				f.Close()
			}
			t.Errorf("Open(%s): %v, want ErrNotRegular", name, err)
		}
	}
	f, err := Open(file)
	if err != nil {
		t.Fatal(err)
	}
	f.Close()
	if _, err := Open(filepath.Join(dir, "none")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("Open of a missing file: %v", err)
	}
}

// Hash and Copy agree; Copy and Read fail with ErrChanged on a file that
// changed since it was hashed, grew or shrank, and on a symbolic link
// put in its place.
func TestCopy(t *testing.T) {
	dir := t.TempDir()
	name := filepath.Join(dir, "register.xlsx")
	write := func(s string) {
		t.Helper()
		if err := os.WriteFile(name, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("the bytes that were hashed")
	size, got, err := Hash(name)
	if err != nil || size != 26 || got != sum("the bytes that were hashed") {
		t.Fatalf("Hash = %d, %s, %v", size, got, err)
	}
	var b bytes.Buffer
	if err := Copy(&b, name, size, got); err != nil || b.String() != "the bytes that were hashed" {
		t.Fatalf("Copy = %q, %v", b.String(), err)
	}
	if data, err := Read(name, size, got); err != nil || string(data) != "the bytes that were hashed" {
		t.Fatalf("Read = %q, %v", data, err)
	}
	for _, changed := range []string{"THE bytes that were hashed", "the bytes that were hashed!", "the bytes", ""} {
		write(changed)
		if err := Copy(&bytes.Buffer{}, name, size, got); !errors.Is(err, ErrChanged) {
			t.Errorf("Copy after the file became %q: %v, want ErrChanged", changed, err)
		}
		if _, err := Read(name, size, got); !errors.Is(err, ErrChanged) {
			t.Errorf("Read after the file became %q: %v, want ErrChanged", changed, err)
		}
	}
	other := filepath.Join(dir, "other")
	if err := os.WriteFile(other, []byte("the bytes that were hashed"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Remove(name); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(other, name); err != nil {
		t.Fatal(err)
	}
	if err := Copy(&bytes.Buffer{}, name, size, got); !errors.Is(err, ErrNotRegular) {
		t.Errorf("Copy of a symbolic link to the same bytes: %v, want ErrNotRegular", err)
	}
}

// mkfifo makes a named pipe, where the system has them.
var mkfifo func(name string) error

// ReadRegular and StatRegular follow a symbolic link to a regular file,
// and refuse a named pipe (which would block) and a device, directly or
// through a link.
func TestReadRegular(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "isms.toml")
	if err := os.WriteFile(file, []byte("title = \"x\"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "link.toml")
	if err := os.Symlink(file, link); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"isms.toml", "link.toml"} {
		if data, err := ReadRegular(filepath.Join(dir, name)); err != nil || string(data) != "title = \"x\"\n" {
			t.Errorf("ReadRegular(%s) = %q, %v", name, data, err)
		}
		if err := StatRegular(os.DirFS(dir), name); err != nil {
			t.Errorf("StatRegular(%s): %v", name, err)
		}
	}
	var refused []string
	if mkfifo != nil {
		if err := mkfifo(filepath.Join(dir, "pipe.toml")); err != nil {
			t.Fatal(err)
		}
		refused = append(refused, "pipe.toml")
	}
	if _, err := os.Stat(os.DevNull); err == nil && filepath.IsAbs(os.DevNull) {
		if err := os.Symlink(os.DevNull, filepath.Join(dir, "null.toml")); err != nil {
			t.Fatal(err)
		}
		refused = append(refused, "null.toml")
	}
	for _, name := range refused {
		if _, err := ReadRegular(filepath.Join(dir, name)); !errors.Is(err, ErrNotAFile) {
			t.Errorf("ReadRegular(%s): %v, want ErrNotAFile", name, err)
		}
		if err := StatRegular(os.DirFS(dir), name); !errors.Is(err, ErrNotAFile) {
			t.Errorf("StatRegular(%s): %v, want ErrNotAFile", name, err)
		}
	}
	if err := StatRegular(os.DirFS(dir), "."); err != nil {
		t.Errorf("StatRegular(.): %v", err)
	}
}
