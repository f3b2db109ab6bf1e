package validate

import (
	"reflect"
	"strings"
	"testing"

	"ismsgen/generator/internal/fast"
	"ismsgen/generator/load"
	"ismsgen/generator/model"
)

// shownConfigs are the configurations Shown is held to Document with:
// one with departments, one without.
func shownConfigs(t testing.TB) []*model.Config {
	var out []*model.Config
	for _, text := range []string{testConfig, "classification_levels = [\"public\", \"internal\"]\ndefault_classification = \"internal\"\n"} {
		cf, _ := load.ParseConfig("isms.toml", []byte(text))
		cfg, _ := Config(cf)
		if cfg == nil {
			t.Fatalf("config did not load: %s", text)
		}
		out = append(out, cfg)
	}
	return out
}

// sameShown reports the first field of ShownFields in which Shown's
// conversion of the front matter fm differs from Document's.
func sameShown(t testing.TB, cfg *model.Config, fm string) {
	meta := load.ParseFrontMatter("docs/a.md", fm)
	restore := fast.Set(true)
	kept := load.ParseFrontMatterOf("docs/a.md", fm, ShownKeys)
	restore()
	if (kept == nil) != (meta == nil) {
		t.Fatalf("front matter\n%s\nParseFrontMatterOf gives %v, ParseFrontMatter %v", fm, kept, meta)
	}
	if meta == nil {
		return
	}
	src := &load.Doc{File: &load.File{Path: "docs/a.md", Meta: meta, BodyLine: 3 + strings.Count(fm, "\n")}}
	want, _ := Document(cfg, src)
	got := Shown(cfg, src)
	w, g := reflect.ValueOf(want).Elem(), reflect.ValueOf(got).Elem()
	for _, name := range ShownFields {
		if a, b := g.FieldByName(name).Interface(), w.FieldByName(name).Interface(); !reflect.DeepEqual(a, b) {
			t.Fatalf("front matter\n%s\n%s: Shown gives %#v, Document %#v", fm, name, a, b)
		}
	}
	// The same from ShownKeys' values alone.
	if of := Shown(cfg, &load.Doc{File: &load.File{Path: "docs/a.md", Meta: kept}}); !reflect.DeepEqual(of, got) {
		t.Fatalf("front matter\n%s\nShown of ShownKeys' values %+v, of all %+v", fm, of, got)
	}
}

// frontMatter is the front matter of good, between its +++ lines.
func frontMatter(doc string) string {
	return strings.TrimPrefix(doc[:strings.LastIndex(doc, "+++")], "+++\n")
}

// shownCases are front matters whose shown fields Document sets in each
// of its ways: defaults, values it replaces, values of the wrong type.
var shownCases = []struct{ key, line string }{
	{"id", ""},
	{"title", `title = "  文件控制程序  "`},
	{"title", `title = 3`},
	{"title", ""},
	{"tier", ""},
	{"tier", "tier = 0"},
	{"tier", "tier = 4"},
	{"tier", `tier = "2"`},
	{"tier", "tier = 3"},
	{"type", ""},
	{"type", `type = "nonsense"`},
	{"type", `type = ""`},
	{"type", `type = ["policy"]`},
	{"status", ""},
	{"status", `status = ""`},
	{"status", `status = "approvd"`},
	{"status", `status = 1`},
	{"status", `status = " review "`},
	{"status", `status = "obsolete"`},
	{"owners", ""},
	{"owners", `owners = []`},
	{"owners", `owners = "hr"`},
	{"owners", `owners = ["hr", "it", "hr", " it "]`},
	{"owners", `owners = ["all"]`},
	{"owners", `owners = ["finance", 3, ""]`},
	{"approver", ""},
	{"approver", `approver = ""`},
	{"approver", `approver = true`},
	{"author", `author = "总经理"`},
	{"reviewer", `reviewer = " 审核人 "`},
	{"approved", ""},
	{"approved", `approved = "2025-03-02"`},
	{"approved", `approved = "2025年3月2日"`},
	{"approved", `approved = 2025-03-02T10:00:00`},
	{"approved", `approved = 5`},
	{"effective", `effective = 2025-04-01`},
	{"effective", `effective = 2025-01-01`},
	{"effective", `effective = "soon"`},
	{"classification", `classification = "confidential"`},
	{"classification", `classification = "secret"`},
	{"classification", `classification = ""`},
	{"classification", `classification = ["internal"]`},
	{"history", "[[history]]\nversion = \"1.0\"\nclassification = \"secret\""},
}

func TestShownIsDocument(t *testing.T) {
	for _, cfg := range shownConfigs(t) {
		for _, c := range shownCases {
			sameShown(t, cfg, frontMatter(edit(good, c.key, c.line)))
		}
	}
}

func FuzzShown(f *testing.F) {
	for _, c := range shownCases {
		f.Add(frontMatter(edit(good, c.key, c.line)))
	}
	cfgs := shownConfigs(f)
	f.Fuzz(func(t *testing.T, fm string) {
		for _, cfg := range cfgs {
			sameShown(t, cfg, fm)
		}
	})
}
