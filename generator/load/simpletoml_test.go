package load

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/BurntSushi/toml"

	"ismsgen/generator/diag"
)

// simpleCases are front matter that decodeSimple must decode (take) or
// leave to toml.Decode.
var simpleCases = []struct {
	text string
	take bool
}{
	{"", true},
	{"# only a comment\n\n", true},
	{`id = "ISMS-P-009"`, true},
	{"title = \"信息安全方针\"\ntier = 1\n", true},
	{"a = 'literal \\ kept'", true},
	{`a = "tab	inside"`, true},
	{"approved = 2025-07-02\nnext = 2024-02-29", true},
	{"n = -12\nm = +7\nz = 0\nbig = 9223372036854775807", true},
	{"yes = true\nno = false", true},
	{`owners = ["it", "hr"]`, true},
	{"owners = [ 'it' , \"hr\", ]  # trailing comma", true},
	{"empty = []", true},
	{"mixed = [1, \"a\", 2025-01-01, true]", true},
	{"key-with_dash = 1", true},
	{"1234 = 'digits are a bare key'", true},
	{"x = 1 # comment\n  # indented comment\n\ty = 2", true},
	{"[[history]]\nversion = \"1.0\"\ndate = 2024-01-02\n\n[[history]]\nversion = \"1.1\"\n", true},
	{"id = \"A\"\n[[training]]\ntitle = \"t\"\nurl = \"https://lms.example.com/1\"\n[[history]]\nhistory = 1", true},
	{"[[history]]", true},
	{"related = [\"A\"]\nrelated = [\"B\"]", false},                    // a key twice, kept or not
	{"[[training]]\ntitle = \"a\"\ntitle = \"b\"", false},              // twice in a table, kept or not
	{"related = [\"A\"]\n[[related]]\ntitle = \"a\"", false},           // a key and a table of one name
	{"[[training]]\ntitle = \"a\"\n[[training]]\ntitle = \"b\"", true}, // a list of tables, kept or not
	{"owners = [\"it\", 2025-02-30]", false},                           // a value that is no date, kept or not
	{"type = \"record\"\nretention = \"永久\"\n[[actions]]\nid = \"NC-2026-05\"\ntitle = \"离职账号\"\nsource = \"nonconformity\"\ndocuments = [\"ISMS-P-008\"]\nowner = \"it\"\ndue = 2026-11-30\nclosed = 2026-11-20\nevidence = \"https://oa.example.com/7\"\n[[actions]]\nid = \"MR-1\"\ndue = 2024-02-29", true},
	{"type = \"external\"\nissuer = \"TC260\"\nedition = \"GB/T 22080-2025\"\nacquired = 2025-08-01\nreplaced_by = \"\"", true},

	{`a = "escaped \" quote"`, false},
	{`a = "\u4e2d"`, false},
	{"a = \"\"\"\nmulti\n\"\"\"", false},
	{"a = '''x'''", false},
	{"a = 1.5", false},
	{"a = 1e3", false},
	{"a = 1_000", false},
	{"a = 0x1F", false},
	{"a = 012", false},
	{"a = inf", false},
	{"a = 2025-07-02T10:00:00", false},
	{"a = 2025-07-02 10:00:00", false},
	{"a = 10:00:00", false},
	{"a = 2025-02-30", false},
	{"a = 2025-13-01", false},
	{"a = 9223372036854775808", false},
	{"a.b = 1", false},
	{`"quoted" = 1`, false},
	{"[table]\na = 1", false},
	{"[[ spaced ]]", false},
	{"[[a.b]]", false},
	{"a = 1\na = 2", false},
	{"a = 1\n[[a]]", false},
	{"a = {b = 1}", false},
	{"a = [\n1,\n2]", false},
	{"a = [[1], [2]]", false},
	{"a = \"unterminated", false},
	{"a = 'unterminated", false},
	{"a = \"x\" \"y\"", false},
	{"a = [1 2]", false},
	{"a = [1,,2]", false},
	{"a =", false},
	{"= 1", false},
	{"just words", false},
	{"a = \"bell\x07\"", false},
	{"a = 1\r\nb = 2", false},
	{"a = tru", false},
	{"a = true1", false},
}

