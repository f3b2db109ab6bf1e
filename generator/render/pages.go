package render

import (
	"cmp"
	"crypto/sha256"
	"encoding/base64"
	"errors"
	"fmt"
	"html/template"
	"net/url"
	"path"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"ismsgen/generator/internal/safefile"
	"ismsgen/generator/markdown"
	"ismsgen/generator/model"
	"ismsgen/generator/reports"
)

// DocView is the data of a document page.
type DocView struct {
	Doc       *model.Document
	Body      template.HTML
	TOC       []markdown.Heading // level-2 headings
	Review    *reports.Review    // nil when not subject to review
	Banner    string             // "", "draft", "review", "not_effective", "not_effective_first", "overdue", "obsolete"
	LinksOut  []*model.Document  // distinct published targets, in body order
	Relations []Relation         // every related document once, with how it is related
	AckURL    string
	Actions   []reports.Action // the actions a record raises
}

// Relation is a document related to the page's, once, with every way
// it is related: "superseded_by", "supersedes", "children", "links_out",
// "linked_from" or "related" (the i18n keys rel.*).
type Relation struct {
	Doc   *model.Document
	Kinds []string
}

// relations lists each document related to d once: those that replace
// it, those it replaces, its children, those it links to, those that
// link to it and the related ones, in that order, the first way first.
func relations(d *model.Document, linksOut []*model.Document) []Relation {
	var out []Relation
	at := map[*model.Document]int{}
	add := func(kind string, docs []*model.Document) {
		for _, o := range docs {
			if o == d || o == d.Graph.Parent {
				continue // the parent is in the document control block
			}
			if i, ok := at[o]; ok {
				if !slices.Contains(out[i].Kinds, kind) {
					out[i].Kinds = append(out[i].Kinds, kind)
				}
				continue
			}
			at[o] = len(out)
			out = append(out, Relation{Doc: o, Kinds: []string{kind}})
		}
	}
	g := &d.Graph
	add("superseded_by", g.SupersededBy)
	add("supersedes", g.Supersedes)
	add("children", g.Children)
	add("links_out", linksOut)
	add("linked_from", g.LinkedFrom)
	add("related", g.Related)
	return out
}

func (r *renderer) document(d *model.Document, out Output) (Text, error) {
	url := d.URL()
	rel := strings.Repeat("../", strings.Count(url, "/"))
	src := d.Body
	var done func()
	if src == nil && r.in.Bodies != nil {
		var err error
		if src, done, err = r.in.Bodies.Body(d); err != nil {
			return Text{}, err
		}
	}
	body := r.bodies.renderPage(r.in.Site, d, src, rel)
	if done != nil {
		done() // body holds copies: src's room may take the next
	}
	v := &DocView{Doc: d, Body: body.HTML, Review: r.in.Reports.ReviewOf(d), AckURL: ackURL(r.in.Site.Config.AckURL, d), Actions: recordActions(r.in.Site, d)}
	for _, h := range body.Headings {
		if h.Level == 2 {
			v.TOC = append(v.TOC, h)
		}
	}
	seen := map[*model.Document]bool{}
	for _, l := range d.Graph.LinksOut {
		if l.Target != nil && l.Target != d && !seen[l.Target] {
			seen[l.Target] = true
			v.LinksOut = append(v.LinksOut, l.Target)
		}
	}
	v.Relations = relations(d, v.LinksOut)
	v.Banner = banner(d, v.Review, r.in.Site.Now)
	p := r.page(url, d.Title, "tiers", v)
	p.PrintStyle, p.PrintStyleHash = r.printStyle(d)
	err := r.emit(out, "doc.html", p)
	body.release() // the page is written, and nothing keeps its HTML
	if err != nil {
		return Text{}, err
	}
	for _, a := range d.Attachments {
		if err := out.Copy(url+a.Name, a); err != nil {
			return Text{}, attachmentError(d, a, err)
		}
	}
	if err := r.versionPages(d, out); err != nil {
		return Text{}, err
	}
	return Text{Doc: d, Headings: body.Headings, Plain: body.Text}, nil
}

// files publishes the files in no page bundle that documents link to.
func (r *renderer) files(out Output) error {
	for _, a := range r.in.Site.Files {
		if err := out.Copy("files/"+a.Name, *a); err != nil {
			return copyError(a.Path, err)
		}
	}
	return nil
}

