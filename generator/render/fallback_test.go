package render

import (
	"errors"
	"strings"
	"testing"

	"ismsgen/generator/diag"
	"ismsgen/generator/internal/tmplexec"
)

// One note per template, whatever the order its pages ran in, with the
// least of its reasons; other errors are not noted.
func TestFallbackNotes(t *testing.T) {
	errs := []error{
		&tmplexec.Fallback{Template: "row", File: "partials/list.html", Reason: "range over a map"},
		&tmplexec.Fallback{Template: "main", File: "doc.html", Reason: "{{break}} is not supported"},
		errors.New("not a fallback"),
		&tmplexec.Fallback{Template: "row", File: "partials/list.html", Reason: "function index"},
	}
	var got []string
	for _, order := range [][]int{{0, 1, 2, 3}, {3, 2, 1, 0}} {
		var f fallbacks
		for _, i := range order {
			f.add(errs[i])
		}
		notes := f.notes()
		var b strings.Builder
		notes.Print(&b, nil)
		got = append(got, b.String())
		if len(notes) != 2 || notes[0].File != "layouts/doc.html" || notes[1].File != "layouts/partials/list.html" ||
			!strings.Contains(notes[1].Message, "function index") || notes[0].Severity != diag.Note || notes[0].Code != FallbackCode {
			t.Errorf("order %v: %s", order, b.String())
		}
	}
	if got[0] != got[1] {
		t.Errorf("the notes depend on the order of the pages:\n%s\n%s", got[0], got[1])
	}
	var none *fallbacks // a layout set made without a renderer
	none.add(errs[0])
}
