package model

import (
	"net/url"
	"slices"
	"strings"
	"sync"
	"time"

	"ismsgen/generator/internal/filetype"
)

// Commit is one git commit, as far as the site shows it.
type Commit struct {
	Hash   string
	When   time.Time // the committer's date, in the committer's own time zone
	Author string
}

// IsZero reports whether there is no commit.
func (c Commit) IsZero() bool { return c.Hash == "" }

// Short is the abbreviated hash, as git shows it.
func (c Commit) Short() string { return c.Hash[:min(len(c.Hash), 10)] }

// Date is the commit's calendar date on the committer's own clock: what
// --as-of compares a day with.
func (c Commit) Date() Date {
	if c.IsZero() {
		return Date{}
	}
	return DateOf(c.When)
}

// Version is an earlier version of a document, as git holds it: the text
// of the last commit in which the file carried that version.
type Version struct {
	Version string
	Commit  Commit // the last commit in which the file carried the version: its text is this commit's
	Since   Commit // the first commit of that run that approved the version, when ChangedIn is set
	Blob    string // the file's git blob id at Commit
	Path    string // the file's path at Commit, relative to the source

	// From that text's front matter: the version is published only when
	// this build would publish a document with them.
	Title          string
	Status         string
	Classification string
	Effective      Date   // its effective date, else its approval's
	Approver       string // who approved it

	// ChangedIn is, for an earlier version whose text changed after its
	// approval (Since) without the version being raised, the first
	// commit that changed it other than in the review dates: the text
	// shown (Commit's) is not the one approved. Zero otherwise.
	ChangedIn Commit
	// AsApproved is then the text as approved: the last commit before
	// the change. Its page (EarlierSinceApprovalURL) shows what changed
	// since. Nil otherwise, and when this build may not publish it.
	AsApproved *Version
}

// Versions is what git knows of a document's file. A document outside
// git, or new and not yet committed, has none (nil).
type Versions struct {
	// Earlier are the versions of [[history]] other than the current
	// one that a commit holds, in the order of [[history]]: the ones
	// this build may show (see the history stage's Publish).
	Earlier []Version
	// Set is the commit that set the current version; zero when the
	// version is not committed yet.
	Set Commit
	// Current is the last commit of the file (zero when not committed).
	Current Commit
	// ChangedIn is the first commit after Set that changed the text
	// other than the review dates without a new version; zero when none.
	ChangedIn Commit
	// ChangedUncommitted: the file on disk differs so from Set's text,
	// in changes that are not committed yet.
	ChangedUncommitted bool
	// SetOrEarlier: Set is the oldest commit of a shallow clone, so the
	// version may have been set in a commit the clone does not hold.
	SetOrEarlier bool
	// Shallow: the repository's history stops before the file's first
	// commit (a shallow clone), so earlier versions may be missing.
	Shallow bool
	// OldIDs are the ids the file had before a commit changed its id,
	// the most recent change first, one for each id.
	OldIDs []OldID
	// Approved is, for a document now a draft or in review, its newest
	// committed text that was approved, whether or not [[history]]
	// names its version (the version set back to review, or raised
	// before its entry was written): the version in force that the
	// draft takes off the site. Nil otherwise; it has no page.
	Approved *Version
	// AsApproved is, for a current version whose text changed after its
	// approval (Changed), the text as approved: the last commit before
	// the change. Its page (SinceApprovalURL) shows what changed since.
	// Nil otherwise, and when this build may not publish that text.
	AsApproved *Version
	// Drafts are the versions of [[history]] whose every committed text
	// is a draft or in review: never published, so never withdrawn.
	Drafts []string
	// Untracked are the versions of [[history]] other than the current
	// one of which git holds no text that can be read: made before the
	// document was in git, or on a branch that a squash merge brought
	// in as one commit. The changes of the version after one are shown
	// from the version before it.
	Untracked []string

	// FilesChanged are the files of the document's page bundle, published
	// as its attachments, that a commit after Set changed (or added)
	// without the version being raised, in the order of its attachments:
	// they are part of the document that was approved.
	FilesChanged []FileChange
}

// FileChange is a file of a page bundle changed after the approval of
// its document's current version.
type FileChange struct {
	Name      string // its path in the bundle (Attachment.Name)
	ChangedIn Commit // the first commit after Set that changed it
}

// NeverPublished reports whether git holds version only as a draft or
// in review.
func (v *Versions) NeverPublished(version string) bool {
	return v != nil && slices.Contains(v.Drafts, version)
}

