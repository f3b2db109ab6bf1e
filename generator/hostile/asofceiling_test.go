package hostile_test

import (
	"archive/zip"
	"bytes"
	"errors"
	"io"
	"path/filepath"
	"strings"
	"testing"

	"ismsgen/generator"
	"ismsgen/generator/diag"
	"ismsgen/generator/internal/gitfixture"
	"ismsgen/generator/model"
)

// The ceiling of a build as of an earlier day is the site's ceiling
// today, not the day's: isms.toml lowered it since (the confidential
// documents went to a site of their own), and a build or a pack of that
// day made for today's readers must not publish what they may not read.
// --classification still names the ceiling; a ceiling of today that the
// day's levels do not have is a usage error.
func TestAsOfCeilingOfToday(t *testing.T) {
	repo := gitfixture.New(t)
	write := repo.MustWrite
	write("isms.toml", "classification = \"confidential\"\n"+baseConfig)
	for name, text := range good() {
		write(name, text)
	}
	write("content/tier2/conf.md", doc("QZCEIL-1", "qzceil title", `classification = "confidential"`, "qzceil body.\n"))
	if _, err := repo.Commit("2026-01-10T10:00:00Z", "Controller", "first"); err != nil {
		t.Fatal(err)
	}
	write("isms.toml", baseConfig) // the ceiling is internal from now on
	if _, err := repo.Commit("2026-02-10T10:00:00Z", "Controller", "lower the ceiling"); err != nil {
		t.Fatal(err)
	}
	day := model.Date{Year: 2026, Month: 1, Day: 10}
	build := func(class string) map[string][]byte {
		t.Helper()
		opts := options(repo.Dir, filepath.Join(t.TempDir(), "public"))
		opts.Now, opts.AsOf, opts.Classification = day, day, class
		mustBuild(t, opts)
		return readTree(t, opts.Dest)
	}
	leaks := func(tree map[string][]byte) bool {
		for _, data := range tree {
			if bytes.Contains(bytes.ToLower(data), []byte("qzceil")) {
				return true
			}
		}
		return false
	}
	if leaks(build("")) {
		t.Error("the build as of the day publishes a document above today's ceiling")
	}
	if !leaks(build("confidential")) {
		t.Error("--classification confidential does not publish the confidential document")
	}

	var zipped bytes.Buffer
	opts := options(repo.Dir, "")
	opts.Now, opts.AsOf = day, day
	if _, err := generator.Pack(opts, &zipped); err != nil {
		t.Fatal(err)
	}
	r, err := zip.NewReader(bytes.NewReader(zipped.Bytes()), int64(zipped.Len()))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range r.File {
		rc, _ := f.Open()
		data, _ := io.ReadAll(rc)
		rc.Close()
		if bytes.Contains(bytes.ToLower(data), []byte("qzceil")) || strings.Contains(strings.ToLower(f.Name), "qzceil") {
			t.Errorf("the pack's %s holds a document above today's ceiling", f.Name)
		}
	}

	// Today's levels are not the day's: the ceiling must be named.
	write("isms.toml", "classification_levels = [\"open\", \"restricted\"]\nclassification = \"open\"\ndefault_classification = \"open\"\n"+baseConfig)
	opts = options(repo.Dir, filepath.Join(t.TempDir(), "public"))
	opts.Now, opts.AsOf = day, day
	var usage *diag.UsageError
	if _, err := generator.Build(opts); !errors.As(err, &usage) || !strings.Contains(err.Error(), "--classification") {
		t.Errorf("a ceiling of today that the day does not have: %v", err)
	}
}
