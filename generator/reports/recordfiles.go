package reports

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"ismsgen/generator/diag"
	"ismsgen/generator/model"
)

// ActionsJSON is actions.json and the actions member of check --format json.
type ActionsJSON struct {
	Now     string       `json:"now"`
	Actions []actionJSON `json:"actions"`
}

type actionJSON struct {
	ID        string      `json:"id"`
	Title     string      `json:"title"`
	Source    string      `json:"source"`
	Record    string      `json:"record"`
	Owner     string      `json:"owner"`
	Documents []string    `json:"documents"`
	Due       jsonDate    `json:"due"`
	Closed    jsonDate    `json:"closed"`
	State     ActionState `json:"state"`
	Days      *int        `json:"days"`
}

// ActionsDocument makes the actions.json value: every action of a
// published record, in the order of the actions list, with the members
// docs/format.md gives (the CSV has the rest). Documents this build
// leaves out are not named.
func ActionsDocument(site *model.Site, data *Data) *ActionsJSON {
	out := &ActionsJSON{Now: site.Now.String(), Actions: []actionJSON{}}
	for _, a := range data.Actions {
		j := actionJSON{
			ID: a.ID, Title: a.Title, Source: a.Source, Record: a.Record.ID, Owner: a.Owner,
			Documents: a.PublishedDocs(), Due: jsonDate(a.Due), Closed: jsonDate(a.Closed), State: a.State,
		}
		if a.IsOpen() {
			days := a.Days
			j.Days = &days
		}
		out.Actions = append(out.Actions, j)
	}
	return out
}

// evidence is the action's evidence as the exports give it: a published
// document's id, a web address, or the text as written; "" when it names
// a document this build leaves out.
func evidence(a Action) string {
	switch {
	case a.Proof != nil:
		return a.Proof.ID
	case a.ProofURL != "":
		return a.ProofURL
	}
	return a.ProofText
}

// actionsCSV is actions.csv: the actions as in actions.json.
func actionsCSV(site *model.Site, data *Data, l labels) []byte {
	header := []string{
		l.t("action.id"), l.t("action.title"), l.t("action.source"), l.t("action.record"), l.t("action.owner"),
		l.t("action.documents"), l.t("action.clause"), l.t("action.due"), l.t("action.closed"), l.t("action.state"),
		l.t("action.days"), l.t("action.evidence"), l.t("csv.url"),
	}
	rows := make([][]string, 0, len(data.Actions))
	for _, a := range data.Actions {
		days := ""
		if a.IsOpen() {
			days = strconv.Itoa(a.Days)
		}
		rows = append(rows, []string{
			a.ID, a.Title, l.code("action.source.", a.Source), a.Record.ID, l.depts([]string{a.Owner}),
			strings.Join(a.PublishedDocs(), ", "), a.Clause, a.Due.String(), a.Closed.String(), l.code("action.state.", string(a.State)),
			days, evidence(a), absURL(site.Config, "actions/#"+a.Anchor()),
		})
	}
	return spreadsheetCSV(header, rows)
}

// RecordsJSON is records.json.
type RecordsJSON struct {
	Now     string       `json:"now"`
	Records []recordJSON `json:"records"`
}

type recordJSON struct {
	ID        string      `json:"id"`
	Title     string      `json:"title"`
	Type      string      `json:"type"`
	Retention *string     `json:"retention"`
	Disposal  jsonDate    `json:"disposal"`
	State     RecordState `json:"state"`
}

// RecordsDocument makes the records.json value: every published form and
// record, in the order of the records list.
func RecordsDocument(site *model.Site, data *Data) *RecordsJSON {
	out := &RecordsJSON{Now: site.Now.String(), Records: []recordJSON{}}
	for _, r := range data.Records {
		out.Records = append(out.Records, recordJSON{
			ID: r.Doc.ID, Title: r.Doc.Title, Type: r.Doc.Type, Retention: retentionOf(r.Doc),
			Disposal: jsonDate(r.Disposal), State: r.State,
		})
	}
	return out
}

// retentionOf is a document's retention in its canonical form ("3 years",
// "permanent"), or nil when it has none.
func retentionOf(d *model.Document) *string {
	if d.Kept.IsZero() {
		return nil
	}
	s := d.Kept.String()
	return &s
}

// recordsCSV is records.csv, the records list (记录清单).
func recordsCSV(site *model.Site, data *Data, l labels) []byte {
	header := []string{
		l.t("field.id"), l.t("field.title"), l.t("field.type"), l.t("field.version"), l.t("field.owners"),
		l.t("field.retention"), l.t("records.from"), l.t("records.disposal"), l.t("records.state"), l.t("records.days"), l.t("csv.url"),
	}
	rows := make([][]string, 0, len(data.Records))
	for _, r := range data.Records {
		days := ""
		if !r.Disposal.IsZero() {
			days = strconv.Itoa(r.Days)
		}
		rows = append(rows, []string{
			r.Doc.ID, r.Doc.Title, l.code("type.", r.Doc.Type), r.Doc.Version, l.depts(r.Doc.Owners),
			l.retention(r.Doc.Kept), r.From.String(), r.Disposal.String(), l.code("records.state.", string(r.State)), days,
			absURL(site.Config, r.Doc.URL()),
		})
	}
	return spreadsheetCSV(header, rows)
}

// NeedsAction reports whether an action is overdue.
func (d *Data) NeedsAction() bool {
	for _, a := range d.Actions {
		if a.State == ActionOverdue {
			return true
		}
	}
	return false
}

