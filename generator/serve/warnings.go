package serve

import (
	"html/template"
	"net/http"
	"path"
	"strings"

	"ismsgen/generator/diag"
	"ismsgen/generator/model"
)

// The warnings of the last good rebuild, for the browser: each document
// page (and its earlier versions and changes) learns its own file's
// warnings from WarningsPath, and WarningsPage lists them all. The
// terminal prints them too, but a controller editing a document looks at
// its page. What a browser must not be told is left out as for errors
// (see redact.go); that is worked out when a browser asks, for the
// warnings it asks for, so that a save costs no more than before.
type warningSet struct {
	build    int
	all      diag.List          // in the order check prints them
	out      leftOut            // of the rebuild, as it was
	files    map[string]docFile // by folded id
	pages    map[string]string  // document file → its page
	catalog  *diag.Catalog
	redacted []Problem // all, once a browser has asked for them
}

// docFile is where a document's warnings are: its file, and the folder
// of its bundle.
type docFile struct {
	file, folder string
}

// in reports whether a warning's file is the document's.
func (f docFile) in(file string) bool {
	return file == f.file || f.folder != "" && strings.HasPrefix(file, f.folder)
}

// warningSet makes the set of a rebuild's warnings.
func (e *engine) warningSet(site *model.Site, warnings diag.List, build int) *warningSet {
	c := e.messages()
	s := &warningSet{build: build, all: warnings, out: e.leftOut(), files: make(map[string]docFile, len(site.Docs)),
		pages: make(map[string]string, len(site.Docs)), catalog: c}
	for _, d := range site.Docs {
		f := docFile{file: d.Path}
		if strings.HasSuffix(d.Path, "/index.md") {
			f.folder = strings.TrimSuffix(d.Path, "index.md")
		}
		s.files[model.FoldID(d.ID)] = f
		s.pages[d.Path] = "/" + d.URL()
	}
	return s
}

// forPage returns the warnings of the document a page belongs to
// (/docs/<id>/ and the pages under it); none for other pages.
func (s *warningSet) forPage(page string) []Problem {
	out := []Problem{}
	if s == nil {
		return out
	}
	rest, ok := strings.CutPrefix(path.Clean("/"+page), "/docs/")
	if !ok {
		return out
	}
	id, _, _ := strings.Cut(rest, "/")
	f, ok := s.files[model.FoldID(id)]
	if !ok {
		return out
	}
	for _, d := range s.all {
		if f.in(d.File) && !s.out.in(d.File) {
			out = append(out, s.out.warning(problem(d, s.catalog), s.catalog))
		}
	}
	return out
}

// shown returns every warning a browser may see, as it may see it: none
// in the file, or the bundle, of a document left out, which is no more
// to the browser than one the site does not have (a neutral line for
// each would tell how many of them there are, and a draft's every
// edit); a neutral line for one elsewhere that names it.
func (s *warningSet) shown() []Problem {
	if s == nil {
		return []Problem{}
	}
	if s.redacted == nil {
		s.redacted = make([]Problem, 0, len(s.all))
		for _, d := range s.all {
			if !s.out.in(d.File) {
				s.redacted = append(s.redacted, s.out.warning(problem(d, s.catalog), s.catalog))
			}
		}
	}
	return s.redacted
}

// total is how many warnings a browser may see (shown): those of the
// documents left out are not counted.
func (s *warningSet) total() int { return len(s.shown()) }

// warning is p as a browser may see it: one neutral line when it is in,
// or names, a document left out; without its hint when that names one.
func (w leftOut) warning(p Problem, c *diag.Catalog) Problem {
	return w.redact(p, c, diag.Msg("a warning about a document this preview leaves out (a draft, or one above the classification ceiling): the terminal running ismsgen serve shows it"))
}

// warningsAnswer is WarningsPath's JSON.
type warningsAnswer struct {
	Build    int       `json:"build"`
	Total    int       `json:"total"`    // every warning of the site a browser may see
	Warnings []Problem `json:"warnings"` // the page's, or all
}

// warningsOf returns the warnings of the page's document, or all of
// them when page is "".
func (s *Server) warningsOf(page string) warningsAnswer {
	var a warningsAnswer
	s.hub.warnings(func(set *warningSet) {
		a = warningsAnswer{Total: set.total()}
		if set != nil {
			a.Build = set.build
		}
		if page != "" {
			a.Warnings = set.forPage(page)
		} else {
			a.Warnings = set.shown()
		}
	})
	return a
}

// warningsPage lists every warning of the site served, each with a link
// to its document's page: the controller's list of what to mend.
func (s *Server) warningsPage(w http.ResponseWriter) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	var c *diag.Catalog
	type item struct {
		Problem
		Page string
	}
	var items []item
	s.hub.warnings(func(set *warningSet) {
		if set == nil {
			return
		}
		c = set.catalog
		for _, p := range set.shown() {
			items = append(items, item{p, set.pageOf(p.File)})
		}
	})
	heading := c.Sprintf("No warnings")
	if len(items) > 0 {
		heading = c.Sprintf("%d warning(s)", len(items))
	}
	_ = warningsTemplate.Execute(w, struct {
		Lang, Title, Heading, Text, Open string
		Items                            []item
		Script                           string
	}{c.Lang(), c.Sprintf("ismsgen serve: warnings"), heading,
		c.Sprintf("The warnings of the last good rebuild, as ismsgen check prints them. This page reloads after each rebuild."),
		c.Sprintf("open the page"), items, ScriptPath})
}

// pageOf is the page of the document whose file, or bundle, holds file;
// "" when none does.
func (s *warningSet) pageOf(file string) string {
	if page, ok := s.pages[file]; ok {
		return page
	}
	// A bundle's file is under the folder of its index.md.
	for dir := path.Dir(file); dir != "." && dir != "/"; dir = path.Dir(dir) {
		if page, ok := s.pages[dir+"/index.md"]; ok {
			return page
		}
	}
	return ""
}

var warningsTemplate = template.Must(template.New("warnings").Parse(`<!DOCTYPE html>
<html lang="{{.Lang}}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'self'; img-src 'self' data:; script-src 'self'">
<link rel="icon" href="data:,">
<title>{{.Title}}</title>
</head>
<body>
<main>
<h1>{{.Heading}}</h1>
<p>{{.Text}}</p>
{{with .Items}}<ol>{{range .}}<li><code>{{.Text}}</code>{{with .Hint}}<br>{{.}}{{end}}{{with .Page}} · <a href="{{.}}">{{$.Open}}</a>{{end}}</li>
{{end}}</ol>{{end}}
</main>
<script src="{{.Script}}" data-build="0"></script>
</body>
</html>
`))
