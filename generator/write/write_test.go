package write

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"

	"ismsgen/generator/internal/fast"
)

// build writes files (slash path → content) as one output of dest.
func build(t *testing.T, dest string, files map[string]string) error {
	t.Helper()
	tx, err := Begin(dest)
	if err != nil {
		t.Fatal(err)
	}
	for rel, data := range files {
		if err := tx.File(rel, []byte(data)); err != nil {
			t.Fatal(err)
		}
	}
	return tx.Commit()
}

// tree reads every file below root, keyed by slash path; folders end in
// "/" and map to "".
func tree(t *testing.T, root string) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := filepath.WalkDir(root, func(p string, e fs.DirEntry, err error) error {
		if err != nil || p == root {
			return err
		}
		rel, _ := filepath.Rel(root, p)
		rel = filepath.ToSlash(rel)
		if e.IsDir() {
			out[rel+"/"] = ""
			return nil
		}
		data, err := os.ReadFile(p)
		out[rel] = string(data)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// site is an output with the marker, as Commit leaves it.
func site(files map[string]string) map[string]string {
	out := map[string]string{Marker: markerText}
	for rel, data := range files {
		out[rel] = data
		for d := filepath.ToSlash(filepath.Dir(rel)); d != "."; d = filepath.ToSlash(filepath.Dir(d)) {
			out[d+"/"] = ""
		}
	}
	return out
}

func same(t *testing.T, what string, got, want map[string]string) {
	t.Helper()
	for _, k := range slices.Sorted(keys(want)) {
		if g, ok := got[k]; !ok {
			t.Errorf("%s: %s missing", what, k)
		} else if g != want[k] {
			t.Errorf("%s: %s is %q, want %q", what, k, g, want[k])
		}
	}
	for _, k := range slices.Sorted(keys(got)) {
		if _, ok := want[k]; !ok {
			t.Errorf("%s: %s is left over", what, k)
		}
	}
}

func keys(m map[string]string) func(func(string) bool) {
	return func(yield func(string) bool) {
		for k := range m {
			if !yield(k) {
				return
			}
		}
	}
}

// noTemporary fails if a temporary folder is left in dir.
func noTemporary(t *testing.T, dir string) {
	t.Helper()
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), tmpPrefix) {
			t.Errorf("%s left in %s", e.Name(), dir)
		}
	}
}

var (
	first  = map[string]string{"index.html": "one", "docs/A/index.html": "a1", "docs/B/index.html": "b1", "old.csv": "gone"}
	second = map[string]string{"index.html": "two", "docs/A/index.html": "a2", "docs/C/x.txt": "c2", "feed.xml": "new"}
)

// treatAsMount makes Begin see dest as a mount point for one test.
func treatAsMount(t *testing.T, dest string) {
	saved := mountPoint
	mountPoint = func(dir string) bool { return dir == dest || saved(dir) }
	t.Cleanup(func() { mountPoint = saved })
}

// failing makes the nth call of rename or exchange (counting both) fail
// with err for one test, and returns the count of calls.
func failing(t *testing.T, n int, err error) *int {
	calls := 0
	savedRename, savedExchange := rename, exchange
	rename = func(a, b string) error {
		if calls++; calls == n {
			return &os.LinkError{Op: "rename", Old: a, New: b, Err: err}
		}
		return savedRename(a, b)
	}
	exchange = func(a, b string) error {
		if calls++; calls == n {
			return err
		}
		return savedExchange(a, b)
	}
	t.Cleanup(func() { rename, exchange = savedRename, savedExchange })
	return &calls
}

