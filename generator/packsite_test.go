package generator

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	"ismsgen/generator/internal/safefile"
	"ismsgen/generator/model"
)

// The pack shows a bundle's pictures inside its pages, read when the
// pages are written: a picture swapped for a symbolic link to a secret,
// or for other bytes, since it was hashed is not read into the pack, as
// the build does not copy it (TestAttachmentSwappedMidBuild).
func TestPackImageSwapped(t *testing.T) {
	dir := t.TempDir()
	img := filepath.Join(dir, "diagram.png")
	secret := filepath.Join(dir, "secret.png")
	for name, data := range map[string]string{img: "\x89PNG as hashed", secret: "\x89PNG secret"} {
		if err := os.WriteFile(name, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	size, sum, err := safefile.Hash(img)
	if err != nil {
		t.Fatal(err)
	}
	a := model.Attachment{Name: "diagram.png", Path: "content/F-1/diagram.png", Source: img, Size: size, SHA256: sum}
	for _, tc := range []struct {
		what string
		swap func() error
		want error
	}{
		{"a symbolic link to a secret", func() error {
			if err := os.Remove(img); err != nil {
				return err
			}
			return os.Symlink(secret, img)
		}, safefile.ErrNotRegular},
		{"other bytes", func() error {
			if err := os.Remove(img); err != nil {
				return err
			}
			return os.WriteFile(img, []byte("\x89PNG as changed"), 0o644)
		}, safefile.ErrChanged},
	} {
		if err := tc.swap(); err != nil {
			t.Fatal(err)
		}
		m := &memory{files: map[string][]byte{}}
		if err := m.Copy("docs/F-1/diagram.png", a); !errors.Is(err, tc.want) {
			t.Errorf("%s: %v, want %v", tc.what, err, tc.want)
		}
		if data, _ := m.image("docs/F-1/diagram.png"); data != nil {
			t.Errorf("%s: the pack holds %q", tc.what, data)
		}
	}
}
