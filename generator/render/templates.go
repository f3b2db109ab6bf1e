package render

import (
	"fmt"
	"html/template"
	"io/fs"
	"path"
	"strings"

	"ismsgen/generator/i18n"
	"ismsgen/generator/model"
)

// templates holds one parsed template set per page layout.
type templates struct {
	pages map[string]*template.Template // "doc.html" → base + partials + page
}

// parseTemplates reads base.html, partials/*.html and every other *.html
// of the layouts overlay.
func parseTemplates(layouts fs.FS, cfg *model.Config, s *i18n.Strings) (*templates, error) {
	common := template.New("").Funcs(funcs(cfg, s))
	names, err := fs.Glob(layouts, "*.html")
	if err != nil {
		return nil, err
	}
	partials, err := fs.Glob(layouts, "partials/*.html")
	if err != nil {
		return nil, err
	}
	for _, p := range append([]string{"base.html"}, partials...) {
		if err := parseInto(common, layouts, p); err != nil {
			return nil, err
		}
	}
	t := &templates{pages: map[string]*template.Template{}}
	for _, name := range names {
		if name == "base.html" {
			continue
		}
		page, err := common.Clone()
		if err != nil {
			return nil, err
		}
		if err := parseInto(page, layouts, name); err != nil {
			return nil, err
		}
		t.pages[name] = page
	}
	return t, nil
}

func parseInto(t *template.Template, layouts fs.FS, name string) error {
	data, err := fs.ReadFile(layouts, name)
	if err != nil {
		return fmt.Errorf("layouts/%s: %w", name, err)
	}
	if _, err := t.New(name).Parse(string(data)); err != nil {
		return fmt.Errorf("layouts/%s: %w", name, err)
	}
	return nil
}

func funcs(cfg *model.Config, s *i18n.Strings) template.FuncMap {
	label := func(prefix, v string) string {
		if s.Has(prefix + v) {
			return s.T(prefix + v)
		}
		return v
	}
	deptName := func(id string) string {
		if id == model.AllStaff {
			return s.T("field.all_staff")
		}
		if d, ok := cfg.Department(id); ok {
			return d.Name
		}
		return id
	}
	sep := ", "
	if cfg.IsChinese() {
		sep = "、"
	}
	return template.FuncMap{
		"t":        s.T,
		"status":   func(v string) string { return label("status.", v) },
		"doctype":  func(v string) string { return label("type.", v) },
		"tier":     func(v int) string { return label("tier.", fmt.Sprint(v)) },
		"class":    func(v string) string { return label("class.", v) },
		"state":    func(v any) string { return label("review.", fmt.Sprint(v)) },
		"dept":     deptName,
		"date":     func(d model.Date) string { return orDash(d.String()) },
		"orDash":   orDash,
		"bytes":    humanBytes,
		"add":      func(a, b int) int { return a + b },
		"neg":      func(a int) int { return -a },
		"lower":    strings.ToLower,
		"basename": path.Base,
		"depts": func(ids []string) string {
			names := make([]string, len(ids))
			for i, id := range ids {
				names[i] = deptName(id)
			}
			return orDash(strings.Join(names, sep))
		},
		"navItems": navItems,
		"docList":  docList,
		"docTable": func(rel string, rows []RegisterRow) any {
			return struct {
				Rel  string
				Rows []RegisterRow
			}{rel, rows}
		},
		"tierNumbers": func() []int { return []int{1, 2, 3} },
		"rows":        rows,
		"join":        func(list []string) string { return orDash(strings.Join(list, sep)) },

		"catalogTitle": catalogTitle(cfg), // controlpages.go
	}
}

func orDash(s string) string {
	if s == "" {
		return "—"
	}
	return s
}

func humanBytes(n int64) string {
	switch {
	case n < 1024:
		return fmt.Sprintf("%d B", n)
	case n < 1024*1024:
		return fmt.Sprintf("%.1f KB", float64(n)/1024)
	default:
		return fmt.Sprintf("%.1f MB", float64(n)/1024/1024)
	}
}
