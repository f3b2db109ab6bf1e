package render

import (
	"bytes"
	"html/template"
	"strings"
	"sync"
	"unicode/utf8"
	"unsafe"

	"ismsgen/generator/internal/fast"
	"ismsgen/generator/markdown"
	"ismsgen/generator/model"
	"ismsgen/generator/textdiff"
)

// EarlierSource gives the texts of documents' earlier versions, and of
// the current files, for the pages of versions and changes.
type EarlierSource interface {
	// Earlier is an earlier version's text, converted with cfg unless
	// it is nil (a diff needs only the text).
	Earlier(cfg *model.Config, blob, path string) (*model.EarlierText, error)
	Current(d *model.Document) (*model.EarlierText, error)
}

// roomSource is an EarlierSource that can read the texts of one
// document's pages into a model.TextRoom, emptied once they are written.
type roomSource interface {
	EarlierIn(room *model.TextRoom, cfg *model.Config, blob, path string) (*model.EarlierText, error)
	CurrentIn(room *model.TextRoom, d *model.Document) (*model.EarlierText, error)
}

var textRooms = sync.Pool{New: func() any { return new(model.TextRoom) }}

// VersionView is the data of an earlier version's page,
// docs/<id>/v/<version>/: the text as the last commit that carried the
// version held it, marked superseded.
type VersionView struct {
	ID       string
	Doc      *model.Document  // the document now; nil for a withdrawn one's last text
	Tomb     *model.Tombstone // the withdrawn document, for its last text
	Version  model.Version
	Old      *model.Document // the text's front matter; nil when it no longer parses
	ThenID   string          // the id the text carried, when not ID (renumbered since) and published
	Raw      string          // the whole text, when it does not parse
	Body     template.HTML
	Revision *model.Revision // its [[history]] entry
	Changes  string          // its changes page, relative to this page; "" when none
	Current  string          // the document's page, relative to this page
	// SinceApproval is the page of what changed in the version after its
	// approval (model.Version.ChangedIn), relative to this page; "" when
	// none, or when this build does not show the text approved.
	SinceApproval string
	// InForceUntil is the day the current version takes effect when it
	// is approved and not yet in force and this is the version in force
	// until then (model.Document.InForceEarlier). Zero otherwise.
	InForceUntil model.Date
	// InForcePending: this is the version in force while the current
	// one is a draft or in review.
	InForcePending bool
}

// ChangesView is the data of docs/<id>/changes/<version>/: what changed
// from the version before to this one, front matter and body.
type ChangesView struct {
	Doc               *model.Document
	Version, Previous string
	From, To          model.Commit // To is zero for the current text when not committed
	Revision          *model.Revision
	FrontMatter, Body template.HTML // the texts with their changes marked
	Inserted, Deleted int           // characters (or words) inserted and deleted
	Current           string        // the document's page, relative to this page
	PreviousURL       string        // the previous version's page
	VersionURL        string        // this version's page (the current page for the current version)
	// SinceApproval: the page compares a version's text as approved
	// (From, no page of its own) with the text now (the current version)
	// or its last text (an earlier one); Approval is the commit that
	// approved it.
	SinceApproval bool
	Approval      model.Commit
	// PreviousSinceApproval is the page of what changed in the previous
	// version after its approval, when its text compared here is not the
	// one approved; "" otherwise.
	PreviousSinceApproval string
}

