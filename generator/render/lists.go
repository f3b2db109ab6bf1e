package render

import (
	"strconv"
	"strings"
	"sync"

	"ismsgen/generator/i18n"
	"ismsgen/generator/model"
	"ismsgen/generator/reports"
)

// Every long list of the site (the register, a tier, the tables of the
// reports, a department's lists, a control's documents) is a List. Its
// first page is part of the page it is on; its other pages are pages of
// their own in the same folder (<ID>-<k>.html), so that without
// JavaScript the whole list can be read page by page; and
// lists/<Name>.js holds all its rows, which the page script
// (assets/js/lists.ts) filters, sorts and pages in the browser, with
// lists/docs.js, the documents they name.

// PageSize is the number of rows of a list's page.
const PageSize = 100

// toolsFrom is the number of rows from which a list has filters, sorting
// and its range ("1–100 of 8,513"): a shorter one is read at a glance.
const toolsFrom = 11

// Column is one column of a list: the key that says what its cells show
// (see layouts/partials/list.html and lists.ts) and its heading.
type Column struct{ Key, Label string }

// columnLabels gives each column key its heading.
var columnLabels = map[string]string{
	"id": "field.id", "title": "field.title", "title-status": "field.title", "title-withdrawn": "field.title",
	"version": "field.version", "status": "field.status", "type": "field.type", "owners": "field.owners",
	"effective": "field.effective", "approved": "field.approved", "last-reviewed": "field.last_reviewed",
	"author": "field.author", "reviewer": "field.reviewer", "approver": "field.approver",
	"review": "field.next_review", "review-state": "field.review_state",
	"days-overdue": "reviews.days_overdue", "days-left": "reviews.days_left", "days": "reviews.days",
	"since": "approvals.since", "waiting": "approvals.waiting",
	"w-version": "withdrawn.version", "w-date": "withdrawn.date", "replaced-by": "withdrawn.replaced_by",
	"courses": "training.courses", "ack": "doc.ack",
	"retention": "field.retention", "r-from": "records.from", "r-disposal": "records.disposal",
	"r-days-past": "records.days_past", "r-days-left": "records.days_left",
	"a-id": "action.id", "a-title": "action.title", "a-source": "action.source", "a-owner": "action.owner",
	"a-docs": "action.documents", "a-due": "action.due", "a-closed": "action.closed", "a-evidence": "action.evidence",
	"a-state": "action.state", "mr-event": "field.date",
	"c-title": "training.course", "c-docs": "training.documents", "c-depts": "training.departments",
}

// The columns of the lists.
const (
	colsRegister  = "id,title,version,status,owners,effective,review"
	colsTier      = "id,title,type,version,status,owners,effective,review"
	colsEntries   = "id,title-status,version,owners,effective,review"
	colsIssue     = "id,title-status,version,type,effective"
	colsDrafts    = "id,title-status,version,owners,author"
	colsEffective = "id,title-status,version,owners,approver,approved,effective"
	colsPending   = "id,title-status,version,owners,author,reviewer,approver,since,waiting"
	colsWithdrawn = "id,title-withdrawn,w-version,w-date,replaced-by"
	colsOverdue   = "id,title-status,version,owners,last-reviewed,review,days-overdue,approver"
	colsDueSoon   = "id,title-status,version,owners,last-reviewed,review,days-left,approver"
	colsMissing   = "id,title-status,version,owners,approved,review-state,approver"
	colsToDo      = "id,title-status,version,owners,last-reviewed,review,days,approver"
	colsTraining  = "id,title-status,version,courses,ack"
	colsControl   = "id,title-status,type,version,owners,review"
	colsRecords   = "id,title-status,type,owners,retention,r-from"
	colsPast      = colsRecords + ",r-disposal,r-days-past"
	colsKept      = colsRecords + ",r-disposal,r-days-left"
	colsOpen      = "a-id,a-title,a-source,a-owner,a-docs,a-due,a-state"
	colsClosed    = "a-id,a-title,a-source,a-owner,a-docs,a-due,a-closed,a-evidence"
	colsSources   = "id,title-status,mr-event"
	colsCourses   = "c-title,c-docs,c-depts"
)

// listKinds are the column keys of every list: the template
// "list-row:<keys>" of each is made with the layouts (rowTemplates).
var listKinds = []string{colsRegister, colsTier, colsEntries, colsIssue, colsDrafts, colsEffective, colsPending,
	colsWithdrawn, colsOverdue, colsDueSoon, colsMissing, colsToDo, colsTraining, colsControl, colsPast, colsKept,
	colsRecords, colsOpen, colsClosed, colsSources, colsCourses}

