package generator

import (
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"

	"ismsgen/generator/assets"
	"ismsgen/generator/diag"
	"ismsgen/generator/i18n"
	"ismsgen/generator/internal/overlay"
	"ismsgen/generator/internal/par"
	"ismsgen/generator/link"
	"ismsgen/generator/load"
	"ismsgen/generator/markdown"
	"ismsgen/generator/model"
	"ismsgen/generator/render"
	"ismsgen/generator/validate"
)

// The stage functions: Build runs them in order; serve, check, the tests
// and the benchmarks call the same ones.

// Config reads isms.toml and checks it, then the flags that depend on it.
// The configuration is nil when it has errors; the error is a
// *diag.UsageError for a flag that does not fit the site.
func Config(opts Options) (*model.Config, diag.List, error) {
	if err := sourceFolder(opts.Source); err != nil {
		return nil, nil, err
	}
	file, diags := load.Config(opts.Source)
	cfg, d := validate.Config(file)
	diags.Add(d...)
	if cfg == nil {
		return nil, diags, nil
	}
	if opts.Classification != "" && cfg.Level(opts.Classification) < 0 {
		return nil, diags, diag.Usagef("--classification %q is not one of the levels in isms.toml: %v", opts.Classification, cfg.Levels)
	}
	if opts.BaseURL != "" {
		u, err := url.Parse(opts.BaseURL)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			return nil, diags, diag.Usagef("--base-url %q is not an http(s) address; write the site's address, e.g. --base-url https://isms.example.com/", opts.BaseURL)
		}
		cfg.BaseURL = strings.TrimSuffix(opts.BaseURL, "/") + "/"
	}
	return cfg, diags, nil
}

// sourceFolder is a *diag.UsageError when --source names no folder (a
// mistyped path, a file): said before anything is read or written,
// rather than as the missing isms.toml and content/ of a site.
func sourceFolder(source string) error {
	info, err := os.Stat(source)
	if errors.Is(err, fs.ErrNotExist) || err == nil && !info.IsDir() {
		return diag.Usagef("--source %q is not a folder: name the site folder, which holds isms.toml and content/", source)
	}
	return nil
}

// Assets bundles the site's assets over the embedded ones.
func Assets(opts Options) (*assets.Bundle, diag.List) {
	return assets.Build(overlay.New(filepath.Join(opts.Source, "assets"), opts.Defaults.Assets))
}

// Theme is what every page is made with besides the content.
type Theme struct {
	Strings *i18n.Strings
	Layouts fs.FS // the site's layouts over the embedded ones
	Parsed  *render.Parsed
	Assets  *assets.Bundle
	Builtin fs.FS // the embedded layouts, that the site's are over
}

// Layouts loads the interface strings of the site's language and parses
// the site's layouts over the embedded ones with them; a layout's syntax
// error is a diagnostic at its line, and so is a string it asks for by a
// key the language does not have (a warning).
func Layouts(opts Options, cfg *model.Config) (*Theme, diag.List) {
	var diags diag.List
	strings, err := i18n.Load(opts.Defaults.I18n, cfg.Language)
	if err != nil {
		diags.Errorf(model.ConfigFile, 0, "", "%v", err)
		return nil, diags
	}
	diags.Add(layoutFiles(opts.Source, opts.Defaults.Layouts)...)
	t := &Theme{Strings: strings, Layouts: overlay.New(filepath.Join(opts.Source, "layouts"), opts.Defaults.Layouts), Builtin: opts.Defaults.Layouts}
	if t.Parsed, err = render.ParseLayouts(t.Layouts, opts.Defaults.Layouts, cfg, strings); err != nil {
		diags.Add(layoutDiagnostics(err, opts.Defaults.Layouts)...)
		diags.Sort()
		return nil, diags
	}
	diags.Add(lostDefines(opts.Source, t.Layouts, opts.Defaults.Layouts)...)
	diags.Add(unknownStrings(opts.Source, strings)...)
	diags.Add(strayText(opts.Source)...)
	return t, diags
}

