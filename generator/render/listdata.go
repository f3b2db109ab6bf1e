package render

import (
	"encoding/json"
	"fmt"
	"ismsgen/generator/internal/jsonrow"
	"slices"
	"strconv"
	"strings"

	"ismsgen/generator/model"
	"ismsgen/generator/reports"
)

// The lists' data files are scripts, as the search index's are, so that
// they load from file:// too: each stores a JSON value in the global
// window.ISMSListData under its name.
const listDataPrefix = "(window.ISMSListData=window.ISMSListData||{})["

func dataScript(key string, value []byte) []byte {
	b := make([]byte, 0, len(listDataPrefix)+len(key)+len(value)+8)
	b = append(b, listDataPrefix...)
	b = strconv.AppendQuote(b, key)
	b = append(b, "]="...)
	b = append(b, value...)
	return append(b, ";\n"...)
}

// docNumbers gives each published document its place in Site.Docs, the
// number lists/docs.js and the lists know it by.
func (r *renderer) docNumber(d *model.Document) int {
	r.numbersOnce.Do(func() {
		r.numbers = make(map[*model.Document]int, len(r.in.Site.Docs))
		for i, d := range r.listedDocs() {
			r.numbers[d] = i
		}
	})
	return r.numbers[d]
}

// listedDocs are the documents lists/docs.js numbers: the site's, then
// the withdrawn documents' (tombstones), which the lists of withdrawn
// documents name.
func (r *renderer) listedDocs() []*model.Document {
	site := r.in.Site
	if len(site.Tombstones) == 0 {
		return site.Docs
	}
	docs := make([]*model.Document, len(site.Docs), len(site.Docs)+len(site.Tombstones))
	copy(docs, site.Docs)
	for _, t := range site.Tombstones {
		if t.Listed != nil {
			docs = append(docs, t.Listed)
		}
	}
	return docs
}

// listFiles writes the files that every list shares: lists/docs.js,
// lists/labels.css and lists/tools.js.
func (r *renderer) listFiles(out Output) error {
	tools, err := r.toolsScript()
	if err != nil {
		return err
	}
	for _, f := range []struct {
		path string
		data []byte
	}{{"lists/docs.js", r.docsData()}, {"lists/labels.css", r.labelsCSS()}, {"lists/tools.js", tools}} {
		if err := out.File(f.path, f.data); err != nil {
			return err
		}
	}
	return nil
}

// labelsCSS is lists/labels.css: on a phone, where a list's rows are
// cards, the heading of each column of each kind of list before its
// cells, in the site's language. The cells carry no label of their own
// (a quarter of a large site's list pages was the same few labels).
func (r *renderer) labelsCSS() []byte {
	var b strings.Builder
	b.WriteString("/* The column headings of the lists, before their cells on a phone. */\n@media (max-width: 40rem) {\n")
	for _, kind := range listKinds {
		for i, c := range r.columns(kind) {
			fmt.Fprintf(&b, ".list-table[data-cols=%q] td:nth-child(%d)::before { content: %s; }\n", kind, i+1, cssString(c.Label))
		}
	}
	b.WriteString("}\n")
	return []byte(b.String())
}

// toolsScript is lists/tools.js: the filters and the order of the lists
// (the template list-tools, with every filter, in the site's language),
// which the page script copies into each list: {"html": …, "label": the
// pattern of the group's name}.
func (r *renderer) toolsScript() ([]byte, error) {
	ls, err := r.layout("register.html")
	if err != nil {
		return nil, err
	}
	html, err := ls.fragment("list-tools", &List{Filters: allFilters})
	if err != nil {
		return nil, &LayoutError{"partials/list.html", err}
	}
	v, _ := json.Marshal(map[string]string{"html": html, "label": r.in.Strings.T("list.filters")})
	return dataScript("tools", v), nil
}

// deptNumber is a department's place in isms.toml, -1 for none.
func (r *renderer) deptNumber(id string) int {
	for i, d := range r.in.Site.Config.Departments {
		if d.ID == id {
			return i
		}
	}
	return -1
}

// ymd is a date as the number YYYYMMDD, 0 when it is not set.
func ymd(d model.Date) int {
	if d.IsZero() {
		return 0
	}
	return d.Year*10000 + int(d.Month)*100 + d.Day
}

