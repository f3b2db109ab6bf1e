package hostile_test

import (
	"path/filepath"
	"strings"
	"testing"

	"ismsgen/generator/internal/gitfixture"
	"ismsgen/generator/internal/sitecheck"
)

// Hostile values that git gives: author names and commit messages, in
// commits dated in the farthest time zones; and earlier versions whose
// names a link must escape.
var (
	evilAuthors = []string{
		`<script>alert("author")</script> =cmd|' /C calc'!A0`,
		`"><img src=x onerror=alert(2)> @SUM(1)`,
		"+author ]]></name><x-evil/> \u2028 \\\"'`${alert(3)}",
	}
	evilMessage  = "\"><script>alert(\"commit\")</script>\n\nEND:VEVENT\n=cmd|' /C calc'!A0"
	evilEarlier  = []string{"第1版 =1+1", "第2版 '@x' &+;"}
	evilSummary  = `=HYPERLINK("http://evil.example") <script>alert("summary")</script>`
	evilCommitAt = []string{"2026-01-05T23:59:59+14:00", "2026-01-07T00:00:01-12:00", "2026-01-10T12:00:00+05:45", "2026-02-01T12:00:00-09:30"}
)

// injectionHistory writes injectionSite as a git repository in dir:
// every document in two earlier versions before the current one (so each
// has the pages of its earlier versions and of what changed between
// them), then a withdrawn document (a tombstone) and a change after
// approval, each committed by a hostile author with a hostile message.
func injectionHistory(dir string) (*gitfixture.Repo, error) {
	repo, err := gitfixture.Init(dir)
	if err != nil {
		return nil, err
	}
	files := injectionSite()
	current := "version = " + tomlString(evilVersion)
	// at is a document's text in its n-th version, its [[history]] going
	// that far (the current version is n = len(evilEarlier)).
	at := func(text string, n int) string {
		if !strings.Contains(text, "[[history]]") {
			return text
		}
		var entries strings.Builder
		for i, v := range evilEarlier[:min(n+1, len(evilEarlier))] {
			entries.WriteString("[[history]]\nversion = " + tomlString(v) + "\ndate = 2026-01-0" + string(rune('5'+i)) +
				"\nauthor = " + tomlString(evilAuthors[i]) + "\nsummary = " + tomlString(evilSummary) + "\n\n")
		}
		if n < len(evilEarlier) {
			text = strings.Replace(text, current, "version = "+tomlString(evilEarlier[n]), 1)
			i := strings.Index(text, "[[history]]")
			end := strings.Index(text[i:], "\n+++\n")
			return text[:i] + strings.TrimSuffix(entries.String(), "\n") + text[i+end:]
		}
		return strings.Replace(text, "[[history]]", entries.String()+"[[history]]", 1)
	}
	commit := func(n int) error {
		_, err := repo.Commit(evilCommitAt[n], evilAuthors[n%len(evilAuthors)], evilMessage)
		return err
	}
	for n := 0; n <= len(evilEarlier); n++ {
		for name, text := range files {
			if err := repo.Write(name, at(text, n)); err != nil {
				return nil, err
			}
		}
		if n == 0 {
			tomb := doc("H-T-001", "", "classification = \"public\"\n", "Withdrawn text "+evilSummary+"\n")
			if err := repo.Write("content/tier2/tomb.md", strings.Replace(tomb, `title = ""`, "title = "+tomlString(evilSummary), 1)); err != nil {
				return nil, err
			}
		}
		if err := commit(n); err != nil {
			return nil, err
		}
	}
	if err := repo.Remove("content/tier2/tomb.md"); err != nil {
		return nil, err
	}
	p := at(files["content/tier2/p0.md"], len(evilEarlier)) + "\nChanged after approval " + evilSummary + "\n"
	if err := repo.Write("content/tier2/p0.md", p); err != nil {
		return nil, err
	}
	return repo, commit(len(evilEarlier) + 1)
}

