package generator

import (
	"os"
	"path/filepath"
	"strings"

	"ismsgen/generator/load"
	"ismsgen/generator/model"
)

// diskLines maps the lines of a text git holds of a file to the lines of
// the file on disk, the draft, for the warnings about the version shown
// (model.Document.FromGit): a key's line to the same key's, a body's
// line to the same line of the draft's body (in the unchanged lines at
// its start or end, or found there once), and any other to the draft's
// status line, where the note says which version the site shows.
type diskLines struct {
	gitKeys, keys model.KeyLines // of the git text; over the draft's lines
	gitBodyLine   int
	gitBody       []string
	status        int
	readDraft     func() *load.File // the draft's text, read when a body line is asked for

	read         bool
	bodyLine     int
	body         []string
	prefix, tail int // lines of gitBody the same at the start, and at the end, of body
}

func (m *diskLines) at(line int) int {
	if line < m.gitBodyLine {
		if key := m.gitKeys.KeyAt(line); key != "" {
			return m.keys.Line(key)
		}
		return m.status
	}
	i := line - m.gitBodyLine
	if i < 0 || i >= len(m.gitBody) {
		return m.status
	}
	if !m.read {
		m.read = true
		if f := m.readDraft(); f != nil {
			m.bodyLine, m.body = f.BodyLine, bodyLines(f.Body)
			for m.prefix < min(len(m.gitBody), len(m.body)) && m.gitBody[m.prefix] == m.body[m.prefix] {
				m.prefix++
			}
			for m.tail < min(len(m.gitBody), len(m.body))-m.prefix && m.gitBody[len(m.gitBody)-1-m.tail] == m.body[len(m.body)-1-m.tail] {
				m.tail++
			}
		}
	}
	switch {
	case m.body == nil:
		return m.status
	case i < m.prefix:
		return m.bodyLine + i
	case i >= len(m.gitBody)-m.tail:
		return m.bodyLine + len(m.body) - (len(m.gitBody) - i)
	}
	if strings.TrimSpace(m.gitBody[i]) == "" {
		return m.status
	}
	found := -1
	for k, l := range m.body {
		if l == m.gitBody[i] {
			if found >= 0 {
				return m.status // twice: which one is unknown
			}
			found = k
		}
	}
	if found < 0 {
		return m.status
	}
	return m.bodyLine + found
}

func bodyLines(body []byte) []string {
	if body == nil {
		return nil
	}
	return strings.Split(string(body), "\n")
}

// readDraft reads the draft d of the site in source again: its body was
// let go once scanned (see ReadDocuments).
func readDraft(source string, d *model.Document) func() *load.File {
	return func() *load.File {
		if d.Body != nil {
			return &load.File{Body: d.Body, BodyLine: d.BodyLine}
		}
		data, err := os.ReadFile(filepath.Join(source, filepath.FromSlash(d.Path)))
		if err != nil {
			return nil
		}
		f, _ := load.ParseDocument(d.Path, data)
		return f
	}
}
