package generator_test

import (
	"strings"
	"testing"

	"ismsgen/generator"
	"ismsgen/generator/internal/gitfixture"
	"ismsgen/generator/model"
)

// The site as of a day names the authors of its commits as the day's
// .mailmap did: it read today's, so a day before the repository had a
// .mailmap showed the names of today's, and a day whose .mailmap named
// an author otherwise showed today's name.
func TestAsOfMailmapOfTheDay(t *testing.T) {
	r := gitfixture.New(t)
	r.MustWrite("isms.toml", "title = \"T\"\nlanguage = \"en\"\n[[departments]]\nid = \"isd\"\n")
	r.MustWrite("content/p1.md", filterDoc("1.0", "Text.", "1.0"))
	r.MustCommit("2026-01-05T10:00:00+08:00", "zs", "first")
	r.MustWrite(".mailmap", "Zhang San <user@example.com> zs <user@example.com>\n")
	r.MustCommit("2026-02-05T10:00:00+08:00", "zs", "mailmap")
	r.MustWrite(".mailmap", "张三 <user@example.com> zs <user@example.com>\n")
	r.MustCommit("2026-03-05T10:00:00+08:00", "zs", "mailmap in Chinese")

	for _, tc := range []struct {
		name string
		opts generator.Options
		want string
	}{
		{"as of 2026-01-10", generator.Options{AsOf: model.Date{Year: 2026, Month: 1, Day: 10}}, "zs"},        // no .mailmap that day
		{"as of 2026-02-10", generator.Options{AsOf: model.Date{Year: 2026, Month: 2, Day: 10}}, "Zhang San"}, // the day's .mailmap
		{"today", generator.Options{Now: model.Date{Year: 2026, Month: 3, Day: 10}}, "张三"},                    // today's
		{"as of 2026-03-10", generator.Options{AsOf: model.Date{Year: 2026, Month: 3, Day: 10}}, "张三"},        // the day is today
	} {
		_, res := historyBuild(t, r.Dir, tc.opts)
		var d *model.Document
		for _, doc := range res.Site.Docs {
			if doc.ID == "P-1" {
				d = doc
			}
		}
		if d == nil || d.Versions == nil || d.Versions.Set.Author != tc.want {
			t.Errorf("%s: P-1's versions %+v, want 1.0 set by %s", tc.name, d.Versions, tc.want)
		}
		if !tc.opts.AsOf.IsZero() {
			if notes := notesAbout(res, "the site as it stood"); len(notes) != 1 || !strings.HasSuffix(notes[0], " by "+tc.want) {
				t.Errorf("%s: notes %q, want the day's commit by %s", tc.name, notes, tc.want)
			}
		}
	}
}
