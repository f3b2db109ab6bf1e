package validate

import (
	"regexp"
	"strings"

	"ismsgen/generator/catalog"
	"ismsgen/generator/diag"
	"ismsgen/generator/internal/filetype"
	"ismsgen/generator/load"
	"ismsgen/generator/model"
)

var documentKeys = []string{
	"id", "title", "tier", "type", "version", "status", "owners", "author",
	"reviewer", "approver", "approved", "effective", "last_reviewed",
	"next_review", "review_cycle", "classification", "distribution", "parent",
	"related", "supersedes", "controls", "clauses", "retention", "training",
	"history", "applicability", "issuer", "edition", "acquired", "replaced_by",
	"actions",
}

// idPattern is the document id syntax (docs/format.md, "Ids").
var idPattern = regexp.MustCompile(`^[A-Za-z0-9._-]+$`)

// idProblem is what is wrong with a document id.
type idProblem int

const (
	idOK idProblem = iota
	idEmpty
	idLong
	idChars
	idDots
	idWindows // a device name on Windows, or a '.' at the end
)

// checkID says what is wrong with a document id. Ids become folder names
// in the output, so anything that could climb out of docs/ is refused,
// and so is a name that a Windows share cannot hold (the site is copied
// to one as often as it is served).
func checkID(id string) idProblem {
	switch {
	case id == "":
		return idEmpty
	case len(id) > 100:
		return idLong
	case !idPattern.MatchString(id):
		return idChars
	case strings.Contains(id, ".."), id[0] == '.', id[0] == '-':
		return idDots
	case strings.HasSuffix(id, "."), filetype.ReservedOnWindows(id):
		return idWindows
	}
	return idOK
}

// CheckID reports what is wrong with a document id, or nothing (a zero
// Text) when it is fine (for the command line; a document's id is
// reported by idError).
func CheckID(id string) diag.Text {
	switch checkID(id) {
	case idEmpty:
		return diag.Msg("the id is empty")
	case idLong:
		return diag.Msg("the id is longer than 100 characters")
	case idChars:
		return diag.Msg("id %q may only contain ASCII letters, digits, '.', '_' and '-'", id)
	case idDots:
		return diag.Msg("id %q must not start with '.' or '-' or contain '..'", id)
	case idWindows:
		return diag.Msg("id %q is a name Windows reserves (CON, PRN, AUX, NUL, COM0-9, LPT0-9, also before a '.') or ends in '.'", id)
	}
	return diag.Text{}
}

// idError reports what is wrong with the id of a document, at its line.
func idError(r *fields, id string) bool {
	switch checkID(id) {
	case idLong:
		r.errorf("id", idHint, "the id is longer than 100 characters")
	case idChars:
		r.errorf("id", idHint, "id %q may only contain ASCII letters, digits, '.', '_' and '-'", id)
	case idDots:
		r.errorf("id", idHint, "id %q must not start with '.' or '-' or contain '..'", id)
	case idWindows:
		r.errorf("id", `choose another id, such as "ISMS-P-009": Windows takes CON, PRN, AUX, NUL, COM0-9 and LPT0-9 for devices (also before a '.', as in "aux.1") and drops a '.' at the end of a name`,
			"id %q cannot name a folder on a Windows share (its page is docs/%s/)", id, id)
	default:
		return false
	}
	return true
}

const idHint = `ids look like "ISMS-P-009": ASCII letters, digits, '.', '_' and '-' (put Chinese words in the title)`

// classification is the level of a document whose front matter says
// written: the site's default when it says none, and the highest level
// when it names one isms.toml does not define (known false), so that a
// mistyped level can never leak.
func classification(cfg *model.Config, written string) (level string, known bool) {
	switch {
	case written == "":
		return cfg.DefaultClassification, true
	case cfg.Level(written) < 0:
		return cfg.Levels[len(cfg.Levels)-1], false
	}
	return written, true
}

