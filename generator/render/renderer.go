package render

import (
	"sort"
	"strings"
	"sync"

	"ismsgen/generator/internal/par"
	"ismsgen/generator/model"
	"ismsgen/generator/reports"
)

// Renderer renders the pages of one linked site. Site uses it for every
// page; serve uses it for the pages that a change affects.
type Renderer struct{ r *renderer }

// New parses the layouts for in.
func New(in Input) (*Renderer, error) {
	r, err := newRenderer(in)
	if err != nil {
		return nil, err
	}
	return &Renderer{r}, nil
}

// With returns a Renderer for another site of the same configuration,
// strings, layouts and assets, without parsing the layouts again.
func (r *Renderer) With(site *model.Site, data *reports.Data) *Renderer {
	in := r.r.in
	in.Site, in.Reports = site, data
	return &Renderer{&renderer{in: in, tpl: r.r.tpl, bodies: r.r.bodies, bufs: sync.Pool{New: r.r.bufs.New}}}
}

// Documents renders the pages (and copies the attachments) of docs, which
// are published documents of the site, and returns their texts in the
// order of docs.
func (r *Renderer) Documents(docs []*model.Document, out Output) ([]Text, error) {
	texts := make([]Text, len(docs))
	errs := make([]error, len(docs))
	par.Each(len(docs), func(i int) {
		texts[i], errs[i] = r.r.document(docs[i], out)
	})
	for _, e := range errs {
		if e != nil {
			return nil, e
		}
	}
	return texts, nil
}

// SitePages renders every page that is not a document page — home, tiers,
// register, reports, controls, search, 404, the other pages of their
// lists — with the lists' data, and returns the URLs of those that
// belong in the sitemap (not the lists' other pages).
func (r *Renderer) SitePages(out Output) ([]string, error) {
	if err := r.r.files(out); err != nil {
		return nil, err
	}
	var urls []string
	if err := r.r.listFiles(out); err != nil {
		return nil, err
	}
	for _, p := range r.r.sitePages() {
		if err := r.r.sitePage(out, p); err != nil {
			return nil, err
		}
		// As in a build: neither the 404 page nor a withdrawn document's
		// or an old id's (under docs/).
		if p.page.URL != "404.html" && !strings.HasPrefix(p.page.URL, "docs/") {
			urls = append(urls, p.page.URL)
		}
	}
	return urls, nil
}

// PageList is every page URL of a site for the sitemap: the site pages
// that SitePages returned and the documents' pages, sorted.
func PageList(sitePages []string, docs []*model.Document) []string {
	pages := append([]string(nil), sitePages...)
	for _, d := range docs {
		pages = append(pages, d.URL())
	}
	sort.Strings(pages)
	return pages
}
