package generator

import (
	"ismsgen/generator/catalog"
	"ismsgen/generator/diag"
	"ismsgen/generator/i18n"
	"ismsgen/generator/internal/par"
	"ismsgen/generator/model"
	"ismsgen/generator/render"
	"ismsgen/generator/reports"
	"ismsgen/generator/search"
)

// Publish renders every page of the site into out, with the search index
// and the machine-readable files. The errors of the layouts are
// diagnostics, and so are the notes about templates left to html/template
// (render.FallbackCode); the error is for an output that cannot be
// written.
func Publish(site *model.Site, data *reports.Data, theme *Theme, bodies render.BodySource, earlier render.EarlierSource, out render.Output) (diag.List, error) {
	for _, f := range theme.Assets.Files {
		if err := out.File(f.Path, f.Data); err != nil {
			return nil, err
		}
	}
	// The files made from the reports alone are written while the pages
	// are rendered: documents.json is the longest of them.
	dataFiles := beside(func() (error, diag.List) {
		return reports.WriteDataFiles(site, data, theme.Strings, func(f reports.File) error { return out.File(f.Path, f.Data) }), nil
	})
	index := &indexer{out: out, setup: beside(func() (*search.Builder, diag.List) {
		return search.NewBuilder(docEntries(site.Docs)), nil
	})}
	rendered, err := render.Site(render.Input{
		Site: site, Reports: data, Assets: theme.Assets, Strings: theme.Strings,
		Layouts: theme.Layouts, Parsed: theme.Parsed, Index: index, Bodies: bodies, Earlier: earlier,
	}, out)
	dataErr, _ := dataFiles.wait()
	builder, _ := index.setup.wait()
	if err != nil {
		diags, rest := render.DiagnosticsOver(err, theme.Builtin)
		return diags, rest
	}
	if dataErr != nil {
		return nil, dataErr
	}
	sitemap := beside(func() (reports.File, diag.List) { return reports.SitemapFile(site, rendered.Pages), nil })
	files := append(builder.Files(), search.ControlsFile(catalog.Map2013()))
	sm, _ := sitemap.wait()
	return rendered.Notes, writeFiles(out, files, []reports.File{sm})
}

// indexer adds each document's text to the search index as its page is
// written, and writes the part of the index that holds the text.
type indexer struct {
	out   render.Output
	setup *later[*search.Builder] // sorted and folded beside the first pages
}

func (x *indexer) Text(i int, t render.Text) error {
	b, _ := x.setup.wait()
	return b.Add(i, searchHeadings(t), t.Plain, x.out.File)
}

// Derived writes the files made from the rendered site rather than from a
// layout: the search index and the machine-readable files. serve calls it
// after the pages a change affects.
func Derived(site *model.Site, data *reports.Data, rendered *render.Result, strings *i18n.Strings, out render.Output) error {
	index := append(search.Build(textEntries(rendered.Texts)), search.ControlsFile(catalog.Map2013()))
	return writeFiles(out, index, reports.Files(site, data, rendered.Pages, strings))
}

// writeFiles writes the search index's files and then files, on every
// core (a large site's index is hundreds of files), and returns the first
// error in that order.
func writeFiles(out render.Output, index []search.File, files []reports.File) error {
	errs := make([]error, len(index)+len(files))
	par.Each(len(errs), func(i int) {
		if i < len(index) {
			errs[i] = out.File(index[i].Path, index[i].Data)
			return
		}
		f := files[i-len(index)]
		errs[i] = out.File(f.Path, f.Data)
	})
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// docEntries makes the search entries of docs without their headings and
// texts, which the indexer adds as the pages are written.
func docEntries(docs []*model.Document) []search.Entry {
	entries := make([]search.Entry, len(docs))
	for i, d := range docs {
		entries[i] = searchEntry(d)
	}
	return entries
}

// textEntries makes the whole search entries of rendered documents.
func textEntries(texts []render.Text) []search.Entry {
	entries := make([]search.Entry, len(texts))
	for i, t := range texts {
		entries[i] = searchEntry(t.Doc)
		entries[i].Headings, entries[i].Text = searchHeadings(t), t.Plain
	}
	return entries
}

func searchEntry(d *model.Document) search.Entry {
	return search.Entry{
		ID: d.ID, Title: d.Title, URL: d.URL(), Tier: d.Tier, Type: d.Type, Status: d.Status,
		Version: d.Version, Obsolete: d.Status == model.StatusObsolete, Controls: controlKeys(d.Controls),
	}
}

// controlKeys are the ids a reader may type for the controls a document
// implements: "5.15", "A.5.15" and the 2013 controls it replaces.
func controlKeys(controls []string) []string {
	if len(controls) == 0 {
		return nil
	}
	keys := make([]string, 0, 3*len(controls))
	for _, c := range controls {
		keys = append(keys, c, "A."+c)
		keys = append(keys, catalog.Replaced(c)...)
	}
	return keys
}

func searchHeadings(t render.Text) []search.Heading {
	hs := make([]search.Heading, 0, len(t.Headings))
	for _, h := range t.Headings {
		hs = append(hs, search.Heading{Text: h.Text, Anchor: h.ID})
	}
	return hs
}