// layoutDiagnostics reports the errors of the layouts as diagnostics, and
// any other error (a layout that cannot be read) as one without a line.
func layoutDiagnostics(err error, builtin fs.FS) diag.List {
	diags, rest := render.DiagnosticsOver(err, builtin)
	if rest != nil {
		diags.Errorf("layouts", 0, "", "%v", rest)
	}
	return diags
}

// Converted is one document after the stages that need only its own file:
// validate's checks and link's scan of its body.
type Converted struct {
	Doc  *model.Document
	Scan *link.Scanned
	// Revision is the Scan of the draft in Doc's file when Doc is the
	// version in force shown from git in its place (see InForce): the
	// problems of the draft's body are reported at its lines.
	Revision *link.Scanned
}

// Convert converts a loaded document and scans its body for links. A
// first heading that only repeats the title is left out of the body (see
// markdown.TitleHeading): the page shows the title already, and a link
// to its anchor leads to the top of the page.
func Convert(cfg *model.Config, src *load.Doc) (Converted, diag.List) {
	return convert(cfg, src, false)
}

// convert is Convert; owned says that src is converted once and for
// this alone, so that its body may be changed in place.
func convert(cfg *model.Config, src *load.Doc, owned bool) (Converted, diag.List) {
	doc, diags := validate.Document(cfg, src)
	doc.Faulty = diags.HasErrors()
	if owned {
		doc.Body, doc.TitleAnchor = markdown.BlankTitleHeading(doc.Body, doc.ID, doc.Title)
	} else {
		doc.Body, doc.TitleAnchor = markdown.TitleHeading(doc.Body, doc.ID, doc.Title)
	}
	return Converted{Doc: doc, Scan: link.Scan(doc)}, diags
}

// Documents is every document file of the site, read and converted,
// and what else content/ holds.
type Documents struct {
	Converted []Converted // in path order; only those that could be read and converted
	Failed    []string    // the ids of the files that could not be, as far as they could be made out
	Files     model.Files // the files in no page bundle, the folders: what links may name besides
	Diags     diag.List
	source    string
	lang      string                     // the site's language, which bodies read again are adapted in
	sums      map[*model.Document]uint64 // fingerprints of the files whose bodies were let go
}

// ReadDocuments lists and reads the document files and converts each as
// soon as it is read, on every core: a file's untyped front matter then
// goes at once, so a large site never holds all of it. Without cfg (it
// has errors) the files are only read, for their own errors. Unless
// keepBodies, each body is let go once scanned and read again for its
// page (Body): on a large site the bodies would be a third of what the
// build holds to the end.
func ReadDocuments(opts Options, cfg *model.Config, keepBodies bool) *Documents {
	listing, diags := load.List(opts.Source)
	paths, bundles := listing.Docs, listing.Bundles
	files := beside(func() (model.Files, diag.List) { return load.ReadLoose(opts.Source, listing) })
	converted := make([]Converted, len(paths))
	sums := make([]uint64, len(paths))
	perFile := make([]diag.List, len(paths))
	rescued := make([]*salvaged, len(paths))
	lang := ""
	if cfg != nil {
		lang = cfg.Language
	}
	par.Each(len(paths), func(i int) {
		src, d := load.ReadDoc(opts.Source, paths[i], bundles[paths[i]], lang)
		perFile[i] = d
		if src == nil && cfg != nil && d.HasErrors() {
			var d diag.List
			d, rescued[i] = salvage(cfg, opts.Source, paths[i], bundles[paths[i]])
			perFile[i].Add(d...)
		}
		if src == nil || cfg == nil {
			return
		}
		if keepBodies {
			src.OwnBody() // kept to the end, without the rest of the file
		}
		c, d := convert(cfg, src, true) // read for this build alone
		perFile[i].Add(d...)
		converted[i], sums[i] = c, src.Sum
		if !keepBodies {
			c.Doc.Body = nil
		}
	})
	docs := &Documents{Diags: diags, source: opts.Source, lang: lang}
	var d diag.List
	docs.Files, d = files.wait()
	docs.Diags.Add(d...)
	if !keepBodies {
		docs.sums = make(map[*model.Document]uint64, len(paths))
	}
	for i, c := range converted {
		docs.Diags.Add(perFile[i]...)
		if c.Doc == nil || c.Doc.ID == "" {
			if perFile[i].HasErrors() {
				if id := load.SalvageID(opts.Source, paths[i]); id != "" {
					docs.Failed = append(docs.Failed, id)
				}
				// Files are most often named after their id: links to
				// isms-p-002.md's id go to it, whatever its id says.
				docs.Failed = append(docs.Failed, model.FileID(paths[i]))
			}
		}
		if c.Doc == nil {
			continue
		}
		docs.Converted = append(docs.Converted, c)
		if docs.sums != nil {
			docs.sums[c.Doc] = sums[i]
		}
	}
	if opts.past != nil {
		docs.Failed = append(docs.Failed, opts.past.leftOut...)
	}
	docs.Diags.Add(checkSalvaged(slices.DeleteFunc(rescued, func(s *salvaged) bool { return s == nil }), docs.Converted, &docs.Files, docs.Failed)...)
	docs.Diags = validate.UnknownLevels(cfg, docs.Diags)
	link.WikiHints(docs.Diags, docsOf(docs.Converted))
	return docs
}

