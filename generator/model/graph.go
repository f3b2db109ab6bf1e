package model

import (
	"path"
	"sync"
)

// Link is one link or image of a document body, as the link stage
// resolved it: an id link, a relative path to a document's file or to a
// published file, a heading of the page itself, or an image on another
// host. Links the stage leaves as written (https:, mailto:) are not kept.
type Link struct {
	Dest     string    // the destination as written: render finds the link by it
	Kind     LinkKind  // what the link became
	TargetID string    // the document linked to (by id or by its file); "" for a file
	Target   *Document // the published document linked to (ToDocument); nil otherwise
	Fragment string    // one of Target's heading ids, without '#'; "" for the top of the page
	File     string    // ToFile: the published file's URL relative to the site root
	Image    bool      // an image (![alt](dest)) rather than a link
	Line     int
}

// LinkKind says what a link of a body became on its page.
type LinkKind uint8

const (
	// ToDocument links to Target's page (or a heading of it).
	ToDocument LinkKind = iota
	// ToFile links to (or shows) a published file: File.
	ToFile
	// TextOnly shows only the link's text (an image's alternative
	// text), or a neutral placeholder for an empty one: the target is a
	// document this build leaves out, or one of its files, or a file it
	// does not publish. check warned at the link's line.
	TextOnly
	// ImageLink is an image on another host, shown as a link to it: the
	// site loads nothing from other hosts. check warned at its line.
	ImageLink
)

// Graph is what the link stage knows about a published document's place
// among the others. Only published documents appear in it.
type Graph struct {
	Parent       *Document   // nil when none or not published
	Children     []*Document // by id
	LinksOut     []Link      // in body order, duplicates kept
	LinkedFrom   []*Document // published documents linking here, by id
	Supersedes   []*Document // published documents this one replaces
	SupersededBy []*Document // published documents that replace this one
	Related      []*Document // published related documents, both directions
}

// Site is the linked, published document set that reports, search and
// render read.
type Site struct {
	Config *Config
	Now    Date // the date every review calculation uses
	Drafts bool // drafts and documents in review are published

	Docs []*Document // published documents, sorted by id
	byID map[string]*Document

	// Files are the files in no page bundle that published documents
	// link to, by path: published at model.LooseURL.
	Files []*Attachment

	// Tombstones are the documents whose files were deleted after they
	// had been published (the history stage), by id.
	Tombstones []*Tombstone
	// Moved are the ids that published documents had before their ids
	// were changed (the history stage), by id.
	Moved []*Moved

	// LeftOut holds the folded ids of the documents of the set that this
	// build leaves out, for the pages that show text as it was written
	// (what changed between versions) to mask them: never shown.
	LeftOut map[string]bool

	// Renamed is where the files that a commit renamed are now: old
	// path → path now, both under content/ (the history stage). An
	// earlier text's link to an old path goes where the file is now.
	Renamed map[string]string

	pathsOnce sync.Once
	byPath    map[string]Published // see At
	gone      map[string]Published // see Gone
}

// Published is what a path under content/ is on the site: a published
// document's file, or a file published beside the pages.
type Published struct {
	Doc   *Document // the document whose file it is; nil for a file or a withdrawn document
	URL   string    // the page or file, relative to the site root
	Title string    // a withdrawn document's title; "" for a file
}

// NewSite indexes the published documents (which must be sorted by id).
func NewSite(cfg *Config, now Date, drafts bool, docs []*Document) *Site {
	s := &Site{Config: cfg, Now: now, Drafts: drafts, Docs: docs, byID: make(map[string]*Document, len(docs))}
	for _, d := range docs {
		s.byID[FoldID(d.ID)] = d
	}
	return s
}

// At is what the path p (relative to the source, like Document.Path)
// is on the site: the page of the published document whose file or
// folder (its index.md or README.md) it is, or a published file of a
// bundle or of no bundle, or the page of the withdrawn document whose
// last text it held. The links of an earlier text, which the link stage
// did not see, are resolved by it.
func (s *Site) At(p string) (Published, bool) {
	s.paths()
	t, ok := s.byPath[p]
	if to, renamed := s.Renamed[p]; !ok && renamed {
		t, ok = s.byPath[to]
	}
	return t, ok
}

// Gone is the page that an id no document has now keeps: a withdrawn
// document's (a tombstone), or an old id's.
func (s *Site) Gone(id string) (Published, bool) {
	s.paths()
	t, ok := s.gone[FoldID(id)]
	return t, ok
}

func (s *Site) paths() {
	s.pathsOnce.Do(func() {
		s.byPath = make(map[string]Published, len(s.Docs)+len(s.Files))
		s.gone = make(map[string]Published, len(s.Tombstones)+len(s.Moved))
		for _, m := range s.Moved {
			s.gone[FoldID(m.ID)] = Published{URL: m.URL(), Title: m.Title}
		}
		for _, t := range s.Tombstones {
			s.gone[FoldID(t.ID)] = Published{URL: t.URL(), Title: t.Title}
			s.byPath[t.Last.Path] = s.gone[FoldID(t.ID)]
			if dir, name := path.Split(t.Last.Path); name == "index.md" || name == "README.md" {
				s.byPath[path.Clean(dir)] = s.gone[FoldID(t.ID)]
			}
		}
		for _, a := range s.Files {
			s.byPath[a.Path] = Published{URL: LooseURL(a)}
		}
		for _, d := range s.Docs {
			for _, a := range d.Attachments {
				s.byPath[a.Path] = Published{URL: d.URL() + a.Href()}
			}
		}
		for _, d := range s.Docs {
			s.byPath[d.Path] = Published{Doc: d, URL: d.URL()}
		}
		for _, page := range []string{"README.md", "index.md"} { // index.md wins, as for a link
			for _, d := range s.Docs {
				if dir, name := path.Split(d.Path); name == page {
					s.byPath[path.Clean(dir)] = Published{Doc: d, URL: d.URL()}
				}
			}
		}
	})
}

// Doc returns the published document with this id (ignoring case).
func (s *Site) Doc(id string) *Document { return s.byID[FoldID(id)] }

// FoldID is the case-insensitive key of a document id.
func FoldID(id string) string {
	for i := 0; i < len(id); i++ {
		if c := id[i]; c >= 'a' && c <= 'z' {
			b := []byte(id)
			for j := i; j < len(b); j++ {
				if b[j] >= 'a' && b[j] <= 'z' {
					b[j] -= 'a' - 'A'
				}
			}
			return string(b)
		}
	}
	return id
}