// OldID is an id a document's file had before a commit changed it.
type OldID struct {
	ID      string
	Changed Commit  // the first commit in which the file had another id
	Last    Version // the file's last text with this id
}

// Rename is what became of a path that a file had before a commit
// renamed it.
type Rename struct {
	To     string // the file's path now, relative to the source
	Commit Commit // the commit that renamed the file from the old path
}

// Changed reports whether the text changed after the current version was
// set without the version being raised.
func (v *Versions) Changed() bool {
	return v != nil && (!v.ChangedIn.IsZero() || v.ChangedUncommitted)
}

// Of returns the earlier version named version, or nil.
func (v *Versions) Of(version string) *Version {
	if v == nil {
		return nil
	}
	for i := range v.Earlier {
		if v.Earlier[i].Version == version {
			return &v.Earlier[i]
		}
	}
	return nil
}

// Tombstone is a document whose file was deleted after it had been
// published: its URL stays, and says what happened.
type Tombstone struct {
	ID        string
	Title     string
	Tier      int
	Withdrawn Commit  // the commit that deleted the file
	Last      Version // its last text, as that commit's parent held it

	// ReplacedBy are the published documents whose supersedes names it.
	ReplacedBy []*Document
	// Type, Owners and Distribution are its last text's, as validate
	// reads them (the tier's type when it names none; its owners when it
	// names no distribution): the departments that hold copies to withdraw.
	Type                 string
	Owners, Distribution []string
	// Listed is the tombstone as a row of the lists of withdrawn
	// documents (an obsolete document at its URL); set by the build for
	// the tombstones it publishes. It is none of the site's documents.
	Listed *Document
}

// URL is the tombstone's page, the document's old URL.
func (t *Tombstone) URL() string { return "docs/" + t.ID + "/" }

// Moved is an id a published document had before its id was changed in
// its front matter: the old URL stays, and links the document.
type Moved struct {
	ID      string
	Title   string    // the document's title under the old id
	Changed Commit    // the commit that changed the id
	Doc     *Document // the document now
	// Last is the old id's last text when the document shows it as an
	// earlier version (its page under the new id); nil when not.
	Last *Version
}

// URL is the page of the old id.
func (m *Moved) URL() string { return "docs/" + m.ID + "/" }

// VersionFolder is the folder of a version's pages under v/ and
// changes/: the version itself, a slash a folder within a folder ("A/0",
// as Chinese document control numbers editions and their amendments,
// is v/A/0/), or "" when it cannot name one: a part that is empty, "."
// or "..", holds a control character, or one that a Windows share
// cannot hold or changes (`<>:"|*\%?#`, a dot or space at the end, a
// device name), as the output is often copied to one.
func VersionFolder(version string) string {
	if version == "" || len(version) > 64 {
		return ""
	}
	for part := range strings.SplitSeq(version, "/") {
		if part == "" || part == "." || part == ".." || strings.HasSuffix(part, ".") || strings.HasSuffix(part, " ") || filetype.ReservedOnWindows(part) {
			return ""
		}
	}
	for _, r := range version {
		if r < ' ' || r == 0x7f || strings.ContainsRune(`\%?#<>:"|*`, r) {
			return ""
		}
	}
	return version
}

// VersionUp is the way from a version's page under v/ or changes/ back
// to its document's page: "../../", one more for each folder within.
func VersionUp(version string) string {
	return strings.Repeat("../", 2+strings.Count(VersionFolder(version), "/"))
}

// EscapeFolder escapes each part of a slash-separated folder for a link.
func EscapeFolder(f string) string {
	parts := strings.Split(f, "/")
	for i, p := range parts {
		parts[i] = url.PathEscape(p)
	}
	return strings.Join(parts, "/")
}

// versionHref is the link to a version's folder under dir, relative to
// the document's page.
func versionHref(dir, version string) string {
	f := VersionFolder(version)
	if f == "" {
		return ""
	}
	return dir + EscapeFolder(f) + "/"
}

// VersionURL is the link from the document's page to the page of an
// earlier version, "" when this build has none.
func (d *Document) VersionURL(version string) string {
	if d.Versions.Of(version) == nil || version == d.Version {
		return ""
	}
	return versionHref("v/", version)
}

// SinceApprovalURL is the link from the document's page to what changed
// in its current version since that version was approved, "" when the
// text did not change or this build does not show the text approved.
func (d *Document) SinceApprovalURL() string {
	if d.Versions == nil || d.Versions.AsApproved == nil || !d.Versions.Changed() {
		return ""
	}
	return "since-approval/"
}

