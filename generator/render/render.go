package render

import (
	"bytes"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"maps"
	"strings"
	"sync"
	"sync/atomic"

	"ismsgen/generator/assets"
	"ismsgen/generator/diag"
	"ismsgen/generator/i18n"
	"ismsgen/generator/internal/fast"
	"ismsgen/generator/internal/par"
	"ismsgen/generator/internal/tmplexec"
	"ismsgen/generator/markdown"
	"ismsgen/generator/model"
	"ismsgen/generator/reports"
)

// Output receives the pages; write.Tx and serve's in-memory site implement it.
// Both methods must be safe for concurrent use.
type Output interface {
	File(rel string, data []byte) error
	// Copy publishes an attachment at rel: the bytes of a.Source, read as
	// safefile.Copy does, only while they are the a.Size bytes with the
	// a.SHA256 that the page lists.
	Copy(rel string, a model.Attachment) error
}

// Input is everything render needs.
type Input struct {
	Site    *model.Site
	Reports *reports.Data
	Assets  *assets.Bundle
	Strings *i18n.Strings
	Layouts fs.FS // the layouts overlay

	// Index, when set, takes each document's text as soon as its page
	// is written, and Site returns no Texts: the search index can take
	// each text and let it go, rather than all the texts of the site
	// being held until the end.
	Index TextSink

	// Bodies, when set, gives the Markdown body of a document whose Body
	// is nil: a large build lets the bodies go after the link stage and
	// reads each again when its page is rendered.
	Bodies BodySource

	// Earlier, when set, gives the texts of the documents' earlier
	// versions (model.Version.Blob) for their pages.
	Earlier EarlierSource

	// Parsed, when set, is Layouts already parsed by ParseLayouts with
	// Site.Config and Strings: a build parses them while the site is
	// still being analysed.
	Parsed *Parsed
}

// TextSink takes the documents' texts, from several goroutines and in any
// order; i is the document's place in Site.Docs.
type TextSink interface {
	Text(i int, t Text) error
}

// BodySource gives the Markdown body of a document, and done (nil when
// there is nothing to do), which render calls once nothing refers to the
// body any more: its page's body is rendered, into bytes of their own.
// The source may then read the next body into its room.
type BodySource interface {
	Body(d *model.Document) (body []byte, done func(), err error)
}

// Text is what render learned about one document body, for the search index.
type Text struct {
	Doc      *model.Document
	Headings []markdown.Heading
	Plain    string
}

// Page is the value every layout is executed with.
type Page struct {
	Site    *model.Site
	Config  *model.Config
	Title   string
	URL     string // the page's URL relative to the site root ("" for home)
	Rel     string // from the page back to the site root: "", "../", "../../"
	Home    string // the link to the home page: "./" or Rel
	CSS, JS string // asset URLs relative to the page
	Section string // the navigation entry to highlight
	Lang    string
	Now     string
	Data    any
	// List, when set, is the list of Data whose page (its second or a
	// later one) this is: base.html shows it instead of the page's main.
	List *List

	// PrintStyle is a document page's own print style, a whole <style>
	// element: the running head and foot of its printed copy.
	// PrintStyleHash ("sha256-…") lets the page's Content-Security-Policy
	// allow that one element and no other inline style.
	PrintStyle     template.HTML
	PrintStyleHash string
}

// Result is what render reports back.
type Result struct {
	Texts []Text    // every document's text, in site order, for the search index
	Pages []string  // every page URL relative to the site root, sorted, for the sitemap
	Notes diag.List // the templates tmplexec left to html/template (FallbackCode), once each
}

// Site renders every page into out.
func Site(in Input, out Output) (*Result, error) {
	r, err := New(in)
	if err != nil {
		return nil, err
	}
	texts, pages, err := r.r.all(in.Site.Docs, out)
	if err != nil {
		return nil, err
	}
	return &Result{Texts: texts, Pages: PageList(pages, in.Site.Docs), Notes: r.r.fallbacks.notes()}, nil
}