// rowTemplates is the text of the templates that make the rows of each
// kind of list: the cells of its keys (list-cell-<key>), in order.
func rowTemplates() string {
	var b strings.Builder
	for _, kind := range listKinds {
		b.WriteString(`{{define "list-row:` + kind + `"}}<tr{{with .Rows.Action}} id="{{.Anchor}}"{{end}}>`)
		for k := range strings.SplitSeq(kind, ",") {
			b.WriteString(`{{template "list-cell-` + k + `" .}}`)
		}
		b.WriteString("</tr>{{end}}\n")
	}
	return b.String()
}

// columns returns the columns of a list's keys, with their headings.
func columns(s *i18n.Strings, keys string) []Column {
	var cols []Column
	for k := range strings.SplitSeq(keys, ",") {
		cols = append(cols, Column{Key: k, Label: s.T(columnLabels[k])})
	}
	return cols
}

// listColumns is the template function "columns": the columns of a
// list's keys, made once for each set of keys.
func listColumns(s *i18n.Strings) func(keys string) []Column {
	var mu sync.Mutex
	made := map[string][]Column{}
	return func(keys string) []Column {
		mu.Lock()
		defer mu.Unlock()
		c, ok := made[keys]
		if !ok {
			c = columns(s, keys)
			made[keys] = c
		}
		return c
	}
}

// ListRow is one row of a list: a document and what the list says of it.
type ListRow struct {
	Doc        *model.Document
	Review     *reports.Review      // nil when the document is not subject to review
	Pending    *reports.Pending     // for lists of documents awaiting approval
	Withdrawal *reports.Withdrawal  // for lists of withdrawn documents and versions
	AckURL     string               // for the training list
	Record     *reports.Record      // for the records list
	Action     *reports.Action      // for the lists of actions; Doc is the record that raises it
	Source     *reports.InputSource // for the management review's inputs
	Course     *CourseDocs          // for the list of courses; Doc is nil
}

// List is a long list of rows and the page of it being rendered.
type List struct {
	ID      string // "docs", "in-force": its section's anchor, its pages' names, its state's key in the URL
	Name    string // "approvals.in-force": lists/<Name>.js
	Title   string // its heading, on its own pages
	Kind    string // its columns' keys, joined by commas
	Columns []Column
	Rows    []ListRow
	// Cache says that the same rows are on other pages (a document is
	// in the lists of every department it is distributed to): each is
	// made once for all of them (cachedRows).
	Cache bool
	// Filters are the filters worth offering: those by which the rows
	// differ ("tier", "dept", "status", "review", "type").
	Filters []string

	Host      string // the URL of the page it is on ("approvals/")
	HostTitle string
	Single    bool // the only list of its page: its first page is the page itself, not a section of it
	Own       bool // not on the page it belongs to: its first page is a page of its own too

	// The page being rendered.
	Page int // 1 … Pages
	Rel  string
}

// newList makes the list id on the page at host (titled hostTitle) with
// rows and the columns of keys.
func (r *renderer) newList(host, hostTitle, id, title, keys string, rows []ListRow) *List {
	l := &List{
		ID: id, Name: strings.ReplaceAll(strings.TrimSuffix(host, "/"), "/", ".") + "." + id,
		Title: title, Kind: keys, Columns: r.columns(keys), Rows: rows,
		Host: host, HostTitle: hostTitle, Page: 1, Rel: strings.Repeat("../", strings.Count(host, "/")),
	}
	l.Filters = listFilters(rows, r.in.Reports)
	return l
}

// columns returns the columns of keys, made once per renderer.
func (r *renderer) columns(keys string) []Column {
	r.colsMu.Lock()
	defer r.colsMu.Unlock()
	if c, ok := r.cols[keys]; ok {
		return c
	}
	if r.cols == nil {
		r.cols = map[string][]Column{}
	}
	c := columns(r.in.Strings, keys)
	r.cols[keys] = c
	return c
}

// listFilters returns the filters by which rows differ. The rows of a
// list of actions are filtered by the action's owner and source, the
// others by their document's tier, owners, status, review state and type.
func listFilters(rows []ListRow, data *reports.Data) []string {
	var tiers, status, types, review, depts, sources = map[int]bool{}, map[string]bool{}, map[string]bool{}, map[string]bool{}, map[string]bool{}, map[string]bool{}
	for _, row := range rows {
		if a := row.Action; a != nil {
			depts[a.Owner], sources[a.Source] = true, true
			continue
		}
		if c := row.Course; c != nil { // a course is taken by its departments, or by all
			for _, d := range c.Depts {
				depts[d.ID] = true
			}
			if c.AllStaff {
				depts[model.AllStaff] = true
			}
			continue
		}
		d := row.Doc
		tiers[d.Tier], status[d.Status], types[d.Type] = true, true, true
		rv := row.Review
		if rv == nil {
			review[""] = true
		} else {
			review[string(rv.State)] = true
		}
		for _, o := range d.Owners {
			depts[o] = true
		}
	}
	var out []string
	for _, f := range []struct {
		name string
		n    int
	}{{"tier", len(tiers)}, {"dept", len(depts)}, {"status", len(status)}, {"review", len(review)}, {"type", len(types)}, {"source", len(sources)}} {
		if f.n > 1 {
			out = append(out, f.name)
		}
	}
	return out
}

