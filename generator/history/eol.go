package history

import (
	"bytes"
	"strings"
)

// asGitStores is body, a file at path (relative to the source), as git
// would store it on commit when that differs from body only in its line
// ends: core.autocrlf or the attributes text and eol make git turn each
// CRLF into LF, so that a file checked out with CRLF (autocrlf on
// Windows) holds the blob's text though not its bytes. ok is false when
// git would store body as it is, or when it cannot be known here what
// git would store (a filter, ident or working-tree-encoding, whose
// programs or conversions are not run): the file is then taken as
// changed, the safe side.
func (h *History) asGitStores(path string, body []byte) (stored []byte, ok bool) {
	if !bytes.Contains(body, []byte("\r\n")) || h.repo == nil || h.repo.run == nil {
		return nil, false
	}
	out, err := h.repo.run.output("check-attr", "-z", "text", "eol", "filter", "ident", "working-tree-encoding", "--", h.repo.prefix+path)
	if err != nil {
		return nil, false
	}
	attrs := map[string]string{}
	f := strings.Split(string(out), "\x00")
	for i := 0; i+2 < len(f); i += 3 {
		attrs[f[i+1]] = f[i+2]
	}
	for _, a := range []string{"filter", "ident", "working-tree-encoding"} {
		if v, ok := attrs[a]; !ok || v != "unspecified" && v != "unset" {
			return nil, false // unsure
		}
	}
	text, eol := attrs["text"], attrs["eol"]
	var convert bool
	switch {
	case text == "unset":
		convert = false // binary: stored as it is
	case text == "set":
		convert = true
	case text == "auto":
		convert = looksText(body)
	case text == "unspecified" && (eol == "lf" || eol == "crlf"):
		convert = true // eol alone makes a file text
	case text == "unspecified":
		switch h.repo.autocrlf() {
		case "true", "input":
			convert = looksText(body)
		}
	default:
		return nil, false // a value git may read in a way not known here
	}
	if !convert {
		return nil, false
	}
	return bytes.ReplaceAll(body, []byte("\r\n"), []byte("\n")), true
}

// looksText is git's guess that a file is text, whose line ends
// core.autocrlf and text=auto convert: no NUL, no CR but before LF, and
// few control characters beside the printable ones.
func looksText(body []byte) bool {
	printable, other := 0, 0
	for i, c := range body {
		switch {
		case c == 0:
			return false
		case c == '\r':
			if i+1 >= len(body) || body[i+1] != '\n' {
				return false // a lone CR
			}
		case c == '\n':
		case c == 127:
			other++
		case c < 32:
			switch c {
			case '\b', '\t', '\033', '\014':
				printable++
			default:
				other++
			}
		default:
			printable++
		}
	}
	return printable>>7 >= other
}

// autocrlf is the repository's core.autocrlf ("true", "input", "false"
// or ""), read once.
func (r *Repo) autocrlf() string {
	if r.eol == nil {
		return ""
	}
	r.eol.once.Do(func() {
		out, _ := r.run.output("config", "--get", "core.autocrlf")
		r.eol.autocrlf = strings.ToLower(strings.TrimSpace(string(out)))
		switch r.eol.autocrlf {
		case "yes", "on", "1":
			r.eol.autocrlf = "true"
		}
	})
	return r.eol.autocrlf
}
