package history

import (
	"maps"
	"slices"
	"strings"

	"ismsgen/generator/load"
	"ismsgen/generator/model"
)

// joinRewrites follows a document past a commit that moved its file and
// rewrote most of its text: git pairs a deleted file with an added one
// only when they are at least half alike, and sees such a commit as one
// file deleted and another added. The document then lost its earlier
// versions and the warning of a change after its approval, and its old
// file would have made a tombstone. When a commit deletes one document
// file and adds one whose text has the same id, and no other file it
// deletes or adds has that id, the added file continues the deleted
// one's history, as a rename would. Only such commits' texts are read.
func (h *History) joinRewrites() error {
	l := h.log
	type end struct {
		f    *fileLog
		id   string // the folded id of its text at the commit
		text []byte
		hd   header
	}
	added := map[int32][]*end{}
	for _, f := range l.fileList() {
		if rv := f.revs[len(f.revs)-1]; rv.old == "" && rv.blob != "" && isDocument(rv.path) {
			added[rv.commit] = append(added[rv.commit], &end{f: f})
		}
	}
	deleted := map[int32][]*end{}
	for _, f := range l.deleted {
		if rv := f.revs[0]; rv.old != "" && added[rv.commit] != nil && isDocument(rv.path) {
			deleted[rv.commit] = append(deleted[rv.commit], &end{f: f})
		}
	}
	if len(deleted) == 0 {
		return nil
	}
	// The oldest commit first: a file moved and rewritten twice takes on
	// the history its predecessor was given.
	commits := slices.Sorted(maps.Keys(deleted))
	slices.Reverse(commits)
	var oids []string
	var ends []*end
	for _, c := range commits {
		dels := deleted[c]
		for _, e := range added[c] {
			oids, ends = append(oids, e.f.revs[len(e.f.revs)-1].blob), append(ends, e)
		}
		for _, e := range dels {
			oids, ends = append(oids, e.f.revs[0].old), append(ends, e)
		}
	}
	texts, err := h.blobs.read(oids)
	if err != nil {
		return err
	}
	for i, text := range texts {
		if hd := readEarlierHeader(text); (hd.ok || hd.yaml) && validID(hd.ID) {
			ends[i].id, ends[i].text, ends[i].hd = model.FoldID(hd.ID), text, hd
		}
	}
	// only is the one end of ends with id, or nil.
	only := func(ends []*end, id string) *end {
		var one *end
		for _, e := range ends {
			if e.id == id {
				if one != nil {
					return nil
				}
				one = e
			}
		}
		return one
	}
	// joined are the deleted files that an added one continues, paired
	// those and the added ones: an added file deleted later is still a
	// deleted file, with its tombstone.
	joined, paired := map[*fileLog]bool{}, map[*fileLog]bool{}
	join := func(del, add *end) {
		revs := add.f.revs
		revs[len(revs)-1].old = del.f.revs[0].old
		add.f.revs = append(revs, del.f.revs[1:]...)
		joined[del.f], paired[del.f], paired[add.f] = true, true, true
	}
	for _, c := range commits {
		dels := deleted[c]
		for _, del := range dels {
			if del.id == "" || only(dels, del.id) == nil {
				continue
			}
			if add := only(added[c], del.id); add != nil {
				join(del, add)
			}
		}
		// Renumbered too: the one document file deleted and the one
		// added that are left, when the added one carries on the
		// deleted one (see carriesOn).
		left := func(ends []*end) *end {
			var one *end
			for _, e := range ends {
				if e.id != "" && !paired[e.f] {
					if one != nil {
						return nil
					}
					one = e
				}
			}
			return one
		}
		if del, add := left(dels), left(added[c]); del != nil && add != nil && carriesOn(add.text, add.hd, del.hd) {
			join(del, add)
		}
	}
	l.deleted = slices.DeleteFunc(l.deleted, func(f *fileLog) bool { return joined[f] })
	return nil
}

// isDocument reports whether a path is a document's file.
func isDocument(p string) bool { return strings.EqualFold(pathExt(p), ".md") }

// carriesOn reports whether a document's text added in a commit that
// deleted another document's file (before, its last text's header) is
// that document renumbered: a [[history]] entry of the deleted text's
// version, a version raised from it or the same title, and no
// supersedes naming the deleted id (a document that replaces another is
// another document).
func carriesOn(text []byte, hd, before header) bool {
	if before.Version == "" || hd.Version == before.Version && !strings.EqualFold(strings.TrimSpace(hd.Title), strings.TrimSpace(before.Title)) {
		return false
	}
	f := load.ParseText("", text)
	if f == nil {
		return false
	}
	for _, id := range strs(f.Meta["supersedes"]) {
		if model.FoldID(id) == model.FoldID(before.ID) {
			return false
		}
	}
	entries, _ := f.Meta["history"].([]map[string]any)
	if entries == nil {
		if list, ok := f.Meta["history"].([]any); ok {
			for _, e := range list {
				if m, ok := e.(map[string]any); ok {
					entries = append(entries, m)
				}
			}
		}
	}
	for _, e := range entries {
		if v, _ := e["version"].(string); v == before.Version {
			return true
		}
	}
	return false
}

// strs is a front-matter value that is a string or a list of strings.
func strs(v any) []string {
	switch v := v.(type) {
	case string:
		return []string{v}
	case []any:
		var out []string
		for _, e := range v {
			if s, ok := e.(string); ok {
				out = append(out, s)
			}
		}
		return out
	case []string:
		return v
	}
	return nil
}