// A --dest that cannot be replaced (a mount point) is filled in place:
// its entries are replaced, those the new output lacks removed, its
// own folder kept, and no temporary folder is left in it or beside it.
func TestFillInPlace(t *testing.T) {
	for _, exchangeWorks := range []bool{true, false} {
		parent := t.TempDir()
		dest := filepath.Join(parent, "public")
		if err := os.Mkdir(dest, 0o700); err != nil {
			t.Fatal(err)
		}
		before, _ := os.Stat(dest)
		treatAsMount(t, dest)
		if err := build(t, dest, first); err != nil {
			t.Fatal(err)
		}
		same(t, "first build", tree(t, dest), site(first))
		if !exchangeWorks {
			saved := exchange
			exchange = func(a, b string) error { return errors.ErrUnsupported }
			t.Cleanup(func() { exchange = saved })
		}
		if err := build(t, dest, second); err != nil {
			t.Fatal(err)
		}
		same(t, "second build", tree(t, dest), site(second))
		after, _ := os.Stat(dest)
		if !os.SameFile(before, after) {
			t.Error("the folder itself was replaced")
		}
		if after.Mode().Perm()&0o055 == 0 {
			t.Errorf("mode %v: others cannot read the output", after.Mode().Perm())
		}
		noTemporary(t, dest)
		noTemporary(t, parent)
	}
}

// A swap in place that fails at any step is undone: the previous output
// stays as it was, and the temporary folder is removed.
func TestFillInPlaceFails(t *testing.T) {
	for _, exchangeWorks := range []bool{true, false} {
		failed := 0
		for n := 1; ; n++ {
			dest := filepath.Join(t.TempDir(), "public")
			if err := os.Mkdir(dest, 0o755); err != nil {
				t.Fatal(err)
			}
			treatAsMount(t, dest)
			if err := build(t, dest, first); err != nil {
				t.Fatal(err)
			}
			calls := failing(t, n, syscall.EIO)
			if !exchangeWorks {
				exchange = func(a, b string) error { return errors.ErrUnsupported }
			}
			err := build(t, dest, second)
			rename, exchange = os.Rename, exchangePaths
			if err == nil {
				// A failed exchange is no error: the entry is moved aside.
				same(t, fmt.Sprintf("a swap whose step %d failed and was done another way", n), tree(t, dest), site(second))
				noTemporary(t, dest)
				if *calls < n {
					break // every step done
				}
				continue
			}
			failed++
			if !errors.Is(err, syscall.EIO) {
				t.Errorf("step %d: error %v", n, err)
			}
			same(t, fmt.Sprintf("failed at step %d", n), tree(t, dest), site(first))
			noTemporary(t, dest)
		}
		// With exchange: the new feed.xml and the old old.csv are moved;
		// without: also the three entries both have, in two moves each.
		if want := map[bool]int{true: 2, false: 8}[exchangeWorks]; failed != want {
			t.Errorf("exchange %v: %d steps failed, want %d", exchangeWorks, failed, want)
		}
	}
}

// A mount point that Begin did not recognise is found by Commit (the
// rename fails with EBUSY) and filled in place: the new output is moved
// into it, or copied when it is on another file system.
func TestCommitFallsBackToFill(t *testing.T) {
	for _, crossDevice := range []bool{false, true} {
		parent := t.TempDir()
		dest := filepath.Join(parent, "public")
		if err := build(t, dest, first); err != nil {
			t.Fatal(err)
		}
		savedRename, savedExchange := rename, exchange
		rename = func(a, b string) error {
			switch {
			case a == dest || b == dest:
				return &os.LinkError{Op: "rename", Old: a, New: b, Err: syscall.EBUSY}
			case crossDevice && filepath.Dir(b) == dest && filepath.Dir(a) == parent:
				return &os.LinkError{Op: "rename", Old: a, New: b, Err: syscall.EXDEV}
			}
			return savedRename(a, b)
		}
		exchange = func(a, b string) error {
			if a == dest || b == dest {
				return syscall.EBUSY
			}
			return savedExchange(a, b)
		}
		err := build(t, dest, second)
		rename, exchange = savedRename, savedExchange
		if err != nil {
			t.Fatal(err)
		}
		same(t, "after the fallback", tree(t, dest), site(second))
		noTemporary(t, dest)
		noTemporary(t, parent)
	}
}

