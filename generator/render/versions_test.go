package render

import (
	"bytes"
	"html/template"
	"testing"

	"ismsgen/generator/internal/fast"
)

// escapeHTML escapes as template.HTMLEscapeString does, with the fast
// paths on and off.
func TestEscapeHTML(t *testing.T) {
	for _, on := range []bool{true, false} {
		restore := fast.Set(on)
		for _, s := range []string{"", "plain 文本", `title = "<b>A&B</b>"`, "it's\x00", "&&", "<", "\"x\"'y'"} {
			var b bytes.Buffer
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
		var b bytes.Buffer
		escapeHTML(&b, s)
		if want := template.HTMLEscapeString(s); b.String() != want {
			t.Fatalf("escapeHTML(%q) = %q, want %q", s, b.String(), want)
		}
	})
}

// diffHTML writes the front matter's and the body's changes, escaped,
// each in its own part of one buffer, and counts both.
func TestDiffHTML(t *testing.T) {
	cases := []struct {
		old, new          maskedText
		frontMatter, body string
		ins, del          int
	}{
		{maskedText{"", ""}, maskedText{"", ""}, "", "", 0, 0},
		{
			maskedText{"version = \"1.0\"\n", "应每年评审一次。\n"},
			maskedText{"version = \"1.1\"\n", "应每半年评审一次。\n"},
			"version = &#34;<del class=\"diff-del\">1.0</del><ins class=\"diff-ins\">1.1</ins>&#34;\n",
			"应每<ins class=\"diff-ins\">半</ins>年评审一次。\n", 4, 3,
		},
		{ // only the body changed, with text to escape
			maskedText{"id = \"A\"\n", "a < b\n"},
			maskedText{"id = \"A\"\n", "a < b & c\n"},
			"id = &#34;A&#34;\n",
			"a &lt; b<ins class=\"diff-ins\"> &amp; c</ins>\n", 3, 0,
		},
	}
	for _, tc := range cases {
		for _, on := range []bool{true, false} {
			restore := fast.Set(on)
			fm, body, ins, del, room := diffHTML(tc.old, tc.new)
			if string(fm) != tc.frontMatter || string(body) != tc.body || ins != tc.ins || del != tc.del {
				t.Errorf("fast %v: diffHTML(%q, %q) = %q, %q, %d, %d; want %q, %q, %d, %d",
					on, tc.old, tc.new, fm, body, ins, del, tc.frontMatter, tc.body, tc.ins, tc.del)
			}
			if (room != nil) != on {
				t.Errorf("fast %v: diffHTML gave a buffer to give back: %v", on, room != nil)
			}
			putRoom(room)
			restore()
		}
	}
}
