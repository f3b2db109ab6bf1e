package generator

import (
	"fmt"
	"io/fs"
	"path/filepath"

	"ismsgen/generator/assets"
	"ismsgen/generator/diag"
	"ismsgen/generator/i18n"
	"ismsgen/generator/internal/overlay"
	"ismsgen/generator/link"
	"ismsgen/generator/load"
	"ismsgen/generator/model"
	"ismsgen/generator/render"
	"ismsgen/generator/reports"
	"ismsgen/generator/search"
	"ismsgen/generator/validate"
	"ismsgen/generator/write"
)

// Defaults are the embedded layouts, assets and interface strings.
type Defaults struct {
	Layouts fs.FS
	Assets  fs.FS
	I18n    fs.FS
}

// Options are the command-line settings of a build or check.
type Options struct {
	Source         string
	Dest           string // "" = <Source>/public
	Drafts         bool
	Now            model.Date
	Classification string // "" = the site's ceiling
	BaseURL        string // "" = from isms.toml
	Defaults       Defaults
}

// Result summarises a build.
type Result struct {
	Site        *model.Site
	Reports     *reports.Data
	Diagnostics diag.List // warnings (and errors when the build failed)
	Pages       int
	Files       int
}

// UsageError is a problem with the command line rather than the content.
type UsageError struct{ Msg string }

func (e *UsageError) Error() string { return e.Msg }

// Analyse runs the stages that find problems: load, validate, link and
// reports. It writes nothing. The site is nil when there are errors.
func Analyse(opts Options) (*model.Site, *reports.Data, diag.List, error) {
	src, diags := load.Site(opts.Source)
	cfg, d := validate.Config(src.Config)
	diags.Add(d...)
	if cfg == nil {
		diags.Sort()
		return nil, nil, diags, nil
	}
	if opts.BaseURL != "" {
		cfg.BaseURL = opts.BaseURL
	}
	if opts.Classification != "" && cfg.Level(opts.Classification) < 0 {
		return nil, nil, nil, &UsageError{fmt.Sprintf("--classification %q is not one of the levels in isms.toml: %v", opts.Classification, cfg.Levels)}
	}
	docs, d := validate.Documents(cfg, src.Docs)
	diags.Add(d...)
	site, d := link.Site(cfg, docs, link.Options{Now: opts.Now, Drafts: opts.Drafts, Ceiling: opts.Classification})
	diags.Add(d...)
	if diags.HasErrors() {
		diags.Sort()
		return nil, nil, diags, nil
	}
	data := reports.Compute(site)
	diags.Add(data.Diagnostics...)
	diags.Sort()
	return site, data, diags, nil
}

// Build compiles the site into opts.Dest. When it returns errors (in the
// diagnostics or as error), the previous output is untouched.
func Build(opts Options) (*Result, error) {
	if opts.Dest == "" {
		opts.Dest = filepath.Join(opts.Source, "public")
	}
	if err := write.CheckDest(opts.Source, opts.Dest); err != nil {
		return nil, &UsageError{err.Error()}
	}
	p, res, err := prepare(opts)
	if p == nil {
		return res, err
	}
	tx, err := write.Begin(opts.Dest)
	if err != nil {
		return res, err
	}
	out := &counter{Output: tx}
	if err := emit(opts, p, out); err != nil {
		tx.Abort()
		return res, err
	}
	if err := tx.Commit(); err != nil {
		return res, err
	}
	res.Pages, res.Files = int(out.pages), int(out.files)
	return res, nil
}

// BuildTo compiles the site into out instead of a folder: the same files
// as Build, nothing written to disk. When it returns errors (in the
// diagnostics or as error), out may hold part of the site.
func BuildTo(opts Options, out render.Output) (*Result, error) {
	p, res, err := prepare(opts)
	if p == nil {
		return res, err
	}
	c := &counter{Output: out}
	if err := emit(opts, p, c); err != nil {
		return res, err
	}
	res.Pages, res.Files = int(c.pages), int(c.files)
	return res, nil
}

