package search

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/BurntSushi/toml"
)

// sampleEntries turns a content folder into search entries. The lead may
// swap it for the real pipeline (load → validate → render → plain text).
var sampleEntries = loadSampleEntriesForTest

// sampleFrontMatter is the part of the front matter the search needs.
type sampleFrontMatter struct {
	ID             string `toml:"id"`
	Title          string `toml:"title"`
	Tier           int    `toml:"tier"`
	Type           string `toml:"type"`
	Status         string `toml:"status"`
	Version        string `toml:"version"`
	Classification string `toml:"classification"`
}

var (
	mdImage    = regexp.MustCompile(`!\[([^\]]*)\]\([^)]*\)`)
	mdLink     = regexp.MustCompile(`\[([^\]]*)\]\(([^)]*)\)`)
	mdEmphasis = regexp.MustCompile("[*_`~]+")
	mdLead     = regexp.MustCompile(`^\s*(#+|[-*+]|\d+\.|>)\s+`)
)

// loadSampleEntriesForTest is a crude, test-only reader of a content
// folder: TOML front matter between +++ lines, headings from lines starting
// with '#', Markdown syntax stripped for the text. Drafts, documents in
// review and documents above "internal" are left out, as in a default build.
func loadSampleEntriesForTest(contentDir string) ([]Entry, error) {
	var out []Entry
	err := filepath.WalkDir(contentDir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".md") {
			return err
		}
		src, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		src = bytes.ReplaceAll(src, []byte("\r\n"), []byte("\n"))
		rest, ok := bytes.CutPrefix(src, []byte("+++\n"))
		if !ok {
			return nil
		}
		front, body, ok := bytes.Cut(rest, []byte("\n+++\n"))
		if !ok {
			return nil
		}
		var fm sampleFrontMatter
		if _, err := toml.Decode(string(front), &fm); err != nil {
			return err
		}
		if fm.ID == "" || fm.Status == "draft" || fm.Status == "review" ||
			fm.Classification == "confidential" || fm.Classification == "secret" {
			return nil
		}
		e := Entry{ID: fm.ID, Title: fm.Title, URL: "docs/" + fm.ID + "/", Tier: fm.Tier,
			Type: fm.Type, Status: fm.Status, Version: fm.Version, Obsolete: fm.Status == "obsolete"}
		var text strings.Builder
		fence := false
		for line := range strings.Lines(string(body)) {
			line = strings.TrimRight(line, "\n")
			if strings.HasPrefix(strings.TrimSpace(line), "```") {
				fence = !fence
				continue
			}
			if !fence && strings.HasPrefix(line, "#") {
				h := strings.TrimSpace(strings.TrimLeft(line, "#"))
				h = mdEmphasis.ReplaceAllString(mdLink.ReplaceAllString(h, "$1"), "")
				e.Headings = append(e.Headings, Heading{Text: h, Anchor: sampleSlug(h)})
			}
			if !fence {
				line = mdLead.ReplaceAllString(line, "")
				line = mdImage.ReplaceAllString(line, "$1")
				line = mdLink.ReplaceAllStringFunc(line, func(m string) string {
					sm := mdLink.FindStringSubmatch(m)
					if sm[1] == "" {
						return sm[2]
					}
					return sm[1]
				})
				line = mdEmphasis.ReplaceAllString(line, "")
				line = strings.ReplaceAll(line, "|", " ")
			}
			text.WriteString(line)
			text.WriteByte('\n')
		}
		e.Text = text.String()
		out = append(out, e)
		return nil
	})
	return out, err
}

// sampleSlug makes a crude heading anchor.
func sampleSlug(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		switch {
		case r == ' ' || r == '-':
			b.WriteByte('-')
		case isWord(r) || isCJK(r):
			b.WriteRune(r)
		}
	}
	return b.String()
}