// versionPages writes a published document's earlier versions and what
// changed in each version that has one before it.
func (r *renderer) versionPages(d *model.Document, out Output) error {
	if d.Versions == nil || r.in.Earlier == nil {
		return nil
	}
	cfg := r.in.Site.Config
	earlier, current := r.in.Earlier.Earlier, r.in.Earlier.Current
	var textRoom *model.TextRoom // nil: each text in a string of its own
	if in, ok := r.in.Earlier.(roomSource); ok && fast.On() {
		// The texts are read, and masked, into buffers used again once
		// this document's pages are written: nothing of them is kept
		// after.
		room := textRooms.Get().(*model.TextRoom)
		defer func() { room.Empty(); textRooms.Put(room) }()
		earlier = func(cfg *model.Config, blob, path string) (*model.EarlierText, error) {
			return in.EarlierIn(room, cfg, blob, path)
		}
		current = func(d *model.Document) (*model.EarlierText, error) { return in.CurrentIn(room, d) }
		textRoom = room
	}
	texts := map[string]*model.EarlierText{} // by blob: each is shown, then compared
	text := func(v *model.Version, convert *model.Config) (*model.EarlierText, error) {
		if v == nil { // the current file
			return current(d)
		}
		if t, ok := texts[v.Blob]; ok {
			return t, nil
		}
		t, err := earlier(convert, v.Blob, v.Path)
		texts[v.Blob] = t
		return t, err
	}
	for i := range d.Versions.Earlier {
		v := &d.Versions.Earlier[i]
		dir := d.URL() + "v/" + folder(v.Version)
		if dir == d.URL()+"v/" {
			continue
		}
		// A text that names no classification had its commit's default
		// (model.Version.Classification).
		t, err := text(v, cfg.WithDefaultClass(v.Classification))
		if err != nil {
			return err
		}
		up := model.VersionUp(v.Version)
		view := &VersionView{ID: d.ID, Doc: d, Version: *v, Revision: d.Revision(v.Version), Current: up}
		if c := d.ChangesURL(v.Version); c != "" {
			view.Changes = up + c
		}
		if d.EarlierSinceApprovalURL(v.Version) != "" {
			view.SinceApproval = "since-approval/"
		}
		title := r.versionTitle(d.Title, t, v.Version)
		if in := d.InForceEarlier(r.in.Site.Now); in != nil && in.Version == v.Version && d.Status != model.StatusApproved {
			view.InForcePending = true
		} else if in != nil && in.Version == v.Version {
			view.InForceUntil = d.Effective
			title = r.in.Strings.T("version.title_in_force", titleOf(d.Title, t), v.Version, d.Effective.String())
		}
		room := r.fillVersionInPlace(view, d, t, dir)
		page := r.page(dir, title, "tiers", view)
		if view.InForcePending || !view.InForceUntil.IsZero() {
			r.printAs(page, d.ID, titleOf(d.Title, t), r.in.Strings.T("print.field", r.in.Strings.T("field.version"), v.Version), r.in.Strings.T("doc.print_notice"))
		} else {
			r.printAs(page, d.ID, titleOf(d.Title, t), r.in.Strings.T("print.version_superseded", r.in.Strings.T("field.version"), v.Version), r.in.Strings.T("version.print_notice"))
		}
		err = r.emit(out, "version.html", page)
		putRoom(room)
		if err != nil {
			return err
		}
	}
	// A version's text is compared twice, with the one before and the
	// one after (the current text: with the one before and the one
	// approved): it is read and masked once.
	maskedTexts := map[string]maskedText{} // by blob
	var maskedCurrent *maskedText
	masked := func(v *model.Version) (maskedText, error) {
		if v == nil && maskedCurrent != nil {
			return *maskedCurrent, nil
		}
		if v != nil {
			if m, ok := maskedTexts[v.Blob]; ok {
				return m, nil
			}
		}
		t, err := text(v, nil)
		if err != nil {
			return maskedText{}, err
		}
		m := maskedText{r.maskIn(textRoom, t.FrontMatter), r.maskIn(textRoom, t.Body)}
		if v != nil {
			maskedTexts[v.Blob] = m
		} else {
			maskedCurrent = &m
		}
		return m, nil
	}
	versions := []string{d.Version}
	for _, v := range d.Versions.Earlier {
		versions = append(versions, v.Version)
	}
	for _, version := range versions {
		prev := d.PreviousOf(version)
		if prev == nil || folder(version) == "" {
			continue
		}
		var this *model.Version
		to := d.Versions.Current
		if version != d.Version {
			this = d.Versions.Of(version)
			to = this.Commit
		} else if d.Versions.ChangedUncommitted || d.Versions.Set.IsZero() {
			to = model.Commit{}
		}
		up := model.VersionUp(version)
		view := &ChangesView{
			Doc: d, Version: version, Previous: prev.Version, From: prev.Commit, To: to, Revision: d.Revision(version),
			Current: up, PreviousURL: up + d.VersionURL(prev.Version), VersionURL: up + d.VersionURL(version),
		}
		if since := d.EarlierSinceApprovalURL(prev.Version); since != "" {
			view.PreviousSinceApproval = up + since
		}
		title := r.in.Strings.T("changes.title", d.Title, version)
		if err := r.emitChanges(out, d.URL()+"changes/"+folder(version), title, view, masked, prev, this); err != nil {
			return err
		}
	}
	if err := r.earlierSinceApprovalPages(d, out, masked); err != nil {
		return err
	}
	return r.sinceApprovalPage(d, out, masked)
}

