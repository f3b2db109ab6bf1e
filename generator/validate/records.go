package validate

import (
	"fmt"
	"slices"
	"strings"

	"ismsgen/generator/catalog"
	"ismsgen/generator/diag"
	"ismsgen/generator/internal/suggest"
	"ismsgen/generator/model"
)

// actionKeys are the keys of an [[actions]] table.
var actionKeys = []string{"id", "title", "source", "clause", "documents", "owner", "due", "closed", "evidence"}

// externalKeys are the keys only an external document has; the first
// three are expected of every one.
var externalKeys = []string{"issuer", "edition", "acquired", "replaced_by"}

// recordFields reads what forms, records and external documents add to
// the common front matter: the retention, the origin of an external
// document, and the [[actions]] a record raises. The documents an action
// names are checked with the set (see actionReferences).
func recordFields(r *fields, cfg *model.Config, d *model.Document) {
	d.Retention = r.str("retention", false)
	if _, written := r.meta["retention"].(string); written { // "" too: not silently no retention
		if kept, ok := model.ParseRetention(d.Retention); ok {
			d.Kept = kept
		} else {
			r.errorf("retention", retentionHint(d.Retention),
				`retention %q is not "N days", "N months", "N years" or "permanent"`, d.Retention)
		}
	}
	external(r, d)
	actions(r, cfg, d)
}

// longTerm are the words people write for a retention with no end they
// can count: "permanent" is meant, or a period they have not decided.
var longTerm = []string{"长期", "长期保存", "长久", "永远", "long-term", "long term", "forever", "indefinitely", "indefinite"}

// retentionHint says how to write a retention that is none of its forms,
// with the period it most likely means ("三年": "3 years").
func retentionHint(s string) diag.Text {
	hint := diag.Msg(`write how long the record is kept, e.g. retention = "3 years", or retention = "permanent"`)
	if slices.Contains(longTerm, strings.ToLower(strings.TrimSpace(s))) {
		return diag.Msg(`write retention = "permanent" if the record is kept for ever, else how long, e.g. retention = "10 years"`)
	}
	if p := suggest.Period(s, periodUnit("retention")); p != "" {
		return diag.Msg("did you mean %q? %s", p, hint)
	}
	return hint
}

func external(r *fields, d *model.Document) {
	if d.Type != model.TypeExternal {
		for _, k := range externalKeys {
			if r.has(k) {
				r.errorf(k, diag.Msg(`set type = "external" for a law, a standard or a customer's requirements, or remove %s`, k),
					"%s is a field of external documents, and this document is of type %q", k, d.Type)
			}
		}
		return
	}
	d.External = model.External{
		Issuer:     r.str("issuer", false),
		Edition:    r.str("edition", false),
		Acquired:   r.date("acquired"),
		ReplacedBy: r.str("replaced_by", false),
	}
	var gaps []string
	for _, k := range externalKeys[:3] {
		if s, isStr := r.meta[k].(string); !r.has(k) || isStr && strings.TrimSpace(s) == "" { // "": a form's field never filled in
			gaps = append(gaps, k)
		}
	}
	if len(gaps) > 0 {
		r.diags.Warnf(r.path, r.at("type"), "external-incomplete",
			"an external document says who issued it (issuer), which edition is in use (edition) and when it was obtained (acquired = YYYY-MM-DD)",
			"external document without %s", strings.Join(gaps, ", "))
	}
}

