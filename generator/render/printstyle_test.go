package render

import (
	"fmt"
	"strings"
	"testing"

	"ismsgen"
	"ismsgen/generator/i18n"
	"ismsgen/generator/model"
)

// printCSSByFmt is the print stylesheet as it was written with fmt,
// which printStyle must give byte for byte.
func printCSSByFmt(s *i18n.Strings, d *model.Document) []byte {
	quote := func(v string) string {
		var b strings.Builder
		b.WriteByte('"')
		for _, c := range v {
			switch c {
			case '"', '\\':
				b.WriteByte('\\')
				b.WriteRune(c)
			case '\n', '\r', '\f', '<':
				fmt.Fprintf(&b, "\\%x ", c)
			default:
				b.WriteRune(c)
			}
		}
		b.WriteByte('"')
		return b.String()
	}
	var b strings.Builder
	b.WriteString("@page {\n")
	fmt.Fprintf(&b, "  @top-left { content: %s; }\n", quote(s.T("print.field", s.T("field.id"), d.ID)))
	fmt.Fprintf(&b, "  @top-center { content: %s; }\n", quote(d.Title))
	fmt.Fprintf(&b, "  @top-right { content: %s; }\n", quote(s.T("print.field", s.T("field.version"), d.Version)))
	fmt.Fprintf(&b, "  @bottom-left { content: %s; }\n", quote(s.T("doc.print_notice")))
	fmt.Fprintf(&b, "  @bottom-right { content: %s counter(page) \" / \" counter(pages); }\n", quote(s.T("doc.page_of")+" "))
	b.WriteString("}\n")
	return []byte(b.String())
}

func TestPrintStyle(t *testing.T) {
	for _, lang := range []string{"zh-CN", "en"} {
		s, err := i18n.Load(ismsgen.I18n(), lang)
		if err != nil {
			t.Fatal(err)
		}
		r := &renderer{in: Input{Strings: s}}
		for _, title := range []string{"信息安全方针", `A "quoted" \ title`, "two\nlines\r\f<script>", "bad \xff utf-8", ""} {
			d := &model.Document{ID: "ISMS-P-009", Title: title, Version: "2.1"}
			html, hash := r.printStyle(d)
			wantHTML, wantHash := inlineStyle(printCSSByFmt(s, d), "print")
			if html != wantHTML || hash != wantHash {
				t.Errorf("%s %q:\n%s %s\nwant\n%s %s", lang, title, html, hash, wantHTML, wantHash)
			}
		}
		if got, want := cssString("a\"<\n"), `"a\"\3c \a "`; got != want {
			t.Errorf("cssString: %s, want %s", got, want)
		}
	}
}
