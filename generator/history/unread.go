package history

import (
	"bytes"
	"slices"
	"strings"

	"ismsgen/generator/diag"
	"ismsgen/generator/model"
	"ismsgen/generator/validate"
)

// unread is why the front matter of an earlier text was not read, and
// the version a loose reading of its lines finds there: that version has
// no page, and its [[history]] entry a note that says why.
type unread struct {
	why     uint8 // 0: the text was read, or has no front matter to read
	version string
}

const (
	_          = iota
	unsureYAML // YAML front matter not plain enough to be sure of (see yamlHeader)
	badTOML    // front matter that does not parse
	notUTF8    // a text that is not UTF-8 (an older editor's GBK)
)

// reason says why a text was not read, in the words of a note.
func (u unread) reason() diag.Text {
	switch u.why {
	case unsureYAML:
		return diag.Msg("has YAML front matter written in a way ismsgen does not read (an anchor, an alias, a tag, a value over several lines or a key written twice), so it cannot be sure of the text's classification and status")
	case notUTF8:
		return diag.Msg("is not UTF-8, so its bytes reach no page")
	}
	return diag.Msg("has front matter that cannot be read")
}

// looseVersion is the value of the first top-level line "version: x" or
// version = "x" of a text's front matter, read without the care a page
// needs: it only names the version in a note.
func looseVersion(text []byte) string {
	text = bytes.TrimPrefix(text, []byte("\xef\xbb\xbf"))
	first, rest, _ := bytes.Cut(text, []byte("\n"))
	fence := string(bytes.TrimRight(first, " \t\r"))
	if fence != "---" && fence != "+++" {
		return ""
	}
	for len(rest) > 0 {
		var line []byte
		line, rest, _ = bytes.Cut(rest, []byte("\n"))
		l := strings.TrimRight(string(line), " \t\r")
		if l == fence {
			return ""
		}
		k, v, ok := strings.Cut(l, ":")
		if fence == "+++" {
			k, v, ok = strings.Cut(l, "=")
		}
		if !ok || strings.TrimSpace(k) != "version" || k != strings.TrimLeft(k, " \t") {
			continue
		}
		v, _, _ = strings.Cut(strings.TrimSpace(v), " #")
		return strings.ToValidUTF8(strings.Trim(strings.TrimSpace(v), `"'`), "\uFFFD")
	}
	return ""
}

// unreadNotes are the notes of the [[history]] versions of d whose
// newest text in git could not be read: the version has no page, or its
// page shows an older text of it (a file saved as GBK once more before
// the version was raised), at the version's line. Versions is d's, made
// by finish.
func (h *History) unreadNotes(w *walk) diag.List {
	var notes diag.List
	d, v := w.d, w.d.Versions
	noted := map[string]bool{}
	for _, r := range d.History {
		if r.Version == "" || r.Version == d.Version || noted[r.Version] {
			continue
		}
		page := v.Of(r.Version)
		for i, rv := range w.f.revs { // newest first
			c := h.log.commit(rv)
			if page != nil && c.Hash == page.Commit.Hash {
				break // the texts past the page's are older than it
			}
			hd, ok := w.headers[i]
			if !ok || hd.unread.why == 0 || hd.unread.version != r.Version {
				continue
			}
			noted[r.Version] = true
			hint := diag.Msg("nothing to change: git keeps the text as it was (git show %s:./%s)", c.Short(), rv.path)
			if page != nil {
				notes.Add(diag.New(d.Path, historyLine(d, r.Version), diag.Note, "", hint,
					"the page of version %s under v/ shows its text in commit %s (%s): its later text in commit %s (%s) %v",
					r.Version, page.Commit.Short(), page.Commit.Date(), c.Short(), c.Date(), hd.unread.reason()))
			} else {
				notes.Add(diag.New(d.Path, historyLine(d, r.Version), diag.Note, "", hint,
					"version %s has no page under v/: its text in commit %s (%s) %v", r.Version, c.Short(), c.Date(), hd.unread.reason()))
			}
			break
		}
		if page == nil && !noted[r.Version] {
			notes.Add(h.respelledNote(w, r.Version)...)
		}
	}
	return notes
}

// respelledNote is the note of a [[history]] version that no text in git
// names so, when a text names it another way ("1.0" in the entry, "V1.0"
// in the front matter of its day): it has no page, nor changes, and the
// entry is the one to change.
func (h *History) respelledNote(w *walk, version string) diag.List {
	for i, rv := range w.f.revs { // newest first
		hd, ok := w.headers[i]
		if !ok || !hd.ok || !validate.SpelledAlike(hd.Version, version) || slices.ContainsFunc(w.d.History, func(e model.Revision) bool { return e.Version == hd.Version }) {
			continue
		}
		c := h.log.commit(rv)
		return diag.List{diag.New(w.d.Path, historyLine(w.d, version), diag.Note, "",
			diag.Msg("write the entry's version as its text wrote it: version = %q", hd.Version),
			"version %s has no page under v/: no text in git names it so, and commit %s (%s) writes it %q", version, c.Short(), c.Date(), hd.Version)}
	}
	return nil
}
