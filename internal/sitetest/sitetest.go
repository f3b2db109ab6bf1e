// Package sitetest makes document sets for tests: copies of the
// repository's sample site, and sites written as txtar archives
// (testdata/*.txtar), whose files are easier to read and to review than
// strings in Go.
//
// An archive's comment may name a base on its first line: "base: sample"
// writes the archive's files over a copy of the sample.
package sitetest

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/txtar"
)

// Root is the repository's root folder.
func Root() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "..", "..")
}

// Sample copies the sample site (isms.toml and content/) into a new
// temporary folder and returns it.
func Sample(t testing.TB) string {
	t.Helper()
	dir := t.TempDir()
	if err := CopySample(dir); err != nil {
		t.Fatal(err)
	}
	return dir
}

// CopySample copies the sample site into dir.
func CopySample(dir string) error {
	root := Root()
	if err := os.CopyFS(filepath.Join(dir, "content"), os.DirFS(filepath.Join(root, "content"))); err != nil {
		return err
	}
	config, err := os.ReadFile(filepath.Join(root, "isms.toml"))
	if err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(dir, "isms.toml"), config, 0o644)
}

// Copy copies the site folder src (its isms.toml, content/, layouts/ and
// assets/; not its output) into a new temporary folder and returns it.
func Copy(t testing.TB, src string) string {
	t.Helper()
	dir := t.TempDir()
	if err := copySite(dir, src); err != nil {
		t.Fatal(err)
	}
	return dir
}

func copySite(dir, src string) error {
	for _, name := range []string{"isms.toml", "content", "layouts", "assets"} {
		from := filepath.Join(src, name)
		info, err := os.Stat(from)
		switch {
		case os.IsNotExist(err):
			continue
		case err != nil:
			return err
		case info.IsDir():
			err = copyTree(filepath.Join(dir, name), from)
		default:
			var data []byte
			if data, err = os.ReadFile(from); err == nil {
				err = os.WriteFile(filepath.Join(dir, name), data, 0o644)
			}
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// copyTree copies the folder src to dst as it is: any file name the
// file system takes (os.CopyFS refuses names such as "back\\slash.txt"
// that hostile tests write on purpose), and symbolic links as links.
func copyTree(dst, src string) error {
	return filepath.WalkDir(src, func(path string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(src, path)
		if err != nil {
			return err
		}
		to := filepath.Join(dst, rel)
		switch {
		case d.IsDir():
			return os.MkdirAll(to, 0o755)
		case d.Type()&os.ModeSymlink != 0:
			target, err := os.Readlink(path)
			if err != nil {
				return err
			}
			return os.Symlink(target, to)
		case d.Type().IsRegular():
			data, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			return os.WriteFile(to, data, 0o644)
		}
		return nil // sockets, pipes: no test site needs them
	})
}

// KeepEnv names the folder where Keep leaves a copy of each site a test
// writes.
const KeepEnv = "ISMSGEN_KEEP_SITES"

// Keep copies the site a test wrote at dir, as it is now, into a folder
// of its own under $ISMSGEN_KEEP_SITES named after the test, when that
// is set: CI builds each with the fast paths on and off and compares the
// outputs (.ci/fastcompare).
func Keep(t testing.TB, dir string) {
	t.Helper()
	root := os.Getenv(KeepEnv)
	if root == "" {
		return
	}
	name := strings.Map(func(r rune) rune {
		if 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9' || r == '-' || r == '.' {
			return r
		}
		return '_'
	}, t.Name())
	keep := filepath.Join(root, name)
	for n := 2; ; n++ { // a test may write several sites
		if err := os.MkdirAll(root, 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.Mkdir(keep, 0o755); err == nil {
			break
		} else if !os.IsExist(err) {
			t.Fatal(err)
		}
		keep = filepath.Join(root, fmt.Sprintf("%s-%d", name, n))
	}
	if err := copySite(keep, dir); err != nil {
		t.Fatal(err)
	}
}

// Txtar writes the site in the archive at path (relative to the test's
// folder) into a new temporary folder and returns it.
func Txtar(t testing.TB, path string) string {
	t.Helper()
	a, err := txtar.ParseFile(path)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if err := Extract(a, dir); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	Keep(t, dir)
	return dir
}

// Extract writes the archive's files into dir, over its base.
func Extract(a *txtar.Archive, dir string) error {
	first, _, _ := bytes.Cut(a.Comment, []byte("\n"))
	switch base := strings.TrimSpace(strings.TrimPrefix(string(first), "base:")); {
	case !bytes.HasPrefix(first, []byte("base:")):
	case base == "sample":
		if err := CopySample(dir); err != nil {
			return err
		}
	default:
		return fmt.Errorf("unknown base %q (want: base: sample)", base)
	}
	files := map[string]string{}
	for _, f := range a.Files {
		files[f.Name] = string(f.Data)
	}
	return Write(dir, files)
}

// Write writes files (slash-separated path → content) into dir, making
// their folders.
func Write(dir string, files map[string]string) error {
	for name, data := range files {
		full := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(full, []byte(data), 0o644); err != nil {
			return err
		}
	}
	return nil
}

// SetLanguage sets the interface language (language = "…") in the
// isms.toml of the site in dir: the sample speaks Chinese.
func SetLanguage(dir, lang string) error {
	p := filepath.Join(dir, "isms.toml")
	data, err := os.ReadFile(p)
	if err != nil {
		return err
	}
	var out []string
	set := false
	for _, l := range strings.Split(string(data), "\n") {
		if strings.HasPrefix(strings.TrimSpace(l), "language") && !set {
			l, set = fmt.Sprintf("language = %q", lang), true
		}
		out = append(out, l)
	}
	if !set {
		out = append([]string{fmt.Sprintf("language = %q", lang)}, out...)
	}
	return os.WriteFile(p, []byte(strings.Join(out, "\n")), 0o644)
}
