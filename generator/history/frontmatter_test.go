package history

import (
	"strings"
	"testing"
)

// An earlier text that sets a key of its header twice is no TOML, so no
// document: it is read as a text without front matter (no page under v/),
// not as the line read last would have it. A classification of "public"
// after one above the ceiling published the text of that version, and a
// status of "approved" after "draft" would have published a draft.
func TestHeaderKeySetTwice(t *testing.T) {
	base := "+++\nid = \"P-1\"\ntitle = \"T\"\ntier = 2\nversion = \"1.0\"\nstatus = \"approved\"\nowners = [\"isd\"]\nclassification = \"internal\"\n+++\n\nBody.\n"
	if hd := readHeader([]byte(base)); !hd.ok || hd.Classification != "internal" {
		t.Fatalf("the plain text: %+v", hd)
	}
	for _, twice := range []struct{ key, first, last string }{
		{"classification", `"confidential"`, `"public"`},
		{"classification", `"public"`, `"confidential"`},
		{"status", `"draft"`, `"approved"`},
		{"id", `"SECRET-1"`, `"P-1"`},
		{"tier", `1`, `2`},
	} {
		text := strings.Replace(base, "\nowners", "\n"+twice.key+" = "+twice.first+"\n"+twice.key+" = "+twice.last+"\nowners", 1)
		if twice.key != "tier" {
			text = strings.Replace(text, "\n"+twice.key+" = \""+map[string]string{"classification": "internal", "status": "approved", "id": "P-1"}[twice.key]+"\"\n", "\n", 1)
		} else {
			text = strings.Replace(text, "\ntier = 2\n", "\n", 1)
		}
		if strings.Count(text, "\n"+twice.key+" = ") != 2 {
			t.Fatalf("%s: the text sets it %d times:\n%s", twice.key, strings.Count(text, "\n"+twice.key+" = "), text)
		}
		if hd := readHeader([]byte(text)); hd.ok {
			t.Errorf("%s set to %s, then %s: read as %+v, want no front matter", twice.key, twice.first, twice.last, hd)
		}
	}
}