// emitChanges writes the changes page view into dir, comparing the texts
// of older and newer (nil: the current text).
func (r *renderer) emitChanges(out Output, dir, title string, view *ChangesView, masked func(*model.Version) (maskedText, error), older, newer *model.Version) error {
	o, err := masked(older)
	if err != nil {
		return err
	}
	n, err := masked(newer)
	if err != nil {
		return err
	}
	var room *bytes.Buffer
	view.FrontMatter, view.Body, view.Inserted, view.Deleted, room = diffHTML(o, n)
	page := r.page(dir, title, "tiers", view)
	s := r.in.Strings
	which := s.T("changes.heading", view.Previous, view.Version)
	if view.SinceApproval {
		which = s.T("changes.since_approval_heading", view.Version)
	}
	r.printAs(page, view.Doc.ID, view.Doc.Title, which, s.T("doc.print_notice"))
	err = r.emit(out, "changes.html", page)
	putRoom(room)
	return err
}

// sinceApprovalPage writes what changed in the current version since it
// was approved, when its text changed without a new version: the text
// as approved, with the changes marked, answers what the reader was
// told to go by.
func (r *renderer) sinceApprovalPage(d *model.Document, out Output, masked func(*model.Version) (maskedText, error)) error {
	href := d.SinceApprovalURL()
	if href == "" {
		return nil
	}
	approved := d.Versions.AsApproved
	to := d.Versions.Current
	if d.Versions.ChangedUncommitted {
		to = model.Commit{}
	}
	view := &ChangesView{
		Doc: d, Version: d.Version, Previous: d.Version, From: approved.Commit, To: to, SinceApproval: true, Approval: d.Versions.Set,
		Current: "../", VersionURL: "../",
	}
	title := r.in.Strings.T("changes.since_approval_title", d.Title, d.Version)
	return r.emitChanges(out, d.URL()+href, title, view, masked, approved, nil)
}

// earlierSinceApprovalPages writes, for each earlier version whose text
// changed after its approval without the version being raised, what
// changed from the text as approved to its last text, the one its page
// shows: the next version's changes start from that text, and would
// hide the change.
func (r *renderer) earlierSinceApprovalPages(d *model.Document, out Output, masked func(*model.Version) (maskedText, error)) error {
	for i := range d.Versions.Earlier {
		v := &d.Versions.Earlier[i]
		if d.EarlierSinceApprovalURL(v.Version) == "" {
			continue
		}
		view := &ChangesView{
			Doc: d, Version: v.Version, Previous: v.Version, From: v.AsApproved.Commit, To: v.Commit, SinceApproval: true, Approval: v.Since,
			Current: "../" + model.VersionUp(v.Version), VersionURL: "../",
		}
		title := r.in.Strings.T("changes.since_approval_title", d.Title, v.Version)
		dir := d.URL() + "v/" + folder(v.Version) + "since-approval/"
		if err := r.emitChanges(out, dir, title, view, masked, v.AsApproved, v); err != nil {
			return err
		}
	}
	return nil
}

// fillVersion renders the text of an earlier version into view.
func (r *renderer) fillVersion(view *VersionView, d *model.Document, t *model.EarlierText, dir string) *VersionView {
	if room := r.fillVersionInPlace(view, d, t, dir); room != nil {
		view.Body = template.HTML(strings.Clone(string(view.Body)))
		putRoom(room)
	}
	return view
}

