package hostile_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"ismsgen/generator/internal/gitfixture"
)

// pack --out replaces only a zip file of its own choosing: a name that is
// not FILE.zip (the site's isms.toml, a document, a file of .git), a file
// that exists and is no zip, and a place inside content/, layouts/ or
// assets/ (where the next build would publish the pack, whatever
// --classification it was made with) are refused with exit code 2, and
// the file stays as it was; a new name, or an earlier pack, is written.
func TestPackOut(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary")
	}
	repo := gitfixture.New(t)
	for name, text := range good() {
		if err := repo.Write(name, text); err != nil {
			t.Fatal(err)
		}
	}
	if err := repo.Write("isms.toml", baseConfig); err != nil {
		t.Fatal(err)
	}
	if err := repo.Write("notes.zip", "not a zip\n"); err != nil {
		t.Fatal(err)
	}
	for _, dir := range []string{"layouts", "assets"} {
		if err := os.MkdirAll(filepath.Join(repo.Dir, dir), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := repo.Commit("2026-01-10T10:00:00Z", "Controller", "first"); err != nil {
		t.Fatal(err)
	}
	site := repo.Dir
	for _, out := range []string{
		"isms.toml",
		"content/tier2/p.md",
		".git/HEAD",
		".git/pack.zip",
		"notes.zip",
		"content/tier2/pack.zip",
		"layouts/pack.zip",
		"assets/pack.ZIP",
	} {
		path := filepath.Join(site, filepath.FromSlash(out))
		before, _ := os.ReadFile(path)
		code, _, stderr := runCLI(t, "pack", "--source", site, "--as-of", "2026-01-10", "--out", path)
		if code != 2 || !strings.HasPrefix(stderr, "ismsgen pack: --out "+path+" ") {
			t.Errorf("--out %s: exit %d, %q", out, code, stderr)
		}
		if after, _ := os.ReadFile(path); !bytes.Equal(before, after) {
			t.Errorf("--out %s: the file was changed", out)
		}
	}
	path := filepath.Join(t.TempDir(), "pack.zip")
	for range 2 { // a new pack, then over the earlier one
		if code, _, stderr := runCLI(t, "pack", "--source", site, "--as-of", "2026-01-10", "--out", path); code != 0 {
			t.Fatalf("exit %d: %s", code, stderr)
		}
	}
}
