package serve

import (
	"testing"

	"ismsgen/generator/diag"
)

// A hint that proposes a Markdown link to a left-out document's file
// ("[text](qzkd.md)", as a file: address's hint writes it) is left out
// of what the browser is told, as one that quotes the file is; a message
// that does is the neutral line.
func TestRedactLinkedFile(t *testing.T) {
	w := leftOut{files: map[string]bool{"content/tier2/qzkd.md": true, "content/tier2/QZKC-001/index.md": true}, folders: []string{"content/tier2/QZKC-001/"}, ids: []string{"QZKD-001", "QZKC-001"}}
	for _, c := range []struct {
		hint string
		kept bool
	}{
		{"link to the file of this site by its path relative to this document: [text](qzkd.md)", false},
		{"write [text](<../tier2/qzkd.md#part>)", false},
		{"write [text](QZKC-001/form.docx)", false},
		{"write [text](pub.md)", true},
		{"write [text](", true},
	} {
		p := w.redact(Problem{File: "content/tier2/pub.md", Message: "a warning", Text: "content/tier2/pub.md:11: a warning", Hint: c.hint}, nil, diag.Msg("neutral"))
		if kept := p.Hint != ""; kept != c.kept {
			t.Errorf("%q: hint kept %v, want %v", c.hint, kept, c.kept)
		}
	}
}