// all renders the site pages and the pages of docs as one set of jobs on
// every core, the site pages first: they are the longest (a register or
// a department's distribution list names thousands of documents), so
// starting them first keeps the cores busy to the end. It returns the
// documents' texts in the order of docs and the URLs of the site pages
// that belong in the sitemap, as Documents and SitePages do.
func (r *renderer) all(docs []*model.Document, out Output) ([]Text, []string, error) {
	site := r.sitePages()
	// Each layout's copy, with the rows it cached, goes when its last
	// page is written: the site pages come first, so the documents'
	// pages are rendered without them.
	left := map[string]*atomic.Int32{}
	for _, p := range site {
		if left[p.layout] == nil {
			left[p.layout] = new(atomic.Int32)
		}
		left[p.layout].Add(1)
	}
	var texts []Text // given to in.Index instead, when there is one
	if r.in.Index == nil {
		texts = make([]Text, len(docs))
	}
	errs := make([]error, len(site)+len(docs)+1)
	par.Each(len(site)+len(docs)+1, func(i int) {
		if i == len(site)+len(docs) { // the documents as the lists' script sees them, and the lists' labels
			errs[i] = r.listFiles(out)
			return
		}
		if i < len(site) {
			errs[len(docs)+i] = r.sitePage(out, site[i])
			// Its lists' rows are megabytes on a large site: gone
			// once its pages are written, not kept to the end.
			site[i].page.Data, site[i].page.List = nil, nil
			if left[site[i].layout].Add(-1) == 0 {
				r.setsMu.Lock()
				delete(r.sets, site[i].layout)
				r.setsMu.Unlock()
			}
			return
		}
		j := i - len(site)
		t, err := r.document(docs[j], out)
		switch {
		case err != nil:
		case texts == nil:
			err = r.in.Index.Text(j, t)
		default:
			texts[j] = t
		}
		errs[j] = err
	})
	if err := joinDistinct(errs); err != nil {
		return nil, nil, err
	}
	if err := r.files(out); err != nil {
		return nil, nil, err
	}
	var urls []string
	for _, p := range site {
		// Neither the 404 page nor a withdrawn document's or an old id's
		// (under docs/) belongs in the sitemap.
		if p.page.URL != "404.html" && !strings.HasPrefix(p.page.URL, "docs/") {
			urls = append(urls, p.page.URL)
		}
	}
	return texts, urls, nil
}

type renderer struct {
	in        Input
	tpl       *templates
	bodies    *bodies
	bufs      sync.Pool
	fallbacks fallbacks

	setsMu sync.Mutex
	sets   map[string]*layoutSet // this renderer's copies of the layouts, made as they are needed

	colsMu sync.Mutex
	cols   map[string][]Column // the columns of each list kind

	numbersOnce sync.Once
	numbers     map[*model.Document]int // see docNumber

	actionPagesOnce sync.Once
	actionPages     map[string]string // see actionPage

	cutMu sync.Mutex
	cuts  map[string]*layoutSet // see cutSet

	unclosedMu sync.Mutex
	unclosed   map[string]error // see escapeErrors

	leftOutOnce sync.Once
	leftOutLens uint64 // see plainHit
}

// layout returns this renderer's copy of a page layout's templates.
func (r *renderer) layout(name string) (*layoutSet, error) {
	r.setsMu.Lock()
	defer r.setsMu.Unlock()
	if ls := r.sets[name]; ls != nil {
		return ls, nil
	}
	master := r.tpl.pages[name]
	if master == nil {
		return nil, &LayoutError{name, errors.New("layout not found")}
	}
	t, err := master.Clone()
	if err != nil {
		return nil, &LayoutError{name, err}
	}
	ls := &layoutSet{t: t, fallbacks: &r.fallbacks}
	own := template.FuncMap{"cached": ls.cached, "cachedRows": ls.cachedRows, "eachRow": ls.eachRow, "actionPage": r.actionPage}
	t.Funcs(own)
	all := maps.Clone(r.tpl.funcs)
	maps.Copy(all, own)
	if fast.On() {
		direct := maps.Clone(r.tpl.direct)
		direct["cached"] = ls.cachedDirect
		ls.fast = tmplexec.New(t, all, direct).WithMethods(r.tpl.methods).
			WithStreams(map[string]tmplexec.Stream{"cachedRows": ls.streamRows(true), "eachRow": ls.streamRows(false)})
		ls.direct = r.tpl.rows[name]
	}
	if r.sets == nil {
		r.sets = map[string]*layoutSet{}
	}
	r.sets[name] = ls
	return ls, nil
}

