package render

// report is the page of a report at url: a page (see page) whose printed
// copy carries the organisation, the report's title and the day it was
// computed for at the head of every page, and at its foot that the
// printed copy shows that day's state, as a printed document carries its
// number, title and version (printStyle).
func (r *renderer) report(url, title, section string, data any) *Page {
	p := r.page(url, title, section, data)
	s, cfg := r.in.Strings, r.in.Site.Config
	left := cfg.Organisation
	if left == "" {
		left = cfg.Title
	}
	p.PrintStyle, p.PrintStyleHash = printStyleOf(printHead{
		left: left, center: title, right: s.T("review.as_of", r.in.Site.Now.String()), notice: s.T("report.print_notice"),
	}, s.T("doc.page_of"))
	return p
}