// EarlierSinceApprovalURL is the link from the document's page to what
// changed in an earlier version since it was approved, "" when its text
// did not change or this build does not show the text approved.
func (d *Document) EarlierSinceApprovalURL(version string) string {
	v := d.Versions.Of(version)
	if v == nil || v.AsApproved == nil || v.ChangedIn.IsZero() || version == d.Version {
		return ""
	}
	if href := versionHref("v/", version); href != "" {
		return href + "since-approval/"
	}
	return ""
}

// ChangesURL is the link from the document's page to what changed in a
// version (the current one or an earlier one), "" when there is no such
// page: the version before it must be an earlier version this build shows.
func (d *Document) ChangesURL(version string) string {
	if d.PreviousOf(version) == nil {
		return ""
	}
	return versionHref("changes/", version)
}

// PreviousOf is the earlier version that version replaced: the one of the
// [[history]] entry before version's, when this build shows it and
// version itself is shown (the current version, or an earlier one).
// Entries of versions of which git holds no text (Untracked: a squash
// merge of a branch that raised the version twice) are passed over: the
// changes are then those from the version before.
func (d *Document) PreviousOf(version string) *Version {
	if d.Versions == nil || version != d.Version && d.Versions.Of(version) == nil {
		return nil
	}
	prev := ""
	for _, r := range d.History {
		if r.Version == version {
			break
		}
		if r.Version != "" && !slices.Contains(d.Versions.Untracked, r.Version) {
			prev = r.Version
		}
	}
	if prev == "" || prev == version {
		return nil
	}
	return d.Versions.Of(prev)
}

// InForceEarlier is the earlier version in force on now while the
// current version is approved and takes effect later, or is still a
// draft or in review (a site built with --drafts shows it): the newest
// one before it that was approved and had taken effect by now (a
// version replaced before it took effect never was in force). Nil when
// the current version is in force, or when git holds no such version.
func (d *Document) InForceEarlier(now Date) *Version {
	pending := d.Status == StatusDraft || d.Status == StatusReview
	if d.Versions == nil || !pending && (d.Status != StatusApproved || !d.Effective.After(now)) {
		return nil
	}
	for i := len(d.History) - 1; i >= 0; i-- {
		v := d.Versions.Of(d.History[i].Version)
		if v != nil && v.Status == StatusApproved && !v.Effective.After(now) {
			return v
		}
	}
	return nil
}

// Revision returns the [[history]] entry of a version (the last, when
// several name it), or nil.
func (d *Document) Revision(version string) *Revision {
	for i := len(d.History) - 1; i >= 0; i-- {
		if d.History[i].Version == version {
			return &d.History[i]
		}
	}
	return nil
}

// MaterialVersion is the version whose acknowledgement stands: the
// current version, or, when its [[history]] entry says material = false,
// the latest version before it whose change was material.
func (d *Document) MaterialVersion() string {
	end := -1
	for i, r := range d.History {
		if r.Version == d.Version {
			end = i
		}
	}
	if end < 0 || d.History[end].Material {
		return d.Version
	}
	for i := end - 1; i >= 0; i-- {
		if r := d.History[i]; r.Material && r.Version != "" {
			return r.Version
		}
	}
	return d.Version
}

// EarlierText is the text of an earlier version (or of the current file),
// split into its front matter and body, and converted as far as it goes.
type EarlierText struct {
	Doc         *Document // its front matter converted (no Body: the page shows Body; with the fast paths on, only validate.ShownFields); nil when it does not parse
	FrontMatter string    // the TOML between the +++ lines
	Body        string    // the Markdown after them
}

// TextRoom holds the texts read for one document's pages of versions
// and changes, in buffers used again once it is emptied: a text read
// into it, and every string sliced from it (an EarlierText's front
// matter, body and converted fields), is valid until Empty. A build
// reads as many texts as it writes such pages, each needed only until
// they are written.
type TextRoom struct{ bufs []*[]byte }

var textRooms = sync.Pool{New: func() any { return new([]byte) }}

// Take returns a buffer of length 0 and capacity n or more, kept until
// Empty.
func (r *TextRoom) Take(n int) *[]byte {
	b := textRooms.Get().(*[]byte)
	if cap(*b) < n {
		*b = make([]byte, 0, n)
	}
	*b = (*b)[:0]
	r.bufs = append(r.bufs, b)
	return b
}

// Empty gives back the buffers: the texts read into them are no longer
// used.
func (r *TextRoom) Empty() {
	for _, b := range r.bufs {
		if cap(*b) <= 1<<20 { // a text of a megabyte or more is let go
			textRooms.Put(b)
		}
	}
	clear(r.bufs)
	r.bufs = r.bufs[:0]
}