// What git gives is escaped in every output format like the front matter:
// the pages of earlier versions, of what changed, of a withdrawn document
// and the changed-after-approval banner show hostile commit authors, and
// every link to a version whose name needs escaping in a link resolves.
func TestInjectionHistory(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "site")
	repo, err := injectionHistory(dir)
	if err != nil {
		t.Fatal(err)
	}
	dest := filepath.Join(t.TempDir(), "public")
	mustBuild(t, options(dir, dest))
	out := readTree(t, dest)
	checkOutputs(t, out, len(evilTitles)+1)
	problems, err := sitecheck.Links(dest)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range problems {
		t.Error(p)
	}

	// Every document with a [[history]] has its earlier versions and what
	// changed between them, and the withdrawn one its page; the authors
	// come back as git holds them (without "<" and ">").
	for i := range evilTitles {
		id := "H-P-00" + string(rune('1'+i))
		for _, p := range []string{"v/" + evilEarlier[0], "v/" + evilEarlier[1], "changes/" + evilEarlier[1]} {
			if out["docs/"+id+"/"+p+"/index.html"] == nil {
				t.Errorf("no page docs/%s/%s/", id, p)
			}
		}
	}
	authors, err := repo.Output(nil, "log", "--format=%an")
	if err != nil {
		t.Fatal(err)
	}
	names := strings.Split(strings.TrimSpace(authors), "\n") // newest first
	for _, c := range []struct{ page, author string }{
		{"docs/H-P-002/index.html", names[1]}, // the commit that set the version
		{"docs/H-P-001/index.html", names[1]}, // the same, changed after approval since
		{"docs/H-T-001/index.html", names[0]}, // the commit that deleted it
		{"docs/H-P-002/changes/" + evilEarlier[1] + "/index.html", names[2]},
	} {
		if text := textOf(parseHTML(t, out[c.page])); !strings.Contains(text, c.author) {
			t.Errorf("%s does not show the author %q", c.page, c.author)
		}
	}
}

// The characters a document's text may not show (a bidi override, which
// turns the text after it around, C0 and C1 controls) are left out of
// its earlier versions as of its current text: on the page of an
// earlier version, of what changed, and of what changed since approval,
// in the body and in the front matter.
func TestInvisibleInEarlierVersions(t *testing.T) {
	repo := gitfixture.New(t)
	repo.MustWrite("isms.toml", baseConfig)
	for name, text := range good() {
		repo.MustWrite(name, text)
	}
	const hidden = "tr\u202eick, c1\u0085 esc\x1b[31m, iso\u2066late"
	p := func(version, history, body string) string {
		return strings.Replace(doc("H-INV-001", "Invisible", `author = "x`+"\u202e"+`y"`+"\n"+history, body), `version = "1.0"`, `version = "`+version+`"`, 1)
	}
	h1 := "[[history]]\nversion = \"1.0\"\ndate = 2026-01-10\nsummary = \"first\"\n"
	h2 := h1 + "\n[[history]]\nversion = \"2.0\"\ndate = 2026-02-10\nsummary = \"second\"\n"
	repo.MustWrite("content/tier2/inv.md", p("1.0", h1, "First "+hidden+"\n"))
	if _, err := repo.Commit("2026-01-10T10:00:00Z", "Controller", "1.0"); err != nil {
		t.Fatal(err)
	}
	repo.MustWrite("content/tier2/inv.md", p("2.0", h2, "Second "+hidden+"\n"))
	if _, err := repo.Commit("2026-02-10T10:00:00Z", "Controller", "2.0"); err != nil {
		t.Fatal(err)
	}
	repo.MustWrite("content/tier2/inv.md", p("2.0", h2, "Second, changed "+hidden+"\n"))
	if _, err := repo.Commit("2026-02-20T10:00:00Z", "Controller", "changed after approval"); err != nil {
		t.Fatal(err)
	}
	dest := filepath.Join(t.TempDir(), "public")
	mustBuild(t, options(repo.Dir, dest))
	out := readTree(t, dest)
	for _, page := range []string{"docs/H-INV-001/v/1.0/index.html", "docs/H-INV-001/changes/2.0/index.html", "docs/H-INV-001/since-approval/index.html"} {
		if out[page] == nil {
			t.Errorf("no page %s", page)
		}
	}
	for name, data := range out {
		if i := strings.IndexAny(string(data), "\u202e\u0085\x1b\u2066"); i >= 0 {
			t.Errorf("%s holds an invisible character: %q", name, data[max(0, i-40):min(len(data), i+20)])
		}
	}
}
