package load

import (
	"bytes"
	"fmt"
	"ismsgen/generator/diag"
	"ismsgen/generator/model"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestParseDocument(t *testing.T) {
	for _, tc := range []struct {
		name    string
		src     string
		want    string // first diagnostic, "" for none
		bodyLn  int
		wantKey string
		keyLine int
	}{
		{name: "plain", src: "+++\nid = \"A-1\"\ntitle = \"T\"\n+++\n# Body\n", bodyLn: 5, wantKey: "title", keyLine: 3},
		{name: "bom", src: "\xef\xbb\xbf+++\nid = \"A-1\"\n+++\nbody\n", bodyLn: 4, wantKey: "id", keyLine: 2},
		{name: "crlf", src: "+++\r\nid = \"A-1\"\r\ntitle = \"T\"\r\n+++\r\nbody\r\n", bodyLn: 5, wantKey: "title", keyLine: 3},
		{name: "cr only", src: "+++\rid = \"A-1\"\rtitle = \"T\"\r+++\rbody\r", bodyLn: 5, wantKey: "title", keyLine: 3},
		{name: "cr, crlf and lf mixed", src: "+++\r\nid = \"A-1\"\r\n\rtitle = \"T\"\n+++\rbody\r", bodyLn: 6, wantKey: "title", keyLine: 4},
		{name: "history lines", src: "+++\nid = \"A\"\n\n[[history]]\nversion = \"1\"\n\n[[history]]\nversion = \"2\"\ndate = 2025-01-01\n+++\n", bodyLn: 11, wantKey: "history.1.date", keyLine: 9},
		{name: "empty", src: "", want: "x.md:1: the file is empty"},
		{name: "whitespace only", src: "\n \n", want: "x.md:1: the file is empty"},
		{name: "no front matter", src: "# Title\n", want: "x.md:1: the file does not start with front matter (a line +++)"},
		{name: "conflict on the first line", src: "<<<<<<< HEAD\n+++\nid = \"A-1\"\n+++\nbody one\n=======\n---\nid: A-1\n---\nbody two\n>>>>>>> side\n", want: "x.md:1: an unresolved merge conflict: git left both sides of a change here, between <<<<<<< and >>>>>>>"},
		{name: "lfs pointer", src: "version https://git-lfs.github.com/spec/v1\noid sha256:4d7a214614ab2935c943f9e0ff69d22eadbb8f32b1258daaa5e2ca24d17e2393\nsize 12345\n", want: "x.md:1: the file is a Git LFS pointer, not the document: this checkout did not fetch the files kept in Git LFS"},
		{name: "yaml front matter", src: "---\nid: A\n---\n", want: "x.md:1: the front matter is YAML (between lines ---); ismsgen reads TOML front matter between lines +++"},
		{name: "unclosed", src: "+++\nid = \"A\"\n# Body\n", want: "x.md:1: the front matter opened here is never closed"},
		{name: "closed with ---", src: "+++\nid = \"A\"\n---\n# Body\n", want: "x.md:3: the front matter opened with +++ on line 1 is closed with \"---\", not with a line +++"},
		{name: "closed with text after +++", src: "+++\nid = \"A\"\n+++ end\n# Body\n", want: "x.md:3: the front matter opened with +++ on line 1 is closed with \"+++ end\", not with a line +++"},
		{name: "closed with ++++", src: "+++\nid = \"A\"\n++++\n# Body\n", want: "x.md:3: the front matter opened with +++ on line 1 is closed with \"++++\", not with a line +++"},
		{name: "toml error line", src: "+++\nid = \"A\"\ntitle = 管理\n+++\n", want: "x.md:3: invalid TOML"},
		{name: "duplicate key", src: "+++\nid = \"A\"\nid = \"B\"\n+++\n", want: "x.md:3: invalid TOML"},
		{name: "not utf-8 after CR line ends", src: "+++\rid = \"A\"\r\ntitle = \"\xb9\xdc\"\r+++\r", want: "x.md:3: the file is not valid UTF-8 text"},
		{name: "not utf-8", src: "+++\nid = \"A\"\ntitle = \"\xb9\xdc\xc0\xed\"\n+++\n", want: "x.md:3: the file is not valid UTF-8 text"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f, diags := ParseDocument("x.md", []byte(tc.src))
			if tc.want != "" {
				if len(diags) == 0 || !strings.HasPrefix(diags[0].String(), tc.want) {
					t.Fatalf("diagnostics %v, want prefix %q", diags, tc.want)
				}
				if f != nil {
					t.Fatalf("got a file despite the error")
				}
				return
			}
			if len(diags) > 0 {
				t.Fatalf("unexpected diagnostics: %v", diags)
			}
			if f.BodyLine != tc.bodyLn {
				t.Errorf("BodyLine = %d, want %d", f.BodyLine, tc.bodyLn)
			}
			if got, _ := f.Lines.Get(tc.wantKey); got != tc.keyLine {
				t.Errorf("Lines[%q] = %d, want %d (all: %v)", tc.wantKey, got, tc.keyLine, f.Lines)
			}
			if strings.Contains(string(f.Body), "\r") {
				t.Errorf("body keeps CR: %q", f.Body)
			}
		})
	}
}

