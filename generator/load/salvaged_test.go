package load

import (
	"maps"
	"os"
	"path/filepath"
	"testing"
)

func TestSalvage(t *testing.T) {
	for _, tc := range []struct {
		name, text string
		emptied    map[int]bool // nil: no salvaged document
	}{
		{"no syntax error", "+++\nid = \"A\"\n+++\n", nil},
		{"a value without quotes", "+++\nid = \"A\"\nversion = 1.0.1\ntitel = \"x\"\n+++\n", map[int]bool{3: true}},
		{"full-width punctuation", "+++\ntitle：= \"x\"\napproved = 2025/05/10\n+++\n", map[int]bool{2: true, 3: true}},
		{"a table header in error", "+++\nid = \"A\"\n[[history]\ndate = 2025-05-10\n+++\n", nil},
		{"not front matter", "---\nid: A\n---\n", nil},
	} {
		dir := t.TempDir()
		if err := os.WriteFile(filepath.Join(dir, "a.md"), []byte(tc.text), 0o644); err != nil {
			t.Fatal(err)
		}
		s := Salvage(dir, "a.md", "")
		switch {
		case tc.emptied == nil && s != nil:
			t.Errorf("%s: salvaged %+v, want none", tc.name, s.Emptied)
		case tc.emptied != nil && s == nil:
			t.Errorf("%s: not salvaged", tc.name)
		case s != nil && !maps.Equal(s.Emptied, tc.emptied):
			t.Errorf("%s: emptied %v, want %v", tc.name, s.Emptied, tc.emptied)
		}
	}
}
