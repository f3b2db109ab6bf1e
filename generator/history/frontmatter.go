package history

import (
	"bytes"
	"cmp"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"ismsgen/generator/load"
	"ismsgen/generator/model"
)

// header is what the history stage needs of one earlier text's front
// matter.
type header struct {
	ID, Title, Version, Status, Classification string
	Approver                                   string
	Tier                                       int
	Effective                                  model.Date // effective, else approved: the day the version took effect
	Approved                                   model.Date // approved
	ok                                         bool       // the text has front matter
	yaml                                       bool       // the text has YAML front matter: not ok (see readEarlierHeader)
	unread                                     unread     // why an earlier text's front matter was not read, when it was not
}

// headerKeys are the keys header reads.
var headerKeys = map[string]bool{"id": true, "title": true, "version": true, "status": true, "classification": true, "tier": true,
	"effective": true, "approved": true, "approver": true}

// readHeader reads the header of a document's text. Most front matter is
// plain `key = "value"` lines, which are read as they are; anything else
// (a multi-line or escaped string, an inline table) is left to the TOML
// decoder. A text that is not UTF-8 (saved as GBK by an older editor)
// is read as one without front matter: its bytes must reach no page.
func readHeader(text []byte) header {
	if !utf8.Valid(text) {
		return header{}
	}
	if h, ok := scanHeader(text); ok {
		return h
	}
	f, _ := load.ParseDocument("", text)
	if f == nil {
		return header{}
	}
	h := header{ok: true}
	h.ID, _ = f.Meta["id"].(string)
	h.Title, _ = f.Meta["title"].(string)
	h.Version, _ = f.Meta["version"].(string)
	h.Status, _ = f.Meta["status"].(string)
	h.Classification, _ = f.Meta["classification"].(string)
	h.Approver, _ = f.Meta["approver"].(string)
	if t, ok := f.Meta["tier"].(int64); ok {
		h.Tier = int(t)
	}
	h.Approved = metaDate(f.Meta["approved"])
	h.Effective = cmp.Or(metaDate(f.Meta["effective"]), h.Approved)
	h.ID, h.Title, h.Version = strings.TrimSpace(h.ID), strings.TrimSpace(h.Title), strings.TrimSpace(h.Version)
	h.Status, h.Classification = strings.TrimSpace(h.Status), strings.TrimSpace(h.Classification)
	h.Approver = strings.TrimSpace(h.Approver)
	return h
}

// scanHeader reads the keys of header from the lines before the first
// table; ok is false when a line is not simple enough to be sure of.
func scanHeader(text []byte) (header, bool) {
	text = bytes.TrimPrefix(text, []byte("\xef\xbb\xbf"))
	first, rest, _ := bytes.Cut(text, []byte("\n"))
	if string(bytes.TrimRight(first, " \t\r")) != "+++" {
		return header{}, false
	}
	h := header{ok: true}
	var effective, approved model.Date
	var seen [16]string // the keys of header set so far
	n := 0
	for len(rest) > 0 {
		var line []byte
		line, rest, _ = bytes.Cut(rest, []byte("\n"))
		l := bytes.TrimSpace(line)
		switch {
		case len(l) == 0 || l[0] == '#':
			continue
		case string(l) == "+++" || l[0] == '[':
			h.Effective, h.Approved = cmp.Or(effective, approved), approved
			return h, true
		}
		key, value, ok := bytes.Cut(l, []byte("="))
		if !ok {
			return h, false
		}
		k := string(bytes.TrimSpace(key))
		if strings.ContainsAny(k, `"'`) {
			return h, false // a quoted key may be one of ours
		}
		if !headerKeys[k] {
			if bytes.Contains(value, []byte(`"""`)) || bytes.Contains(value, []byte(`'''`)) {
				return h, false // a multi-line string: its lines are not keys
			}
			continue
		}
		v, ok := simpleValue(bytes.TrimSpace(value))
		if !ok {
			return h, false
		}
		// A key set twice is no TOML: its text is no document, whatever
		// the line read last would say (a classification of "public"
		// after one above the ceiling published the text).
		for _, k2 := range seen[:n] {
			if k2 == k {
				return h, false
			}
		}
		if n < len(seen) {
			seen[n], n = k, n+1
		}
		if !h.set(k, v, &effective, &approved) {
			return h, false
		}
	}
	return h, false // never closed
}

// set sets the key k of header to the value v, as a line of front
// matter writes it; a date is kept in effective or approved, which
// decide Effective once every line is read. It is false for a value
// that is not of the key's kind.
func (h *header) set(k, v string, effective, approved *model.Date) bool {
	switch k {
	case "id":
		h.ID = v
	case "title":
		h.Title = v
	case "version":
		h.Version = v
	case "status":
		h.Status = v
	case "classification":
		h.Classification = v
	case "approver":
		h.Approver = v
	case "tier":
		n, err := strconv.Atoi(v)
		if err != nil {
			return false
		}
		h.Tier = n
	case "effective", "approved":
		d, err := model.ParseDate(v)
		if err != nil {
			return false
		}
		if k == "effective" {
			*effective = d
		} else {
			*approved = d
		}
	}
	return true
}

// metaDate is a date of decoded front matter (a TOML date, or a string),
// zero when it is none.
func metaDate(v any) model.Date {
	switch t := v.(type) {
	case time.Time:
		return model.DateOf(t)
	case string:
		d, _ := model.ParseDate(strings.TrimSpace(t))
		return d
	}
	return model.Date{}
}

// simpleValue reads a string without escapes, or a bare word such as a
// number, followed by nothing but a comment.
func simpleValue(v []byte) (string, bool) {
	if len(v) == 0 {
		return "", false
	}
	var s, after []byte
	switch q := v[0]; q {
	case '"', '\'':
		end := bytes.IndexByte(v[1:], q)
		if end < 0 {
			return "", false
		}
		s, after = v[1:1+end], v[2+end:]
		if q == '"' && bytes.IndexByte(s, '\\') >= 0 {
			return "", false
		}
	default:
		end := bytes.IndexAny(v, " \t#")
		if end < 0 {
			end = len(v)
		}
		s, after = v[:end], v[end:]
	}
	after = bytes.TrimSpace(after)
	if len(after) > 0 && after[0] != '#' {
		return "", false
	}
	return strings.TrimSpace(string(s)), true
}