// prepared is what the stages before rendering produced.
type prepared struct {
	site    *model.Site
	data    *reports.Data
	bundle  *assets.Bundle
	strings *i18n.Strings
}

// prepare analyses the site and bundles the assets; prepared is nil when
// that failed.
func prepare(opts Options) (*prepared, *Result, error) {
	site, data, diags, err := Analyse(opts)
	if err != nil || site == nil {
		return nil, &Result{Diagnostics: diags}, err
	}
	res := &Result{Site: site, Reports: data, Diagnostics: diags}
	strings, err := i18n.Load(opts.Defaults.I18n, site.Config.Language)
	if err != nil {
		return nil, res, err
	}
	bundle, d := assets.Build(overlay.New(filepath.Join(opts.Source, "assets"), opts.Defaults.Assets))
	if d.HasErrors() {
		res.Diagnostics.Add(d...)
		return nil, res, nil
	}
	return &prepared{site: site, data: data, bundle: bundle, strings: strings}, res, nil
}

func emit(opts Options, p *prepared, out render.Output) error {
	for _, f := range p.bundle.Files {
		if err := out.File(f.Path, f.Data); err != nil {
			return err
		}
	}
	rendered, err := render.Site(render.Input{
		Site: p.site, Reports: p.data, Assets: p.bundle, Strings: p.strings,
		Layouts: overlay.New(filepath.Join(opts.Source, "layouts"), opts.Defaults.Layouts),
	}, out)
	if err != nil {
		return err
	}
	return Derived(p.site, p.data, rendered, p.strings, out)
}

// Derived writes the files made from the rendered site rather than from a
// layout: the search index and the machine-readable files. Build calls it
// after rendering; serve calls it after the pages a change affects.
func Derived(site *model.Site, data *reports.Data, rendered *render.Result, strings *i18n.Strings, out render.Output) error {
	for _, f := range search.Build(searchEntries(rendered.Texts)) {
		if err := out.File(f.Path, f.Data); err != nil {
			return err
		}
	}
	for _, f := range reports.Files(site, data, rendered.Pages, strings) {
		if err := out.File(f.Path, f.Data); err != nil {
			return err
		}
	}
	return nil
}

func searchEntries(texts []render.Text) []search.Entry {
	entries := make([]search.Entry, len(texts))
	for i, t := range texts {
		d := t.Doc
		e := search.Entry{
			ID: d.ID, Title: d.Title, URL: d.URL(), Tier: d.Tier, Type: d.Type, Status: d.Status,
			Version: d.Version, Obsolete: d.Status == model.StatusObsolete, Text: t.Plain,
		}
		for _, h := range t.Headings {
			e.Headings = append(e.Headings, search.Heading{Text: h.Text, Anchor: h.ID})
		}
		entries[i] = e
	}
	return entries
}

// discard is an Output that keeps nothing.
type discard struct{}

func (discard) File(string, []byte) error { return nil }
func (discard) Copy(string, string) error { return nil }

// SearchEntries runs the pipeline up to rendering, writes nothing, and
// returns what the search index is built from. Tests use it to judge
// search quality on a real site.
func SearchEntries(opts Options) ([]search.Entry, error) {
	site, data, diags, err := Analyse(opts)
	if err != nil {
		return nil, err
	}
	if site == nil {
		return nil, fmt.Errorf("the site has errors: %v", diags.Errors())
	}
	strings, err := i18n.Load(opts.Defaults.I18n, site.Config.Language)
	if err != nil {
		return nil, err
	}
	rendered, err := render.Site(render.Input{
		Site: site, Reports: data, Strings: strings,
		Layouts: overlay.New(filepath.Join(opts.Source, "layouts"), opts.Defaults.Layouts),
	}, discard{})
	if err != nil {
		return nil, err
	}
	return searchEntries(rendered.Texts), nil
}
