package scaffold

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"ismsgen/generator/model"
)

// document is the text of the new file: front matter, then the body.
func document(opts Options, cfg *model.Config, soas []string) []byte {
	w := words(cfg)
	var b strings.Builder
	line := func(format string, args ...any) { fmt.Fprintf(&b, format+"\n", args...) }
	note := func(code, comment string) { line("%-34s # %s", code, comment) }
	today := opts.Today.String()
	line("+++")
	line("id = %s", quote(opts.ID))
	line("title = %s", quote(opts.Title))
	line("tier = %d", opts.Tier)
	line("type = %s", quote(opts.Type))
	line(`version = "0.1"`)
	note("status = \"draft\"", w.status)
	note(fmt.Sprintf("owners = [%s]", quote(cfg.Departments[0].ID)), w.owners)
	note(`# author = ""`, w.author)
	note(`# reviewer = ""`, w.reviewer)
	note(`# approver = ""`, w.approver)
	note("# approved = "+today, w.approved)
	line("classification = %s", quote(cfg.DefaultClassification))
	note(`# distribution = ["all"]`, w.distribution)
	note(`# parent = ""`, w.parent)
	note(`# controls = []`, w.controls)
	if opts.Type == model.TypeRecord || opts.Type == model.TypeForm {
		note(`# retention = "3 years"`, w.retention)
	}
	if opts.Type == model.TypeExternal {
		note(`# issuer = ""`, w.issuer)
		note(`# edition = ""`, w.edition)
		note("# acquired = "+today, w.acquired)
	}
	if opts.Type == model.TypeSoA && len(soas) > 0 {
		quoted := make([]string, len(soas))
		for i, id := range soas {
			quoted[i] = quote(id)
		}
		note(fmt.Sprintf("supersedes = [%s]", strings.Join(quoted, ", ")), w.supersedes)
	}
	line("")
	if opts.Type == model.TypeSoA {
		line("# [[applicability]]")
		line(`# control = "5.1"`)
		line("# applicable = true")
		line(`# justification = ""`)
		line(`# implementation = ""`)
		line("")
	}
	if opts.Type == model.TypeRecord {
		note("# [[actions]]", w.actions)
		line(`# id = "NC-1"`)
		line(`# title = ""`)
		line(`# source = "nonconformity"`)
		line("# owner = %s", quote(cfg.Departments[0].ID))
		line("# due = %s", today)
		line("")
	}
	line("[[history]]")
	line(`version = "0.1"`)
	line("date = %s", today)
	line("summary = %s", quote(w.firstDraft))
	line("+++")
	line("")
	b.WriteString(body(opts.Type, w))
	return []byte(b.String())
}

// quote writes s as a TOML basic string.
func quote(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r < 0x20 || r == 0x7f || r == utf8.RuneError:
			fmt.Fprintf(&b, `\u%04X`, r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}
