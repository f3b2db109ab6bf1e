package generator_test

import (
	"bytes"
	"fmt"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"ismsgen/generator"
	"ismsgen/generator/diag"
	"ismsgen/internal/sitetest"

	"github.com/rogpeppe/go-internal/txtar"
)

// goText is text of Go or of a library that must never reach a message:
// the message says what is wrong in the author's words instead. (The
// file isms.toml may be named: "isms.toml: …" is no decoder's prefix.)
var goText = regexp.MustCompile(`(?:^|[^.\w])toml: |invalid datetime|expected a top-level item|has already been defined|was already created|cannot be used as an array|executing "|template: |can't evaluate|invalid character|unexpected EOF`)

// englishRun is three English words in a row outside quotes: in a
// Chinese message, text left untranslated.
var englishRun = regexp.MustCompile(`[A-Za-z]{2,} [a-z]{2,} [a-z]{2,}`)

// quoted drops what a message quotes (values, keys, examples), which
// may be English in any language.
var quoted = regexp.MustCompile(`"[^"]*"|“[^”]*”|[A-Za-z_.]+ = \S+|\[[^\]]*\]|https?://\S+`)

// The mistakes of testdata/sites/mistakes.txtar, each in a file of its
// own: check's messages match testdata/golden-messages/mistakes.*.txt
// (go test -update rewrites them), one for each mistake, each with a
// hint, and none holds Go's or a library's text, or English in Chinese.
func TestMessagesOfAControllersMistakes(t *testing.T) {
	site := sitetest.Txtar(t, "testdata/sites/mistakes.txtar")
	res, err := generator.Check(generator.Options{Source: site, Now: now, Defaults: defaults()})
	if err != nil {
		t.Fatal(err)
	}
	diags := slices.DeleteFunc(res.Diagnostics, func(d diag.Diagnostic) bool { return d.Severity == diag.Note })
	for _, lang := range []string{"en", "zh-CN"} {
		c := generator.Messages(defaults(), lang)
		var b bytes.Buffer
		diags.Print(&b, c)
		golden(t, filepath.Join("testdata", "golden-messages", "mistakes."+lang+".txt"), b.Bytes())
		for _, d := range diags {
			text := c.Message(d) + "\n" + c.Hint(d)
			if goText.MatchString(text) {
				t.Errorf("%s: Go's or a library's text in the %s message: %s", d.File, lang, text)
			}
			if lang != "en" && englishRun.MatchString(quoted.ReplaceAllString(text, "")) {
				t.Errorf("%s: English in the %s message: %s", d.File, lang, text)
			}
			if d.Severity == diag.Error && d.Hint == "" {
				t.Errorf("%s:%d: no hint: %s", d.File, d.Line, d.Message)
			}
		}
	}
	files := map[string]int{}
	for _, d := range diags {
		files[d.File]++
	}
	for f, n := range files {
		if n > 1 && f != "isms.toml" {
			t.Errorf("%s: %d diagnostics for one mistake", f, n)
		}
	}
	// files without a mistake of their own, beside files with one
	knockOn := []string{"content/links-to-qa-15.md", "content/finance.md", "content/links-to-faulty.md", "content/dup-a.md", "content/links-to-dup.md"}
	archive, err := txtar.ParseFile("testdata/sites/mistakes.txtar")
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range archive.Files {
		if name := f.Name; strings.HasPrefix(name, "content/") && files[name] == 0 && !slices.Contains(knockOn, name) {
			t.Errorf("%s: its mistake is not reported", name)
		}
	}
	for _, f := range knockOn {
		if files[f] > 0 {
			t.Errorf("%s: a knock-on error of another file's mistake", f)
		}
	}
	if !diags.HasErrors() {
		t.Error("no errors")
	}
}

// A document with TOML syntax errors has its other mistakes reported in
// the same run, and none the lines in error would only repeat: the
// author fixes the file in one round.
func TestSyntaxErrorsAndOtherMistakes(t *testing.T) {
	site := sitetest.Txtar(t, "testdata/sites/salvage.txtar")
	res, err := generator.Check(generator.Options{Source: site, Now: now, Defaults: defaults()})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, d := range res.Diagnostics {
		if d.Severity != diag.Note {
			got = append(got, fmt.Sprintf("%s:%d: %s", d.File, d.Line, d.Message))
		}
	}
	want := []string{
		`content/broken.md:4: "tier" must be a whole number, not a string`,
		`content/broken.md:5: invalid TOML: the value of "version" needs quotes`,
		`content/broken.md:7: unknown department "hr" in owners`,
		`content/broken.md:10: invalid TOML: the date of "approved" is not written year-month-day`,
		`content/broken.md:11: unknown key "next_reveiw"`,
		`content/broken.md:12: unknown Annex A control "A.5.99"`,
		`content/broken.md:13: unknown ISO/IEC 27001 clause "11.1"`,
		`content/broken.md:14: parent names "QA-00", but no document has that id`,
		`content/broken.md:15: related names "QA-2", but no document has that id`,
		`content/broken.md:20: unknown key "history[1].summry"`,
		`content/bundle/index.md:8: invalid TOML: the value of "author" needs quotes`,
		`content/bundle/index.md:10: broken link: "old-form.docx" names content/bundle/old-form.docx, which does not exist`,
		`content/bundle/index.md:12: broken link: "../link.md" names content/link.md, which does not exist`,
		`content/bundle/index.md:12: broken link: no document has the id "QA-R9"`,
		`content/bundle/index.md:14: an HTML block is not shown, text and all (pages show no HTML written in a document): <script>说明</script>`,
		`content/links-copy.md:2: duplicate id "qa-02" (ids are compared ignoring case: "QA-02"): also used by content/links.md:2`,
		`content/links-copy.md:8: invalid TOML: the value of "author" needs quotes`,
		`content/record.md:15: invalid TOML: 2025-02-30 is not a real date`,
		`content/record.md:16: action CA-1 names document "QA-09", but no document has that id`,
		`content/record.md:19: duplicate action id "CA-2": also used at content/record2.md:11`,
	}
	if !slices.Equal(got, want) {
		t.Errorf("diagnostics:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
