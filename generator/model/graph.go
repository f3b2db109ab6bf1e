package model

// Link is one id link found in a document body.
type Link struct {
	TargetID string    // as written, e.g. "ISMS-P-009"
	Target   *Document // nil when the target is left out of this build
	Fragment string    // without '#'
	Line     int
}

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

	// Tombstones are the documents whose files were deleted after they
	// had been published (the history stage), by id.
	Tombstones []*Tombstone

	// LeftOut holds the folded ids of the documents of the set that this
	// build leaves out, for the pages that show text as it was written
	// (what changed between versions) to mask them: never shown.
	LeftOut map[string]bool
}

// NewSite indexes the published documents (which must be sorted by id).
func NewSite(cfg *Config, now Date, drafts bool, docs []*Document) *Site {
	s := &Site{Config: cfg, Now: now, Drafts: drafts, Docs: docs, byID: make(map[string]*Document, len(docs))}
	for _, d := range docs {
		s.byID[FoldID(d.ID)] = d
	}
	return s
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