// fillVersionInPlace is fillVersion for a page written at once: with
// the fast paths on, the body's HTML is read in place from the buffer it
// was rendered into, which the caller gives back with putRoom once the
// page is written (the page's templates copy the HTML and keep nothing
// of it; see bodies.renderPage). The text is copied into a buffer used
// again, not into a new one, to be rendered.
func (r *renderer) fillVersionInPlace(view *VersionView, d *model.Document, t *model.EarlierText, dir string) (room *bytes.Buffer) {
	view.Old = t.Doc
	if t.Doc == nil {
		view.Raw = r.mask(t.Body)
		return nil
	}
	// A version of a document renumbered since says the number it bore,
	// unless this build leaves that id out (another document's now).
	if id := t.Doc.ID; id != "" && model.FoldID(id) != model.FoldID(view.ID) && r.mask(id) == id {
		view.ThenID = id
	}
	// Its links to documents go to their pages now; its links to files
	// go to the document's attachments, two folders up; a relative path
	// goes from where the file was then.
	owner := d
	if owner == nil {
		owner = &model.Document{Path: view.Version.Path}
	} else if p := view.Version.Path; p != "" && p != d.Path {
		moved := *d
		moved.Path = p
		owner = &moved
	}
	rel := strings.Repeat("../", strings.Count(dir, "/"))
	// What other tools write is shown as the document's own page shows it
	// (another front matter left out, an admonition a block quote), not
	// as CommonMark reads it: the same text, the same page.
	lang := r.in.Site.Config.Language
	if !fast.On() {
		view.Body = r.bodies.renderFiles(r.in.Site, owner, markdown.AdaptTextIn([]byte(t.Body), lang), rel, view.Current).HTML
		return nil
	}
	src := scratchBufs.Get().(*bytes.Buffer)
	src.Reset()
	src.WriteString(t.Body)
	room = scratchBufs.Get().(*bytes.Buffer)
	r.bodies.renderInto(room, r.in.Site, owner, markdown.AdaptTextIn(src.Bytes(), lang), rel, view.Current, true)
	putScratch(src)
	view.Body = template.HTML(inPlace(room))
	return room
}

// inPlace is b's bytes as a string, without a copy: b must not change
// while the string is used.
func inPlace(b *bytes.Buffer) string {
	return unsafe.String(unsafe.SliceData(b.Bytes()), b.Len())
}

// putRoom gives back a buffer from fillVersionInPlace or diffHTML, if
// there is one.
func putRoom(b *bytes.Buffer) {
	if b != nil {
		putScratch(b)
	}
}

// versionTitle is the title of an earlier version's page.
func (r *renderer) versionTitle(title string, t *model.EarlierText, version string) string {
	return r.in.Strings.T("version.title", titleOf(title, t), version)
}

// titleOf is the title an earlier text gave itself, else title.
func titleOf(title string, t *model.EarlierText) string {
	if t != nil && t.Doc != nil && t.Doc.Title != "" {
		return t.Doc.Title
	}
	return title
}

// folder is a version's folder under v/ or changes/, with its slash, as
// the output names it ("" when the version cannot name one). A link to
// it escapes it (linkFolder): "v/第2版/" is written as it is, and linked
// as "v/%E7%AC%AC2%E7%89%88/", which a web server and file:// decode.
func folder(version string) string {
	f := model.VersionFolder(version)
	if f == "" {
		return ""
	}
	return f + "/"
}

// linkFolder is folder escaped for a link.
func linkFolder(version string) string {
	if f := model.VersionFolder(version); f != "" {
		return model.EscapeFolder(f) + "/"
	}
	return ""
}

// diffHTML marks the changes from old to new, front matter and body:
// escaped text with <ins> and <del>, and how many characters (or words)
// were inserted and deleted. The two are written into one buffer; with
// the fast paths on, they are read in place from it until the caller
// gives it back (putRoom) once the page is written, else copied out.
func diffHTML(old, new maskedText) (frontMatter, body template.HTML, ins, del int, room *bytes.Buffer) {
	b := scratchBufs.Get().(*bytes.Buffer)
	b.Reset()
	n := len(new.frontMatter) + len(new.body)
	b.Grow(n + n/4 + 512) // the texts, their escapes, the changes and their tags, mostly
	ins, del = writeDiff(b, old.frontMatter, new.frontMatter)
	split := b.Len()
	i, d := writeDiff(b, old.body, new.body)
	html := inPlace(b)
	if !fast.On() {
		html = strings.Clone(html)
		putScratch(b)
		b = nil
	}
	return template.HTML(html[:split]), template.HTML(html[split:]), ins + i, del + d, b
}

// writeDiff writes the changes from old to new to b, and says how many
// characters (or words) each side has.
func writeDiff(b *bytes.Buffer, old, new string) (ins, del int) {
	for _, s := range textdiff.Diff(old, new) {
		switch s.Op {
		case textdiff.Insert:
			ins += utf8.RuneCountInString(strings.TrimSpace(s.Text))
			b.WriteString(`<ins class="diff-ins">`)
			escapeHTML(b, s.Text)
			b.WriteString(`</ins>`)
		case textdiff.Delete:
			del += utf8.RuneCountInString(strings.TrimSpace(s.Text))
			b.WriteString(`<del class="diff-del">`)
			escapeHTML(b, s.Text)
			b.WriteString(`</del>`)
		default:
			escapeHTML(b, s.Text)
		}
	}
	return ins, del
}