func actions(r *fields, cfg *model.Config, d *model.Document) {
	tables := r.tables("actions")
	if len(tables) > 0 && d.Type != model.TypeRecord {
		r.errorf("actions", `actions are raised by records (type = "record"): an audit report, a management review, an incident report`,
			"[[actions]] in a document of type %q", d.Type)
	}
	for i, t := range tables {
		t.known(actionKeys, "[[actions]]")
		a := model.Action{
			ID: t.str("id", true), Title: t.str("title", true), Source: t.str("source", true),
			Owner: t.str("owner", true), Due: t.date("due"), Closed: t.date("closed"),
			Documents: t.strs("documents"), Evidence: t.str("evidence", false), Line: t.at("id"),
		}
		if strings.ContainsFunc(a.ID, func(c rune) bool { return c < ' ' || c == 0x7f }) {
			t.errorf("id", "", "action id %q contains a control character", a.ID)
			a.ID = ""
		}
		if a.Source != "" && !contains(model.ActionSources, a.Source) {
			t.errorf("source", sourceHint(a.Source), "unknown action source %q", a.Source)
		}
		name := a.ID // for the messages
		if name == "" {
			name = fmt.Sprintf("#%d", i+1)
		}
		if !t.has("due") {
			t.errorf("id", "add due = YYYY-MM-DD, the date by which the action is to be done", "action %s has no due date", name)
		}
		if a.Owner != "" && len(cfg.Departments) > 0 && !cfg.DepartmentsBroken {
			if _, ok := cfg.Department(a.Owner); !ok {
				t.errorf("owner", departmentHint(cfg, a.Owner), "unknown department %q in owner", a.Owner)
			}
		}
		if !a.Closed.IsZero() && !d.Effective.IsZero() && a.Closed.Before(d.Effective) {
			t.diags.Warnf(t.path, t.at("closed"), "action-closed",
				"an action is closed on or after the day its record raised it: correct closed = YYYY-MM-DD, the day the action was done, or the record's date (approved, effective) if that is the one that is wrong",
				"action %s is closed on %s, before %s, the date of its record", name, a.Closed, d.Effective)
		}
		if c := t.str("clause", false); c != "" {
			a.Clause = actionClause(t, name, c)
		}
		if isWebAddress(a.Evidence) && t.webURL("evidence", a.Evidence) == "" {
			a.Evidence = ""
		}
		d.Actions = append(d.Actions, a) // all of them: the i-th action is the i-th table
	}
}

// sourceNames are the words people write for an action's source, in
// Chinese or English, as the source they mean.
var sourceNames = map[string]string{
	"不符合": model.SourceNonconformity, "不符合项": model.SourceNonconformity, "不合格": model.SourceNonconformity,
	"纠正措施": model.SourceNonconformity, "nc": model.SourceNonconformity, "non-conformity": model.SourceNonconformity,
	"nonconformance": model.SourceNonconformity, "corrective action": model.SourceNonconformity,
	"管理评审": model.SourceManagementReview, "管评": model.SourceManagementReview, "管理评审决议": model.SourceManagementReview,
	"management review": model.SourceManagementReview, "mr": model.SourceManagementReview,
	"审核": model.SourceAudit, "内审": model.SourceAudit, "内部审核": model.SourceAudit, "外审": model.SourceAudit,
	"审核发现": model.SourceAudit, "观察项": model.SourceAudit, "internal audit": model.SourceAudit, "external audit": model.SourceAudit,
	"事件": model.SourceIncident, "安全事件": model.SourceIncident, "信息安全事件": model.SourceIncident,
	"其他": model.SourceOther, "其它": model.SourceOther,
}

// sourceHint lists the sources, with the one meant first when it can
// be told: "不符合项" is "nonconformity", "Audit" "audit".
func sourceHint(s string) diag.Text {
	list := diag.Msg("source is one of: %s", strings.Join(model.ActionSources, ", "))
	t := strings.ToLower(strings.TrimSpace(s))
	meant := sourceNames[t]
	if meant == "" {
		meant = sourceNames[strings.ReplaceAll(t, "_", " ")]
	}
	if meant == "" {
		meant = suggest.Closest(t, model.ActionSources)
	}
	if meant != "" {
		return diag.Msg("did you mean %q? %s", meant, list)
	}
	return list
}

