package markdown

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

func TestSplitTarget(t *testing.T) {
	for _, tc := range []struct {
		dest, id, frag string
		ok             bool
	}{
		{"ISMS-P-009", "ISMS-P-009", "", true},
		{"ISMS-P-009#4-程序", "ISMS-P-009", "4-程序", true},
		{"isms-p-009", "isms-p-009", "", true},
		{"ISMS-P-009.1", "ISMS-P-009.1", "", true},
		{"form.docx", "", "", false},
		{"register.xlsx", "", "", false},
		{"./form.docx", "", "", false},
		{"../x/", "", "", false},
		{"https://example.com/ISMS-P-009", "", "", false},
		{"mailto:a@b.c", "", "", false},
		{"#local", "", "", false},
		{"", "", "", false},
		{"ISMS P 009", "", "", false},
		{"文件", "", "", false},
	} {
		id, frag, ok := SplitTarget(tc.dest)
		if id != tc.id || frag != tc.frag || ok != tc.ok {
			t.Errorf("SplitTarget(%q) = %q, %q, %v; want %q, %q, %v", tc.dest, id, frag, ok, tc.id, tc.frag, tc.ok)
		}
	}
}

func TestSlug(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"4 程序", "4-程序"},
		{"4.1 制定计划", "41-制定计划"},
		{"Roles & Responsibilities", "roles-responsibilities"},
		{"  Scope  ", "scope"},
		{"附录A：记录清单", "附录a记录清单"},
		{"snake_case and-dash", "snake_case-and-dash"},
		{"!!!", ""},
	} {
		if got := Slug(tc.in); got != tc.want {
			t.Errorf("Slug(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// slugByDefinition is Slug as its comment defines it, without the fast
// paths for ASCII.
func slugByDefinition(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.TrimSpace(s) {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_' || r == '-':
			b.WriteRune(unicode.ToLower(r))
			dash = false
		case unicode.IsSpace(r):
			if !dash && b.Len() > 0 {
				b.WriteByte('-')
				dash = true
			}
		}
	}
	return strings.TrimSuffix(b.String(), "-")
}

func FuzzSlug(f *testing.F) {
	for _, s := range []string{"4.1 制定计划", "Roles & Responsibilities", "ÀÉÎ Ⱥ K İ", "a\tb\u00a0c", "\xff\xfe-", "Ⅻ ½ ٣"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := Slug(s), slugByDefinition(s); got != want {
			t.Errorf("Slug(%q) = %q, want %q", s, got, want)
		}
	})
}

func FuzzSplitTarget(f *testing.F) {
	for _, s := range []string{"ISMS-P-009", "ISMS-P-009#4-程序", "form.docx", "https://x", "#a", "..", "A..B"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, dest string) {
		id, frag, ok := SplitTarget(dest)
		if !ok {
			return
		}
		if id == "" || !targetPattern.MatchString(id) {
			t.Fatalf("SplitTarget(%q) accepted id %q", dest, id)
		}
		if want := id + "#" + frag; frag != "" && want != dest {
			t.Fatalf("SplitTarget(%q) = %q + %q", dest, id, frag)
		}
	})
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{"# 标题\n\n[x](ISMS-P-1) text", "> > > deep", "- a\n  - b\n    - c", "| a |\n| - |\n| 1 |", "```go\nx\n```"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		doc := Parse(nil, []byte(src))
		for _, h := range Headings(doc, []byte(src)) {
			if !utf8.ValidString(h.ID) && utf8.ValidString(src) {
				t.Fatalf("heading id %q is not UTF-8", h.ID)
			}
		}
		_ = PlainText(doc, []byte(src))
	})
}
