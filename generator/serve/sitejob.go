package serve

import (
	"errors"
	"fmt"
	"sync/atomic"

	"ismsgen/generator"
	"ismsgen/generator/i18n"
	"ismsgen/generator/model"
	"ismsgen/generator/render"
	"ismsgen/generator/reports"
)

// siteJob makes the pages and files that are not document pages from one
// rebuild's immutable values: the site pages (home, tiers, register,
// reports, controls…), the search index and the machine-readable files.
type siteJob struct {
	gen      int
	renderer *render.Renderer
	site     *model.Site
	data     *reports.Data
	strings  *i18n.Strings
	texts    []render.Text // every document's, in site order
	// pages says the site pages changed; without it only the search index
	// and the files are made again, and sitePages lists the site pages.
	pages     bool
	sitePages []string
	// stop asks a running job to give up: a new change has come, and its
	// rebuild should not share the processor with work it may replace.
	stop atomic.Bool
}

// errStopped is the error of a job that was asked to stop.
var errStopped = errors.New("stopped")

// siteResult is what a siteJob made.
type siteResult struct {
	job       *siteJob
	u         update
	sitePages []string
	err       error
}

func (j *siteJob) run() siteResult {
	res := siteResult{job: j, sitePages: j.sitePages, u: update{}}
	if j.pages {
		out := newMemOut()
		out.stop = &j.stop
		urls, err := j.renderer.SitePages(out)
		if err != nil {
			res.err = err
			return res
		}
		res.sitePages, res.u["site"] = urls, out.files
	}
	if j.stop.Load() {
		res.err = errStopped
		return res
	}
	out := newMemOut()
	out.stop = &j.stop
	rendered := &render.Result{Texts: j.texts, Pages: render.PageList(res.sitePages, j.site.Docs)}
	if err := generator.Derived(j.site, j.data, rendered, j.strings, out); err != nil {
		res.err = err
		return res
	}
	res.u["derived"] = out.files
	return res
}

// schedule runs a site job in the background, or queues it behind the
// running one (replacing a queued one, whose work it includes).
func (e *engine) schedule(j *siteJob) {
	if e.next != nil {
		j.pages = j.pages || e.next.pages
	}
	e.next = j
	e.startNext()
}

func (e *engine) startNext() {
	if e.running != nil || e.next == nil {
		return
	}
	j := e.next
	e.next = nil
	e.running = j
	j.sitePages = e.sitePages
	e.jobs <- j
}

// stopRunning asks the running site job to stop; siteDone runs it again
// later unless a newer job includes its work.
func (e *engine) stopRunning() {
	if e.running != nil {
		e.running.stop.Store(true)
	}
}

// siteDone publishes a finished site job unless a newer one was
// published already.
func (e *engine) siteDone(res siteResult) {
	e.running = nil
	defer e.startNext()
	if errors.Is(res.err, errStopped) {
		switch {
		case res.job.gen < e.fullGen: // a full rebuild made all since
		case e.next != nil:
			e.next.pages = e.next.pages || res.job.pages
		default: // the rebuild that stopped it failed or changed nothing
			res.job.stop.Store(false)
			e.next = res.job
		}
		return
	}
	if res.err != nil {
		diags := renderErrors(res.err, e.g.theme)
		c := e.messages()
		for _, d := range diags {
			fmt.Fprintf(e.log, "  %s\n", c.Line(d))
		}
		e.hub.publish(Event{Kind: KindErrors, Build: e.store.current(), Errors: e.shownProblems(diags, c)})
		e.failed = true
		e.siteSum = 0 // make the site pages again next time
		return
	}
	changed, build, ok := e.store.apply(res.u, res.job.gen)
	if !ok {
		return
	}
	e.sitePages = res.sitePages
	if pages := pageURLs(changed); len(pages) > 0 {
		e.hub.publish(Event{Kind: KindReload, Build: build, Pages: pages})
	}
}

// answerIdle closes the channels of those waiting for the background work
// to finish, once it has.
func (e *engine) answerIdle() {
	if e.running != nil || e.next != nil {
		return
	}
	for _, reply := range e.waiting {
		close(reply)
	}
	e.waiting = nil
}