// Errors whose cause people recognise say how to write it instead.
func TestFrontMatterHints(t *testing.T) {
	for _, tc := range []struct{ name, src, want string }{
		{"YAML", "---\nid: X-1\ntitle: \"管理评审程序\"\ntier: 2\n  nested: x\nowners: [hr, it]\napproved: 2017-11-22\n---\nbody\n",
			`x.md:1: the front matter is YAML (between lines ---); ismsgen reads TOML front matter between lines +++` +
				"\n    hint: write it as TOML between lines +++, e.g. id = \"X-1\", title = \"管理评审程序\", tier = 2, owners = [\"hr\", \"it\"]"},
		{"TOML between lines ---", "---\nid = \"X-1\"\n# a comment\ntitle = \"管理评审程序\"\n---\nbody\n",
			"x.md:1: the front matter is TOML, but between lines ---; ismsgen reads it between lines +++\n    hint: write lines 1 and 5, ---, as +++"},
		{"YAML with no key a hint can show", "---\n- a\n- b\n---\nbody\n",
			"x.md:1: the front matter is YAML (between lines ---); ismsgen reads TOML front matter between lines +++\n    hint: write it as TOML between lines +++: id = \"…\", title = \"…\", and the other keys of a document\n"},
		{"blank lines above the front matter", "\n \n+++\nid = \"X-1\"\n+++\nbody\n",
			"x.md:3: the front matter opens on line 3: the line +++ must be the first line of the file\n    hint: delete the blank lines above it"},
		{"dotted date", "+++\nid = \"X-1\"\napproved = 2017.11.22\n+++\n",
			"hint: dates are written year-month-day with hyphens and no quotes: approved = 2017-11-22"},
		{"slashed date", "+++\nid = \"X-1\"\nnext_review = 2017/1/2 # soon\n+++\n",
			"hint: dates are written year-month-day with hyphens and no quotes: next_review = 2017-01-02"},
		{"Chinese date", "+++\nid = \"X-1\"\napproved = 2017年11月22日\n+++\n",
			"x.md:3: invalid TOML: the date of \"approved\" is not written year-month-day\n    hint: dates are written year-month-day with hyphens and no quotes: approved = 2017-11-22"},
		{"date in Chinese numerals", "+++\nid = \"X-1\"\napproved = 二〇一七年十一月二十二日\n+++\n",
			"x.md:3: invalid TOML: the date of \"approved\" is not written year-month-day\n    hint: dates are written year-month-day with hyphens and no quotes: approved = 2017-11-22"},
		{"date in Chinese numerals, tens alone", "+++\nid = \"X-1\"\neffective = 二〇二五年十月十日\n+++\n",
			"hint: dates are written year-month-day with hyphens and no quotes: effective = 2025-10-10"},
		{"full-width digits", "+++\nid = \"X-1\"\napproved = ２０１７-11-22\n+++\n",
			"x.md:3: invalid TOML: the date of \"approved\" is written with full-width digits\n    hint: write it with half-width digits, year-month-day with hyphens and no quotes: approved = 2017-11-22"},
		{"day first", "+++\nid = \"X-1\"\napproved = 22/11/2017\n+++\n",
			"x.md:3: invalid TOML: the date of \"approved\" is not written year-month-day\n    hint: dates are written year-month-day with hyphens and no quotes: approved = 2017-11-22"},
		{"day or month first", "+++\nid = \"X-1\"\napproved = 10.05.2025\n+++\n",
			"hint: dates are written year-month-day with hyphens and no quotes: approved = 2025-05-10 if the day comes first, approved = 2025-10-05 if the month does"},
		{"a date written twice", "+++\nid = \"X-1\"\napproved = 2025-05-10\napproved = 2025-05-11\n+++\n",
			"x.md:4: invalid TOML: \"approved\" is written twice\n    hint: each key appears once: keep the line that is right, this one or line 3"},
		{"day the month lacks", "+++\nid = \"X-1\"\ndue = 2026-02-30\n+++\n",
			"x.md:3: invalid TOML: 2026-02-30 is not a real date\n    hint: correct the date: 2026-02 has 28 days"},
		{"leap day of a common year", "+++\nid = \"X-1\"\napproved = 2025-02-29\n+++\n",
			"x.md:3: invalid TOML: 2025-02-29 is not a real date\n    hint: correct the date: 2025-02 has 28 days"},
		{"leap day of a leap year", "+++\nid = \"X-1\"\napproved = 2024/2/29\n+++\n",
			"hint: dates are written year-month-day with hyphens and no quotes: approved = 2024-02-29"},
	} {
		_, diags := ParseDocument("x.md", []byte(tc.src))
		var b bytes.Buffer
		diags.Print(&b, nil)
		if !strings.Contains(b.String(), tc.want) {
			t.Errorf("%s:\n%s\nwant %q", tc.name, b.String(), tc.want)
		}
	}
	_, diags := ParseDocument("x.md", []byte("+++\nid = \"X-1\"\napproved = 2017年11月22日\n+++\n"))
	if len(diags) != 1 || diags[0].Hint != "dates are written year-month-day with hyphens and no quotes: approved = 2017-11-22" {
		t.Errorf("Chinese date: %+v", diags)
	}
}