func TestDecodeSimple(t *testing.T) {
	for _, tc := range simpleCases {
		got, ok := decodeSimple([]byte(tc.text))
		if ok != tc.take {
			t.Errorf("decodeSimple(%q) ok = %v, want %v", tc.text, ok, tc.take)
			continue
		}
		if ok {
			agree(t, tc.text, got)
		}
		keptAlike(t, []byte(tc.text), got)
	}
}

// agree fails unless toml.Decode decodes text into got.
func agree(t *testing.T, text string, got map[string]any) {
	t.Helper()
	want := map[string]any{}
	if _, err := toml.Decode(text, &want); err != nil {
		t.Fatalf("decodeSimple decoded %q, which toml.Decode refuses: %v", text, err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("decodeSimple(%q) = %#v\ntoml.Decode gives %#v", text, got, want)
	}
}

// TestDecodeSimpleTakesTheSample: the fast path is the one the sample's
// documents take (and so, on the benchmark sites, every document).
func TestDecodeSimpleTakesTheSample(t *testing.T) {
	n := 0
	err := filepath.WalkDir("../../content", func(p string, e os.DirEntry, err error) error {
		if err != nil || e.IsDir() || !strings.HasSuffix(p, ".md") {
			return err
		}
		src, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		var diags diag.List
		fm, _, _, ok := splitDocument(p, src, &diags)
		if !ok {
			t.Fatalf("%s does not split", p)
		}
		got, ok := decodeSimple(fm)
		if !ok {
			t.Errorf("%s: its front matter is left to toml.Decode", p)
			return nil
		}
		agree(t, string(fm), got)
		n++
		return nil
	})
	if err != nil || n == 0 {
		t.Fatalf("read %d documents: %v", n, err)
	}
}

func FuzzDecodeSimple(f *testing.F) {
	for _, tc := range simpleCases {
		f.Add([]byte(tc.text))
	}
	f.Fuzz(func(t *testing.T, text []byte) {
		got, ok := decodeSimple(text)
		keptAlike(t, text, got)
		if !ok {
			return
		}
		if !utf8.Valid(text) {
			return // load refuses files that are not UTF-8 before decoding
		}
		agree(t, string(text), got)
		// The same from a slice of a longer text, its strings slices of
		// the text as a string.
		long := append([]byte("x = 1\n"), text...)
		of, ok := decodeSimpleOf(source{text: long[6:], of: string(long[6:])})
		if !ok || !reflect.DeepEqual(of, got) {
			t.Fatalf("decodeSimpleOf gave %v (%v), decodeSimple %v", of, ok, got)
		}
		keptAlike(t, text, got)
	})
}

// keptAlike fails the test when decodeSimpleOf with some keys kept does
// not give got, decodeSimple's map of text, less the other keys; or
// fails where decodeSimple does not (got is nil).
func keptAlike(t *testing.T, text []byte, got map[string]any) {
	t.Helper()
	for _, keep := range []map[string]bool{{}, {"title": true, "owners": true, "history": true}, {"id": true, "version": true, "approved": true, "tier": true}} {
		kept, ok := decodeSimpleOf(source{text: text, of: string(text), keep: keep})
		if ok != (got != nil) {
			t.Fatalf("%q keeping %v: decoded %v, and without keep %v", text, keep, ok, got != nil)
		}
		want := map[string]any{}
		for k, v := range got {
			if keep[k] {
				want[k] = v
			}
		}
		if ok && !reflect.DeepEqual(kept, want) {
			t.Fatalf("%q keeping %v: %v, want %v", text, keep, kept, want)
		}
	}
}
