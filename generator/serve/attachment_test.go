package serve

import (
	"crypto/sha256"
	"encoding/hex"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// serve publishes an attachment only while it holds the bytes whose
// SHA-256 its page lists, read without following a symbolic link: not a
// link put in its place (to a secret or to the same bytes), not other
// bytes, however soon after the change a request comes.
func TestAttachmentSwapped(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "form.txt")
	const form = "the form as it was hashed\n"
	h := sha256.Sum256([]byte(form))
	e := entry{from: file, size: int64(len(form)), sum: hex.EncodeToString(h[:])}
	secret := filepath.Join(dir, "secret")
	same := filepath.Join(dir, "same")
	writeFile(t, secret, "SERVE-SECRET-4c1d")
	writeFile(t, same, form)
	srv := &Server{}
	fetch := func() (int, string) {
		rec := httptest.NewRecorder()
		srv.serveFile(rec, httptest.NewRequest(http.MethodGet, "/docs/X/form.txt", nil), e)
		return rec.Code, rec.Body.String()
	}
	writeFile(t, file, form)
	if code, body := fetch(); code != 200 || body != form {
		t.Fatalf("the attachment as hashed: %d %q", code, body)
	}
	for _, tc := range []struct {
		name   string
		change func()
	}{
		{"other bytes", func() { writeFile(t, file, "a new version\n") }},
		{"a link to a secret", func() { symlinkOver(t, secret, file) }},
		{"a link to the same bytes", func() { symlinkOver(t, same, file) }},
	} {
		tc.change()
		if code, body := fetch(); code != http.StatusNotFound || strings.Contains(body, "SERVE-SECRET") || strings.Contains(body, "new version") {
			t.Errorf("%s: %d %q, want 404", tc.name, code, body)
		}
	}
}

func symlinkOver(t *testing.T, target, name string) {
	t.Helper()
	if err := os.Remove(name); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(target, name); err != nil {
		t.Fatal(err)
	}
}
