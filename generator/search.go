package generator

import (
	"fmt"

	"ismsgen/generator/model"
	"ismsgen/generator/render"
	"ismsgen/generator/reports"
	"ismsgen/generator/search"
)

// SearchEntries runs the stages up to the pages, writes nothing, and
// returns what the search index is made of: the judged queries
// (generator/search) and cmd/searchcompare rank with it.
func SearchEntries(opts Options) ([]search.Entry, error) {
	cfg, diags, err := Config(opts)
	if err != nil {
		return nil, err
	}
	docs := ReadDocuments(opts, cfg, true)
	diags.Add(docs.Diags...)
	if cfg == nil {
		return nil, fmt.Errorf("the site has errors: %v", diags.Errors())
	}
	site, d := Link(opts, cfg, docs.Converted, &docs.Files, docs.Failed...)
	diags.Add(d...)
	theme, d := Layouts(opts, cfg)
	diags.Add(d...)
	if diags.HasErrors() {
		return nil, fmt.Errorf("the site has errors: %v", diags.Errors())
	}
	rendered, err := render.Site(render.Input{
		Site: site, Reports: reports.Compute(site), Strings: theme.Strings, Layouts: theme.Layouts, Parsed: theme.Parsed,
	}, discard{})
	if err != nil {
		return nil, err
	}
	return textEntries(rendered.Texts), nil
}

// discard is an Output that keeps nothing.
type discard struct{}

func (discard) File(string, []byte) error           { return nil }
func (discard) Copy(string, model.Attachment) error { return nil }