// Body reads a document's body again, for its page; a file that changed
// since it was read is an error, not a page made of two versions. The
// file is read into a buffer used again once done is called (see
// render.BodySource).
func (ds *Documents) Body(d *model.Document) ([]byte, func(), error) {
	if d.Body != nil || ds.sums == nil {
		return d.Body, nil, nil
	}
	room := bodyRoom.Get().(*[]byte)
	body, file, sum, err := load.ReadBodyInto(*room, ds.source, d.Path, ds.lang)
	*room = file
	done := func() {
		if cap(*room) <= maxBodyRoom {
			bodyRoom.Put(room)
		}
	}
	if err != nil {
		done()
		return nil, nil, fmt.Errorf("%s: read earlier in this build, it cannot be read again for its page (%w); build again", d.Path, err)
	}
	if sum != ds.sums[d] {
		done()
		return nil, nil, fmt.Errorf("%s: the file changed during the build; build again", d.Path)
	}
	body, _ = markdown.BlankTitleHeading(body, d.ID, d.Title) // read for this page alone
	return body, done, nil
}

// bodyRoom holds the buffers Body reads files into: one a page in
// progress rather than one a document (a tenth of what a large build
// allocated).
var bodyRoom = sync.Pool{New: func() any { return new([]byte) }}

// maxBodyRoom is the largest buffer bodyRoom keeps: a few documents are
// far longer than the rest.
const maxBodyRoom = 256 << 10

// letGo lets go of what only the analysis needed, once every diagnostic
// has been made: the scans of the bodies, and the line of each
// front-matter key (on a large site a tenth of what the build holds).
func (ds *Documents) letGo() {
	for _, c := range ds.Converted {
		c.Doc.Lines = model.KeyLines{}
	}
	ds.Converted = nil
}

// Link checks the rules that span documents, decides what this build
// publishes and resolves the links of the bodies, to documents and to
// the files under content/ (files, Documents.Files). The site is nil
// when the documents have errors. failed are the ids of the document
// files that could not be read or converted (Documents.Failed): their
// errors are reported at their files, and a link or a reference to one
// is not reported again.
func Link(opts Options, cfg *model.Config, converted []Converted, files *model.Files, failed ...string) (*model.Site, diag.List) {
	site, diags, d := linkParts(opts, cfg, converted, files, false, failed...)
	diags.Add(d...)
	if diags.HasErrors() {
		return nil, diags
	}
	return site, diags
}