func TestKeyLinesSkipsMultilineStrings(t *testing.T) {
	text := "a = 1\nb = \"\"\"\nc = 2\n\"\"\"\nd = 3\n"
	lines := model.NewKeyLines(keyLines([]byte(text), 1))
	if lines.Has("c") {
		t.Errorf("a line inside a multi-line string was taken as a key: %v", lines)
	}
	if d, _ := lines.Get("d"); d != 6 {
		t.Errorf("d at %d, want 6", d)
	}
}

func FuzzParseDocument(f *testing.F) {
	for _, s := range []string{
		"+++\nid = \"A\"\n+++\nbody",
		"+++\n[[history]]\nversion = \"1\"\n+++\n",
		"\xef\xbb\xbf+++\r\nid = 'x'\r\n+++\r\n",
		"+++\n",
		"",
		"+++\ntitle = \"\"\"\n<<<<<<< a\n=======\n>>>>>>> b\n\"\"\"\n+++\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		file, diags := ParseDocument("f.md", src)
		if file == nil && len(diags) == 0 {
			t.Fatal("no file and no diagnostic")
		}
		// A build reads each body again to render it (ReadBody).
		if body, ok := bodyOf("f.md", src, "", nil); file != nil && (!ok || !bytes.Equal(body, file.Body)) {
			t.Fatalf("the body read again is %q (%v), ParseDocument gave %q", body, ok, file.Body)
		}
		// An earlier version's text is parsed without its warnings.
		text := ParseText("f.md", src)
		switch {
		case (text == nil) != (file == nil):
			t.Fatalf("ParseText gave %v, ParseDocument %v", text, file)
		case file != nil && (!bytes.Equal(text.Body, file.Body) || text.BodyLine != file.BodyLine || !reflect.DeepEqual(text.Meta, file.Meta)):
			t.Fatalf("ParseText gave %q %d %v, ParseDocument %q %d %v", text.Body, text.BodyLine, text.Meta, file.Body, file.BodyLine, file.Meta)
		}
		// So is one that its caller split (history): its front matter
		// alone.
		if fm, _, _, ok := splitDocument("f.md", src, &diag.List{}); ok {
			meta := ParseFrontMatter("f.md", string(fm))
			if (meta == nil) != (file == nil) || file != nil && !reflect.DeepEqual(meta, file.Meta) {
				t.Fatalf("ParseFrontMatter gave %v, ParseDocument %v", meta, file)
			}
		}
		for _, d := range diags {
			if d.Line < 0 || d.Line > len(src)+2 {
				t.Fatalf("diagnostic line %d outside the file", d.Line)
			}
		}
	})
}

