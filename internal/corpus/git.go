package corpus

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// The git mode: the corpus as generated is the first commit, and every
// later commit revises a share of the documents as a document controller
// would: a sentence of the body rewritten, the version raised, a
// [[history]] entry for it, and for approved documents a new approval.

// gitStart is the date of the first commit; each later commit is a day
// after the one before, in China's time zone.
var gitStart = time.Date(2026, 1, 5, 9, 0, 0, 0, time.FixedZone("CST", 8*3600))

const (
	gitName  = "ISMS Document Control"
	gitEmail = "isms-dc@example.com"
)

// commit makes dir a git repository of the corpus and its revisions.
func (c *corpus) commit(dir string) error {
	g := git{dir: dir}
	g.run(gitStart, "init", "--quiet", "--initial-branch=main")
	g.run(gitStart, "add", "--all")
	g.run(gitStart, "commit", "--quiet", "--message", fmt.Sprintf("发布 %d 份文件 / Publish %d documents", len(c.docs), len(c.docs)))
	share := max(1, roundInt(c.opts.GitShare*float64(len(c.docs))))
	for k := 1; k <= c.opts.GitCommits && g.err == nil; k++ {
		r := newRNG(c.opts.Seed, uint64(k))
		when := gitStart.AddDate(0, 0, k)
		files := map[string][]byte{}
		for _, d := range sample(r, c.docs, share) {
			revise(r, d, when)
			files["content/"+d.file()] = []byte(d.text())
		}
		if err := writeFiles(dir, files); err != nil {
			return err
		}
		g.run(when, "add", "--all")
		g.run(when, "commit", "--quiet", "--message", fmt.Sprintf("修订 %d 份文件 / Revise %d documents", share, share))
	}
	c.stats.Commits = c.opts.GitCommits + 1
	return g.err
}

// revise rewrites a sentence of d's body and makes the result d's next
// version, dated when.
func revise(r *rng, d *doc, when time.Time) {
	var prose []int // the blocks that are Chinese paragraphs
	for i, b := range d.body {
		if c, _ := utf8.DecodeRuneInString(b); unicode.Is(unicode.Han, c) {
			prose = append(prose, i)
		}
	}
	i := pick(r, prose) // every body has at least two
	p := d.body[i]
	if end := strings.Index(p, "。"); end >= 0 && end+len("。") < len(p) {
		p = p[end+len("。"):] // the first sentence goes
	}
	d.body[i] = zhSentence(r) + p

	m := &d.meta
	day := time.Date(when.Year(), when.Month(), when.Day(), 0, 0, 0, 0, time.UTC)
	m.version.minor++
	m.author = pick(r, people)
	m.history = append(m.history, change{m.version, day, m.author, pick(r, summaries)(r)})
	if !m.approved.IsZero() {
		m.approved, m.effective = day, day
		if !m.nextReview.IsZero() {
			m.nextReview = addMonths(day, 12)
		}
	}
}

// git runs git commands in one folder until the first fails, as one
// fixed person at fixed times, with no configuration but the
// repository's own: no user's or system's settings, no network.
type git struct {
	dir string
	err error
}

func (g *git) run(when time.Time, args ...string) {
	if g.err != nil {
		return
	}
	date := when.Format(time.RFC3339)
	cmd := exec.Command("git", args...)
	cmd.Dir = g.dir
	cmd.Env = append(os.Environ(),
		"GIT_CONFIG_NOSYSTEM=1", "GIT_CONFIG_GLOBAL="+os.DevNull,
		"GIT_AUTHOR_NAME="+gitName, "GIT_AUTHOR_EMAIL="+gitEmail, "GIT_AUTHOR_DATE="+date,
		"GIT_COMMITTER_NAME="+gitName, "GIT_COMMITTER_EMAIL="+gitEmail, "GIT_COMMITTER_DATE="+date,
	)
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Run(); err != nil {
		g.err = fmt.Errorf("git %s in %s: %v\n%s", strings.Join(args, " "), filepath.Clean(g.dir), err, strings.TrimSpace(out.String()))
	}
}