// document converts and checks one document's front matter on its own;
// rules that need the other documents are in Documents.
func document(cfg *model.Config, src *load.Doc, diags *diag.List) *model.Document {
	d := &model.Document{Path: src.Path, Body: src.Body, BodyLine: src.BodyLine, LinkLines: src.LinkLines, Lines: src.Lines, Attachments: src.Attachments}
	r := &fields{path: src.Path, meta: src.Meta, line: d.Line, diags: diags}
	r.known(documentKeys, diag.Msg("a document's front matter"))

	d.ID = r.str("id", true)
	if d.ID != "" && idError(r, d.ID) {
		d.ID = ""
	}
	d.Title = r.str("title", true)
	d.Version = r.str("version", true)
	if tier, ok := r.integer("tier"); ok {
		if tier < 1 || tier > 3 {
			r.errorf("tier", "tier 1: manual and top policy; tier 2: procedures and policies; tier 3: records and forms", "tier must be 1, 2 or 3, not %d", tier)
		} else {
			d.Tier = tier
		}
	} else if r.missing("tier") {
		r.errorf("id", "add tier = 1, 2 or 3", "missing required key \"tier\"")
	}

	d.Type = r.str("type", false)
	switch {
	case d.Type == "":
		d.Type = model.TierType(d.Tier)
	case !contains(model.Types, d.Type):
		hint := diag.Msg("type is one of: %s", strings.Join(model.Types, ", "))
		if m := MeantType(d.Type); m != "" {
			hint = diag.Msg("did you mean %q? type is one of: %s", m, strings.Join(model.Types, ", "))
		}
		r.errorf("type", hint, "unknown document type %q", d.Type)
	}
	d.Status = r.str("status", false)
	switch {
	case d.Status == "" && !r.has("status"):
		d.Status = model.StatusDraft
		if r.meant["status"] {
			break // "Status": told at its line
		}
		diags.Warnf(d.Path, 1, "no-status", `add status = "approved" (or "draft", "review", "obsolete")`, "no status given; the document is treated as a draft and left out unless --drafts")
	case !contains(model.Statuses, d.Status):
		hint := diag.Msg("status is one of: draft, review, approved, obsolete")
		if m := MeantStatus(d.Status); m != "" {
			hint = diag.Msg("did you mean %q? status is one of: draft, review, approved, obsolete", m)
		}
		r.errorf("status", hint, "unknown status %q", d.Status)
		d.Status = model.StatusDraft
	}

	d.Owners = departments(r, cfg, "owners", false)
	if r.missing("owners") {
		r.errorf("id", diag.Msg("add owners = [%q] with the responsible department ids from isms.toml", firstDept(cfg)), "missing required key \"owners\"")
	} else if list, ok := src.Meta["owners"].([]any); ok && len(list) == 0 {
		r.errorf("owners", "name at least one department id from isms.toml", "owners is empty")
	}
	d.Distribution = departments(r, cfg, "distribution", true)
	if !r.has("distribution") {
		d.Distribution = d.Owners
	}

	d.Author = r.str("author", false)
	d.Reviewer = r.str("reviewer", false)
	d.Approver = r.str("approver", false)
	d.Approved = r.date("approved")
	d.Effective = r.date("effective")
	d.LastReviewed = r.date("last_reviewed")
	d.NextReview = r.date("next_review")
	d.ReviewCycle = r.cycle("review_cycle")
	if d.Status == model.StatusApproved && d.Type != model.TypeExternal { // an external document is approved by its issuer
		if _, isStr := src.Meta["approver"].(string); d.Approver == "" && isStr {
			// approver = "": the form's field, never filled in.
			r.errorf("approver", `write who approved it: approver = "…", or set status = "review" until it is approved`, "an approved document needs an approver, and approver is empty")
		} else if d.Approver == "" && r.missing("approver") {
			r.errorf("status", `add approver = "…", the name of who approved it, or set status = "review" until it is approved`, "an approved document needs an approver")
		}
		if d.Approved.IsZero() && r.missing("approved") {
			r.errorf("status", "add approved = YYYY-MM-DD, the date of approval", "an approved document needs an approval date (approved)")
		}
	}
	if d.Effective.IsZero() {
		d.Effective = d.Approved
	} else if !d.Approved.IsZero() && d.Effective.Before(d.Approved) {
		r.errorf("effective", "a document takes effect on or after its approval; correct one of the dates", "effective date %s is before the approval date %s", d.Effective, d.Approved)
	}

	written := r.str("classification", false)
	var known bool
	if d.Classification, known = classification(cfg, written); !known {
		hint := diag.Msg("use one of the classification_levels in isms.toml: %s", strings.Join(cfg.Levels, ", "))
		if m := meant(levelWords, written); m != "" && contains(cfg.Levels, m) {
			hint = diag.Msg("did you mean %q? use one of the classification_levels in isms.toml: %s", m, strings.Join(cfg.Levels, ", "))
		}
		r.errorf("classification", hint, unknownLevel, written)
	}

	d.Parent = r.str("parent", false)
	d.Related = r.strs("related")
	d.Supersedes = r.strs("supersedes")
	d.Controls = controls(r)
	d.Clauses = clauses(r)

	for _, t := range r.tables("training") {
		t.known([]string{"title", "url"}, "[[training]]")
		tr := model.Training{Title: t.str("title", true), URL: t.webURL("url", t.str("url", true))}
		if tr.Title != "" || tr.URL != "" {
			d.Training = append(d.Training, tr)
		}
	}
	for _, h := range r.tables("history") {
		h.known([]string{"version", "date", "author", "summary", "material"}, "[[history]]")
		rev := model.Revision{Version: h.str("version", true), Date: h.date("date"), Author: h.str("author", false), Summary: h.str("summary", false), Material: true}
		if m, ok := h.boolean("material"); ok {
			rev.Material = m
		}
		d.History = append(d.History, rev)
	}
	approval(cfg, d, diags)
	applicability(r, d)
	recordFields(r, cfg, d)
	d.KeepURL()
	return d
}

