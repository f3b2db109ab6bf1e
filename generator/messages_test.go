package generator_test

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"ismsgen/generator"
	"ismsgen/generator/diag"
	"ismsgen/internal/sitetest"
)

// A site with a mistake of each kind: check's diagnostics in English and
// in Chinese match testdata/golden-messages/ (go test -update rewrites
// them), every one of them is translated, and a document that cannot be
// read is not reported again where it is linked to (issue 24).
func TestMessagesOfABrokenSite(t *testing.T) {
	site := sitetest.Txtar(t, "testdata/sites/broken.txtar")
	res, err := generator.Check(generator.Options{Source: site, Now: now, Defaults: defaults()})
	if err != nil {
		t.Fatal(err)
	}
	if !res.Diagnostics.HasErrors() {
		t.Fatal("the broken site has no errors")
	}
	// The note that the site is not in git names its temporary folder.
	diags := slices.DeleteFunc(res.Diagnostics, func(d diag.Diagnostic) bool { return d.Severity == diag.Note })
	for _, lang := range []string{"en", "zh-CN"} {
		c := generator.Messages(defaults(), lang)
		var b bytes.Buffer
		diags.Print(&b, c)
		golden(t, filepath.Join("testdata", "golden-messages", "broken."+lang+".txt"), b.Bytes())
		if lang == "en" {
			continue
		}
		for _, d := range diags {
			if missing := c.Untranslated(d); len(missing) > 0 {
				t.Errorf("%s: no %s translation of %q", d, lang, missing)
			}
		}
	}
	for _, d := range diags {
		if d.File != "content/a.md" && d.File != "content/c.md" && bytes.Contains([]byte(d.Message), []byte("ISMS-P-001")) {
			t.Errorf("a knock-on error of content/a.md: %s", d)
		}
		if d.File != "content/isms-p-010.md" && bytes.Contains([]byte(d.Message), []byte("isms-p-010")) {
			t.Errorf("a knock-on error of content/isms-p-010.md: %s", d)
		}
		if bytes.Contains([]byte(d.Message), []byte(`"ISMS-P 003"`)) && d.File != "content/c.md" {
			t.Errorf("a knock-on error of content/c.md: %s", d)
		}
	}
}

// golden compares got with the file at path, or writes it with -update.
func golden(t *testing.T, path string, got []byte) {
	t.Helper()
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (go test -update writes it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs (go test -update rewrites it; review the diff):\n--- got\n%s\n--- want\n%s", path, got, want)
	}
}
