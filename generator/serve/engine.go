package serve

import (
	"hash/maphash"
	"io"
	"slices"
	"time"

	"ismsgen/generator"
	"ismsgen/generator/diag"
	"ismsgen/generator/history"
	"ismsgen/generator/link"
	"ismsgen/generator/load"
	"ismsgen/generator/model"
	"ismsgen/generator/render"
	"ismsgen/generator/reports"
	"ismsgen/generator/validate"
)

// engine keeps the last good state of every stage and rebuilds what a
// change affects. It is used by one goroutine at a time (the server's
// loop); background site jobs get immutable values only.
type engine struct {
	opts  generator.Options
	log   io.Writer
	store *store
	hub   *hub
	seed  maphash.Seed

	// hist is the git history, read once: a save changes no commit, and
	// only the saved file's history is read again (see convert).
	hist      *history.History
	histNotes diag.List
	histRead  bool

	gen       int    // counts the rebuilds
	version   uint64 // counts the file reads; a file's version names its content
	g         *globals
	gDiags    diag.List // of isms.toml and the assets
	files     map[string]*file
	paths     []string    // the documents as load lists them, in path order
	others    model.Files // the rest of content/, as load lists it
	walkDiags diag.List

	// What the served pages were made from: each document page's
	// fingerprint and text, and the fingerprint of the site pages.
	prints    map[string]uint64
	texts     map[string]render.Text
	siteSum   uint64
	sitePages []string        // URLs of the site pages, for the sitemap
	failed    bool            // the last rebuild failed
	shown     map[string]bool // the files of the documents the served site publishes
	renderAll bool            // the globals changed since every page was last made

	jobs    chan *siteJob
	results chan siteResult
	running *siteJob // the site job under way
	next    *siteJob // the job to run when it is done
	fullGen int      // the last rebuild that made every page
	waiting []chan struct{}
	msgs    *diag.Catalog // see messages
}

// changes is what the watcher saw between two rebuilds.
type changes struct {
	full   bool            // isms.toml, layouts/ or assets/ changed
	reread bool            // events were lost: read every document again
	paths  map[string]bool // files or folders under content/, relative to the source
}

func (c changes) empty() bool { return !c.full && !c.reread && len(c.paths) == 0 }

func (c *changes) merge(o changes) {
	c.full = c.full || o.full
	c.reread = c.reread || o.reread
	for p := range o.paths {
		if c.paths == nil {
			c.paths = map[string]bool{}
		}
		c.paths[p] = true
	}
}

func newEngine(opts generator.Options, log io.Writer, st *store, h *hub) *engine {
	return &engine{
		opts: opts, log: log, store: st, hub: h, seed: maphash.MakeSeed(),
		files: map[string]*file{}, prints: map[string]uint64{}, texts: map[string]render.Text{},
		jobs: make(chan *siteJob, 1), results: make(chan siteResult, 1),
	}
}

// messages is the catalog of the site's language: of isms.toml as the
// last rebuild read it, or as it can be read when it has errors.
func (e *engine) messages() *diag.Catalog {
	lang := ""
	if e.g != nil && e.g.cfg != nil {
		lang = e.g.cfg.Language
	} else {
		lang = generator.Language(e.opts.Source)
	}
	if e.msgs == nil || e.msgs.Lang() != lang {
		e.msgs = generator.Messages(e.opts.Defaults, lang)
	}
	return e.msgs
}

// today is the date review calculations use.
func (e *engine) today() model.Date {
	if !e.opts.Now.IsZero() {
		return e.opts.Now
	}
	return model.DateOf(time.Now())
}

// rebuild brings the served site up to date with ch and reports the
// outcome: one log line, and a reload or errors event.
func (e *engine) rebuild(ch changes) {
	start := time.Now()
	now := e.today()
	if ch.full || e.g == nil || e.g.now != now {
		e.g = nil
	}
	touched, unchanged := e.reload(ch)
	if e.g != nil && len(touched) == 0 {
		// Nothing that ismsgen reads changed: an editor's temporary
		// file, or a document saved as it was.
		if len(unchanged) > 0 {
			e.logf(start, diag.Msg("saved %s", unchanged[0]), "no change, nothing to rebuild")
		}
		return
	}
	e.gen++
	e.stopRunning()
	if !e.histRead {
		e.hist, e.histNotes = generator.GitLog(e.opts)
		e.histRead = true
	}
	if e.g == nil {
		e.g, e.gDiags = loadGlobals(e.opts, now)
		for _, f := range e.files {
			f.conv = generator.Converted{} // converted with the old configuration
		}
		e.renderAll = true
	}
	site, data, diags := e.analyse()
	if site == nil {
		e.fail(start, diags)
		return
	}
	// Nothing is served yet when the first build failed: make everything.
	if err := e.render(site, data, e.renderAll || e.store.empty(), start, touched, diags); err != nil {
		diags.Add(renderErrors(err, e.g.theme)...)
		e.fail(start, diags)
		return
	}
	e.renderAll = false
}

// analyse runs validate, link and reports over the current files; the
// site is nil when there are errors.
func (e *engine) analyse() (*model.Site, *reports.Data, diag.List) {
	var diags diag.List
	diags.Add(e.walkDiags...)
	for _, p := range e.paths {
		diags.Add(e.files[p].loadDiags...)
	}
	diags.Add(e.gDiags...)
	diags.Add(e.histNotes...)
	if e.g == nil || e.g.cfg == nil {
		diags.Sort()
		return nil, nil, diags
	}
	e.convert()
	converted := make([]generator.Converted, 0, len(e.paths))
	var failed []string
	for _, p := range e.paths {
		f := e.files[p]
		if f.conv.Doc == nil || f.conv.Doc.ID == "" {
			if f.loadDiags.HasErrors() || f.convDiags.HasErrors() {
				if id := load.SalvageID(e.opts.Source, p); id != "" {
					failed = append(failed, id)
				}
			}
		}
		if f.doc == nil && f.loadDiags.HasErrors() {
			diags.Add(generator.Salvage(e.g.cfg, e.opts.Source, p)...)
		}
		if f.conv.Doc == nil {
			continue
		}
		diags.Add(f.convDiags...)
		d := *f.conv.Doc // a fresh copy: link fills in its Graph
		converted = append(converted, generator.Converted{Doc: &d, Scan: f.conv.Scan, Revision: f.conv.Revision})
	}
	diags = validate.UnknownLevels(e.g.cfg, diags) // as a build reports them
	docs := make([]*model.Document, len(converted))
	for i, c := range converted {
		docs[i] = c.Doc
	}
	link.WikiHints(diags, docs) // diags holds copies: the files' own are kept as read
	opts := e.opts
	opts.Now = e.g.now
	others := e.others
	for _, p := range e.paths {
		others.Withheld = append(others.Withheld, e.files[p].withheld...)
	}
	slices.Sort(others.Withheld)
	site, d := generator.Link(opts, e.g.cfg, converted, &others, failed...)
	diags.Add(d...)
	diags = generator.Withdrawn(opts, e.hist, converted, site, diags)
	if diags.HasErrors() || e.g.theme == nil {
		diags.Sort()
		return nil, nil, diags
	}
	data := reports.Compute(site)
	diags.Add(data.Diagnostics...)
	diags.Sort()
	return site, data, diags
}
