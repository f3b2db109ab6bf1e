package markdown

import (
	"fmt"
	"slices"
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
		// Escapes do not change what a destination is.
		{"ISMS&#45;P-009", "ISMS-P-009", "", true},
		{"ISMS&#x2D;P-009", "ISMS-P-009", "", true},
		{"ISMS&#45;P&#46;009", "ISMS-P.009", "", true},
		{`ISMS\-P-009`, "ISMS-P-009", "", true},
		{"ISMS%2DP-009", "ISMS-P-009", "", true},
		{"ISMS%2dP%2D009%23scope", "ISMS-P-009", "scope", true},
		{"ISMS-P-009#4-%E7%A8%8B%E5%BA%8F", "ISMS-P-009", "4-程序", true},
		{"%49SMS-P-009", "ISMS-P-009", "", true},
		{"ISMS-P-009%", "", "", false},
		{"form&#46;docx", "", "", false},
		{"a%2Fb", "", "", false},
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
		{"Deep dive on _Be welcoming_ (__init__, a_1_b)", "deep-dive-on-be-welcoming-init-a_1_b"},
		{"_注意_事项", "注意_事项"},
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
	rs := []rune(strings.TrimSpace(s))
	word := func(k int) bool { return k >= 0 && k < len(rs) && (unicode.IsLetter(rs[k]) || unicode.IsDigit(rs[k])) }
	for k, r := range rs {
		switch {
		case r == '_':
			if word(k-1) && word(k+1) {
				b.WriteByte('_')
				dash = false
			}
		case unicode.IsLetter(r) || unicode.IsDigit(r) || r == '-':
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
	for _, s := range []string{"ISMS-P-009", "ISMS-P-009#4-程序", "form.docx", "https://x", "#a", "..", "A..B", "ISMS&#45;P-009", `ISMS\-P-009`, "ISMS%2DP-009%23x"} {
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
		if want := id + "#" + frag; frag != "" && want != Unescape(dest) {
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

// ScanLinks finds images and ids in angle brackets beside links, and
// ImageID and AngleID say which of them name a document; an id's shape
// in angle brackets right after a Latin letter or a digit is a
// subscript ("h<t-1>"), no link.
func TestScanLinkKinds(t *testing.T) {
	src := []byte("Text <ISMS-P-009> and <br> <my-tag> <x-1>y</x-1>.\n\n![](ISMS-P-010) ![a](fig1.png) [l](ISMS-P-011)\nh<t-1> and x2<T-2>, 见<ISMS-P-012>\n")
	links, _ := ScanLinks(src)
	var got []string
	for _, l := range links {
		got = append(got, fmt.Sprintf("%d:%s@%d", l.Kind, l.Dest, l.Line))
	}
	want := []string{"2:ISMS-P-009@0", "2:x-1@0", "1:ISMS-P-010@2", "1:fig1.png@2", "0:ISMS-P-011@2", "2:ISMS-P-012@3"}
	if !slices.Equal(got, want) {
		t.Errorf("ScanLinks = %q, want %q", got, want)
	}
	for dest, want := range map[string]bool{"ISMS-P-010": true, "ISMS-P-010#a": true, "fig1.png": false, "scan2.PDF": false, "ISMS-P-009.1": true, "img/x.png": false} {
		if _, _, ok := ImageID(dest); ok != want {
			t.Errorf("ImageID(%q) = %v, want %v", dest, ok, want)
		}
	}
}

// PlainText, the text of the search index and of the table of contents,
// resolves character references and backslash escapes once, as the page
// shows them; code keeps them as written.
func TestPlainTextResolvesEscapes(t *testing.T) {
	src := []byte("## R&amp;D \\*notes\\* &#169; &copy; &unknown;\n\nA &amp; B, \\[x\\], `&amp; \\*`, [l&amp;k](https://x?a=1&amp;b=2).\n\n    &amp; code\n")
	root := Parse(nil, src)
	if got, want := PlainText(root, src), "R&D *notes* © © &unknown;\nA & B, [x], &amp; \\*, l&k.\n&amp; code\n\n"; got != want {
		t.Errorf("PlainText = %q, want %q", got, want)
	}
	if h := Headings(root, src); len(h) != 1 || h[0].Text != "R&D *notes* © © &unknown;" {
		t.Errorf("Headings = %+v", h)
	}
}
