package generator

import (
	"fmt"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"slices"
	"sync"

	"ismsgen/generator/assets"
	"ismsgen/generator/diag"
	"ismsgen/generator/i18n"
	"ismsgen/generator/internal/overlay"
	"ismsgen/generator/internal/par"
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

	// FitMemory sets a soft limit on the Go heap while the pages are
	// rendered, from what the analysis left live (see fitMemory), unless
	// GOMEMLIMIT is set. The command does; a program that builds sites
	// as a part of its work decides for itself.
	FitMemory bool
}

// Result summarises a build.
type Result struct {
	// Site is the published site. Build lets go of what only the build
	// needed, to keep large sites small in memory: its documents have no
	// Body (each is read again for its page) and no Lines.
	Site        *model.Site
	Reports     *reports.Data
	Diagnostics diag.List // warnings (and errors when the build failed)
	Pages       int
	Files       int
}

// UsageError is a problem with the command line rather than the content.
// Err, when set, is the typed error it comes from (a *write.Error).
type UsageError struct {
	Msg string
	Err error
}

func (e *UsageError) Error() string { return e.Msg }

func (e *UsageError) Unwrap() error { return e.Err }

// Analyse runs the stages that find problems: load, validate, link and
// reports. It writes nothing. The site is nil when there are errors.
func Analyse(opts Options) (*model.Site, *reports.Data, diag.List, error) {
	a, err := analyse(opts, true, nil)
	return a.site, a.data, a.diags, err
}

// analysis is what analyse found.
type analysis struct {
	site  *model.Site
	data  *reports.Data
	diags diag.List
	sums  map[*model.Document]uint64 // fingerprints of the files whose bodies were let go; nil when kept
}

// analyse is Analyse; unless keepBodies, the documents come without their
// Markdown, which each worker lets go as soon as the link stage has
// scanned it (on a large site the bodies would be a third of the memory
// held to the end of rendering), keeping the file's fingerprint for
// readBody. afterRead, when not nil, is called with the valid configuration
// once every document has been read, before the steps that run mostly
// on one core: a build parses the layouts meanwhile.
func analyse(opts Options, keepBodies bool, afterRead func(*model.Config)) (analysis, error) {
	config, diags := load.Config(opts.Source)
	paths, bundles, d := load.Files(opts.Source)
	diags.Add(d...)
	cfg, d := validate.Config(config)
	if cfg != nil && opts.Classification != "" && cfg.Level(opts.Classification) < 0 {
		return analysis{}, &UsageError{Msg: fmt.Sprintf("--classification %q is not one of the levels in isms.toml: %v", opts.Classification, cfg.Levels)}
	}
	// Each document is converted and its body scanned as soon as it is
	// read, by the same worker (as load.Site, validate.Documents and
	// link.Site would, one after the other): its untyped front matter
	// goes at once, so a large site never holds all of it.
	converted := make([]*model.Document, len(paths))
	scans := make([]*link.Scanned, len(paths))
	sums := make([]uint64, len(paths))
	perDoc := make([]diag.List, len(paths))
	par.Each(len(paths), func(i int) {
		src, d := load.ReadDoc(opts.Source, paths[i], bundles[paths[i]])
		perDoc[i] = d
		if src == nil || cfg == nil {
			return
		}
		if keepBodies {
			src.OwnBody() // kept to the end of the analysis, and the rest of the file is not
		}
		doc, d := validate.Document(cfg, src)
		perDoc[i].Add(d...)
		converted[i], scans[i] = doc, link.Scan(doc)
		if !keepBodies {
			sums[i] = src.Sum
			doc.Body = nil
		}
	})
	if afterRead != nil && cfg != nil {
		afterRead(cfg)
	}
	for _, l := range perDoc {
		diags.Add(l...)
	}
	diags.Add(d...) // the configuration's
	if cfg == nil {
		diags.Sort()
		return analysis{diags: diags}, nil
	}
	if opts.BaseURL != "" {
		cfg.BaseURL = opts.BaseURL
	}
	scanOf := make(map[*model.Document]*link.Scanned, len(paths))
	var sumOfDoc map[*model.Document]uint64
	if !keepBodies {
		sumOfDoc = make(map[*model.Document]uint64, len(paths))
	}
	for i, doc := range converted {
		if doc != nil {
			scanOf[doc] = scans[i]
			if sumOfDoc != nil {
				sumOfDoc[doc] = sums[i]
			}
		}
	}
	docs, d := validate.Set(slices.DeleteFunc(converted, func(d *model.Document) bool { return d == nil }))
	diags.Add(d...)
	site, d := link.SiteScanned(cfg, docs, link.Options{Now: opts.Now, Drafts: opts.Drafts, Ceiling: opts.Classification}, scanOf)
	diags.Add(d...)
	if diags.HasErrors() {
		diags.Sort()
		return analysis{diags: diags}, nil
	}
	data := reports.Compute(site)
	diags.Add(data.Diagnostics...)
	diags.Sort()
	if !keepBodies {
		// Every diagnostic has been made: the line of each front-matter
		// key is no more use, and on a large site the key lines are a
		// tenth of what analysis holds.
		for _, doc := range docs { // the others are not referenced any more
			doc.Lines = model.KeyLines{}
		}
	}
	return analysis{site: site, data: data, diags: diags, sums: sumOfDoc}, nil
}

