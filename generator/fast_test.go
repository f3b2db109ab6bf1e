package generator_test

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"ismsgen"
	"ismsgen/generator"
	"ismsgen/generator/diag"
	"ismsgen/generator/internal/fast"
	"ismsgen/generator/render"
	"ismsgen/internal/sitetest"
)

// buildBoth builds source with the fast paths on and off and returns the
// two outputs and the notes about templates left to html/template.
func buildBoth(t *testing.T, source string) (on, off map[string][]byte, onNotes, offNotes diag.List) {
	t.Helper()
	one := func(fastOn bool) (map[string][]byte, diag.List) {
		defer fast.Set(fastOn)()
		dest := filepath.Join(t.TempDir(), "public")
		res, err := generator.Build(generator.Options{Source: source, Dest: dest, Now: now, Defaults: defaults()})
		if err != nil || res.Diagnostics.HasErrors() {
			t.Fatalf("build %s (fast paths %v): %v %v", source, fastOn, err, res.Diagnostics.Errors())
		}
		var notes diag.List
		for _, d := range res.Diagnostics {
			if d.Code == render.FallbackCode {
				notes = append(notes, d)
			}
		}
		return readTree(t, dest), notes
	}
	on, onNotes = one(true)
	off, offNotes = one(false)
	return on, off, onNotes, offNotes
}

// sameTrees fails the test for every file that differs between a and b.
func sameTrees(t *testing.T, a, b map[string][]byte) {
	t.Helper()
	for name, data := range a {
		if other, ok := b[name]; !ok || !bytes.Equal(data, other) {
			t.Errorf("%s differs with the fast paths off", name)
		}
	}
	for name := range b {
		if _, ok := a[name]; !ok {
			t.Errorf("%s is made only with the fast paths off", name)
		}
	}
}

// The fixture site comes out the same with the fast paths on and off
// (.ci/fastcompare does the same for every site, with the command), and
// its default layouts are run by tmplexec all through.
func TestFastPathsOff(t *testing.T) {
	on, off, notes, _ := buildBoth(t, "testdata/site")
	sameTrees(t, on, off)
	for _, n := range notes {
		t.Errorf("the default layouts: %s", n)
	}
}

// A layout that tmplexec cannot run is run by html/template: the pages
// are the same, and one note names the template and says why. With the
// fast paths off there is nothing to note.
func TestLayoutFallbackNote(t *testing.T) {
	site := sitetest.Copy(t, "testdata/site")
	meta, err := fs.ReadFile(ismsgen.Layouts(), "partials/docmeta.html")
	if err != nil {
		t.Fatal(err)
	}
	// {{break}} writes nothing here, and tmplexec does not run it.
	const define = `{{define "docmeta"}}`
	if !bytes.Contains(meta, []byte(define)) {
		t.Fatalf("partials/docmeta.html has no %s", define)
	}
	meta = bytes.Replace(meta, []byte(define), []byte(define+`{{range .Data.Doc.Owners}}{{break}}{{end}}`), 1)
	if err := os.MkdirAll(filepath.Join(site, "layouts", "partials"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(site, "layouts", "partials", "docmeta.html"), meta, 0o644); err != nil {
		t.Fatal(err)
	}
	on, off, notes, offNotes := buildBoth(t, site)
	sameTrees(t, on, off)
	if len(notes) != 1 {
		t.Fatalf("%d notes about docmeta, want 1: %v", len(notes), notes)
	}
	n := notes[0]
	if n.Severity != diag.Note || n.File != "layouts/partials/docmeta.html" || !strings.Contains(n.Message, `template "docmeta"`) || !strings.Contains(n.Message, "{{break}}") {
		t.Errorf("the note: %s (%v), want a note at layouts/partials/docmeta.html naming the template and {{break}}", n, n.Severity)
	}
	if len(offNotes) != 0 {
		t.Errorf("with the fast paths off: %v", offNotes)
	}
}
