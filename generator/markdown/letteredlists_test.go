package markdown

import (
	"bytes"
	"strings"
	"testing"
)

// A lettered list with roman items under its items is shown as numbered
// lists, nested, every item's text kept: none of it is code.
func TestLetteredListsRender(t *testing.T) {
	for _, tc := range []struct{ name, in, want string }{
		{"roman items under lettered ones",
			"a. *Joining:*\n\n    i. The manager tells HR.\n\n    i. The owner approves the\naccess asked for.\n\na. *Leaving:*\n\n    ii. IT ends the access.\n",
			"<ol>\n<li>\n<p><em>Joining:</em></p>\n<ol>\n<li>\n<p>The manager tells HR.</p>\n</li>\n<li>\n<p>The owner approves the\naccess asked for.</p>\n</li>\n</ol>\n</li>\n<li>\n<p><em>Leaving:</em></p>\n<ol start=\"2\">\n<li>IT ends the access.</li>\n</ol>\n</li>\n</ol>\n"},
		{"letters in a row", "b. one\nc. two\n", "<ol start=\"2\">\n<li>one</li>\n<li>two</li>\n</ol>\n"},
		{"roman numerals, then text", "i. one\n\nii. two\n\nText.\n", "<ol>\n<li>\n<p>one</p>\n</li>\n<li>\n<p>two</p>\n</li>\n</ol>\n<p>Text.</p>\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			body, _ := letteredLists([]byte(tc.in))
			var out bytes.Buffer
			if err := New().Convert(body, &out); err != nil {
				t.Fatal(err)
			}
			if out.String() != tc.want {
				t.Errorf("got\n%s\nwant\n%s", out.String(), tc.want)
			}
			if strings.Contains(out.String(), "<code>") {
				t.Error("an item is shown as code")
			}
		})
	}
}

// An item's letters that a number cannot take the place of, its text
// kept where it was, leave the run as written.
func TestLetteredListTooWide(t *testing.T) {
	in := "v. one\nw. two\n"
	if out, found := letteredLists([]byte(in)); string(out) != in || len(found) != 0 {
		t.Errorf("got %q %v", out, found)
	}
}

// Uppercase markers and items indented by a tab are lists as lowercase
// and space-indented ones are: no item is text or code.
func TestLetteredListsUppercaseAndTabs(t *testing.T) {
	for _, in := range []string{
		"A. Scope.\nB. Terms.\n",
		"I. Scope.\n\nII. Terms.\n",
		"a. Joining:\n\n\ti. The manager tells HR.\n\n\tii. The owner approves.\n",
	} {
		body, _ := letteredLists([]byte(in))
		var out bytes.Buffer
		if err := New().Convert(body, &out); err != nil {
			t.Fatal(err)
		}
		if strings.Contains(out.String(), "<code>") || strings.Count(out.String(), "<li>") < 2 {
			t.Errorf("%q: got\n%s", in, out.String())
		}
	}
}