// Build compiles the site into opts.Dest. When it returns errors (in the
// diagnostics or as error), the previous output is untouched.
func Build(opts Options) (*Result, error) {
	if opts.Dest == "" {
		opts.Dest = filepath.Join(opts.Source, "public")
	}
	if err := write.CheckDest(opts.Source, opts.Dest); err != nil {
		return nil, &UsageError{Msg: err.Error(), Err: err}
	}
	restoreGC := func() {}
	if opts.FitMemory {
		restoreGC = analysisGC()
	}
	p, res, err := prepare(opts)
	restoreGC()
	if p == nil {
		return res, err
	}
	if opts.FitMemory {
		defer fitMemory()()
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
	parsed  *render.Parsed
	sums    map[*model.Document]uint64 // fingerprints of the files whose bodies prepare let go
}

// prepare analyses the site and bundles the assets; prepared is nil when
// that failed.
func prepare(opts Options) (*prepared, *Result, error) {
	// The assets (esbuild, 5-10 ms) are bundled beside the analysis,
	// whose serial parts leave a core idle.
	var bundled sync.WaitGroup
	var bundle *assets.Bundle
	var d diag.List
	bundled.Go(func() {
		bundle, d = assets.Build(overlay.New(filepath.Join(opts.Source, "assets"), opts.Defaults.Assets))
	})
	// The layouts are parsed beside the analysis's last steps, which
	// run mostly on one core.
	var parsing sync.WaitGroup
	var strings *i18n.Strings
	var parsed *render.Parsed
	var stringsErr, parseErr error
	a, err := analyse(opts, false, func(cfg *model.Config) {
		parsing.Go(func() {
			if strings, stringsErr = i18n.Load(opts.Defaults.I18n, cfg.Language); stringsErr == nil {
				parsed, parseErr = render.ParseLayouts(layouts(opts), cfg, strings)
			}
		})
	})
	bundled.Wait()
	parsing.Wait()
	site, data := a.site, a.data
	if err != nil || site == nil {
		return nil, &Result{Diagnostics: a.diags}, err
	}
	res := &Result{Site: site, Reports: data, Diagnostics: a.diags}
	if stringsErr != nil {
		return nil, res, stringsErr
	}
	if d.HasErrors() {
		res.Diagnostics.Add(d...)
		return nil, res, nil
	}
	if parseErr != nil {
		return nil, res, parseErr
	}
	return &prepared{site: site, data: data, bundle: bundle, strings: strings, parsed: parsed, sums: a.sums}, res, nil
}

// layouts is the site's layouts folder over the embedded ones.
func layouts(opts Options) fs.FS {
	return overlay.New(filepath.Join(opts.Source, "layouts"), opts.Defaults.Layouts)
}

// fitMemory limits the Go heap to a multiple of what is live once the
// site is analysed, and returns the function that restores the previous
// limit. The collector then returns memory to the system as the build
// goes, instead of letting the heap grow to twice its peak: on 10,000
// generated documents about 150 MB instead of 230-290 MB, on 50,000
// about 0.6 GB instead of 1.1-1.3 GB (README, "Performance").
// The limit is soft: a build that needs more gets it, at the cost of more
// collection. GOMEMLIMIT in the environment (also GOMEMLIMIT=off) wins.
func fitMemory() (restore func()) {
	if os.Getenv("GOMEMLIMIT") != "" {
		return func() {}
	}
	runtime.GC()
	live := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	metrics.Read(live)
	if live[0].Value.Kind() != metrics.KindUint64 {
		return func() {}
	}
	prev := debug.SetMemoryLimit(int64(min(memoryLimit(live[0].Value.Uint64()), math.MaxInt64)))
	return func() { debug.SetMemoryLimit(prev) }
}

// analysisGC lets the heap grow to three times what is live, instead of
// twice, while the site is analysed, unless GOGC is set; it returns the
// function that restores the previous setting. The analysis makes its
// live data as it goes, from nothing, so the default made 16-19
// collections on 10,000 documents, which took 60-100 ms of the
// analysis's 300-400 ms of wall time (GOGC=off: 260-290 ms). With 200,
// 10 collections; the analysis's peak, three times its final live data,
// stays below the render's limit (4.5 times), so the build's peak is
// the same.
func analysisGC() (restore func()) {
	if os.Getenv("GOGC") != "" {
		return func() {}
	}
	prev := debug.SetGCPercent(200)
	return func() { debug.SetGCPercent(prev) }
}

// memoryLimit is the heap limit for rendering a site whose analysis left
// live bytes in use, the parsed layouts included (4 MB with the default
// ones): 5.5 times that less 46 MiB, and at least 64 MiB (under 20 MiB
// live). Rendering adds the search index and the pages in progress,
// about as much again on a large site; the collector's work grows as the
// room above what is live shrinks, and each collection marks what is
// live. The limit trades time for memory within the targets of 0.45
// times Hugo's time and 0.15 times its peak, with room on both. On
// 10,000 generated documents (34 MB live) it is 141 MiB, for a peak of
// 153-156 MiB (0.135-0.139 of Hugo's): 8 MiB more made the build 2 % faster (1.48 s
// instead of 1.51, median of 7) for a peak of 161-164 MiB (0.143-0.145
// of Hugo's 1,126-1,140 MiB in two comparisons), too near the target;
// 16 MiB less made it 4 % slower again. The 46 MiB taken off leave a
// large site more room per live byte, where the process's own memory
// beside the heap weighs less: on 50,000 (142 MB live) 735 MiB, for a
// peak of 740-748 MiB (0.14 of Hugo's), where 4.5 times live without
// the layouts (621 MiB) meant 14 collections while rendering and
// 2.1-2.2 CPU-s of collection instead of 11 and 1.5-1.65.
func memoryLimit(live uint64) uint64 {
	return max(64<<20, max(live*11/2, 46<<20)-46<<20) // no wrap below 46 MiB
}

// readBody reads d's body again from the source folder; a file that
// changed since it was loaded is an error, not a page made of two
// versions.
func (p *prepared) readBody(source string, d *model.Document) ([]byte, error) {
	body, sum, err := load.ReadBody(source, d.Path)
	if err != nil {
		return nil, fmt.Errorf("%s: read earlier in this build, it cannot be read again for its page (%w); build again", d.Path, err)
	}
	if sum != p.sums[d] {
		return nil, fmt.Errorf("%s: the file changed during the build; build again", d.Path)
	}
	return body, nil
}

func emit(opts Options, p *prepared, out render.Output) error {
	for _, f := range p.bundle.Files {
		if err := out.File(f.Path, f.Data); err != nil {
			return err
		}
	}
	// The machine-readable files but the sitemap need nothing from the
	// pages: they are made and written while the pages are rendered,
	// instead of after them, mostly on one core (documents.json is the
	// longest): 0.6 s of 15.6 on 50,000 documents.
	var data sync.WaitGroup
	var dataErr error
	data.Go(func() { dataErr = writeFiles(out, nil, reports.DataFiles(p.site, p.data, p.strings)) })
	// The search index takes each document's text as its page is written
	// (see render.Input.Text): the same files as Derived makes. It is set
	// up (sorted, its titles folded: 0.14-0.19 s on one core for 50,000
	// documents) beside the first pages, which need none of it.
	var index *search.Builder
	var indexed sync.WaitGroup
	indexed.Go(func() { index = search.NewBuilder(docEntries(p.site.Docs)) })
	rendered, err := render.Site(render.Input{
		Site: p.site, Reports: p.data, Assets: p.bundle, Strings: p.strings,
		Layouts: layouts(opts), Parsed: p.parsed,
		Text: func(i int, t render.Text) error {
			indexed.Wait()
			f := index.Add(i, searchHeadings(t), t.Plain)
			return out.File(f.Path, f.Data)
		},
		Body: func(d *model.Document) ([]byte, error) { return p.readBody(opts.Source, d) },
	}, out)
	data.Wait()
	indexed.Wait()
	if err != nil {
		return err
	}
	if dataErr != nil {
		return dataErr
	}
	// The last steps, after the pages: the search index's files and the
	// sitemap side by side, then every file written on every core.
	var sitemap reports.File
	var made sync.WaitGroup
	made.Go(func() { sitemap = reports.SitemapFile(p.site, rendered.Pages) })
	files := index.Files()
	made.Wait()
	return writeFiles(out, files, []reports.File{sitemap})
}

// Derived writes the files made from the rendered site rather than from a
// layout: the search index and the machine-readable files. Build calls it
// after rendering; serve calls it after the pages a change affects.
func Derived(site *model.Site, data *reports.Data, rendered *render.Result, strings *i18n.Strings, out render.Output) error {
	return writeFiles(out, search.Build(textEntries(rendered.Texts)), reports.Files(site, data, rendered.Pages, strings))
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
// texts, which search.Builder.Add gives later.
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
		Version: d.Version, Obsolete: d.Status == model.StatusObsolete,
	}
}

func searchHeadings(t render.Text) []search.Heading {
	hs := make([]search.Heading, 0, len(t.Headings))
	for _, h := range t.Headings {
		hs = append(hs, search.Heading{Text: h.Text, Anchor: h.ID})
	}
	return hs
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
		Site: site, Reports: data, Strings: strings, Layouts: layouts(opts),
	}, discard{})
	if err != nil {
		return nil, err
	}
	return textEntries(rendered.Texts), nil
}