// Interrupt removes the output being written, makes its writes fail, and
// makes later builds fail to start; a committed output stays.
func TestInterrupt(t *testing.T) {
	t.Cleanup(func() {
		live.Lock()
		live.interrupted = false
		live.Unlock()
	})
	parent := t.TempDir()
	done := filepath.Join(parent, "done")
	if err := build(t, done, first); err != nil {
		t.Fatal(err)
	}
	dest := filepath.Join(parent, "public")
	tx, err := Begin(dest)
	if err != nil {
		t.Fatal(err)
	}
	if err := tx.File("docs/A/index.html", []byte("a")); err != nil {
		t.Fatal(err)
	}
	Interrupt()
	if err := tx.File("docs/B/index.html", []byte("b")); !errors.Is(err, ErrInterrupted) {
		t.Errorf("File after Interrupt: %v", err)
	}
	if err := tx.Commit(); !errors.Is(err, ErrInterrupted) {
		t.Errorf("Commit after Interrupt: %v", err)
	}
	tx.Abort()
	if _, err := Begin(filepath.Join(parent, "other")); !errors.Is(err, ErrInterrupted) {
		t.Errorf("Begin after Interrupt: %v", err)
	}
	noTemporary(t, parent)
	if _, err := os.Stat(dest); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("%s: %v", dest, err)
	}
	same(t, "the committed output", tree(t, done), site(first))
}

// Begin explains a --dest it cannot make with a typed error.
func TestBeginErrors(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "file")
	if err := os.WriteFile(file, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := Begin(filepath.Join(file, "sub", "public"))
	var e *Error
	if !errors.As(err, &e) || e.Kind != ParentNotFolder {
		t.Fatalf("Begin below a file: %v", err)
	}
	if !strings.Contains(e.Message.String(), "cannot be created") || !strings.Contains(e.Message.Format, "%s") {
		t.Errorf("message %q (format %q)", e.Message, e.Message.Format)
	}
	noTemporary(t, dir)
}

// A build that fails leaves nothing behind: not the folders Begin made
// for a --dest whose parents did not exist (a mistyped path), and not
// one that held something already.
func TestAbortRemovesTheFoldersBeginMade(t *testing.T) {
	dir := t.TempDir()
	tx, err := Begin(filepath.Join(dir, "a", "b", "public"))
	if err != nil {
		t.Fatal(err)
	}
	if err := tx.File("index.html", []byte("x")); err != nil {
		t.Fatal(err)
	}
	tx.Abort()
	if got := tree(t, dir); len(got) != 0 {
		t.Errorf("after Abort: %v", got)
	}
	if err := os.MkdirAll(filepath.Join(dir, "a", "kept"), 0o755); err != nil {
		t.Fatal(err)
	}
	if tx, err = Begin(filepath.Join(dir, "a", "b", "public")); err != nil {
		t.Fatal(err)
	}
	tx.Abort()
	if got := tree(t, dir); len(got) != 2 || got["a/kept/"] != "" {
		t.Errorf("after Abort: %v, want a/ and a/kept/ only", got)
	}
}

// A file is written below the output folder, at the path it was given
// as it is, and never elsewhere: a path that is not clean, or that
// climbs out, is refused, with the fast paths on and off alike.
func TestFileRefusesPathsOutside(t *testing.T) {
	for _, on := range []bool{true, false} {
		restore := fast.Set(on)
		dest := filepath.Join(t.TempDir(), "public")
		tx, err := Begin(dest)
		if err != nil {
			t.Fatal(err)
		}
		for rel, ok := range map[string]bool{
			"index.html": true, "docs/P-1/v/1.0/index.html": true, "docs/P-1/v/第2版/index.html": true, ".../x": true, "a/..b/c": true,
			"": false, ".": false, "..": false, "../x": false, "a/../../x": false, "/etc/x": false, "a//b": false,
			"a/./b": false, "a/b/": false, "a/b/.": false, "a/..": false, `a\b`: false, `..\x`: false, "docs/../x": false,
		} {
			err := tx.File(rel, []byte(rel))
			if ok != (err == nil) {
				t.Errorf("fast %v: File(%q): %v, want written: %v", on, rel, err, ok)
			}
			if ok {
				if data, err := os.ReadFile(filepath.Join(tx.tmp, filepath.FromSlash(rel))); err != nil || string(data) != rel {
					t.Errorf("fast %v: %q holds %q, %v", on, rel, data, err)
				}
			}
		}
		tx.Abort()
		restore()
	}
}