// listData is lists/<Name>.js: {"rows": [document, ...]} and, for the
// lists that say more of each row than its document, "x": one value per
// row: for a withdrawal [version, date, scheduled, earlier,
// [replacing documents]], for a document awaiting approval [since,
// days], for the training list [acknowledgement link, [[course, link],
// ...]], for a record [retention, from, disposal, state, days], for an
// action [anchor, id, title, source, owner, [documents], due, closed,
// state, days, clause, evidence document or -1, evidence link, evidence
// text] (the row's document is the record that raises it), for a source
// of the management review [kind, date]. Dates are YYYYMMDD or 0.
func (r *renderer) listData(l *List) []byte {
	b := append(make([]byte, 0, 8*len(l.Rows)+64), `{"rows":[`...)
	for i, row := range l.Rows {
		if i > 0 {
			b = append(b, ',')
		}
		n := -1 // a course
		if row.Doc != nil {
			n = r.docNumber(row.Doc)
		}
		b = strconv.AppendInt(b, int64(n), 10)
	}
	b = append(b, ']')
	if first := l.Rows[0]; first.Withdrawal != nil || first.Pending != nil || first.Record != nil ||
		first.Action != nil || first.Source != nil || first.Course != nil || l.Kind == colsTraining {
		b = append(b, `,"x":[`...)
		for i, row := range l.Rows {
			if i > 0 {
				b = append(b, ',')
			}
			b = r.appendExtra(b, row)
		}
		b = append(b, ']')
	}
	return dataScript(l.Name, append(b, '}'))
}

func (r *renderer) appendExtra(b []byte, row ListRow) []byte {
	var v any
	switch {
	case row.Withdrawal != nil:
		return r.appendWithdrawal(b, row.Withdrawal)
	case row.Pending != nil:
		v = []int{ymd(row.Pending.Since), row.Pending.Days}
	case row.Record != nil:
		rec := row.Record
		v = []any{reports.RetentionText(r.in.Strings, rec.Doc.Kept), ymd(rec.From), ymd(rec.Disposal), rec.State, rec.Days}
	case row.Action != nil:
		a := row.Action
		docs := make([]int, len(a.Docs))
		for i, d := range a.Docs {
			docs[i] = r.docNumber(d)
		}
		proof := -1
		if a.Proof != nil {
			proof = r.docNumber(a.Proof)
		}
		v = []any{a.Anchor(), a.ID, a.Title, a.Source, r.deptNumber(a.Owner), docs, ymd(a.Due), ymd(a.Closed), a.State,
			a.Days, a.Clause, proof, a.ProofURL, a.ProofText}
	case row.Source != nil:
		v = []any{row.Source.Kind, ymd(row.Source.Date)}
	case row.Course != nil:
		c := row.Course
		docs := make([]int, len(c.Docs))
		for i, d := range c.Docs {
			docs[i] = r.docNumber(d)
		}
		depts := make([]int, len(c.Depts))
		for i, d := range c.Depts {
			depts[i] = r.deptNumber(d.ID)
		}
		v = []any{c.Title, c.URL, docs, c.More, depts, flag(c.AllStaff)}
	default:
		courses := make([][2]string, len(row.Doc.Training))
		for i, t := range row.Doc.Training {
			courses[i] = [2]string{t.Title, t.URL}
		}
		v = []any{row.AckURL, courses}
	}
	return jsonrow.Append(b, v) // strings, numbers and lists of them
}

// appendWithdrawal appends a withdrawal's [version, date, scheduled,
// earlier, [replacing documents]] straight into b, as appendExtra would
// encode the list of them: the withdrawal lists are the longest of a
// large site, and the list and its boxed numbers were a third of what
// the list pages allocated.
func (r *renderer) appendWithdrawal(b []byte, w *reports.Withdrawal) []byte {
	b = jsonrow.Append(append(b, '['), w.Version)
	for _, n := range [...]int{ymd(w.Date), flag(w.Scheduled), flag(w.Earlier)} {
		b = strconv.AppendInt(append(b, ','), int64(n), 10)
	}
	b = append(b, ",["...)
	for i, d := range w.ReplacedBy {
		if i > 0 {
			b = append(b, ',')
		}
		b = strconv.AppendInt(b, int64(r.docNumber(d)), 10)
	}
	return append(b, "]]"...)
}

func flag(b bool) int {
	if b {
		return 1
	}
	return 0
}

// reviewStates are the review states in the order lists/docs.js numbers them.
var reviewStates = []reports.State{reports.OK, reports.DueSoon, reports.Overdue, reports.Missing}

