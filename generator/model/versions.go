package model

import "time"

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
	Since   Commit // the first commit of that run: the one that set the version
	Blob    string // the file's git blob id at Commit
	Path    string // the file's path at Commit, relative to the source

	// From that text's front matter: the version is published only when
	// this build would publish a document with them.
	Title          string
	Status         string
	Classification string
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
	// Shallow: the repository's history stops before the file's first
	// commit (a shallow clone), so earlier versions may be missing.
	Shallow bool
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
}

// URL is the tombstone's page, the document's old URL.
func (t *Tombstone) URL() string { return "docs/" + t.ID + "/" }