func newRenderer(in Input) (*renderer, error) {
	var tpl *templates
	if in.Parsed != nil {
		tpl = in.Parsed.tpl
	} else {
		var err error
		if tpl, err = parseTemplates(in.Layouts, nil, in.Site.Config, in.Strings); err != nil {
			return nil, err
		}
	}
	return &renderer{
		in:     in,
		tpl:    tpl,
		bodies: newBodies(in.Strings.T("doc.withheld")),
		bufs:   sync.Pool{New: func() any { return new(bytes.Buffer) }},
	}, nil
}

// page makes the common part of a page at url ("docs/X/"; "" for home).
func (r *renderer) page(url, title, section string, data any) *Page {
	rel := strings.Repeat("../", strings.Count(url, "/"))
	p := &Page{
		Site: r.in.Site, Config: r.in.Site.Config, Title: title, URL: url, Rel: rel,
		Section: section, Lang: r.in.Site.Config.Language, Now: r.in.Site.Now.String(), Data: data,
		Home: rel,
	}
	if rel == "" {
		p.Home = "./"
	}
	if r.in.Assets != nil {
		if r.in.Assets.CSS != "" {
			p.CSS = rel + r.in.Assets.CSS
		}
		if r.in.Assets.JS != "" {
			p.JS = rel + r.in.Assets.JS
		}
	}
	return p
}

// emit executes a layout and writes the page to <URL>index.html (or to
// URL itself when it names a file, like 404.html).
func (r *renderer) emit(out Output, layout string, p *Page) error {
	ls, err := r.layout(layout)
	if err != nil {
		return err
	}
	buf := r.bufs.Get().(*bytes.Buffer)
	defer r.bufs.Put(buf)
	buf.Reset()
	if err := ls.execute(buf, p); err != nil {
		if found := r.escapeErrors(layout, err); found != nil {
			return found
		}
		return r.moreErrors(layout, p, err)
	}
	file := p.URL + "index.html"
	if strings.HasSuffix(p.URL, ".html") {
		file = p.URL
	}
	return out.File(file, buf.Bytes())
}

type sitePage struct {
	layout string
	page   *Page
	// data, when set, makes page.Data: the register, the tiers and the
	// home page go through every document, which on a large site is
	// better done in the page's own job, beside the other pages, than
	// before them on one core.
	data func() any
}

// sitePage writes a site page, the other pages of its lists and their
// data.
func (r *renderer) sitePage(out Output, sp sitePage) error {
	p := sp.made()
	if err := r.emit(out, sp.layout, p); err != nil {
		return err
	}
	return r.emitLists(out, sp.layout, p)
}

// made is the page, its data made.
func (p sitePage) made() *Page {
	if p.data != nil {
		p.page.Data = p.data()
	}
	return p.page
}

// sitePages lists every page that is not a document page.
func (r *renderer) sitePages() []sitePage {
	s := r.in.Strings
	pages := []sitePage{
		{"home.html", r.page("", s.T("home.title"), "home", nil), func() any { return r.home() }},
		{"register.html", r.report("register/", s.T("register.title"), "register", nil), func() any { return r.register() }},
		{"search.html", r.page("search/", s.T("search.title"), "search", nil), nil},
		{"404.html", r.page("404.html", s.T("notfound.title"), "", nil), func() any { return r.notFound() }},
	}
	pages = append(pages, r.reportPages()...)
	pages = append(pages, r.tombstonePages()...)
	pages = append(pages, r.movedPages()...)
	pages = append(pages, r.recordPages()...)
	pages = append(pages, r.controlPages()...)
	for tier := 1; tier <= 3; tier++ {
		pages = append(pages, sitePage{"tier.html", r.report(fmt.Sprintf("tiers/%d/", tier), s.T(fmt.Sprintf("tier.%d", tier)), "tiers", nil), func() any { return r.tier(tier) }})
	}
	return pages
}
