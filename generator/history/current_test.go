package history_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"ismsgen/generator/model"
)

// The current text of a document, which the page of what its version
// changed compares with the previous one, is read again when the pages
// are written, as load read it: a file swapped for a symbolic link to a
// secret meanwhile is not followed, with the fast paths off too (the
// secret was shown as the current version's text).
func TestCurrentFollowsNoLink(t *testing.T) {
	r := repo(t)
	twoVersions(t, r, "content/tier2/p1.md")
	docs, _, h := read(t, r.Dir)
	secret := filepath.Join(t.TempDir(), "secret.md")
	if err := os.WriteFile(secret, []byte(doc("P-1", "1.1", "approved", "SECRET CANARY\n", "1.0", "1.1")), 0o600); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(r.Dir, "content", "tier2", "p1.md")
	must(t, os.Remove(file))
	must(t, os.Symlink(secret, file))
	var room model.TextRoom
	for _, read := range []struct {
		name string
		f    func(*model.Document) (*model.EarlierText, error)
	}{
		{"Current", h.Current},
		{"CurrentIn", func(d *model.Document) (*model.EarlierText, error) { return h.CurrentIn(&room, d) }},
	} {
		if text, err := read.f(docs[0]); err == nil || text != nil && strings.Contains(text.Body, "CANARY") {
			t.Errorf("%s of a file swapped for a link: %v, %v; want an error", read.name, text, err)
		}
	}
}
