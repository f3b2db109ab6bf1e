package generator_test

import (
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"ismsgen/generator"
	"ismsgen/generator/internal/gitfixture"
	"ismsgen/generator/model"
)

// goneSite is a scripted repository whose documents' files are deleted
// after publication: OLD-1 (distributed to hr), replaced by NEW-1;
// GONE-2 (no distribution: its owner, isd), replaced by nothing; SECRET-3
// (confidential, above the ceiling) and DRAFT-4 (a draft), both
// distributed to all.
func goneSite(t *testing.T) string {
	t.Helper()
	r := gitfixture.New(t)
	r.MustWrite("isms.toml", "title = \"T\"\nlanguage = \"en\"\nclassification_levels = [\"public\", \"internal\", \"confidential\"]\nclassification = \"internal\"\n\n"+
		"[[departments]]\nid = \"isd\"\nname = \"Security\"\n\n[[departments]]\nid = \"hr\"\nname = \"People\"\n")
	r.MustWrite("content/old.md", movedDoc("OLD-1", "Old access rules", "2.0", "internal", "distribution = [\"hr\"]\n", "2.0"))
	r.MustWrite("content/gone.md", movedDoc("GONE-2", "Retired backup rules", "1.0", "internal", "", "1.0"))
	r.MustWrite("content/secret.md", movedDoc("SECRET-3", "Vault keys", "1.0", "confidential", "distribution = [\"all\"]\n", "1.0"))
	r.MustWrite("content/draft.md", strings.Replace(movedDoc("DRAFT-4", "Unfinished rules", "0.1", "internal", "distribution = [\"all\"]\n"), `status = "approved"`, `status = "draft"`, 1))
	r.MustWrite("content/keep.md", movedDoc("KEEP-5", "Kept rules", "1.0", "internal", "distribution = [\"all\"]\n", "1.0"))
	r.MustCommit("2026-01-05T10:00:00+08:00", "Author", "first")
	r.MustRemove("content/old.md")
	r.MustWrite("content/new.md", strings.Replace(movedDoc("NEW-1", "New access rules", "1.0", "internal", "distribution = [\"hr\"]\nsupersedes = [\"OLD-1\"]\n", "1.0"), "approved = 2026-01-05", "approved = 2026-02-01", 1))
	r.MustCommit("2026-02-01T10:00:00+08:00", "Author", "replace OLD-1")
	r.MustRemove("content/gone.md")
	r.MustRemove("content/secret.md")
	r.MustRemove("content/draft.md")
	r.MustCommit("2026-02-10T10:00:00+08:00", "Author", "withdraw")
	return r.Dir
}

// withdrawnRows are the rows of the list of withdrawn documents on a
// distribution page, one line each, tags left out.
func withdrawnRows(t *testing.T, page []byte) []string {
	t.Helper()
	html := string(page)
	i := strings.Index(html, `id="list-withdrawn"`)
	if i < 0 {
		return nil
	}
	html = html[i:]
	html = html[:strings.Index(html, "</tbody>")]
	tags := regexp.MustCompile(`<[^>]*>`)
	var rows []string
	for _, tr := range strings.Split(html, "<tr>")[2:] { // after the header's
		cells := strings.Split(tr, "</td>")
		for j := range cells {
			cells[j] = strings.TrimSpace(tags.ReplaceAllString(cells[j], ""))
		}
		rows = append(rows, strings.Join(cells[:len(cells)-1], " | "))
	}
	return rows
}

// A document whose file was deleted after publication is withdrawn: the
// distribution pages of its departments, and /distribution/, list it
// with the day of its deletion and what replaced it. A confidential
// document or a draft deleted leaves no trace there, nor in the lists'
// data.
func TestDistributionListsWithdrawnGone(t *testing.T) {
	source := goneSite(t)
	build := func(opts generator.Options) map[string][]byte {
		opts.Source, opts.Dest, opts.Defaults = source, filepath.Join(t.TempDir(), "public"), defaults()
		opts.Now = model.Date{Year: 2026, Month: 3, Day: 2}
		res, err := generator.Build(opts)
		if err != nil {
			t.Fatal(err)
		}
		if res.Diagnostics.HasErrors() {
			t.Fatal(res.Diagnostics)
		}
		return readTree(t, opts.Dest)
	}
	tree := build(generator.Options{})
	for page, want := range map[string][]string{
		"distribution/hr/index.html":  {"OLD-1 | Old access rules | 2.0 | 2026-02-01 | NEW-1 New access rules (1.0)"},
		"distribution/isd/index.html": {"GONE-2 | Retired backup rules | 1.0 | 2026-02-10 | —"},
		"distribution/index.html": {"GONE-2 | Retired backup rules | 1.0 | 2026-02-10 | —",
			"OLD-1 | Old access rules | 2.0 | 2026-02-01 | NEW-1 New access rules (1.0)"},
	} {
		if got := withdrawnRows(t, tree[page]); strings.Join(got, "\n") != strings.Join(want, "\n") {
			t.Errorf("%s withdrawn:\n%s\nwant:\n%s", page, strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
	}
	for name, data := range tree {
		for _, s := range []string{"SECRET-3", "Vault keys", "DRAFT-4", "Unfinished rules"} {
			if strings.Contains(string(data), s) {
				t.Errorf("%s names %s", name, s)
			}
		}
	}

	// Under a ceiling that admits it, the confidential one is listed to
	// every department; a draft never is, whatever the build.
	tree = build(generator.Options{Classification: "confidential", Drafts: true})
	want := "SECRET-3 | Vault keys | 1.0 | 2026-02-10 | —"
	for _, page := range []string{"distribution/index.html", "distribution/isd/index.html", "distribution/hr/index.html"} {
		if got := withdrawnRows(t, tree[page]); !slices.Contains(got, want) || slices.ContainsFunc(got, func(r string) bool { return strings.Contains(r, "DRAFT-4") }) {
			t.Errorf("%s withdrawn:\n%s\nwant among them:\n%s, and no DRAFT-4", page, strings.Join(got, "\n"), want)
		}
	}
}
