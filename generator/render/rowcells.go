package render

import (
	"bytes"
	"html/template"
	"io/fs"
	"maps"
	"slices"
	"strconv"
	"strings"
	"sync/atomic"

	"ismsgen/generator/internal/tmplexec"
	"ismsgen/generator/model"
	"ismsgen/generator/reports"
)

// The rows of the lists of documents are most of the template work of a
// large site (126,000 rows at 10,000 documents, of six to nine cells
// each), and tmplexec spent about 12 µs on each: a template call per
// cell, and each field looked up through the row's interface. A
// rowWriter writes such a row in Go instead, for the kinds of list whose
// every cell is one of the built-in cells and is left as the embedded
// partials/list.html and partials/reviewstate.html define it: a site that
// defines a cell of its own gets its rows from its templates. It escapes as html/template does
// (tmplexec's escapers), and runs only with the fast paths on.

// cellFuncs are the layouts' functions that the built-in cells call.
type cellFuncs struct {
	t                       func(string, ...any) string
	status, doctype, orDash func(string) string
	depts                   func([]string) string
	date                    func(model.Date) string
	state                   func(any) string
	retention               func(model.Retention) string

	// The texts of a few arguments each, made once: the label of a
	// review state, "Version {0}" of a withdrawn version's current one.
	stateOf, currentVersion textCache[string]
}

// textCache keeps what its function gave for up to maxTexts arguments,
// read without a lock by the renderers at once; a new argument copies
// what it keeps (a site has a few dozen departments, states, versions
// and retentions).
type textCache[K comparable] struct {
	f    func(K) string
	made atomic.Pointer[map[K]string]
}

const maxTexts = 256

func (c *textCache[K]) get(arg K) string {
	if m := c.made.Load(); m != nil {
		if s, ok := (*m)[arg]; ok {
			return s
		}
	}
	s := c.f(arg)
	c.keep(arg, s)
	return s
}

// keep keeps s as the text of arg, unless the cache is full.
func (c *textCache[K]) keep(arg K, s string) {
	old := c.made.Load()
	if old != nil && len(*old) >= maxTexts {
		return
	}
	next := make(map[K]string, 1)
	if old != nil {
		next = maps.Clone(*old)
	}
	if str, ok := any(arg).(string); ok { // bytes of its own, as a key kept
		arg = any(strings.Clone(str)).(K)
	}
	next[arg] = s
	c.made.CompareAndSwap(old, &next) // else another was kept meanwhile: made again when asked
}

// cellWriters write the built-in cells, by key.
var cellWriters = map[string]func(b *bytes.Buffer, f *cellFuncs, rel string, d *model.Document, rv *reports.Review){
	"id": func(b *bytes.Buffer, _ *cellFuncs, _ string, d *model.Document, _ *reports.Review) {
		b.WriteString(`<td class="doc-id">`)
		tmplexec.WriteText(b, d.ID)
		b.WriteString(`</td>`)
	},
	"title": func(b *bytes.Buffer, _ *cellFuncs, rel string, d *model.Document, _ *reports.Review) {
		writeTitle(b, rel, d)
		b.WriteString(`</td>`)
	},
	"title-status": func(b *bytes.Buffer, f *cellFuncs, rel string, d *model.Document, _ *reports.Review) {
		writeTitle(b, rel, d)
		if d.Status != "approved" {
			b.WriteString(` `)
			writeBadge(b, f, d.Status)
		}
		b.WriteString(`</td>`)
	},
	"version": func(b *bytes.Buffer, _ *cellFuncs, _ string, d *model.Document, _ *reports.Review) {
		writeCell(b, d.Version)
	},
	"owners": func(b *bytes.Buffer, f *cellFuncs, _ string, d *model.Document, _ *reports.Review) {
		writeCell(b, f.depts(d.Owners))
	},
	"status": func(b *bytes.Buffer, f *cellFuncs, _ string, d *model.Document, _ *reports.Review) {
		b.WriteString(`<td>`)
		writeBadge(b, f, d.Status)
		b.WriteString(`</td>`)
	},
	"effective": func(b *bytes.Buffer, f *cellFuncs, _ string, d *model.Document, _ *reports.Review) {
		writeCell(b, f.date(d.Effective))
	},
	"approved": func(b *bytes.Buffer, f *cellFuncs, _ string, d *model.Document, _ *reports.Review) {
		writeCell(b, f.date(d.Approved))
	},
	"last-reviewed": func(b *bytes.Buffer, f *cellFuncs, _ string, d *model.Document, _ *reports.Review) {
		writeCell(b, f.date(d.LastReviewed))
	},
	"type": func(b *bytes.Buffer, f *cellFuncs, _ string, d *model.Document, _ *reports.Review) {
		writeCell(b, f.doctype(d.Type))
	},
	"author": func(b *bytes.Buffer, f *cellFuncs, _ string, d *model.Document, _ *reports.Review) {
		writeCell(b, f.orDash(d.Author))
	},
	"reviewer": func(b *bytes.Buffer, f *cellFuncs, _ string, d *model.Document, _ *reports.Review) {
		writeCell(b, f.orDash(d.Reviewer))
	},
	"approver": func(b *bytes.Buffer, f *cellFuncs, _ string, d *model.Document, _ *reports.Review) {
		writeCell(b, f.orDash(d.Approver))
	},
	"review":       writeReviewCell,
	"review-state": writeReviewCell,
	"days-overdue": func(b *bytes.Buffer, f *cellFuncs, _ string, _ *model.Document, rv *reports.Review) {
		writeDays(b, rv, func() string { return strconv.Itoa(-rv.Days) }, func() string { return f.t("review.days_left", rv.Days) })
	},
	"days-left": func(b *bytes.Buffer, f *cellFuncs, _ string, _ *model.Document, rv *reports.Review) {
		writeDays(b, rv, func() string { return f.t("review.days_overdue", -rv.Days) }, func() string { return strconv.Itoa(rv.Days) })
	},
	"days": func(b *bytes.Buffer, f *cellFuncs, _ string, _ *model.Document, rv *reports.Review) {
		writeDays(b, rv, func() string { return f.t("review.days_overdue", -rv.Days) }, func() string { return f.t("review.days_left", rv.Days) })
	},
}