// Pages is the number of pages of the list.
func (l *List) Pages() int { return max(1, (len(l.Rows)+PageSize-1)/PageSize) }

// RowTemplate is the template that makes the list's rows.
func (l *List) RowTemplate() string { return "list-row:" + l.Kind }

// Paged reports whether the list has more than one page.
func (l *List) Paged() bool { return l.Pages() > 1 }

// Total is the number of rows.
func (l *List) Total() int { return len(l.Rows) }

// Long reports whether the list has filters, sorting and its range.
func (l *List) Long() bool { return len(l.Rows) >= toolsFrom }

// PageRows are the rows of the page being rendered.
func (l *List) PageRows() []ListRow {
	lo := (l.Page - 1) * PageSize
	return l.Rows[lo:min(len(l.Rows), lo+PageSize)]
}

// From and To are the numbers of the first and last rows of the page.
func (l *List) From() int { return min(len(l.Rows), (l.Page-1)*PageSize+1) }
func (l *List) To() int   { return min(len(l.Rows), l.Page*PageSize) }

// FilterNames are the list's filters, separated by spaces.
func (l *List) FilterNames() string { return strings.Join(l.Filters, " ") }

// allFilters are every filter a list may offer.
var allFilters = []string{"tier", "dept", "status", "review", "type", "source"}

// Has reports whether the list offers filter f.
func (l *List) Has(f string) bool {
	for _, x := range l.Filters {
		if x == f {
			return true
		}
	}
	return false
}

// PageFile is the file of page k (≥ 2, or any for an Own list), in the
// folder of the list's page.
func (l *List) PageFile(k int) string { return l.ID + "-" + strconv.Itoa(k) + ".html" }

// href is the link from any page of the list to its page k.
func (l *List) href(k int) string {
	switch {
	case k > 1 || l.Own:
		return l.PageFile(k)
	case l.Page == 1:
		return "#list-" + l.ID
	case l.Single:
		return "./"
	}
	return "./#list-" + l.ID
}

// FirstHref is the link to the list's first page (on the page it is on).
func (l *List) FirstHref() string { return l.href(1) }

// PageLink is one link of a list's pager.
type PageLink struct {
	Label   string // the page's number, or "" for a gap
	Href    string
	Current bool
}

// Pager lists the links to the list's other pages: the first and the
// last, the two on each side of this one, and gaps between them.
func (l *List) Pager() []PageLink {
	n := l.Pages()
	var out []PageLink
	last := 0
	for k := 1; k <= n; k++ {
		if k != 1 && k != n && (k < l.Page-2 || k > l.Page+2) {
			continue
		}
		if k > last+1 {
			out = append(out, PageLink{})
		}
		out = append(out, PageLink{Label: strconv.Itoa(k), Href: l.href(k), Current: k == l.Page})
		last = k
	}
	return out
}

// Prev and Next are the links to the pages before and after this one,
// "" at the ends.
func (l *List) Prev() string {
	if l.Page <= 1 {
		return ""
	}
	return l.href(l.Page - 1)
}

func (l *List) Next() string {
	if l.Page >= l.Pages() {
		return ""
	}
	return l.href(l.Page + 1)
}

// listed is a view with lists: their other pages and data files are
// written after the page.
type listed interface{ lists() []*List }

// emitLists writes the other pages of each list of a page's view with the
// page's own layout (base.html shows the list instead of the page's
// main), and the lists' data files.
func (r *renderer) emitLists(out Output, layout string, host *Page) error {
	v, ok := host.Data.(listed)
	if !ok {
		return nil
	}
	for _, l := range v.lists() {
		if len(l.Rows) == 0 {
			continue
		}
		first := 2
		if l.Own {
			first = 1
		}
		for k := first; k <= l.Pages(); k++ {
			l.Page = k
			p := r.page(host.URL+l.PageFile(k), r.in.Strings.T("list.page_title", l.Title, k, l.Pages()), host.Section, host.Data)
			p.List = l
			p.PrintStyle, p.PrintStyleHash = host.PrintStyle, host.PrintStyleHash // printed with its page's head
			if err := r.emit(out, layout, p); err != nil {
				return err
			}
		}
		l.Page = 1
		if !l.Long() {
			continue
		}
		if err := out.File("lists/"+l.Name+".js", r.listData(l)); err != nil {
			return err
		}
	}
	return nil
}
