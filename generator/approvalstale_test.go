package generator_test

import (
	"path/filepath"
	"strings"
	"testing"

	"ismsgen/generator"
	"ismsgen/generator/internal/gitfixture"
	"ismsgen/generator/model"
)

// A version raised whose approved date is still the previous version's,
// as its last committed text had it, is warned of at the approved line:
// the new version's approval date was forgotten. A version approved on
// a new date, or raised only in a draft, is not.
func TestApprovalDateStale(t *testing.T) {
	r := gitfixture.New(t)
	write := r.MustWrite
	write("isms.toml", "title = \"T\"\nlanguage = \"en\"\n\n[[departments]]\nid = \"isd\"\nname = \"Security\"\n")
	for _, p := range []string{"p", "q", "d"} {
		write("content/"+p+".md", movedDoc("ISMS-"+p, "Doc "+p, "1.0", "internal", "", "1.0"))
	}
	r.MustCommit("2026-01-05T10:00:00Z", "Controller", "first")
	write("content/p.md", movedDoc("ISMS-p", "Doc p", "1.1", "internal", "", "1.0", "1.1")+"\nRevised.\n")
	write("content/q.md", strings.Replace(movedDoc("ISMS-q", "Doc q", "1.1", "internal", "", "1.0", "1.1"), "approved = 2026-01-05", "approved = 2026-02-01", 1))
	write("content/d.md", strings.Replace(movedDoc("ISMS-d", "Doc d", "1.1", "internal", "", "1.0", "1.1"), `status = "approved"`, `status = "draft"`, 1))
	r.MustCommit("2026-02-01T10:00:00Z", "Controller", "second")

	res, err := generator.Build(generator.Options{Source: r.Dir, Dest: filepath.Join(t.TempDir(), "public"), Now: model.Date{Year: 2026, Month: 2, Day: 2}, Defaults: defaults()})
	if err != nil || res.Diagnostics.HasErrors() {
		t.Fatalf("build: %v %v", err, res.Diagnostics.Errors())
	}
	var got []string
	for _, d := range res.Diagnostics {
		if d.Code == "approval-date-stale" {
			got = append(got, d.String())
		}
	}
	if len(got) != 1 || !strings.Contains(got[0], "p.md:11:") || !strings.Contains(got[0], "2026-01-05") || !strings.Contains(got[0], "1.0") {
		t.Errorf("want one warning approval-date-stale, at p.md's approved line (11), naming 2026-01-05 and version 1.0; got %q", got)
	}
}

// A version lowered (2.0 to 1.5) with the approved date of 2.0 is warned
// of in words that fit it: the warning said the version was raised.
func TestApprovalDateStaleOfAVersionLowered(t *testing.T) {
	r := gitfixture.New(t)
	r.MustWrite("isms.toml", "title = \"T\"\nlanguage = \"en\"\n\n[[departments]]\nid = \"isd\"\nname = \"Security\"\n")
	r.MustWrite("content/p.md", movedDoc("ISMS-p", "Doc p", "2.0", "internal", "", "2.0"))
	r.MustCommit("2026-01-05T10:00:00Z", "Controller", "first")
	r.MustWrite("content/p.md", movedDoc("ISMS-p", "Doc p", "1.5", "internal", "", "2.0", "1.5")+"\nRevised.\n")
	r.MustCommit("2026-02-01T10:00:00Z", "Controller", "second")

	res, err := generator.Build(generator.Options{Source: r.Dir, Dest: filepath.Join(t.TempDir(), "public"), Now: model.Date{Year: 2026, Month: 2, Day: 2}, Defaults: defaults()})
	if err != nil || res.Diagnostics.HasErrors() {
		t.Fatalf("build: %v %v", err, res.Diagnostics.Errors())
	}
	for _, d := range res.Diagnostics {
		if d.Code == "approval-date-stale" && (strings.Contains(d.Message, "raised") || !strings.Contains(d.Message, "1.5")) {
			t.Errorf("a version lowered to 1.5 is told it was raised: %s", d)
		}
	}
}

// Two versions approved on one day (a correction approved the
// afternoon after the morning's version) share their approved date
// rightly: the warning said the new version's date was not written. A
// version raised in a draft that day and approved on a later one, its
// date left, is still warned of.
func TestApprovalDateOfTwoVersionsOnOneDay(t *testing.T) {
	r := gitfixture.New(t)
	r.MustWrite("isms.toml", "title = \"T\"\nlanguage = \"en\"\n\n[[departments]]\nid = \"isd\"\nname = \"Security\"\n")
	for _, p := range []string{"p", "d"} {
		r.MustWrite("content/"+p+".md", movedDoc("ISMS-"+p, "Doc "+p, "1.0", "internal", "", "1.0"))
	}
	r.MustCommit("2026-01-05T10:00:00+08:00", "Controller", "first")
	r.MustWrite("content/p.md", movedDoc("ISMS-p", "Doc p", "1.1", "internal", "", "1.0", "1.1")+"\nCorrected.\n")
	r.MustWrite("content/d.md", strings.Replace(movedDoc("ISMS-d", "Doc d", "1.1", "internal", "", "1.0", "1.1")+"\nDrafted.\n", `status = "approved"`, `status = "draft"`, 1))
	r.MustCommit("2026-01-05T16:00:00+08:00", "Controller", "approved again, and a draft")
	r.MustWrite("content/d.md", movedDoc("ISMS-d", "Doc d", "1.1", "internal", "", "1.0", "1.1")+"\nDrafted.\n")
	r.MustCommit("2026-02-01T10:00:00+08:00", "Controller", "the draft approved")

	res, err := generator.Build(generator.Options{Source: r.Dir, Dest: filepath.Join(t.TempDir(), "public"), Now: model.Date{Year: 2026, Month: 2, Day: 2}, Defaults: defaults()})
	if err != nil || res.Diagnostics.HasErrors() {
		t.Fatalf("build: %v %v", err, res.Diagnostics.Errors())
	}
	var got []string
	for _, d := range res.Diagnostics {
		if d.Code == "approval-date-stale" {
			got = append(got, d.String())
		}
	}
	if len(got) != 1 || !strings.Contains(got[0], "d.md:") {
		t.Errorf("want one warning approval-date-stale, of d.md; got %q", got)
	}
}