func writeCell(b *bytes.Buffer, s string) {
	b.WriteString(`<td>`)
	tmplexec.WriteText(b, s)
	b.WriteString(`</td>`)
}

// writeTitle writes a title cell up to its closing </td>.
func writeTitle(b *bytes.Buffer, rel string, d *model.Document) {
	b.WriteString(`<td><a href="`)
	tmplexec.WriteURLStart(b, rel)
	tmplexec.WriteURLStart(b, d.URL())
	b.WriteString(`">`)
	tmplexec.WriteText(b, d.Title)
	b.WriteString(`</a>`)
}

func writeBadge(b *bytes.Buffer, f *cellFuncs, status string) {
	b.WriteString(`<span class="badge badge--`)
	tmplexec.WriteText(b, status)
	b.WriteString(`">`)
	tmplexec.WriteText(b, f.status(status))
	b.WriteString(`</span>`)
}

// writeReviewCell writes the cell of the template "reviewstate".
func writeReviewCell(b *bytes.Buffer, f *cellFuncs, _ string, _ *model.Document, rv *reports.Review) {
	b.WriteString(`<td>`)
	if rv == nil {
		b.WriteString(`<span class="review-state review-state--none">`)
		tmplexec.WriteText(b, f.t("review.none"))
		b.WriteString(`</span></td>`)
		return
	}
	b.WriteString(`<span class="review-state review-state--`)
	tmplexec.WriteText(b, string(rv.State))
	b.WriteString(`" data-review-date="`)
	if !rv.Date.IsZero() { // the date's String, "" for none; date gives the same
		tmplexec.WriteText(b, f.date(rv.Date))
	}
	b.WriteString(`">`)
	tmplexec.WriteText(b, f.stateOf.get(string(rv.State)))
	if !rv.Date.IsZero() {
		b.WriteString(` <span class="review-state__date">`)
		tmplexec.WriteText(b, f.date(rv.Date))
		b.WriteString(`</span>`)
	}
	b.WriteString(`</span></td>`)
}

// writeDays writes a cell of days: overdue or left, a dash when the
// review date is missing or there is no review.
func writeDays(b *bytes.Buffer, rv *reports.Review, overdue, left func() string) {
	b.WriteString(`<td class="num">`)
	switch {
	case rv == nil || rv.State == "missing":
		b.WriteString(`—`)
	case rv.State == "overdue":
		tmplexec.WriteText(b, overdue())
	default:
		tmplexec.WriteText(b, left())
	}
	b.WriteString(`</td>`)
}

