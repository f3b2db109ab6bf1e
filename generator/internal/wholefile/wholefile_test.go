package wholefile

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"ismsgen/generator/internal/fast"
	"ismsgen/generator/internal/safefile"
)

func TestRead(t *testing.T) {
	dir := t.TempDir()
	for _, tc := range []struct {
		name  string
		data  string
		limit int
		want  string
		err   error
	}{
		{"empty", "", 10, "", nil},
		{"short", "abc", 10, "abc", nil},
		{"at the limit", "0123456789", 10, "0123456789", nil},
		{"one byte over", "0123456789x", 10, "", ErrTooLarge},
		{"far over", strings.Repeat("x", 100_000), 10, "", ErrTooLarge},
		{"large", strings.Repeat("abc", 100_000), 1 << 20, strings.Repeat("abc", 100_000), nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			name := filepath.Join(dir, strings.ReplaceAll(tc.name, " ", "-"))
			if err := os.WriteFile(name, []byte(tc.data), 0o644); err != nil {
				t.Fatal(err)
			}
			got, err := Read(name, tc.limit)
			if !errors.Is(err, tc.err) {
				t.Fatalf("Read: error %v, want %v", err, tc.err)
			}
			if err == nil && string(got) != tc.want {
				t.Errorf("Read: %d bytes, want %d", len(got), len(tc.want))
			}
		})
	}
}

// TestReadErrors checks that errors name the operation and the file, as
// those of package os do: they reach the user.
func TestReadErrors(t *testing.T) {
	dir := t.TempDir()
	missing := filepath.Join(dir, "missing.md")
	_, err := Read(missing, 10)
	_, osErr := os.ReadFile(missing)
	if err == nil || err.Error() != osErr.Error() || !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("Read of a missing file: %v, want %v", err, osErr)
	}
	if _, err := Read(dir, 10); err == nil || !strings.Contains(err.Error(), dir) {
		t.Errorf("Read of a folder: %v, want an error naming it", err)
	}
}

func TestWrite(t *testing.T) {
	dir := t.TempDir()
	name := filepath.Join(dir, "page.html")
	long := bytes.Repeat([]byte("<p>x</p>"), 200_000)
	for _, data := range [][]byte{long, []byte("short"), nil} { // each truncates the one before
		if err := Write(name, data, 0o644); err != nil {
			t.Fatal(err)
		}
		got, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, data) {
			t.Fatalf("Write of %d bytes: the file holds %d", len(data), len(got))
		}
	}
	info, err := os.Stat(name)
	if err != nil {
		t.Fatal(err)
	}
	if info.Mode().Perm()&^0o644 != 0 {
		t.Errorf("mode %v, want at most 0644", info.Mode().Perm())
	}
	err = Write(filepath.Join(dir, "no", "such", "folder.html"), nil, 0o644)
	osErr := os.WriteFile(filepath.Join(dir, "no", "such", "folder.html"), nil, 0o644)
	if err == nil || err.Error() != osErr.Error() {
		t.Errorf("Write into a missing folder: %v, want %v", err, osErr)
	}
}

// TestReadAll: the loop both systems share, with reads that end as
// package os's do (data, then io.EOF, or both at once) and as read(2)
// does (0 bytes), and one that fails.
func TestReadAll(t *testing.T) {
	chunks := func(parts []string, end error) func([]byte) (int, error) {
		return func(p []byte) (int, error) {
			if len(parts) == 0 {
				return 0, end
			}
			n := copy(p, parts[0])
			if parts[0] = parts[0][n:]; parts[0] == "" {
				parts = parts[1:]
			}
			return n, nil
		}
	}
	broken := errors.New("device gone")
	for _, tc := range []struct {
		name  string
		read  func([]byte) (int, error)
		size  int
		limit int
		want  string
		err   error
	}{
		{"os-style end", chunks([]string{"abc", "def"}, io.EOF), 0, 10, "abcdef", nil},
		{"read(2)-style end", chunks([]string{"abc", "def"}, nil), 6, 10, "abcdef", nil},
		{"data with EOF", func(p []byte) (int, error) { return copy(p, "xyz"), io.EOF }, 3, 10, "xyz", nil},
		{"over the limit", chunks([]string{"abcdef"}, io.EOF), 0, 5, "", ErrTooLarge},
		{"failing read", chunks([]string{"ab"}, broken), 0, 10, "", broken},
	} {
		got, err := readAll("f.md", nil, tc.size, tc.limit, tc.read)
		if !errors.Is(err, tc.err) {
			t.Errorf("%s: error %v, want %v", tc.name, err, tc.err)
			continue
		}
		if err == nil && string(got) != tc.want {
			t.Errorf("%s: %q, want %q", tc.name, got, tc.want)
		}
	}
}

