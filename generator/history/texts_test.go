package history

import (
	"bytes"
	"reflect"
	"testing"

	"ismsgen/generator/internal/fast"
	"ismsgen/generator/load"
	"ismsgen/generator/model"
	"ismsgen/generator/validate"
)

// convertedAsLoad is an earlier text's document as load and validate
// make it from the whole text (what split made before it converted the
// front matter alone), its body left out.
func convertedAsLoad(cfg *model.Config, text []byte) *model.Document {
	text = bytes.TrimPrefix(text, []byte("\xef\xbb\xbf"))
	text = bytes.ReplaceAll(text, []byte("\r\n"), []byte("\n"))
	f := load.ParseText("content/a.md", text)
	if f == nil {
		return nil
	}
	f.Body = nil
	d, _ := validate.Document(cfg, &load.Doc{File: f})
	return d
}

var splitConfig = &model.Config{Levels: []string{"public", "internal"}, Classification: "internal", DefaultClassification: "internal",
	Departments: []model.Department{{ID: "it", Name: "IT"}}}

// checkSplit checks split's document of text against convertedAsLoad's,
// with the fast paths off (the whole document) and on (the fields an
// earlier version's page shows, validate.ShownFields); it returns the
// one split makes with them off.
func checkSplit(t *testing.T, text string) *model.EarlierText {
	t.Helper()
	want := convertedAsLoad(splitConfig, []byte(text))
	restore := fast.Set(true)
	shown := split(splitConfig, "content/a.md", text)
	fast.Set(false)
	got := split(splitConfig, "content/a.md", text)
	restore()
	if !reflect.DeepEqual(got.Doc, want) {
		t.Fatalf("split(%q) converted\n%+v\nload and validate\n%+v", text, got.Doc, want)
	}
	if (shown.Doc == nil) != (want == nil) || shown.FrontMatter != got.FrontMatter || shown.Body != got.Body {
		t.Fatalf("split(%q) with the fast paths on: %+v; off: %+v", text, shown, got)
	}
	if want != nil {
		s, w := reflect.ValueOf(shown.Doc).Elem(), reflect.ValueOf(want).Elem()
		for _, name := range validate.ShownFields {
			if a, b := s.FieldByName(name).Interface(), w.FieldByName(name).Interface(); !reflect.DeepEqual(a, b) {
				t.Fatalf("split(%q) with the fast paths on: %s is %#v, not %#v", text, name, a, b)
			}
		}
	}
	return got
}

func TestSplit(t *testing.T) {
	const fm = "id = \"ISMS-P-001\"\ntitle = \"访问控制\"\ntier = 2\nversion = \"1.0\"\nstatus = \"approved\"\nowners = [\"it\"]\n"
	for _, tc := range []struct {
		name, text      string
		frontMatter     string
		body            string
		doc             bool // the text converts
		bodyLine        int
		title, classify string
	}{
		{"plain", "+++\n" + fm + "+++\n\nBody.\n", fm, "Body.\n", true, 9, "访问控制", "internal"},
		{"byte-order mark and CRLF", "\xef\xbb\xbf+++\r\n" + fm + "+++\r\nBody.\r\n", fm, "Body.\n", true, 9, "访问控制", "internal"},
		{"fences with spaces", "+++ \n" + fm + "+++\t\nBody.", fm, "Body.", true, 9, "访问控制", "internal"},
		{"a table", "+++\n" + fm + "[[history]]\nversion = \"1.0\"\n+++\nBody.\n", fm + "[[history]]\nversion = \"1.0\"\n", "Body.\n", true, 11, "访问控制", "internal"},
		{"TOML the fast path leaves to the library", "+++\n" + fm + "summary = \"\"\"two\nlines\"\"\"\n+++\n", fm + "summary = \"\"\"two\nlines\"\"\"\n", "", true, 11, "访问控制", "internal"},
		{"an invisible character", "+++\n" + fm + "classification = \"public\\u202e\"\n+++\n", fm + "classification = \"public\\u202e\"\n", "", true, 10, "访问控制", "public"},
		{"a CR alone ends a line", "+++\r" + fm + "+++\rBody.", "", "+++\r" + fm + "+++\rBody.", true, 9, "访问控制", "internal"},
		{"two byte-order marks", "\xef\xbb\xbf\xef\xbb\xbf+++\n" + fm + "+++\n", "", "\xef\xbb\xbf+++\n" + fm + "+++\n", true, 9, "访问控制", "internal"},
		{"never closed", "+++\n" + fm, "", "+++\n" + fm, false, 0, "", ""},
		{"no front matter", "Body.\n", "", "Body.\n", false, 0, "", ""},
		{"not UTF-8", "+++\n" + fm + "+++\n\xd6\xd0\xce\xc4\n", fm, "\xd6\xd0\xce\xc4\n", false, 0, "", ""},
		{"bad TOML", "+++\nid = \n+++\nBody.\n", "id = \n", "Body.\n", false, 0, "", ""},
		{"empty", "", "", "", false, 0, "", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := checkSplit(t, tc.text)
			if got.FrontMatter != tc.frontMatter || got.Body != tc.body {
				t.Errorf("front matter %q, body %q; want %q, %q", got.FrontMatter, got.Body, tc.frontMatter, tc.body)
			}
			if (got.Doc != nil) != tc.doc {
				t.Fatalf("document %+v, want one: %v", got.Doc, tc.doc)
			}
			if d := got.Doc; d != nil && (d.Title != tc.title || d.Classification != tc.classify || d.BodyLine != tc.bodyLine || d.Body != nil) {
				t.Errorf("title %q, classification %q, body line %d, body %q; want %q, %q, %d and no body", d.Title, d.Classification, d.BodyLine, d.Body, tc.title, tc.classify, tc.bodyLine)
			}
			if plain := split(nil, "content/a.md", tc.text); plain.Doc != nil || plain.FrontMatter != got.FrontMatter || plain.Body != got.Body {
				t.Errorf("without a configuration: %+v", plain)
			}
		})
	}
}

func FuzzSplit(f *testing.F) {
	for _, s := range []string{
		"+++\nid = \"A-1\"\ntier = 1\nowners = [\"it\"]\n+++\nbody",
		"\xef\xbb\xbf+++\r\nid = 'x'\r\n+++\r\n",
		"+++\r\nid = \"A\"\r+++\n",
		"+++\n[[history]]\nversion = \"1\"\n+++\n",
		"+++\n",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) { checkSplit(t, text) })
}
