package render

import (
	"html/template"
	"strings"
	"testing"

	"ismsgen/generator/internal/fast"
)

// escapeHTML escapes as template.HTMLEscapeString does, with the fast
// paths on and off.
func TestEscapeHTML(t *testing.T) {
	for _, on := range []bool{true, false} {
		restore := fast.Set(on)
		for _, s := range []string{"", "plain 文本", `title = "<b>A&B</b>"`, "it's\x00", "&&", "<", "\"x\"'y'"} {
			var b strings.Builder
			escapeHTML(&b, s)
			if want := template.HTMLEscapeString(s); b.String() != want {
				t.Errorf("fast %v: escapeHTML(%q) = %q, want %q", on, s, b.String(), want)
			}
		}
		restore()
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