// PrintActions writes the overdue actions for check, each line with the
// path:line of the action's id.
func PrintActions(w io.Writer, cat *diag.Catalog, site *model.Site, data *Data) {
	c := countActions(data.Actions)
	fmt.Fprintf(w, "\n%s\n", cat.Sprintf("Actions as of %s: %d overdue, %d open, %d closed", site.Now, c.Overdue, c.Open, c.Closed))
	if c.Overdue == 0 {
		return
	}
	fmt.Fprintf(w, "\n%s\n", cat.Sprintf("overdue actions (%d):", c.Overdue))
	for _, a := range data.Actions {
		if a.State == ActionOverdue {
			line := cat.Sprintf("%s %s — due %s (%d days ago), owner %s", a.ID, a.Title, a.Due, -a.Days, a.Owner)
			if a.Days == -1 {
				line = cat.Sprintf("%s %s — due %s (%d day ago), owner %s", a.ID, a.Title, a.Due, -a.Days, a.Owner)
			}
			fmt.Fprintf(w, "  %s:%d: %s\n", a.Record.Path, a.Line, line)
		}
	}
	fmt.Fprintf(w, "  %s\n", cat.Sprintf("once an action is done, write closed = YYYY-MM-DD and its evidence in its [[actions]] table; when a new date is agreed, write it as due"))
}

// ManagementReviewJSON is management-review.json: the state of the
// management review and its input pack, as the page shows them.
type ManagementReviewJSON struct {
	Now        string      `json:"now"`
	Cycle      string      `json:"cycle"`
	LastReview *docRefJSON `json:"last_review"`
	NextDue    jsonDate    `json:"next_due"`
	Due        bool        `json:"due"`
	Reason     *string     `json:"reason"`
	Audit      *docRefJSON `json:"internal_audit"`
	Period     periodJSON  `json:"period"`
	Inputs     []inputJSON `json:"inputs"`
	Missing    []string    `json:"missing"`
}

type docRefJSON struct {
	ID    string   `json:"id"`
	Title string   `json:"title"`
	URL   string   `json:"url"`
	Date  jsonDate `json:"date"`
}

type periodJSON struct {
	After jsonDate `json:"after"` // the last review's date; null for the whole history
	Until jsonDate `json:"until"` // --now
}

type inputJSON struct {
	Item    string     `json:"item"`
	Clause  string     `json:"clause"`
	Missing bool       `json:"missing"`
	Parts   []partJSON `json:"parts"`
}

type partJSON struct {
	Key     string       `json:"key"`
	Missing bool         `json:"missing"`
	Sources []sourceJSON `json:"sources"`
}

type sourceJSON struct {
	Kind    string         `json:"kind"`
	ID      string         `json:"id"`
	Title   string         `json:"title,omitempty"`
	URL     string         `json:"url"`
	Date    jsonDate       `json:"date,omitzero"`
	State   string         `json:"state,omitempty"`
	Figures map[string]int `json:"figures,omitempty"`
}

func docRef(d *model.Document) *docRefJSON {
	if d == nil {
		return nil
	}
	return &docRefJSON{ID: d.ID, Title: d.Title, URL: d.URL(), Date: jsonDate(d.Dated())}
}

// ManagementReviewDocument makes the management-review.json value.
func ManagementReviewDocument(site *model.Site, data *Data) *ManagementReviewJSON {
	mr := &data.ManagementReview
	out := &ManagementReviewJSON{
		Now: site.Now.String(), Cycle: mr.Cycle.String(), LastReview: docRef(mr.Last), NextDue: jsonDate(mr.NextDue),
		Due: mr.Due, Audit: docRef(mr.Audit), Period: periodJSON{After: jsonDate(mr.From), Until: jsonDate(site.Now)},
		Inputs: []inputJSON{}, Missing: []string{},
	}
	if mr.Reason != "" {
		out.Reason = &mr.Reason
	}
	for _, in := range mr.Inputs {
		ij := inputJSON{Item: in.Item, Clause: "9.3.2 " + in.Item, Missing: in.Missing(), Parts: []partJSON{}}
		if ij.Missing {
			out.Missing = append(out.Missing, in.Item)
		}
		for _, p := range in.Parts {
			pj := partJSON{Key: p.Key, Missing: len(p.Sources) == 0, Sources: []sourceJSON{}}
			for _, s := range p.Sources {
				pj.Sources = append(pj.Sources, sourceOf(s, data))
			}
			ij.Parts = append(ij.Parts, pj)
		}
		out.Inputs = append(out.Inputs, ij)
	}
	return out
}

func sourceOf(s InputSource, data *Data) sourceJSON {
	switch s.Kind {
	case SourceAction:
		return sourceJSON{Kind: s.Kind, ID: s.Action.ID, Title: s.Action.Title, URL: "actions/#" + s.Action.Anchor(), Date: jsonDate(s.Action.Due), State: string(s.Action.State)}
	case SourceReport:
		if s.Report == ReportSoA {
			f := data.Controls.Figures
			return sourceJSON{Kind: s.Kind, ID: s.Report, Title: s.Doc.Title, URL: "soa/", Figures: map[string]int{
				"applicable": f.Applicable, "excluded": f.Excluded, "not_assessed": f.NotAssessed,
				"implemented": f.Implemented, "gaps": f.Gaps, "inconsistent": f.Inconsistent,
			}}
		}
		c := data.Counts()
		return sourceJSON{Kind: s.Kind, ID: s.Report, URL: "reviews/", Figures: map[string]int{
			"overdue": c[Overdue], "due_soon": c[DueSoon], "missing": c[Missing], "ok": c[OK],
		}}
	}
	return sourceJSON{Kind: s.Kind, ID: s.Doc.ID, Title: s.Doc.Title, URL: s.Doc.URL(), Date: jsonDate(s.Date)}
}
