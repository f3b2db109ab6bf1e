package hostile_test

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"ismsgen"
	"ismsgen/generator"
	"ismsgen/generator/diag"
	"ismsgen/generator/model"
	"ismsgen/internal/sitetest"
)

// now is the --now of every build in this package.
var now = model.Date{Year: 2026, Month: 11, Day: 25}

// baseConfig is a valid isms.toml with two departments.
const baseConfig = `title = "Hostile ISMS"
organisation = "Hostile Ltd"
language = "en"
base_url = "https://isms.example.com/"
default_review_cycle = "12 months"

[[departments]]
id = "isd"
name = "Information Security"

[[departments]]
id = "hr"
name = "Human Resources"
`

func defaults() generator.Defaults {
	return generator.Defaults{Layouts: ismsgen.Layouts(), Assets: ismsgen.Assets(), I18n: ismsgen.I18n()}
}

// doc is an approved tier-2 document; extra front-matter lines go after
// the standard ones (line 11 onwards), body after the closing +++.
func doc(id, title, extra, body string) string {
	return fmt.Sprintf(`+++
id = %q
title = %q
tier = 2
type = "procedure"
version = "1.0"
status = "approved"
owners = ["isd"]
approver = "CEO"
approved = 2026-01-10
%s+++
%s`, id, title, nl(extra), body)
}

func nl(s string) string {
	if s != "" && !strings.HasSuffix(s, "\n") {
		s += "\n"
	}
	return s
}

// writeSite writes files (slash path relative to the site → content)
// into a new folder and returns it. An "isms.toml" entry replaces
// baseConfig.
func writeSite(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "site")
	if _, ok := files["isms.toml"]; !ok {
		files["isms.toml"] = baseConfig
	}
	for name, text := range files {
		writeFile(t, filepath.Join(dir, filepath.FromSlash(name)), text)
	}
	if err := os.MkdirAll(filepath.Join(dir, "content"), 0o755); err != nil {
		t.Fatal(err)
	}
	sitetest.Keep(t, dir) // for .ci/fastcompare
	return dir
}

func writeFile(t *testing.T, path, text string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

// options fills in what every build here shares.
func options(source, dest string) generator.Options {
	return generator.Options{Source: source, Dest: dest, Now: now, Defaults: defaults()}
}

// mustBuild builds and fails the test on any error; it returns the
// warnings.
func mustBuild(t *testing.T, opts generator.Options) []string {
	t.Helper()
	if opts.Defaults.Layouts == nil {
		opts.Defaults = defaults()
	}
	if opts.Now.IsZero() {
		opts.Now = now
	}
	res, err := generator.Build(opts)
	if err != nil {
		t.Fatalf("build %s: %v", opts.Source, err)
	}
	if res.Diagnostics.HasErrors() {
		t.Fatalf("build %s:\n%s", opts.Source, printed(res.Diagnostics))
	}
	return strs(fileDiagnostics(res.Diagnostics))
}

// fileDiagnostics drops the findings about the document set as a whole
// (reported at "content", such as a clause no document fulfils), which
// the reports engineers own and tests here do not provoke, and the notes
// (a site outside git is built without its history).
func fileDiagnostics(l diag.List) diag.List {
	var out diag.List
	for _, d := range l {
		if d.File != "content" && d.Severity != diag.Note {
			out = append(out, d)
		}
	}
	return out
}

// strs formats diagnostics as "path:line: message".
func strs(l diag.List) []string {
	out := make([]string, len(l))
	for i, d := range l {
		out[i] = d.String()
	}
	return out
}

func printed(l diag.List) string {
	var b bytes.Buffer
	l.Print(&b, nil)
	return b.String()
}

// readTree reads every file below root, keyed by slash path; symbolic
// links are recorded by their target.
func readTree(t *testing.T, root string) map[string][]byte {
	t.Helper()
	files := map[string][]byte{}
	err := filepath.WalkDir(root, func(p string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(root, p)
		if e.Type()&fs.ModeSymlink != 0 {
			target, err := os.Readlink(p)
			files[filepath.ToSlash(rel)] = []byte("symlink → " + target)
			return err
		}
		data, err := os.ReadFile(p)
		files[filepath.ToSlash(rel)] = data
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// sameTree reports every difference between two readTree results.
func sameTree(t *testing.T, what string, before, after map[string][]byte) {
	t.Helper()
	for _, name := range sortedKeys(before) {
		got, ok := after[name]
		switch {
		case !ok:
			t.Errorf("%s: %s was deleted", what, name)
		case !bytes.Equal(got, before[name]):
			t.Errorf("%s: %s changed", what, name)
		}
	}
	for _, name := range sortedKeys(after) {
		if _, ok := before[name]; !ok {
			t.Errorf("%s: %s appeared", what, name)
		}
	}
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// leftovers lists the temporary build folders in dir.
func leftovers(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".ismsgen-tmp") {
			out = append(out, e.Name())
		}
	}
	return out
}

// sameLines compares diagnostics with the expected strings, exactly and
// in order.
func sameLines(t *testing.T, got, want []string) {
	t.Helper()
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got:\n  %s\nwant:\n  %s", strings.Join(got, "\n  "), strings.Join(want, "\n  "))
	}
}