// escapeHTML writes s to b escaped as template.HTMLEscapeString escapes
// it, without the copy that makes (with the fast paths off, by it).
func escapeHTML(b *bytes.Buffer, s string) {
	if !fast.On() {
		b.WriteString(template.HTMLEscapeString(s))
		return
	}
	last := 0
	for i := 0; i < len(s); i++ {
		if !htmlSpecial[s[i]] {
			continue
		}
		var esc string
		switch s[i] {
		case 0:
			esc = "\uFFFD"
		case '"':
			esc = "&#34;"
		case '\'':
			esc = "&#39;"
		case '&':
			esc = "&amp;"
		case '<':
			esc = "&lt;"
		case '>':
			esc = "&gt;"
		default:
			continue
		}
		b.WriteString(s[last:i])
		b.WriteString(esc)
		last = i + 1
	}
	b.WriteString(s[last:])
}

// maskedText is a text's front matter and body with left-out ids
// masked, as a changes page compares them.
type maskedText struct{ frontMatter, body string }

// htmlSpecial marks the bytes escapeHTML replaces.
var htmlSpecial = [256]bool{0: true, '"': true, '\'': true, '&': true, '<': true, '>': true}

// TombstoneView is the data of a withdrawn document's page: the URL it
// had still says what became of it.
type TombstoneView struct {
	Tomb *model.Tombstone
	Last string // its last text's page, relative to this page; "" when none
}

// tombstonePages lists the pages of the withdrawn documents and of their
// last texts. They are in no sitemap (see all), search index or feed.
func (r *renderer) tombstonePages() []sitePage {
	s := r.in.Strings
	var pages []sitePage
	for _, t := range r.in.Site.Tombstones {
		view := &TombstoneView{Tomb: t}
		url := t.URL()
		if f := folder(t.Last.Version); f != "" && r.in.Earlier != nil {
			// Read now: a text that cannot be read leaves the page out
			// rather than showing a page without it.
			if text, err := r.in.Earlier.Earlier(r.in.Site.Config.WithDefaultClass(t.Last.Classification), t.Last.Blob, t.Last.Path); err == nil {
				view.Last = "v/" + linkFolder(t.Last.Version)
				dir := url + "v/" + f
				v := r.fillVersion(&VersionView{ID: t.ID, Tomb: t, Version: t.Last, Current: model.VersionUp(t.Last.Version)}, nil, text, dir)
				page := r.page(dir, r.versionTitle(t.Title, text, t.Last.Version), "tiers", v)
				r.printAs(page, t.ID, titleOf(t.Title, text), s.T("print.version_withdrawn", s.T("field.version"), t.Last.Version), s.T("tomb.print_notice"))
				pages = append(pages, sitePage{"version.html", page, nil})
			}
		}
		page := r.page(url, t.Title, "tiers", view)
		r.printAs(page, t.ID, t.Title, s.T("print.withdrawn_on", t.Withdrawn.Date().String()), s.T("tomb.print_notice"))
		pages = append(pages, sitePage{"tombstone.html", page, nil})
	}
	return pages
}

// printAs gives page the print style of a text of the document id
// other than its current version: its head names the document, the
// text's title and which text it is (right), its foot what the printed
// copy is worth (notice).
func (r *renderer) printAs(page *Page, id, title, right, notice string) {
	s := r.in.Strings
	page.PrintStyle, page.PrintStyleHash = printStyleOf(printHead{
		left: s.T("print.field", s.T("field.id"), id), center: title, right: right, notice: notice,
	}, s.T("doc.page_of"))
}

// MovedView is the data of the page an old id keeps after a document's
// id was changed: the old URL links the document under its new id.
type MovedView struct {
	Moved   *model.Moved
	Current string // the document's page, relative to this page
	Last    string // the old id's last text under the new id, relative to this page; "" when none
}

// movedPages lists the pages of the documents' old ids. Like the
// tombstones', they are in no sitemap, search index or feed.
func (r *renderer) movedPages() []sitePage {
	var pages []sitePage
	for _, m := range r.in.Site.Moved {
		view := &MovedView{Moved: m, Current: "../../" + m.Doc.URL()}
		if m.Last != nil {
			if f := linkFolder(m.Last.Version); f != "" {
				view.Last = view.Current + "v/" + f
			}
		}
		title := m.Title
		if title == "" {
			title = m.Doc.Title
		}
		pages = append(pages, sitePage{"moved.html", r.page(m.URL(), title, "tiers", view), nil})
	}
	return pages
}
