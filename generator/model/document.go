package model

import (
	"net/url"
	"strings"
)

// Document types (the `type` key).
const (
	TypeManual    = "manual"
	TypePolicy    = "policy"
	TypeProcedure = "procedure"
	TypeStandard  = "standard"
	TypeGuideline = "guideline"
	TypePlan      = "plan"
	TypeForm      = "form"
	TypeRecord    = "record"
	TypeSoA       = "soa"
	TypeExternal  = "external" // of external origin: a law, a standard, a customer's requirements
)

// Types lists every document type in display order.
var Types = []string{TypeManual, TypePolicy, TypeProcedure, TypeStandard, TypeGuideline, TypePlan, TypeForm, TypeRecord, TypeSoA, TypeExternal}

// TierType is the type of a document of tier that names none: policy,
// procedure, form; "" for a tier that is not 1, 2 or 3.
func TierType(tier int) string {
	if tier < 1 || tier > 3 {
		return ""
	}
	return [...]string{"", TypePolicy, TypeProcedure, TypeForm}[tier]
}

// Document statuses (the `status` key).
const (
	StatusDraft    = "draft"
	StatusReview   = "review"
	StatusApproved = "approved"
	StatusObsolete = "obsolete"
)

// Statuses lists every status in lifecycle order.
var Statuses = []string{StatusDraft, StatusReview, StatusApproved, StatusObsolete}

// AllStaff is the distribution entry meaning every department.
const AllStaff = "all"

// Training is an awareness course that goes with a document.
type Training struct {
	Title string
	URL   string
}

// Revision is one entry of the revision history (变更履历).
type Revision struct {
	Version string
	Date    Date
	Author  string
	Summary string
	// Material is false for a change that needs no new acknowledgement
	// (a typo, the layout): material = false.
	Material bool
}

// Applicability is one Statement-of-Applicability entry.
type Applicability struct {
	Control        string // canonical 2022 id, e.g. "5.35"
	Applicable     bool
	Justification  string
	Implementation string
	Line           int
}

// Attachment is a file published beside a page-bundle document (or, in
// Files.Loose, a file in no bundle that documents link to).
type Attachment struct {
	Name   string // path inside the bundle, slash-separated: "form.docx", "img/a.png"
	Path   string // relative to the source, like Document.Path
	Source string // path on disk to copy from
	Size   int64
	SHA256 string // hex
}

// Href is the attachment's link relative to its document page: the name
// with '#', '?', '%', spaces and the like percent-encoded, and ':' too so
// that a name such as "javascript:x.txt" is a file, not a scheme.
func (a Attachment) Href() string { return EscapePath(a.Name) }

// EscapePath percent-encodes each element of a slash-separated path for
// a link: '#', '?', '%', spaces and the like, ':' (so that a name such as
// "javascript:x.txt" is a file, not a scheme) and '&' (which Markdown
// would read as an entity).
func EscapePath(p string) string {
	parts := strings.Split(p, "/")
	for i, s := range parts {
		s = url.PathEscape(s)
		if strings.ContainsAny(s, ":&") {
			s = strings.NewReplacer(":", "%3A", "&", "%26").Replace(s)
		}
		parts[i] = s
	}
	return strings.Join(parts, "/")
}

// Document is one controlled document with its front matter typed and
// checked, its Markdown body, and the positions needed for diagnostics.
type Document struct {
	Path string // relative to the source, e.g. "content/tier2/isms-p-009.md"

	ID             string
	Title          string
	Tier           int
	Type           string
	Version        string
	Status         string
	Owners         []string
	Author         string
	Reviewer       string
	Approver       string
	Approved       Date
	Effective      Date // defaults to Approved
	LastReviewed   Date
	NextReview     Date
	ReviewCycle    Cycle
	Classification string
	Distribution   []string // department ids or AllStaff
	Parent         string
	Related        []string
	Supersedes     []string
	Controls       []string // canonical 2022 ids
	Clauses        []string
	Retention      string    // as written
	Kept           Retention // Retention parsed; zero when absent or not valid
	External       External  // type = "external" only
	Actions        []Action  // records only
	Training       []Training
	History        []Revision
	Applicability  []Applicability

	Body     []byte // Markdown after the closing +++
	BodyLine int    // line of the file where Body starts
	// LinkLines maps a line of Body whose links were written on other
	// lines (an HTML table's row, shown as a pipe table's) to those
	// lines: its row's first, then each link's, in order; nil for most.
	LinkLines   map[int][]int
	TitleAnchor string // the anchor of the first heading, left out for repeating the title; "" for none
	Attachments []Attachment

	// Lines maps a front-matter key path ("next_review", "history.2.date")
	// to its line in the file; see Line.
	Lines KeyLines

	// Versions is what git holds of the file (the history stage); nil
	// outside git.
	Versions *Versions
	// FromGit is set when the file holds a draft or a review of a
	// document whose earlier text git holds as published: the document
	// is that text, the version in force until the new one is approved,
	// and its history ends at FromGit.Commit (see generator.InForce).
	FromGit *Version

	// Faulty: converting the file reported errors of its own (an
	// unknown status, say, which leaves it out). They say what to fix;
	// a link to it is not warned of again.
	Faulty bool
	// IDTaken: another file has this document's id too (an error): a
	// link by the id may mean either, so its heading is not checked.
	IDTaken bool

	// Filled in by the link stage.
	Graph Graph

	url, urlID string // see KeepURL: the URL, and the ID it was made for
}

// Line returns the line of a front-matter key path, falling back to the
// enclosing table and then to the opening +++ (line 1).
func (d *Document) Line(key string) int { return d.Lines.Line(key) }

// IsCurrent reports whether the document is in force or on its way there
// (not obsolete).
func (d *Document) IsCurrent() bool { return d.Status != StatusObsolete }

// IsUnapproved reports whether the document is a draft or in review.
func (d *Document) IsUnapproved() bool {
	return d.Status == StatusDraft || d.Status == StatusReview
}

// DistributedTo reports whether department dept must hold the document.
func (d *Document) DistributedTo(dept string) bool {
	for _, x := range d.Distribution {
		if x == AllStaff || x == dept {
			return true
		}
	}
	return false
}

// URL is the document page's path relative to the site root.
func (d *Document) URL() string {
	if d.urlID == d.ID && d.url != "" { // the same string: no bytes compared
		return d.url
	}
	return "docs/" + d.ID + "/"
}

// KeepURL makes URL give one string, made now, instead of a new one on
// every call (a page lists dozens of documents, a build calls URL about
// twenty times per document). Call it once the ID is set; URL stays right
// if the ID changes after.
func (d *Document) KeepURL() { d.url, d.urlID = "docs/"+d.ID+"/", d.ID }