// withdrawalCells write the built-in cells of the lists of withdrawn
// documents and versions, by key.
var withdrawalCells = map[string]rowCell{
	"title-withdrawn": func(b *bytes.Buffer, f *cellFuncs, rel string, r *ListRow) {
		d := r.Doc
		writeTitle(b, rel, d)
		if w := r.Withdrawal; w != nil {
			if w.Earlier {
				b.WriteString(` <span class="badge">`)
				tmplexec.WriteText(b, f.t("withdrawn.earlier"))
				b.WriteString(`</span>`)
			} else if d.Status != "obsolete" {
				b.WriteString(` `)
				writeBadge(b, f, d.Status)
			}
		}
		b.WriteString(`</td>`)
	},
	"w-version": func(b *bytes.Buffer, _ *cellFuncs, _ string, r *ListRow) {
		b.WriteString(`<td>`)
		if w := r.Withdrawal; w != nil {
			tmplexec.WriteText(b, w.Version)
		}
		b.WriteString(`</td>`)
	},
	"w-date": func(b *bytes.Buffer, f *cellFuncs, _ string, r *ListRow) {
		b.WriteString(`<td>`)
		if w := r.Withdrawal; w != nil {
			if w.Date.IsZero() {
				tmplexec.WriteText(b, f.t("withdrawn.no_date"))
			} else {
				tmplexec.WriteText(b, f.date(w.Date))
				if w.Scheduled {
					b.WriteString(` <span class="badge badge--review">`)
					tmplexec.WriteText(b, f.t("withdrawn.scheduled"))
					b.WriteString(`</span>`)
				}
			}
		}
		b.WriteString(`</td>`)
	},
	"replaced-by": func(b *bytes.Buffer, f *cellFuncs, rel string, r *ListRow) {
		d := r.Doc
		b.WriteString(`<td>`)
		if w := r.Withdrawal; w != nil {
			switch {
			case w.Earlier:
				b.WriteString(`<a href="`)
				tmplexec.WriteURLStart(b, rel)
				tmplexec.WriteURLStart(b, d.URL())
				b.WriteString(`">`)
				tmplexec.WriteText(b, f.currentVersion.get(d.Version))
				b.WriteString(`</a>`)
			case len(w.ReplacedBy) > 0:
				b.WriteString(`<ul class="report-inline-list">`)
				for _, x := range w.ReplacedBy {
					b.WriteString(`<li><a href="`)
					tmplexec.WriteURLStart(b, rel)
					tmplexec.WriteURLStart(b, x.URL())
					b.WriteString(`"><span class="doc-id">`)
					tmplexec.WriteText(b, x.ID)
					b.WriteString(`</span> `)
					tmplexec.WriteText(b, x.Title)
					b.WriteString(`</a> (`)
					tmplexec.WriteText(b, x.Version)
					b.WriteString(`)</li>`)
				}
				b.WriteString(`</ul>`)
			default:
				b.WriteString(`—`)
			}
		}
		b.WriteString(`</td>`)
	},
}

// recordCells write the built-in cells of the lists of records (their
// retention) and of the management review's inputs, by key.
var recordCells = map[string]rowCell{
	"retention": func(b *bytes.Buffer, f *cellFuncs, _ string, r *ListRow) {
		writeCell(b, f.orDash(f.retention(r.Doc.Kept)))
	},
	"r-from": func(b *bytes.Buffer, f *cellFuncs, _ string, r *ListRow) {
		b.WriteString(`<td>`)
		if rec := r.Record; rec != nil {
			tmplexec.WriteText(b, f.date(rec.From))
		}
		b.WriteString(`</td>`)
	},
	"r-disposal": func(b *bytes.Buffer, f *cellFuncs, _ string, r *ListRow) {
		b.WriteString(`<td>`)
		if rec := r.Record; rec != nil {
			if rec.Disposal.IsZero() {
				tmplexec.WriteText(b, f.t("records.no_date"))
			} else {
				b.WriteString(`<span class="record-state record-state--`)
				tmplexec.WriteText(b, string(rec.State))
				b.WriteString(`">`)
				tmplexec.WriteText(b, f.date(rec.Disposal))
				b.WriteString(`</span>`)
			}
		}
		b.WriteString(`</td>`)
	},
	"r-days-past": func(b *bytes.Buffer, _ *cellFuncs, _ string, r *ListRow) {
		writeRecordDays(b, r.Record, -1)
	},
	"r-days-left": func(b *bytes.Buffer, _ *cellFuncs, _ string, r *ListRow) {
		writeRecordDays(b, r.Record, 1)
	},
	"mr-event": func(b *bytes.Buffer, f *cellFuncs, _ string, r *ListRow) {
		b.WriteString(`<td>`)
		if src := r.Source; src != nil {
			tmplexec.WriteText(b, f.t("mr.event."+src.Kind, f.date(src.Date)))
		}
		b.WriteString(`</td>`)
	},
}

