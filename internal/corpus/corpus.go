// Package corpus generates ISMS document sets of any size for benchmarks
// and tests: tiered documents with TOML front matter as ismsgen reads it,
// bilingual bodies and links between them.
//
// The same Options always give a byte-identical tree. A corpus is written
// as an ismsgen site (isms.toml and content/) or as the equivalent Hugo
// site, whose links are page URLs instead of ids. Its bodies are plain
// (id links, short lists, a table or a code block in some) or shaped like
// document sets written without ismsgen in mind (see Real). It may be a
// git repository whose commits revise a share of the documents each.
//
// Tier shares: about 2 % tier 1, 18 % tier 2, 80 % tier 3. Bodies are 1 to
// 4 KiB of Chinese and English text with 2 to 5 links each.
package corpus

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// Shape is the kind of body a corpus gets.
type Shape string

const (
	// Plain bodies link by id and have a few lists, tables and code blocks.
	Plain Shape = "plain"
	// Real bodies look like document sets written elsewhere: relative
	// links to other documents' .md files (some with a fragment), page
	// bundles with images in img/, nested and task lists, more GFM
	// tables, fenced code with and without a language (and text), and
	// first headings that repeat the title, with or without the id.
	Real Shape = "real"
)

// Options say what to generate.
type Options struct {
	Docs  int    // number of documents, at least 1
	Seed  uint64 // another seed gives another corpus of the same shape
	Hugo  bool   // write a Hugo site (hugo.toml, layouts/) instead of an ismsgen site
	Shape Shape  // Plain when empty

	// GitCommits > 0 makes the site a git repository (the git command must
	// be installed; it needs no configuration and no network): a first
	// commit of the corpus as generated, then GitCommits commits, a day
	// apart, each of which revises GitShare (0 < GitShare ≤ 1) of the
	// documents: a sentence of the body rewritten, the version raised and
	// a [[history]] entry added (approved documents approved again that
	// day). Author, committer and dates are fixed, so the commits' ids are
	// the same every time.
	GitCommits int
	GitShare   float64
}

// Stats describe a generated corpus.
type Stats struct {
	Docs          int
	Tiers         [3]int // documents per tier
	MarkdownBytes int64  // the documents' files as first written
	Links         int    // links from one document to another
	Images        int
	Files         int // every file written, outside .git
	Commits       int
}

func (s Stats) String() string {
	str := fmt.Sprintf("%d docs (tier1 %d, tier2 %d, tier3 %d), %.1f MiB of Markdown, %d links, %d images, %d files",
		s.Docs, s.Tiers[0], s.Tiers[1], s.Tiers[2], float64(s.MarkdownBytes)/(1<<20), s.Links, s.Images, s.Files)
	if s.Commits > 0 {
		str += fmt.Sprintf(", %d commits", s.Commits)
	}
	return str
}

// Generate writes a corpus into dir, which must not exist or be empty.
func Generate(dir string, o Options) (Stats, error) {
	if err := o.check(); err != nil {
		return Stats{}, err
	}
	if entries, err := os.ReadDir(dir); err == nil && len(entries) > 0 {
		return Stats{}, fmt.Errorf("%s is not empty: a corpus is written into a new or empty folder", dir)
	}
	c := draw(o)
	if err := c.write(dir); err != nil {
		return Stats{}, err
	}
	if o.GitCommits > 0 {
		if err := c.commit(dir); err != nil {
			return Stats{}, err
		}
	}
	return c.stats, nil
}

func (o Options) check() error {
	switch {
	case o.Docs < 1:
		return fmt.Errorf("the number of documents must be at least 1, not %d", o.Docs)
	case o.Shape != "" && o.Shape != Plain && o.Shape != Real:
		return fmt.Errorf("unknown shape %q: plain or real", o.Shape)
	case o.Shape == Real && o.Hugo:
		return fmt.Errorf("the real shape is for ismsgen sites only: its file links are not Hugo's")
	case o.GitCommits < 0:
		return fmt.Errorf("the number of commits must not be negative, not %d", o.GitCommits)
	case o.GitCommits > 0 && !(o.GitShare > 0 && o.GitShare <= 1):
		return fmt.Errorf("the share of the documents each commit revises must be above 0 and at most 1, not %g", o.GitShare)
	}
	return nil
}

// corpus is a drawn document set, ready to be written.
type corpus struct {
	opts  Options
	docs  []*doc
	stats Stats
}

// draw decides every document: plan, front matter, then bodies.
func draw(o Options) *corpus {
	r := newRNG(o.Seed, 0)
	c := &corpus{opts: o, docs: planDocs(o.Docs, r)}
	var tiers [4][]*doc
	for _, d := range c.docs {
		tiers[d.tier] = append(tiers[d.tier], d)
		c.stats.Tiers[d.tier-1]++
	}
	if len(tiers[2]) == 0 { // two documents or fewer: tier 3 hangs off tier 1
		tiers[2] = tiers[1]
	}
	for _, d := range c.docs {
		drawMeta(r, d, tiers, c.docs)
	}
	c.stats.Docs = len(c.docs)
	link := c.countLinks(idLink)
	if o.Hugo {
		link = c.countLinks(hugoLink)
	}
	body := plainBody
	if o.Shape == Real {
		drawBundles(r, c.docs)
		link, body = c.countLinks(fileLink), realBody
	}
	for _, d := range c.docs {
		d.body = body(r, d, c.docs, link)
	}
	return c
}

func (c *corpus) countLinks(l linker) linker {
	return func(r *rng, from, to *doc) string {
		c.stats.Links++
		return l(r, from, to)
	}
}

// text is a document's file.
func (d *doc) text() string {
	return "+++\n" + d.frontMatter() + "+++\n\n" + bodyText(d.body)
}

// write writes the site into dir.
func (c *corpus) write(dir string) error {
	files := map[string][]byte{}
	for _, d := range c.docs {
		data := []byte(d.text())
		files["content/"+d.file()] = data
		c.stats.MarkdownBytes += int64(len(data))
		for _, img := range d.images {
			files["content/"+d.dir()+"/"+d.id+"/"+img.path] = img.png
			c.stats.Images++
		}
	}
	if c.opts.Hugo {
		addHugoFiles(files)
	} else {
		files["isms.toml"] = []byte(ismsToml())
	}
	c.stats.Files = len(files)
	return writeFiles(dir, files)
}

func writeFiles(dir string, files map[string][]byte) error {
	made := map[string]bool{}
	for rel, data := range files {
		p := filepath.Join(dir, filepath.FromSlash(rel))
		if d := filepath.Dir(p); !made[d] {
			if err := os.MkdirAll(d, 0o755); err != nil {
				return err
			}
			made[d] = true
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			return err
		}
	}
	return nil
}

// ismsToml is the site configuration: every department the documents
// name, the classification levels, and a ceiling that publishes all.
func ismsToml() string {
	var b strings.Builder
	b.WriteString(`title = "ISMS 文件中心"
organisation = "Example Corp"
language = "zh-CN"
base_url = "https://isms.example.com/"
default_review_cycle = "12 months"
due_soon_days = 30
classification_levels = ["public", "internal", "confidential", "secret"]
classification = "secret"
`)
	for _, d := range departments {
		fmt.Fprintf(&b, "\n[[departments]]\nid = %s\nname = %s\n", tomlString(d.id), tomlString(d.name))
	}
	return b.String()
}
