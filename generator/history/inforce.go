package history

import (
	"bytes"
	"crypto/sha1"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"path"
	"slices"
	"strings"
	"sync"

	"ismsgen/generator/model"
)

// Published is the version in force of a document whose file holds a
// draft or a review: the newest text of its file that has its id and
// that the build would publish, with the commit that holds it.
type Published struct {
	Version *model.Version
	Text    []byte
}

// LastPublished finds, for each document of docs, the newest text of its
// file (as its commits hold it, renames followed) with its id and a
// header that publish accepts; nil where git holds none. The texts of
// every document are read at once (the loose objects' here, the others
// by git), and the last commit's only when the file may differ from it
// (else it is the file, which is docs[i]).
func (h *History) LastPublished(docs []*model.Document, publish func(class, status string) bool) ([]*Published, error) {
	type text struct {
		doc, pos int // pos: the rev's place in its file's revs, the newest first
		rev      rev
	}
	var wanted []text
	h.mu.Lock()
	for i, d := range docs {
		f := h.log.files[d.Path]
		if f == nil {
			continue
		}
		from := 1
		if h.dirty[d.Path] {
			from = 0
		}
		for k := from; k < len(f.revs); k++ {
			if f.revs[k].blob != "" {
				wanted = append(wanted, text{i, k, f.revs[k]})
			}
		}
	}
	h.mu.Unlock()
	out := make([]*Published, len(docs))
	if len(wanted) == 0 {
		return out, nil
	}
	pos := make([]int, len(docs)) // of the text in out
	// The newest text accepted is the document's, whatever the order
	// in which the texts are read.
	consider := func(t text, body []byte) {
		if out[t.doc] != nil && pos[t.doc] < t.pos {
			return
		}
		hd := readHeader(body)
		if !hd.ok || model.FoldID(hd.ID) != model.FoldID(docs[t.doc].ID) || !publish(h.classAt(hd.Classification, h.log.commit(t.rev)), hd.Status) {
			return
		}
		pos[t.doc] = t.pos
		out[t.doc] = &Published{Text: bytes.Clone(body), Version: &model.Version{Version: hd.Version, Commit: h.log.commit(t.rev), Blob: t.rev.blob, Path: t.rev.path,
			Title: hd.Title, Status: hd.Status, Classification: h.classAt(hd.Classification, h.log.commit(t.rev)), Effective: hd.Effective, Approver: hd.Approver}}
	}
	// The loose objects are read here (see looseObjects), the others by
	// git.
	var oids []string
	var byGit []text
	loose := h.repo.loose()
	for _, t := range wanted {
		if out[t.doc] != nil && pos[t.doc] < t.pos {
			continue // a newer text is the document's
		}
		if loose != nil {
			if body, ok := loose.read(t.rev.blob); ok {
				consider(t, body)
				continue
			}
		}
		oids, byGit = append(oids, t.rev.blob), append(byGit, t)
	}
	if len(oids) == 0 {
		return out, nil
	}
	if err := h.blobs.stream(oids, func(k int, body []byte) { consider(byGit[k], body) }); err != nil {
		return nil, err
	}
	return out, nil
}

// upTo is f as it stood at the commit of v: its revs from that one on.
// A document shown from git (model.Document.FromGit) has the history of
// that text, as if the file still held it.
func (f *fileLog) upTo(h *History, v *model.Version) *fileLog {
	for i, r := range f.revs {
		if r.blob == v.Blob && h.log.commit(r).Hash == v.Commit.Hash {
			return &fileLog{revs: f.revs[i:]}
		}
	}
	return f
}

// Unchanged reports whether the file at path (relative to the source)
// holds what it held at the commit of v: the bytes read returns are
// that commit's blob. An attachment of a document shown from git (v its
// FromGit) is published only then: one the draft edited in place would
// show the draft. A file git did not hold then is not unchanged. The
// bytes are read only when the file may differ from the head commit or
// has changed since v, and compared as git compares them: after the
// conversion of line ends that git makes on commit (see asGitStores).
func (h *History) Unchanged(path string, v *model.Version, read func() ([]byte, error)) bool {
	f := h.log.files[path]
	if f == nil || v == nil {
		return false
	}
	at := -1 // the index of v's commit
	for i, c := range h.log.commits {
		if c.Hash == v.Commit.Hash {
			at = i
			break
		}
	}
	if at < 0 {
		return false
	}
	// Its rev at that commit: the newest no newer than it.
	k := slices.IndexFunc(f.revs, func(r rev) bool { return int(r.commit) >= at })
	if k < 0 || f.revs[k].blob == "" {
		return false // added since
	}
	h.mu.Lock()
	dirty := h.dirty[path]
	h.mu.Unlock()
	if k == 0 && !dirty {
		return true // the head commit's, untouched since
	}
	body, err := read()
	if err != nil {
		return false
	}
	blob := f.revs[k].blob
	if blobIDOf(body, len(blob) == 2*sha256.Size) == blob {
		return true
	}
	// Checked out with CRLF (core.autocrlf), the file holds the blob's
	// text as git compares it: what git would store is compared.
	stored, ok := h.asGitStores(path, body)
	return ok && blobIDOf(stored, len(blob) == 2*sha256.Size) == blob
}

// blobIDOf is the id git gives a file of these bytes: the hash of
// "blob <length>\0" and the bytes, SHA-1 or, in a repository of the
// SHA-256 object format, SHA-256.
func blobIDOf(body []byte, sha256Format bool) string {
	s := sha1.New()
	if sha256Format {
		s = sha256.New()
	}
	fmt.Fprintf(s, "blob %d\x00", len(body))
	s.Write(body)
	return hex.EncodeToString(s.Sum(nil))
}

// FilesAt lists the files under the folder dir (relative to the source)
// that git held at the commit of v, deleted since or not, in path
// order: of a page bundle shown from git, those the revision removed or
// renamed are known, and links to them are not broken links.
func (h *History) FilesAt(dir string, v *model.Version) []string {
	if v == nil {
		return nil
	}
	at := slices.IndexFunc(h.log.commits, func(c model.Commit) bool { return c.Hash == v.Commit.Hash })
	if at < 0 {
		return nil
	}
	var out []string
	for _, f := range h.folders().byDir[dir] {
		k := slices.IndexFunc(f.revs, func(r rev) bool { return int(r.commit) >= at })
		if k >= 0 && f.revs[k].blob != "" && strings.HasPrefix(f.revs[k].path, dir+"/") {
			out = append(out, f.revs[k].path)
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// folderIndex lists the files of the log by each folder that one of
// their paths was ever under, read once (see FilesAt): a site has many
// bundles and few drafts.
type folderIndex struct {
	once  sync.Once
	byDir map[string][]*fileLog
}

func (h *History) folders() *folderIndex {
	x := &h.byFolder
	x.once.Do(func() {
		h.mu.Lock()
		defer h.mu.Unlock()
		x.byDir = map[string][]*fileLog{}
		add := func(f *fileLog) {
			seen := map[string]bool{}
			for _, r := range f.revs {
				for dir := path.Dir(r.path); dir != "." && dir != "/" && !seen[dir]; dir = path.Dir(dir) {
					seen[dir] = true
					x.byDir[dir] = append(x.byDir[dir], f)
				}
			}
		}
		for _, f := range h.log.files {
			add(f)
		}
		for _, f := range h.log.deleted {
			add(f)
		}
	})
	return x
}
