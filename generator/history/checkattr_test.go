package history

import (
	"testing"

	"ismsgen/generator/internal/gitfixture"
	"ismsgen/generator/model"
)

func TestVersionAtLeast(t *testing.T) {
	for _, tc := range []struct {
		out  string
		want bool
	}{
		{"git version 2.39.5\n", false},
		{"git version 2.40.0\n", true},
		{"git version 2.45.1.windows.1\n", true},
		{"git version 3.0\n", true},
		{"git version 1.99.9\n", false},
		{"git version 2.x\n", false},
		{"", false},
	} {
		if got := versionAtLeast(tc.out, 2, 40); got != tc.want {
			t.Errorf("%q: %v, want %v", tc.out, got, tc.want)
		}
	}
}

// The attributes of a day are read the same from a temporary index as
// from the commit (--source), where git reads them from a commit.
func TestFiltersOfTheDay(t *testing.T) {
	r := gitfixture.New(t)
	r.MustWrite(".gitattributes", "site/content/secret/** filter=rot\n")
	r.MustWrite("site/.gitattributes", "/content/a.md filter=kw\n")
	r.MustWrite("site/isms.toml", "")
	r.MustWrite("site/content/a.md", "a")
	r.MustCommit("2026-01-01T10:00:00+08:00", "Author", "first")
	r.MustWrite(".gitattributes", "")
	r.MustWrite("site/.gitattributes", "")
	r.MustCommit("2026-02-01T10:00:00+08:00", "Author", "second")
	repo, _ := Open(r.Dir + "/site")
	at, _, err := repo.At(model.Date{Year: 2026, Month: 1, Day: 15})
	if err != nil {
		t.Fatal(err)
	}
	paths := []string{"content/a.md", "content/secret/b.md"}
	want := map[string]string{"content/a.md": "kw", "content/secret/b.md": "rot"}
	check := func(how string) {
		got, err := at.filters(paths)
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != len(want) || got["content/a.md"] != "kw" || got["content/secret/b.md"] != "rot" {
			t.Errorf("%s: %v, want %v", how, got, want)
		}
	}
	check("default")
	if gitReadsAttrSource(at.run.git) {
		attrSource.Store(at.run.git, false)
		defer attrSource.Delete(at.run.git)
		check("from a temporary index")
	}
	if got, _ := repo.filters(paths); len(got) != 0 {
		t.Errorf("today: %v, want none", got)
	}
}
