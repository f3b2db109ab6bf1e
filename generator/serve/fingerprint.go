package serve

import (
	"encoding/binary"
	"hash/maphash"

	"ismsgen/generator/model"
)

// fingerprints hashes what each document page is made of — its own file
// and every document it shows: parent, children, links out and in,
// supersedes, superseded-by and related, each by id and file version —
// and what the site pages are made of: every published document's front
// matter and links, and the files in no bundle that are published. A page whose fingerprint is unchanged since it was
// rendered is not rendered again; the site pages, the search index and
// the machine-readable files never show a document's body, only its
// front matter and where it links to.
func (e *engine) fingerprints(site *model.Site) (map[string]uint64, uint64) {
	prints := make(map[string]uint64, len(site.Docs))
	var h, sum maphash.Hash
	h.SetSeed(e.seed)
	sum.SetSeed(e.seed)
	files := make(map[*model.Document]*file, len(site.Docs))
	for _, d := range site.Docs {
		files[d] = e.files[d.Path]
	}
	version := func(d *model.Document) uint64 { return files[d].version }
	for _, d := range site.Docs {
		g := &d.Graph
		h.Reset()
		putUint(&h, version(d))
		if g.Parent != nil {
			putDoc(&h, g.Parent, version(g.Parent))
		}
		for _, list := range [][]*model.Document{g.Children, g.LinkedFrom, g.Supersedes, g.SupersededBy, g.Related} {
			_ = h.WriteByte(0xff)
			for _, x := range list {
				putDoc(&h, x, version(x))
			}
		}
		_ = h.WriteByte(0xff)
		for _, l := range g.LinksOut {
			putString(&h, l.TargetID)
			if l.Target != nil {
				putUint(&h, version(l.Target))
			} else {
				putUint(&h, 0)
			}
			putUint(&h, uint64(l.Kind))
			putString(&h, l.Fragment)
			putString(&h, l.File)
		}
		prints[d.ID] = h.Sum64()

		putString(&sum, d.ID)
		putUint(&sum, files[d].meta)
		for _, l := range g.LinksOut {
			putString(&sum, l.TargetID)
			if l.Target != nil {
				_ = sum.WriteByte(1)
			}
		}
		_ = sum.WriteByte(0xff)
	}
	for _, f := range site.Files { // published with the site pages
		putString(&sum, f.Path)
		putString(&sum, f.SHA256)
	}
	return prints, sum.Sum64()
}

func putDoc(h *maphash.Hash, d *model.Document, version uint64) {
	putString(h, d.ID)
	putUint(h, version)
}

func putString(h *maphash.Hash, s string) {
	_, _ = h.WriteString(s)
	_ = h.WriteByte(0)
}

func putUint(h *maphash.Hash, v uint64) {
	var b [8]byte
	binary.LittleEndian.PutUint64(b[:], v)
	_, _ = h.Write(b[:])
}