// printStyle is a document's print stylesheet: its printed copy carries
// 文件编号, title and 版本 at the head of every page, and the
// uncontrolled-copy notice with 页码 x / y at its foot, as a controlled
// copy printed from Word does. Chromium prints the page margin boxes of
// CSS paged media, whose text can only come from a stylesheet: so each
// document page carries a small style element of its own (a stylesheet
// file each was a third of a large site's files).
//
// printStyle is inlineStyle of the stylesheet for "print", the element
// made in one buffer and copied once: made with fmt and copied three
// times, the print styles were a fortieth of what a large build
// allocated.
func (r *renderer) printStyle(d *model.Document) (template.HTML, string) {
	s := r.in.Strings
	return printStyleOf(printHead{
		left: s.T("print.field", s.T("field.id"), d.ID), center: d.Title,
		right: s.T("print.field", s.T("field.version"), d.Version), notice: s.T("doc.print_notice"),
	}, s.T("doc.page_of"))
}

// printHead is what a printed page's running head says (left, center,
// right) and its foot (notice, before the page number).
type printHead struct{ left, center, right, notice string }

// printStyleOf is the print style element of a page whose printed copy
// carries h, with the page number after pageOf, and the hash of its text.
func printStyleOf(h printHead, pageOf string) (template.HTML, string) {
	const open, end = `<style media="print">`, "</style>"
	b := make([]byte, 0, 640)
	b = append(b, open...)
	b = appendPrintCSS(b, h, pageOf)
	sum := sha256.Sum256(b[len(open):])
	b = append(b, end...)
	return template.HTML(b), "sha256-" + base64.StdEncoding.EncodeToString(sum[:])
}

// appendPrintCSS appends the print stylesheet of h to b.
func appendPrintCSS(b []byte, h printHead, pageOf string) []byte {
	b = append(b, "@page {\n  @top-left { content: "...)
	b = appendCSSString(b, h.left)
	b = append(b, "; }\n  @top-center { content: "...)
	b = appendCSSString(b, h.center)
	b = append(b, "; }\n  @top-right { content: "...)
	b = appendCSSString(b, h.right)
	b = append(b, "; }\n  @bottom-left { content: "...)
	b = appendCSSString(b, h.notice)
	b = append(b, "; }\n  @bottom-right { content: "...)
	b = appendCSSString(b, pageOf+" ")
	return append(b, " counter(page) \" / \" counter(pages); }\n}\n"...)
}

// cssString quotes s as a CSS string: quotes, backslashes and line
// breaks escaped, and "<" too, so that nothing reads as markup.
func cssString(s string) string { return string(appendCSSString(nil, s)) }

// appendCSSString appends cssString(s) to b.
func appendCSSString(b []byte, s string) []byte {
	b = append(b, '"')
	for _, c := range s {
		switch c {
		case '"', '\\':
			b = append(b, '\\', byte(c))
		case '\n', '\r', '\f', '<':
			b = append(b, '\\')
			b = strconv.AppendInt(b, int64(c), 16)
			b = append(b, ' ')
		default:
			b = utf8.AppendRune(b, c)
		}
	}
	return append(b, '"')
}

// banner picks the one status banner a document page shows.
func banner(d *model.Document, rv *reports.Review, now model.Date) string {
	switch {
	case d.Status == model.StatusObsolete:
		return "obsolete"
	case d.Status == model.StatusDraft:
		return "draft"
	case d.Status == model.StatusReview:
		return "review"
	case !d.Effective.IsZero() && d.Effective.After(now) && !hasEarlier(d):
		return "not_effective_first"
	case !d.Effective.IsZero() && d.Effective.After(now):
		return "not_effective"
	case rv != nil && rv.State == reports.Overdue:
		return "overdue"
	}
	return ""
}

// hasEarlier reports whether a version comes before d's: an earlier
// entry of its revision history, or a document it replaces. Only then
// does the earlier one stay in force until d takes effect.
func hasEarlier(d *model.Document) bool {
	for _, h := range d.History {
		if h.Version != "" && h.Version != d.Version {
			return true
		}
	}
	return len(d.Supersedes) > 0
}

// ackURL fills the acknowledgement link template with the document's id
// and version, each query-escaped.
func ackURL(tmpl string, d *model.Document) string {
	if tmpl == "" || d.Status != model.StatusApproved {
		return ""
	}
	// A change that is not material (material = false) needs no new
	// acknowledgement: the link stays that of the last material version.
	return strings.NewReplacer("{id}", url.QueryEscape(d.ID), "{version}", url.QueryEscape(d.MaterialVersion())).Replace(tmpl)
}

// HomeView is the data of the home page.
type HomeView struct {
	Tiers   [3]TierSummary
	Recent  []*model.Document
	Overdue int
	DueSoon int
	Missing int
	Pending int
	Total   int

	ActionsOverdue      int
	ManagementReviewDue bool
}

