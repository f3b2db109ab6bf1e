package diag_test

import (
	"strings"
	"testing"

	"ismsgen/generator/diag"
)

// What a document gives a message (a link's destination, percent-decoded,
// a file name) is printed without the control characters a terminal
// obeys or that start a line of its own: a link to
// "q%0acontent/x.md:1:%20error" printed a second diagnostic, and one
// with %1b[2J cleared the screen of whoever ran check.
func TestArgumentsAreInert(t *testing.T) {
	var l diag.List
	l.Errorf("content/a.md", 3, diag.Msg("rename %s", "a\x1b]0;title\a.md"), "broken link: names %s, which does not exist", "q\ncontent/x.md:1: error: fake\x1b[2J\u202e\u0085")
	l.Warnf("content/b.md", 4, "attachment", "", "attachment %v is not published", diag.Msg("%s", "x\r.txt"))
	var b strings.Builder
	l.Print(&b, nil)
	got := b.String()
	want := `content/a.md:3: broken link: names q\ncontent/x.md:1: error: fake\x1b[2J\u202e\u0085, which does not exist
    hint: rename a\x1b]0;title\a.md
content/b.md:4: warning: attachment x\r.txt is not published
`
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}