// Invisible characters written as escapes leave the values, each key
// that held one warned at its line; line breaks and tabs stay.
func TestInvisibleCharactersLeftOut(t *testing.T) {
	src := "+++\nid = \"A-1\"\ntitle = \"Access\\u202e control\\u0007\"\nowners = [\"isd\\u0000\", \"it\"]\nsummary = \"two\\nlines\\tand a tab\"\n\n[[history]]\nversion = \"1.0\"\nsummary = \"fir\\u0085st\\u2066\"\n+++\nBody.\n"
	f, diags := ParseDocument("content/a.md", []byte(src))
	if f == nil {
		t.Fatalf("no file: %v", diags)
	}
	var got []string
	for _, d := range diags {
		got = append(got, fmt.Sprintf("%d %s %s", d.Line, d.Code, d.Message))
	}
	slices.Sort(got)
	want := []string{
		"3 control-character the value of title holds an invisible character, U+202E, which is left out: it could change how a terminal, a spreadsheet or a page shows the text",
		"4 control-character the value of owners[1] holds an invisible character, U+0000, which is left out: it could change how a terminal, a spreadsheet or a page shows the text",
		"9 control-character the value of history[1].summary holds an invisible character, U+0085, which is left out: it could change how a terminal, a spreadsheet or a page shows the text",
	}
	if !slices.Equal(got, want) {
		t.Errorf("diagnostics\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	history := f.Meta["history"].([]map[string]any)
	if f.Meta["title"] != "Access control" || f.Meta["owners"].([]any)[0] != "isd" || f.Meta["summary"] != "two\nlines\tand a tab" || history[0]["summary"] != "first" {
		t.Errorf("values: %q %q %q %q", f.Meta["title"], f.Meta["owners"], f.Meta["summary"], history[0]["summary"])
	}
	if text := ParseText("content/a.md", []byte(src)); text == nil || text.Meta["title"] != "Access control" {
		t.Errorf("ParseText kept the characters: %v", text)
	}
}

// firstInvisible finds what strings.IndexFunc with invisible finds.
func TestFirstInvisible(t *testing.T) {
	for _, s := range []string{"", "plain", "tab\tand\nlines\r", "bell\a", "del\x7f", "中文\u202e", "中文", "a\u0085b", "é\x00", "\xff", "\u2066x", "ok\u2065"} {
		if got, want := firstInvisible(s), strings.IndexFunc(s, invisible); got != want {
			t.Errorf("firstInvisible(%q) = %d, want %d", s, got, want)
		}
	}
}

// BenchmarkParseFrontMatter decodes a typical document's front matter:
// a build with history decodes one for each earlier version's page.
func BenchmarkParseFrontMatter(b *testing.B) {
	fm := (`id = "ISMS-POL-0151"
title = "Change Management Policy v6"
tier = 1
type = "policy"
version = "2.6"
status = "approved"
owners = ["security", "rd", "procurement"]
author = "Bob Wang"
reviewer = "David Zhou"
approver = "管理者代表"
approved = 2026-01-10
effective = 2026-01-10
review_cycle = "12 months"
classification = "public"
distribution = ["legal"]
parent = "ISMS-M-0001"
controls = ["5.26", "8.1", "8.16", "8.18"]
clauses = ["6.3"]

[[history]]
version = "2.5"
date = 2026-01-09
author = "Alice Chen"
summary = "首次发布"

[[history]]
version = "2.6"
date = 2026-01-10
author = "郑芳"
summary = "增加供应商要求"
`)
	text := string(fm)
	b.ReportAllocs()
	for b.Loop() {
		if ParseFrontMatter("a.md", text) == nil {
			b.Fatal("no meta")
		}
	}
}

// Invisible characters in the body, in text and in code, leave it too:
// one warning at the first line that held one, with how many more did.
func TestInvisibleCharactersLeftOutOfTheBody(t *testing.T) {
	for _, tc := range []struct {
		name, body, want string
		warning          string // "" for none
	}{
		{"none, Chinese punctuation and a tab", "“引号”…—\t中文\n", "“引号”…—\t中文\n", ""},
		{"a bidi override in a paragraph", "访问\u202e控制\n", "访问控制\n",
			"9 the text holds an invisible character, U+202E, which is left out: it could change how a page, the search or the register shows the text"},
		{"in code, on three lines, two on one", "```\nif x\u2066 {\u2069\n```\nnul\x00 del\x7f\nc1\u0085\n", "```\nif x {\n```\nnul del\nc1\n",
			"10 the text holds an invisible character, U+2066, which is left out: it could change how a page, the search or the register shows the text (and on 2 more lines)"},
		{"at the very end, an escape", "x\n\x1b", "x\n",
			"10 the text holds an invisible character, U+001B, which is left out: it could change how a page, the search or the register shows the text"},
	} {
		src := "+++\nid = \"A-1\"\ntitle = \"T\"\ntier = 2\ntype = \"procedure\"\nversion = \"1.0\"\nstatus = \"draft\"\n+++\n" + tc.body
		f, diags := ParseDocument("content/a.md", []byte(src))
		if f == nil {
			t.Fatalf("%s: no file: %v", tc.name, diags)
		}
		var got []string
		for _, d := range diags {
			if d.Code == "control-character" {
				got = append(got, fmt.Sprintf("%d %s", d.Line, d.Message))
			}
		}
		if want := []string{tc.warning}; tc.warning == "" && len(got) > 0 || tc.warning != "" && !slices.Equal(got, want) {
			t.Errorf("%s: warnings %q, want %q", tc.name, got, tc.warning)
		}
		if string(f.Body) != tc.want {
			t.Errorf("%s: body %q, want %q", tc.name, f.Body, tc.want)
		}
	}
}

// indexInvisible finds what firstInvisible finds, byte by byte.
func TestIndexInvisible(t *testing.T) {
	for _, s := range []string{"", "plain", "tab\tand\nlines\r", "bell\a", "del\x7f", "中文\u202e", "“中文”…", "a\u0085b", "é\x00", "\u2066x", "ok\u2065", "\u00a0\u2029", "\xe2\x80"} {
		at, size := indexInvisible([]byte(s))
		want := firstInvisible(s)
		wantSize := 0
		if want >= 0 {
			_, wantSize = utf8.DecodeRuneInString(s[want:])
		}
		if at != want || size != wantSize {
			t.Errorf("indexInvisible(%q) = %d, %d; want %d, %d", s, at, size, want, wantSize)
		}
	}
}

// A body read in a site's language shows an admonition its author gave
// no title under its kind in that language, as read first and as read
// again for its page; one with its own title keeps it.
func TestBodyInSiteLanguage(t *testing.T) {
	root := t.TempDir()
	src := "+++\nid = \"A-1\"\n+++\n!!! tip\n    先备份。\n\n!!! note \"Own title\"\n    x\n"
	if err := os.MkdirAll(filepath.Join(root, "content"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(root, "content", "a.md"), []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	file, _ := ParseDocumentIn("content/a.md", []byte(src), "zh-CN")
	again, _, err := ReadBody(root, "content/a.md", "zh-CN")
	if err != nil {
		t.Fatal(err)
	}
	for _, body := range [][]byte{file.Body, again} {
		if !bytes.Contains(body, []byte("> **提示**")) || !bytes.Contains(body, []byte("> **Own title**")) {
			t.Errorf("body:\n%s", body)
		}
	}
	if en, _ := ParseDocumentIn("content/a.md", []byte(src), "en"); !bytes.Contains(en.Body, []byte("> **Tip**")) {
		t.Errorf("in English:\n%s", en.Body)
	}
}

// A warning given once for a body's lines counts the other lines that
// have it, not its other places on its own line.
func TestGroupedWarningCountsLines(t *testing.T) {
	for _, tc := range []struct{ body, want string }{
		{"[a](x y.md) [b](z w.md)\n", `content/a.md:4: warning: the path "z w.md" has spaces: it is read as one path here, but CommonMark and GitHub show the link as text`},
		{"[a](x y.md) [b](z w.md)\n[c](u v.md)\n", `content/a.md:4: warning: the path "z w.md" has spaces: it is read as one path here, but CommonMark and GitHub show the link as text (and on 1 more line)`},
	} {
		_, diags := ParseDocument("content/a.md", []byte("+++\nid = \"A-1\"\n+++\n"+tc.body))
		if len(diags) != 1 || diags[0].String() != tc.want {
			t.Errorf("%q: %v, want %s", tc.body, diags, tc.want)
		}
	}
}
