package generator

import (
	"io/fs"
	"path"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"ismsgen/generator/diag"
	"ismsgen/generator/internal/safefile"
)

// layoutFiles checks the files of a site's own layouts/ folder that the
// parse of the layouts cannot judge: a file that is not UTF-8 text is an
// error at its first bad line (html/template would copy its bytes into
// every page as they are); a file ismsgen never reads (in another
// folder than layouts/ and layouts/partials/, not .html) and a page
// layout of a name no page is made with are warnings, as they change
// nothing. builtin holds the default layouts, whose names are the pages'.
func layoutFiles(source string, builtin fs.FS) diag.List {
	var diags diag.List
	root := filepath.Join(source, "layouts")
	_ = filepath.WalkDir(root, func(p string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return nil
		}
		rel, err := filepath.Rel(source, p)
		if err != nil {
			return nil
		}
		rel = filepath.ToSlash(rel)
		name := strings.TrimPrefix(rel, "layouts/")
		dir, base := path.Split(name)
		switch {
		case strings.HasPrefix(base, "."):
			return nil // an editor's or the system's own file
		case path.Ext(base) != ".html":
			diags.Warnf(rel, 0, "layout-unused",
				diag.Msg("layouts are .html files in layouts/ (pages) and layouts/partials/ (shared pieces): rename it, or move it out of layouts/"),
				"the file is not read: it is no layout")
			return nil
		case dir != "" && dir != "partials/":
			diags.Warnf(rel, 0, "layout-unused",
				diag.Msg("put it in layouts/%s to replace that layout, or in layouts/partials/ and call it with {{template}}", base),
				"the layout is not read: ismsgen reads layouts/*.html and layouts/partials/*.html only")
			return nil
		case dir == "" && builtin != nil:
			if _, err := fs.Stat(builtin, name); err != nil {
				diags.Warnf(rel, 0, "layout-unused",
					diag.Msg("name it as the default layout of the page it is for (docs/layouts.md lists them), or put it in layouts/partials/ and call it with {{template}}"),
					"no page is made with the layout %s: ismsgen has no page layout of that name", base)
			}
		}
		data, err := safefile.ReadRegular(p) // a named pipe is reported by the parse of the layouts
		if err != nil || utf8.Valid(data) {
			return nil
		}
		line := 1
		for len(data) > 0 {
			r, size := utf8.DecodeRune(data)
			if r == utf8.RuneError && size <= 1 {
				break
			}
			if r == '\n' {
				line++
			}
			data = data[size:]
		}
		diags.Errorf(rel, line, diag.Msg("save the file as UTF-8 (in most editors: Save with Encoding, UTF-8)"),
			"the layout is not UTF-8 text: its pages would show its bytes as they are, garbled")
		return nil
	})
	diags.Sort()
	return diags
}
