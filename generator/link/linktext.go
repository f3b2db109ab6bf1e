package link

import (
	"bytes"

	"ismsgen/generator/model"
)

// linkText is the text of the link [text](dest) that r was scanned from,
// read again from its line of d's body; "" when the line holds no such
// link (a reference link, or lines moved to those of another text). It
// is looked for only to word a hint: links are many, hints are few.
func linkText(d *model.Document, r ref) string {
	n := r.line - d.BodyLine
	body := d.Body
	for ; n > 0; n-- {
		i := bytes.IndexByte(body, '\n')
		if i < 0 {
			return ""
		}
		body = body[i+1:]
	}
	if n < 0 {
		return ""
	}
	line := body
	if i := bytes.IndexByte(line, '\n'); i >= 0 {
		line = line[:i]
	}
	end := bytes.Index(line, []byte("]("+r.dest))
	if end < 0 {
		return ""
	}
	open := bytes.LastIndexByte(line[:end], '[')
	if open < 0 || bytes.IndexByte(line[open+1:end], ']') >= 0 {
		return ""
	}
	return string(bytes.Trim(line[open+1:end], " *_"))
}