// TestSameAsOS: Read and Write give what package os gives (osRead and
// osWrite, which they use when the fast paths are off): the same bytes
// and the same error text, which reaches the user.
func TestSameAsOS(t *testing.T) {
	defer fast.Set(true)()
	dir := t.TempDir()
	file := filepath.Join(dir, "doc.md")
	if err := os.WriteFile(file, []byte("+++\nid = \"X\"\n+++\n正文\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name  string
		path  string
		limit int
	}{
		{"a file", file, 1 << 20},
		{"over the limit", file, 4},
		{"a missing file", filepath.Join(dir, "missing.md"), 10},
		{"a folder", dir, 10},
	} {
		got, err := Read(tc.path, tc.limit)
		want, osErr := osRead(tc.path, tc.limit, nil)
		if string(got) != string(want) || fmt.Sprint(err) != fmt.Sprint(osErr) {
			t.Errorf("%s: Read %q, %v; package os %q, %v", tc.name, got, err, want, osErr)
		}
	}
	for _, name := range []string{filepath.Join(dir, "out.html"), filepath.Join(dir, "no", "folder.html"), dir} {
		err, osErr := Write(name, []byte("<p>x</p>"), 0o644), osWrite(name, []byte("<p>x</p>"), 0o644)
		if fmt.Sprint(err) != fmt.Sprint(osErr) {
			t.Errorf("Write %s: %v; package os %v", name, err, osErr)
		}
	}
}

// TestReadNoFollow: Read opens a document as safefile.Open does, never
// through a symbolic link (a file swapped for one during a build), with
// the fast paths on and off.
func TestReadNoFollow(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "secret.txt")
	if err := os.WriteFile(target, []byte("secret"), 0o644); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "doc.md")
	if err := os.Symlink(target, link); err != nil {
		t.Fatal(err)
	}
	for _, on := range []bool{true, false} {
		restore := fast.Set(on)
		if data, err := Read(link, 100); !errors.Is(err, safefile.ErrNotRegular) || data != nil {
			t.Errorf("fast paths %v: Read of a symbolic link: %q, %v; want safefile.ErrNotRegular", on, data, err)
		}
		restore()
	}
}

// TestReadInto: ReadInto reads into the room it is given when the file
// fits, with the fast paths on and off, and into new room when not; the
// bytes are the file's either way.
func TestReadInto(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "doc.md")
	data := "+++\nid = \"X\"\n+++\n正文\n"
	if err := os.WriteFile(file, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, on := range []bool{true, false} {
		restore := fast.Set(on)
		room := make([]byte, 5, 64)
		got, err := ReadInto(room, file, 1<<20)
		if err != nil || string(got) != data || &got[0] != &room[:1][0] {
			t.Errorf("fast paths %v: ReadInto with room: %q, %v, in the room given: %v", on, got, err, err == nil && &got[0] == &room[:1][0])
		}
		small := make([]byte, 0, 4)
		got, err = ReadInto(small, file, 1<<20)
		if err != nil || string(got) != data || string(small[:4]) == data[:4] {
			t.Errorf("fast paths %v: ReadInto without room: %q, %v (the small room must not be written)", on, got, err)
		}
		restore()
	}
}
