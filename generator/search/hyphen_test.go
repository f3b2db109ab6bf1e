package search

import (
	"slices"
	"testing"
)

// hyphenEntries are documents that write the same words apart, with a
// hyphen and joined, in English and Chinese.
func hyphenEntries() []Entry {
	e := func(id, title string, tier int, text string, controls ...string) Entry {
		return Entry{ID: id, Title: title, URL: "docs/" + id + "/", Tier: tier, Type: "procedure",
			Status: "approved", Version: "1.0", Text: text, Controls: controls}
	}
	return []Entry{
		e("H-P-001", "Access Control Procedure", 2, "Access control for all systems. Two factor authentication for remote access.", "5.1", "A.5.1", "5.3", "A.5.3"),
		e("H-P-002", "Network Access-Control Lists", 2, "Each access-control list is reviewed. Send changes by e-mail."),
		e("H-P-003", "Backup Procedure", 2, "Nightly backups, restored every quarter, as ISO/IEC 27001:2022 asks."),
		e("H-G-004", "Email Guideline", 2, "Do not forward email outside. Use two-factor login. See H-P-002, version 001.", "5.1", "A.5.1"),
		e("H-R-005", "访问控制记录", 3, "信息系统的安全审核。The control of access is logged, as H-P-001 says."),
		e("H-F-006", "信息安全检查表", 3, "按 A.5.1-A.5.3 检查信息安全。"),
	}
}

// TestHyphenQueries: a word with hyphens finds the documents that write
// it so or joined, and those that hold all its words, together first; an
// id with hyphens still finds only that id.
func TestHyphenQueries(t *testing.T) {
	ix := NewIndex(hyphenEntries())
	for _, c := range []struct {
		name, q string
		want    []string // all the results, in order
	}{
		{"hyphenated in the title first, then the words apart", "access-control", []string{"H-P-002", "H-P-001", "H-R-005"}},
		{"as the words apart", "access control", []string{"H-P-001", "H-P-002", "H-R-005"}},
		{"a word before a hyphen is whole", "acc-control", nil},
		{"the last word is a prefix", "access-cont", []string{"H-P-002", "H-P-001", "H-R-005"}},
		{"joined, a prefix", "back-up", []string{"H-P-003"}},
		{"standard number", "ISO-27001", []string{"H-P-003"}},
		{"joined in the title, hyphenated in the text", "e-mail", []string{"H-G-004", "H-P-002"}},
		{"hyphenated before apart", "two-factor", []string{"H-G-004", "H-P-001"}},
		{"full-width hyphen", "ｔｗｏ－ｆａｃｔｏｒ", []string{"H-G-004", "H-P-001"}},
		{"range of controls: both ids, or as written", "A.5.1-A.5.3", []string{"H-P-001", "H-F-006"}},
		{"Chinese around a hyphen", "信息-安全", []string{"H-F-006", "H-R-005"}},
		{"Chinese and English", "访问-control", []string{"H-R-005"}},
		{"a leading hyphen excludes nothing", "-access", []string{"H-P-001", "H-P-002", "H-R-005"}},
		{"a trailing hyphen", "access-", []string{"H-P-001", "H-P-002", "H-R-005"}},
		{"a whole id: only it, and where it is named", "H-P-001", []string{"H-P-001", "H-R-005"}},
		{"the start of an id", "h-p-00", []string{"H-P-001", "H-P-002", "H-P-003", "H-G-004", "H-R-005"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			got := ix.Search(c.q, 20)
			if !slices.Equal(ids(got), c.want) {
				t.Errorf("Search(%q)\n got %v\nwant %v", c.q, ids(got), c.want)
				for _, r := range got {
					t.Logf("  %s %.0f %s", r.ID, r.Score, r.Snippet)
				}
			}
		})
	}
}

func TestHyphenSnippet(t *testing.T) {
	ix := NewIndex(hyphenEntries())
	for _, c := range []struct{ q, id, want string }{
		{"access-control", "H-P-001", "⟦Access⟧ ⟦control⟧ for all systems. Two factor authentication for remote ⟦access⟧."},
		{"access-control", "H-P-002", "Each ⟦access-control⟧ list is reviewed. Send changes by e-mail."},
		{"e-mail", "H-G-004", "Do not forward ⟦email⟧ outside. Use two-factor login. See H-P-002, version 001."},
		{"e-mail", "H-P-002", "Each access-control list is reviewed. Send changes by ⟦e-mail⟧."},
		{"acc-cont", "H-P-001", ""},
		{"h-p-00", "H-G-004", "Do not forward email outside. Use two-factor login. See ⟦H-P-00⟧2, version 001."},
	} {
		var got string
		for _, r := range ix.Search(c.q, 20) {
			if r.ID == c.id {
				got = r.Snippet
			}
		}
		if got != c.want {
			t.Errorf("snippet of %s for %q\n got %q\nwant %q", c.id, c.q, got, c.want)
		}
	}
	// A word before a hyphen is marked only whole.
	if got := snippetString("accessible access", parseQuery("access-x")); got != "accessible ⟦access⟧" {
		t.Errorf("snippet %q", got)
	}
}