// writeRecordDays writes a cell of a record's days to its disposal, times
// sign: a dash when it has no disposal date.
func writeRecordDays(b *bytes.Buffer, rec *reports.Record, sign int) {
	b.WriteString(`<td class="num">`)
	if rec != nil {
		if rec.Disposal.IsZero() {
			b.WriteString(`—`)
		} else {
			b.Write(strconv.AppendInt(b.AvailableBuffer(), int64(sign*rec.Days), 10))
		}
	}
	b.WriteString(`</td>`)
}

// rowCell writes one cell of a row.
type rowCell func(b *bytes.Buffer, f *cellFuncs, rel string, r *ListRow)

// rowWriter writes the rows of one kind of list.
type rowWriter struct {
	f     *cellFuncs
	cells []rowCell
}

// write writes the row of r, as the template "list-row:<keys>" does, and
// reports false for a row it does not make (one of an action or without
// a document), which the template makes.
func (w *rowWriter) write(b *bytes.Buffer, rel string, r *ListRow) bool {
	if r.Doc == nil || r.Action != nil {
		return false
	}
	if w := r.Withdrawal; w != nil && slices.Contains(w.ReplacedBy, nil) {
		return false
	}
	b.WriteString(`<tr>`)
	for _, c := range w.cells {
		c(b, w.f, rel, r)
	}
	b.WriteString(`</tr>`)
	return true
}

// rowWriters returns, for the templates of one page layout, a writer of
// the rows of each kind of list that they make with the built-in cells
// alone, by its template's name ("list-row:<keys>"); none when fm lacks
// one of the cells' functions.
func rowWriters(page *template.Template, ref map[string]string, fm template.FuncMap) map[string]*rowWriter {
	f := &cellFuncs{}
	var ok [8]bool
	f.t, ok[0] = fm["t"].(func(string, ...any) string)
	f.status, ok[1] = fm["status"].(func(string) string)
	f.doctype, ok[2] = fm["doctype"].(func(string) string)
	f.orDash, ok[3] = fm["orDash"].(func(string) string)
	f.depts, ok[4] = fm["depts"].(func([]string) string)
	f.date, ok[5] = fm["date"].(func(model.Date) string)
	f.state, ok[6] = fm["state"].(func(any) string)
	f.retention, ok[7] = fm["retention"].(func(model.Retention) string)
	for _, o := range ok {
		if !o {
			return nil
		}
	}
	f.stateOf.f = func(st string) string { return f.state(reports.State(st)) }
	f.currentVersion.f = func(v string) string { return f.t("withdrawn.current_version", v) }
	builtin := func(name string) bool {
		t := page.Lookup(name)
		want, known := ref[name]
		return known && t != nil && t.Tree != nil && t.Tree.Root.String() == want
	}
	out := map[string]*rowWriter{}
kinds:
	for _, kind := range listKinds {
		name := "list-row:" + kind
		if !builtin(name) {
			continue
		}
		w := &rowWriter{f: f}
		for k := range strings.SplitSeq(kind, ",") {
			c := withdrawalCells[k]
			if c == nil {
				c = recordCells[k]
			}
			if dc := cellWriters[k]; dc != nil {
				c = func(b *bytes.Buffer, f *cellFuncs, rel string, r *ListRow) { dc(b, f, rel, r.Doc, r.Review) }
			}
			if c == nil || !builtin("list-cell-"+k) || (k == "review" || k == "review-state") && !builtin("reviewstate") {
				continue kinds
			}
			w.cells = append(w.cells, c)
		}
		out[name] = w
	}
	return out
}

// builtinTrees returns the text of the parse trees of the built-in cells
// (the embedded layouts' partials/list.html and partials/reviewstate.html)
// and of the generated rows, by template name, as parsed with fm.
func builtinTrees(builtin fs.FS, fm template.FuncMap) (map[string]string, error) {
	t := template.New("").Funcs(fm)
	for _, name := range []string{"partials/list.html", "partials/reviewstate.html"} {
		if err := parseInto(t, builtin, name); err != nil {
			return nil, err
		}
	}
	if _, err := t.New("list rows").Parse(rowTemplates()); err != nil {
		return nil, err
	}
	out := map[string]string{}
	for _, tt := range t.Templates() {
		if tt.Tree != nil {
			out[tt.Name()] = tt.Tree.Root.String()
		}
	}
	return out, nil
}
