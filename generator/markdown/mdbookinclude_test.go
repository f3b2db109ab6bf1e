package markdown

import "testing"

// An mdBook include's warning names the directive and the file whose
// text is missing, and the hint links to that file.
func TestMDBookIncludeMessage(t *testing.T) {
	found := mdBookIncludes([]byte("Intro.\n{{#include ../common/options.md:flags}}\n"))
	if len(found) != 1 || found[0].Line != 1 {
		t.Fatalf("found %v, want one at line 1", found)
	}
	want := "mdBook's {{#include ../common/options.md:flags}} is shown as written: the text of ../common/options.md is not put in its place, as mdBook would (pages here run no preprocessors)"
	if got := found[0].Message.String(); got != want {
		t.Errorf("message\n%s\nwant\n%s", got, want)
	}
	if got, want := found[0].Hint.String(), "copy the text of ../common/options.md here, or link to it: [../common/options.md](../common/options.md)"; got != want {
		t.Errorf("hint %q, want %q", got, want)
	}
}
