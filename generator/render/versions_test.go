package render

import (
	"html/template"
	"strings"
	"testing"
)

// escapeHTML escapes as template.HTMLEscapeString does.
func TestEscapeHTML(t *testing.T) {
	for _, s := range []string{"", "plain 文本", `title = "<b>A&B</b>"`, "it's\x00", "&&", "<", "\"x\"'y'"} {
		var b strings.Builder
		escapeHTML(&b, s)
		if want := template.HTMLEscapeString(s); b.String() != want {
			t.Errorf("escapeHTML(%q) = %q, want %q", s, b.String(), want)
		}
	}
}

// FuzzEscapeHTML checks escapeHTML against template.HTMLEscapeString.
func FuzzEscapeHTML(f *testing.F) {
	f.Add(`a < "b" & 'c' > d` + "\x00")
	f.Fuzz(func(t *testing.T, s string) {
		var b strings.Builder
		escapeHTML(&b, s)
		if want := template.HTMLEscapeString(s); b.String() != want {
			t.Fatalf("escapeHTML(%q) = %q, want %q", s, b.String(), want)
		}
	})
}
