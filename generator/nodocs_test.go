package generator_test

import (
	"os"
	"path/filepath"
	"slices"
	"testing"

	"ismsgen/generator"
	"ismsgen/generator/diag"
)

// A content folder without a document (the documents still elsewhere, or
// the wrong folder) is one warning that says where documents go, not a
// list of every clause and control that lacks one.
func TestNoDocuments(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "isms.toml"), []byte("title = \"T\"\nlanguage = \"en\"\n\n[[departments]]\nid = \"isd\"\nname = \"Security\"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Join(dir, "content", "tier1"), 0o755); err != nil {
		t.Fatal(err)
	}
	res, err := generator.Build(generator.Options{Source: dir, Dest: filepath.Join(dir, "public"), Now: now, Defaults: defaults()})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, d := range res.Diagnostics {
		if d.Severity != diag.Note {
			got = append(got, d.File+" "+d.Code+" "+d.Message)
		}
	}
	want := []string{"content no-documents content/ holds no document"}
	if !slices.Equal(got, want) {
		t.Errorf("diagnostics:\n%q\nwant\n%q", got, want)
	}
}
