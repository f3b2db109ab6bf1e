package serve

import (
	"fmt"
	"io/fs"
	"slices"
	"strings"
	"time"

	"ismsgen/generator"
	"ismsgen/generator/diag"
	"ismsgen/generator/model"
	"ismsgen/generator/render"
	"ismsgen/generator/reports"
)

// render re-renders the document pages whose inputs changed, publishes
// them, and hands the other pages to the background (or, for a full
// rebuild, makes them at once).
func (e *engine) render(site *model.Site, data *reports.Data, full bool, start time.Time, touched []string, diags diag.List) error {
	if e.g.renderer == nil {
		t := e.g.theme
		r, err := render.New(render.Input{Site: site, Reports: data, Assets: t.Assets, Strings: t.Strings, Layouts: t.Layouts, Parsed: t.Parsed, Earlier: e.hist})
		if err != nil {
			return err
		}
		e.g.renderer = r
	}
	r := e.g.renderer.With(site, data)
	prints, siteSum := e.fingerprints(site)
	u, fresh, removed, err := e.documentPages(r, site, prints, full)
	if err != nil {
		return err
	}
	job := &siteJob{gen: e.gen, renderer: r, site: site, data: data, strings: e.g.theme.Strings, pages: full || siteSum != e.siteSum}
	job.texts = make([]render.Text, len(site.Docs))
	for i, d := range site.Docs {
		t, ok := fresh[d.ID]
		if !ok {
			t = e.texts[d.ID]
		}
		t.Doc = d
		job.texts[i] = t
	}
	siteGen := 0
	if full {
		assets := map[string]entry{}
		for _, f := range e.g.theme.Assets.Files {
			assets[f.Path] = entry{data: f.Data}
		}
		u["assets"] = assets
		res := job.run()
		if res.err != nil {
			return res.err
		}
		for g, files := range res.u {
			u[g] = files
		}
		e.sitePages, siteGen, e.fullGen = res.sitePages, e.gen, e.gen
		e.next = nil
	}

	changed, build, _ := e.store.apply(u, siteGen)
	e.prints, e.siteSum = prints, siteSum
	e.shown = make(map[string]bool, len(site.Docs))
	for _, d := range site.Docs {
		e.shown[d.Path] = true
	}
	for id, t := range fresh {
		e.texts[id] = t
	}
	// Before the pages reload, which ask for them.
	e.hub.setWarnings(e.warningSet(site, diags.Warnings(), build))
	for _, id := range removed {
		delete(e.texts, id)
	}
	if e.failed {
		e.hub.publish(Event{Kind: KindErrors, Build: build, Errors: []Problem{}})
		e.failed = false
	}
	pages := pageURLs(changed)
	e.hub.publish(Event{Kind: KindReload, Build: build, Pages: pages, All: full})
	e.logf(start, what(touched, full), "%d page(s) updated", len(pages))
	e.printWarnings(diags.Warnings(), touched, full)
	if !full && (job.pages || len(fresh) > 0 || len(removed) > 0) {
		e.schedule(job)
	}
	return nil
}

// documentPages renders the document pages whose fingerprint changed
// (all of them when full) and returns them as an update, with their
// texts, and the ids of the documents no longer published.
func (e *engine) documentPages(r *render.Renderer, site *model.Site, prints map[string]uint64, full bool) (update, map[string]render.Text, []string, error) {
	var todo []*model.Document
	for _, d := range site.Docs {
		if old, ok := e.prints[d.ID]; full || !ok || old != prints[d.ID] {
			todo = append(todo, d)
		}
	}
	out := newMemOut()
	texts, err := r.Documents(todo, out)
	if err != nil {
		return nil, nil, nil, err
	}
	u := update{}
	fresh := make(map[string]render.Text, len(todo))
	for i, d := range todo {
		u["doc:"+d.ID] = map[string]entry{}
		fresh[d.ID] = texts[i]
	}
	for key, en := range out.files { // docs/<id>/index.html and attachments
		id, _, _ := strings.Cut(strings.TrimPrefix(key, "docs/"), "/")
		if u["doc:"+id] == nil {
			u["doc:"+id] = map[string]entry{}
		}
		u["doc:"+id][key] = en
	}
	var removed []string
	for id := range e.prints {
		if _, ok := prints[id]; !ok {
			removed = append(removed, id)
			u["doc:"+id] = nil
		}
	}
	return u, fresh, removed, nil
}

// warningsPerCode is how many warnings of one kind a full rebuild
// prints, as build does.
const warningsPerCode = 20

// printWarnings prints under the log line what a controller editing the
// site needs to see: after a full rebuild the site's warnings, as build
// prints them; after a save, every warning of the files saved, so that
// what the edit dropped or got wrong is said while the file is open.
func (e *engine) printWarnings(warnings diag.List, touched []string, full bool) {
	c := e.messages()
	if full {
		warnings.PrintSummary(e.log, c, warningsPerCode)
		return
	}
	saved := make(map[string]bool, len(touched))
	for _, p := range touched {
		saved[p] = true
	}
	warnings = slices.DeleteFunc(warnings, func(d diag.Diagnostic) bool { return !saved[d.File] })
	warnings.Print(e.log, c)
}

// fail reports a failed rebuild; the last good site stays.
func (e *engine) fail(start time.Time, diags diag.List) {
	errs := diags.Errors()
	e.failed = true
	c := e.messages()
	e.hub.publish(Event{Kind: KindErrors, Build: e.store.current(), Errors: e.shownProblems(errs, c)})
	e.logf(start, diag.Msg("rebuild failed"), "%d error(s); still serving the last good site", len(errs))
	for _, d := range errs {
		fmt.Fprintf(e.log, "  %s\n", c.Line(d))
	}
}

// logf prints the one line of a rebuild: the time of day, what happened,
// how long it took, and the outcome.
func (e *engine) logf(start time.Time, what diag.Text, format string, args ...any) {
	c := e.messages()
	fmt.Fprintf(e.log, "%s %s\n", time.Now().Format("15:04:05"), c.Sprintf("%s in %s: %s", what, time.Since(start).Round(100*time.Microsecond), diag.Msg(format, args...)))
}

// what names the cause of a rebuild for the log.
func what(touched []string, full bool) diag.Text {
	switch {
	case full:
		return diag.Msg("full rebuild")
	case len(touched) == 1:
		return diag.Msg("rebuilt %s", touched[0])
	case len(touched) == 0:
		return diag.Msg("rebuilt")
	}
	return diag.Msg("rebuilt %s and %d more", touched[0], len(touched)-1)
}

// renderErrors reports the errors of rendering as a build does: those of
// the layouts at their line and column, with a hint; others as they are.
func renderErrors(err error, theme *generator.Theme) diag.List {
	var builtin fs.FS
	if theme != nil {
		builtin = theme.Builtin
	}
	diags, rest := render.DiagnosticsOver(err, builtin)
	if rest != nil {
		diags.Errorf("", 0, "", "%v", rest)
	}
	return diags
}