func firstDept(cfg *model.Config) string {
	if len(cfg.Departments) > 0 {
		return cfg.Departments[0].ID
	}
	return "hr"
}

func departments(r *fields, cfg *model.Config, key string, allowAll bool) []string {
	var out []string
	for _, id := range r.strs(key) {
		if id == model.AllStaff && allowAll {
			out = append(out, id)
			continue
		}
		if len(cfg.Departments) == 0 || cfg.DepartmentsBroken {
			// isms.toml defines no departments and says so at its line;
			// repeating that for every owner of every document buries it,
			// as does a department whose entry has an error.
			continue
		}
		if _, ok := cfg.Department(id); !ok {
			hint := diag.Msg("departments are defined in isms.toml as [[departments]]: %s", strings.Join(cfg.DepartmentIDs(), ", "))
			if allowAll {
				hint = diag.Msg("departments are defined in isms.toml as [[departments]]: %s, or \"all\" for every member of staff", strings.Join(cfg.DepartmentIDs(), ", "))
			}
			if s := closestDepartment(cfg, id); s != "" {
				hint = diag.Msg("did you mean %q? %s", s, hint)
			}
			r.errorf(key, hint, "unknown department %q in %s", id, key)
			continue
		}
		if !contains(out, id) {
			out = append(out, id)
		}
	}
	return out
}

func controls(r *fields) []string {
	var out []string
	for _, c := range r.strs("controls") {
		id, err := catalog.ParseControl(c)
		if err != nil {
			r.errorf("controls", err.Hint, "%s", err.Message)
			continue
		}
		if !contains(out, id) {
			out = append(out, id)
		}
	}
	return out
}

func clauses(r *fields) []string {
	var out []string
	for _, c := range r.strs("clauses") {
		id, err := catalog.ParseClause(c)
		if err != nil {
			r.errorf("clauses", err.Hint, "%s", err.Message)
			continue
		}
		if !contains(out, id) {
			out = append(out, id)
		}
	}
	return out
}

func applicability(r *fields, d *model.Document) {
	entries := r.tables("applicability")
	if len(entries) > 0 && d.Type != model.TypeSoA {
		r.errorf("applicability", `only the Statement of Applicability (type = "soa") lists [[applicability]] entries`, "[[applicability]] in a document of type %q", d.Type)
	}
	seen := map[string]int{}
	for _, e := range entries {
		e.known([]string{"control", "applicable", "justification", "implementation"}, "[[applicability]]")
		a := model.Applicability{Justification: e.str("justification", false), Implementation: e.str("implementation", false), Line: e.at("control")}
		raw := e.str("control", true)
		applicable, ok := e.boolean("applicable")
		if !ok && !e.has("applicable") {
			e.errorf("control", "add applicable = true or applicable = false", "SoA entry for %q does not say whether the control is applicable", raw)
		}
		a.Applicable = applicable
		if raw == "" {
			continue
		}
		id, err := catalog.ParseControl(raw)
		if err != nil {
			e.errorf("control", err.Hint, "%s", err.Message)
			continue
		}
		if first, dup := seen[id]; dup {
			e.errorf("control", diag.Msg("each control is assessed once; the first entry is at line %d", first), "control %s is listed twice in the Statement of Applicability", id)
			continue
		}
		if ok && !applicable && a.Justification == "" {
			e.errorf("control", "ISO/IEC 27001 6.1.3 d requires a justification for excluding a control: add justification = \"…\"", "control %s is excluded without a justification", id)
		}
		seen[id] = a.Line
		a.Control = id
		d.Applicability = append(d.Applicability, a)
	}
}
