package load

import (
	"bytes"
	"path/filepath"
	"slices"
	"strings"

	"github.com/BurntSushi/toml"

	"ismsgen/generator/diag"
)

// Salvaged is a document whose front matter has TOML syntax errors, read
// again with the lines of those errors emptied, as the errors were
// found: its other mistakes (an unknown key, a date that is no date)
// can then be reported in the same run instead of the next. It is
// never published, and never linked: the syntax errors stand.
type Salvaged struct {
	Doc *Doc
	// Keys is the key each line of the front matter starts with, by
	// line of the file, as far as it can be made out ("" for a table
	// header, a comment or a line that is no key = value).
	Keys map[int]string
	// Text is each line of the front matter as written, by line of the
	// file, for a finding that quotes what a line holds.
	Text map[int]string
	// Emptied are the lines of the file left out: a check of what they
	// set would only repeat their syntax error.
	Emptied map[int]bool
	// Diags are the findings about the front matter's values that only
	// a front matter that parses has (control characters); those of the
	// body were reported with the syntax errors.
	Diags diag.List
}

// Salvage reads rel again, for a document ReadDoc gave none: nil when
// its front matter has no TOML syntax error, or does not parse with the
// lines of its syntax errors emptied. Its body is adapted as ReadDoc
// adapts one in the site's language lang, so that its links can be
// checked in the same run.
func Salvage(root, rel, lang string) *Salvaged {
	src, err := readLimited(filepath.Join(root, filepath.FromSlash(rel)))
	if err != nil {
		return nil
	}
	var ignored diag.List // reported by ReadDoc already
	fm, body, bodyLine, ok := splitDocument(rel, src, &ignored)
	if !ok {
		return nil
	}
	if line, _ := tomlGuard(fm); line >= 0 {
		return nil
	}
	_, err = toml.NewDecoder(bytes.NewReader(fm)).Decode(&map[string]any{})
	if err == nil {
		return nil
	}
	repaired, emptied := syntaxErrors(rel, fm, 1, err, &ignored)
	if repaired == nil {
		return nil
	}
	s := &Salvaged{Emptied: map[int]bool{}, Keys: map[int]string{}, Text: map[int]string{}}
	for line := range emptied {
		if strings.HasPrefix(strings.TrimSpace(string(lineOf(fm, line))), "[") {
			return nil // the keys under a table header left out would land in the table above it
		}
		s.Emptied[1+line] = true
	}
	for i, line := range strings.Split(string(fm), "\n") {
		s.Keys[2+i] = lineKey(strings.TrimSpace(line))
		s.Text[2+i] = line
	}
	// The body's own findings were reported by ReadDoc.
	f := &File{Path: rel, BodyLine: bodyLine}
	f.Body, f.LinkLines = showBody(rel, body, bodyLine, lang, beside(root, rel), &ignored)
	if f.Meta, f.Lines = decodeTOML(rel, repaired, 1, &ignored); f.Meta == nil {
		return nil
	}
	inertValues(rel, f.Meta, f.Lines, &s.Diags)
	s.Diags = slices.DeleteFunc(s.Diags, func(d diag.Diagnostic) bool { return s.Emptied[d.Line] })
	s.Doc = &Doc{File: f}
	s.Diags.Sort()
	return s
}

// lineKey is the key a line of TOML starts with, as far as it can be
// made out ("title" of title：= "…", "approved" of approved = 2025/5/10):
// the letters, digits, _ and - at its start, "" when there are none.
func lineKey(line string) string {
	end := strings.IndexFunc(line, func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '_' || r == '-')
	})
	if end < 0 {
		end = len(line)
	}
	return line[:end]
}