// docsData is lists/docs.js: what the lists show of every published
// document, and the interface strings the page script needs.
//
//	{"now": YYYYMMDD, "sep": separator of names, "depts": [[id, name], ...],
//	 "types": [...], "statuses": [...], "states": [...], "people": [...],
//	 "labels": {key: string}, "docs": [[id, title, url, tier, type, version,
//	 status, [owner, ...], effective, approved, last reviewed, review,
//	 author, reviewer, approver], ...]}
//
// url is "" for docs/<id>/; type, status, owners and people are numbers
// into their lists; dates are YYYYMMDD or 0; review is 0 for a document
// not subject to review, else [state, date, days].
func (r *renderer) docsData() []byte {
	s, cfg := r.in.Strings, r.in.Site.Config
	depts := make([][2]string, len(cfg.Departments))
	deptNo := map[string]int{}
	for i, d := range cfg.Departments {
		depts[i] = [2]string{d.ID, d.Name}
		deptNo[d.ID] = i
	}
	people := []string{""}
	personNo := map[string]int{"": 0}
	person := func(name string) int {
		n, ok := personNo[name]
		if !ok {
			n = len(people)
			people = append(people, name)
			personNo[name] = n
		}
		return n
	}
	labels := map[string]string{}
	for _, k := range []string{"review.none", "withdrawn.no_date", "withdrawn.scheduled", "withdrawn.earlier",
		"withdrawn.current_version", "review.days_overdue", "review.days_left", "approvals.days",
		"review.days_overdue.one", "review.days_left.one", "approvals.days.one", "training.ack",
		"training.version", "list.more", "list.sep",
		"field.all_staff", "list.range", "list.matching", "list.none", "list.prev", "list.next",
		"tier.1", "tier.2", "tier.3"} {
		labels[k] = s.T(k)
	}
	for _, st := range model.Statuses {
		labels["status."+st] = s.T("status." + st)
	}
	for _, t := range model.Types {
		labels["type."+t] = s.T("type." + t)
	}
	for _, st := range reviewStates {
		labels["review."+string(st)] = s.T("review." + string(st))
	}
	for _, k := range []string{"records.no_date", "action.raised_by", "action.clause", "action.days_overdue",
		"action.days_left", "action.days_overdue.one", "action.days_left.one", "action.due_today"} {
		labels[k] = s.T(k)
	}
	for _, src := range model.ActionSources {
		labels["action.source."+src] = s.T("action.source." + src)
	}
	for _, st := range []reports.ActionState{reports.ActionOverdue, reports.ActionOpen, reports.ActionClosed} {
		labels["action.state."+string(st)] = s.T("action.state." + string(st))
	}
	for _, k := range []string{reports.SourceRecord, reports.SourceDocument, reports.SourceWithdrawn, reports.SourceExternal} {
		labels["mr.event."+k] = s.T("mr.event." + k)
	}
	sep := ", "
	if cfg.IsChinese() {
		sep = "、"
	}

	var b []byte
	b = append(b, `{"docs":[`...)
	for i, d := range r.listedDocs() {
		if i > 0 {
			b = append(b, ',')
		}
		url := d.URL()
		if url == "docs/"+d.ID+"/" {
			url = ""
		}
		owners := make([]int, 0, len(d.Owners))
		for _, o := range d.Owners {
			if n, ok := deptNo[o]; ok {
				owners = append(owners, n)
			}
		}
		var review any = 0
		if rv := r.in.Reports.ReviewOf(d); rv != nil {
			review = []int{slices.Index(reviewStates, rv.State), ymd(rv.Date), rv.Days}
		}
		b = jsonrow.Append(b, []any{d.ID, d.Title, url, d.Tier, slices.Index(model.Types, d.Type), d.Version,
			slices.Index(model.Statuses, d.Status), owners, ymd(d.Effective), ymd(d.Approved), ymd(d.LastReviewed),
			review, person(d.Author), person(d.Reviewer), person(d.Approver)})
	}
	b = append(b, ']')
	rest, _ := json.Marshal(map[string]any{
		"now": ymd(r.in.Site.Now), "sep": sep, "depts": depts, "types": model.Types, "statuses": model.Statuses,
		"states": reviewStates, "people": people, "labels": labels,
	})
	b = append(b, ',')
	b = append(b, rest[1:]...) // the object's members after "docs"
	return dataScript("docs", b)
}
