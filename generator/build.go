package generator

import (
	"ismsgen/generator/assets"
	"ismsgen/generator/diag"
	"ismsgen/generator/history"
	"ismsgen/generator/model"
	"ismsgen/generator/render"
	"ismsgen/generator/reports"
	"ismsgen/generator/write"
)

// Build compiles the site at opts.Source into opts.Dest. The new output
// replaces the old one only when everything succeeded: with errors (in
// the diagnostics, or as the error) the previous output is untouched.
func Build(opts Options) (*Result, error) {
	if err := sourceFolder(opts.Source); err != nil {
		return nil, err
	}
	dest := opts.dest()
	if err := write.CheckDest(opts.Source, dest); err != nil {
		return nil, err // a *write.Error, which says what to do
	}
	tx, err := write.Begin(dest)
	if err != nil {
		return nil, err
	}
	res, err := Run(opts, tx)
	if err != nil || res.Diagnostics.HasErrors() {
		tx.Abort()
		return res, err
	}
	return res, tx.Commit()
}

// Run runs every stage of the pipeline and writes the site into out:
// Build writes into a folder, serve's first build and the tests into
// memory. With errors, out may hold part of the site.
func Run(opts Options, out render.Output) (*Result, error) {
	if err := sourceFolder(opts.Source); err != nil {
		return nil, err
	}
	mem := planMemory(opts.FitMemory)
	defer mem.done()
	// 0. With --as-of, the source as the day's last commit holds it.
	opts, asOfNote, done, err := asOf(opts)
	if err != nil {
		return nil, err
	}
	defer done()
	bundled := beside(func() (*assets.Bundle, diag.List) { return Assets(opts) })

	// 1. isms.toml, and the flags that depend on it.
	cfg, diags, err := Config(opts)
	if err != nil {
		return nil, err
	}
	diags.Add(asOfNote...)
	// The git history is read while the documents are.
	gitLog := beside(func() (*history.History, diag.List) { return GitLog(opts) })
	defer closeLog(gitLog)
	// 2. Every document file: load, validate on its own, scan its links.
	docs := ReadDocuments(opts, cfg, false)
	if cfg == nil {
		return failed(append(diags, docs.Diags...)), nil
	}
	diags.Add(InForce(opts, cfg, gitLog.get, docs)...)
	diags.Add(opts.past.leaveOutFaulty(docs, docs.Diags)...)
	// The layouts are parsed while the documents are linked.
	theme := beside(func() (*Theme, diag.List) { return Layouts(opts, cfg) })
	// 3. The document set: rules across documents, what is published,
	// the links between documents.
	var site *model.Site
	var d diag.List
	if opts.past != nil {
		site, d = opts.past.linkPast(opts, cfg, docs)
	} else {
		site, d = Link(opts, cfg, docs.Converted, &docs.Files, docs.Failed...)
	}
	diags.Add(d...)
	// 3b. The documents' earlier versions and the tombstones, from git.
	hist, d := gitLog.wait()
	diags.Add(d...)
	diags = Versions(opts, hist, docs.Converted, site, diags)
	// 4. The reports: reviews, approvals, distribution, controls.
	var data *reports.Data
	if !diags.HasErrors() {
		data = reports.Compute(site)
		diags.Add(data.Diagnostics...)
	}
	// 5. The theme: interface strings, layouts and assets.
	th, d := theme.wait()
	diags.Add(d...)
	bundle, d := bundled.wait()
	diags.Add(d...)
	if diags.HasErrors() {
		diags.Add(layoutRunErrors(opts, cfg, docs, hist, th, bundle, diags)...)
		return failed(diags), nil
	}
	th.Assets = bundle
	diags.Sort()
	res := &Result{Site: site, Reports: data, Diagnostics: diags}

	// 6. The pages, the search index and the machine-readable files.
	docs.letGo()
	mem.rendering()
	count := &counter{Output: out}
	d, err = Publish(site, data, th, docs, hist, count)
	res.Diagnostics.Add(d...)
	res.Diagnostics.Sort()
	res.Pages, res.Files = int(count.pages), int(count.files)
	return res, err
}

// Check runs the stages that find problems, the layouts' included, and
// writes nothing. A site with layouts of its own has its pages made too,
// and thrown away: a layout that shows a field the data no longer has,
// or a template no layout defines, fails only when it runs, and check
// must not pass what build then refuses.
func Check(opts Options) (*Result, error) {
	if ownLayouts(opts.Source) {
		res, err := Run(opts, discard{})
		if res != nil && res.Diagnostics.HasErrors() {
			return failed(res.Diagnostics), err // no report of content that does not build
		}
		return res, err
	}
	cfg, diags, err := Config(opts)
	if err != nil {
		return nil, err
	}
	gitLog := beside(func() (*history.History, diag.List) { return GitLog(opts) })
	defer closeLog(gitLog)
	docs := ReadDocuments(opts, cfg, false)
	diags.Add(docs.Diags...)
	if cfg == nil {
		return failed(diags), nil
	}
	diags.Add(InForce(opts, cfg, gitLog.get, docs)...)
	site, d := Link(opts, cfg, docs.Converted, &docs.Files, docs.Failed...)
	diags.Add(d...)
	hist, d := gitLog.wait()
	diags.Add(d...)
	diags = Versions(opts, hist, docs.Converted, site, diags)
	_, d = Layouts(opts, cfg)
	diags.Add(d...)
	if diags.HasErrors() {
		return failed(diags), nil
	}
	data := reports.Compute(site)
	diags.Add(data.Diagnostics...)
	diags.Sort()
	return &Result{Site: site, Reports: data, Diagnostics: diags}, nil
}

// failed is the result of a pipeline that stopped at errors.
func failed(diags diag.List) *Result {
	diags.Sort()
	return &Result{Diagnostics: diags}
}