// actionReferences checks what the actions of the set name: ids unique in
// the site (ignoring case, like document ids), documents that exist, and
// evidence that is a document id or a web address.
func actionReferences(docs []*model.Document, byID map[string]*model.Document, failed map[string]bool, sg *suggester, diags *diag.List) {
	type place struct {
		path string
		line int
	}
	seen := map[string]place{}
	for _, d := range docs {
		for i := range d.Actions {
			a := &d.Actions[i]
			at := func(key string) int { return d.Line(fmt.Sprintf("actions.%d.%s", i, key)) }
			if a.ID != "" {
				key := model.FoldID(a.ID)
				if first, dup := seen[key]; dup {
					diags.Errorf(d.Path, a.Line, "give each action its own id, e.g. the number of the nonconformity or decision", "duplicate action id %q: also used at %s:%d", a.ID, first.path, first.line)
				} else {
					seen[key] = place{d.Path, a.Line}
				}
			}
			for _, id := range a.Documents {
				switch {
				case byID[model.FoldID(id)] != nil || failed[model.FoldID(id)]:
				case d.FromGit != nil:
					diags.Warnf(d.Path, at("documents"), "stale-link", staleHint,
						"the version in force, shown from git, has action %s name document %q, which no document has now: it is shown without a link", a.ID, id)
				default:
					diags.Errorf(d.Path, at("documents"), unknownHint(sg, id), "action %s names document %q, but no document has that id", a.ID, id)
				}
			}
			a.EvidenceIsDoc = a.Evidence != "" && !isWebAddress(a.Evidence) && byID[model.FoldID(a.Evidence)] != nil
			if a.Evidence != "" && !isWebAddress(a.Evidence) && !a.EvidenceIsDoc {
				hint := diag.Msg("give the id of the document that shows the action was taken, or an https:// address")
				if strings.ContainsAny(a.Evidence, `/\\`) {
					hint = diag.Msg("the site does not publish files named by a path: give the id of the document that shows the action was taken (a file attached to a document is published with it), or an https:// address")
				} else if s := sg.closest(a.Evidence); s != "" {
					hint = diag.Msg("did you mean %q? %s", s, hint)
				}
				diags.Warnf(d.Path, at("evidence"), "action-evidence", hint, "evidence %q of action %s is neither a document id nor a web address: it is shown as text", a.Evidence, a.ID)
			}
		}
	}
}

// unknownHint is the hint for an id that no document has.
func unknownHint(sg *suggester, id string) diag.Text {
	if s := sg.closest(id); s != "" {
		return diag.Msg("did you mean %q?", s)
	}
	return diag.Msg("check the id; it must be the id of a document in content/")
}

// closestDepartment is the id of the department named id (people write
// the name they read in isms.toml), else the id nearest to it, else "".
func closestDepartment(cfg *model.Config, id string) string {
	for _, d := range cfg.Departments {
		if d.Name != "" && strings.EqualFold(strings.TrimSpace(d.Name), strings.TrimSpace(id)) {
			return d.ID
		}
	}
	return suggest.Closest(id, cfg.DepartmentIDs())
}

// departmentHint lists the departments, with the nearest to id first.
func departmentHint(cfg *model.Config, id string) diag.Text {
	ids := cfg.DepartmentIDs()
	if s := closestDepartment(cfg, id); s != "" {
		return diag.Msg("did you mean %q? %s", s, diag.Msg("departments are defined in isms.toml as [[departments]]: %s", strings.Join(ids, ", ")))
	}
	return diag.Msg("departments are defined in isms.toml as [[departments]]: %s", strings.Join(ids, ", "))
}

// actionClause normalises an action's clause: a clause of ISO/IEC 27001
// ("10.2") or, since a finding often names one, an Annex A control
// ("A.5.18").
func actionClause(t *fields, id, raw string) string {
	c, err := catalog.ParseClause(raw)
	if err == nil {
		return c
	}
	if ctl, cerr := catalog.ParseControl(raw); cerr == nil {
		return "A." + ctl
	}
	t.errorf("clause", err.Hint, "action %s: %s", id, err.Message)
	return ""
}

// isWebAddress reports whether an action's evidence is meant as an
// address rather than a document id: it names its scheme. A path
// without one ("evidence/scan.pdf") is no link: relative to each page
// that shows it, it would lead nowhere.
func isWebAddress(s string) bool { return model.EvidenceIsAddress(s) }