// TierSummary is one tier's box on the home page.
type TierSummary struct {
	Tier  int
	Count int
	Top   []*model.Document
	More  bool // Top shows fewer than Count: the box says so and links to the tier
}

func (r *renderer) home() *HomeView {
	v := &HomeView{Total: len(r.in.Site.Docs), ActionsOverdue: len(r.in.Reports.ActionsIn(reports.ActionOverdue)), ManagementReviewDue: r.in.Reports.ManagementReview.Due}
	for i := range v.Tiers {
		v.Tiers[i].Tier = i + 1
	}
	var recent []*model.Document
	for _, d := range r.in.Site.Docs {
		t := &v.Tiers[d.Tier-1]
		t.Count++
		if d.IsCurrent() && len(t.Top) < 8 && (d.Tier < 3 || d.Status == model.StatusApproved) {
			t.Top = append(t.Top, d)
		}
		if d.Status == model.StatusApproved && !d.Effective.IsZero() && !d.Effective.After(r.in.Site.Now) {
			recent = append(recent, d)
		}
		if d.Status == model.StatusReview {
			v.Pending++
		}
	}
	for i := range v.Tiers {
		v.Tiers[i].More = len(v.Tiers[i].Top) < v.Tiers[i].Count
	}
	slices.SortStableFunc(recent, func(a, b *model.Document) int { return b.Effective.Compare(a.Effective) })
	v.Recent = recent[:min(len(recent), 10)]
	for _, rv := range r.in.Reports.Reviews {
		switch rv.State {
		case reports.Overdue:
			v.Overdue++
		case reports.DueSoon:
			v.DueSoon++
		case reports.Missing:
			v.Missing++
		}
	}
	return v
}

// RegisterView is the master list of controlled documents.
type RegisterView struct {
	Docs *List
}

func (v *RegisterView) lists() []*List { return []*List{v.Docs} }

// entryRows makes the rows of documents with their reviews.
func (r *renderer) entryRows(docs []*model.Document) []ListRow {
	rows := make([]ListRow, len(docs))
	for i, d := range docs {
		rows[i] = ListRow{Doc: d, Review: r.in.Reports.ReviewOf(d)}
	}
	return rows
}

func (r *renderer) register() *RegisterView {
	docs := slices.Clone(r.in.Site.Docs)
	slices.SortStableFunc(docs, func(a, b *model.Document) int { return cmp.Compare(a.Tier, b.Tier) })
	title := r.in.Strings.T("register.title")
	l := r.newList("register/", title, "docs", title, colsRegister, r.entryRows(docs))
	l.Single = true
	return &RegisterView{Docs: l}
}

// TierView lists the documents of one tier, by type.
type TierView struct {
	Tier  int
	Types []TypeCount
	Docs  *List
}

func (v *TierView) lists() []*List { return []*List{v.Docs} }

// TypeCount is how many documents of a tier have one type.
type TypeCount struct {
	Type  string
	Count int
}

func (r *renderer) tier(tier int) *TierView {
	v := &TierView{Tier: tier}
	var docs []*model.Document
	for _, typ := range model.Types {
		n := len(docs)
		for _, d := range r.in.Site.Docs {
			if d.Tier == tier && d.Type == typ {
				docs = append(docs, d)
			}
		}
		if len(docs) > n {
			v.Types = append(v.Types, TypeCount{typ, len(docs) - n})
		}
	}
	title := r.in.Strings.T(fmt.Sprintf("tier.%d", tier))
	v.Docs = r.newList(fmt.Sprintf("tiers/%d/", tier), title, "docs", title, colsTier, r.entryRows(docs))
	v.Docs.Single = true
	return v
}

// attachmentError says which attachment of d could not be published, and
// what to do.
func attachmentError(d *model.Document, a model.Attachment, err error) error {
	return copyError(path.Join(path.Dir(d.Path), a.Name), err)
}

// copyError says why the file rel (relative to the source) could not be
// published.
func copyError(rel string, err error) error {
	switch {
	case errors.Is(err, safefile.ErrChanged):
		return fmt.Errorf("%s: the file changed during the build, so its page would list a SHA-256 other than that of the published file; build again", rel)
	case errors.Is(err, safefile.ErrNotRegular):
		return fmt.Errorf("%s: the file was replaced by a symbolic link or a device during the build, and is not published; put the file itself back and build again", rel)
	}
	return fmt.Errorf("%s: cannot publish the attachment: %w", rel, err)
}
