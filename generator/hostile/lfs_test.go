package hostile_test

import (
	"path/filepath"
	"strings"
	"testing"
)

// lfsPointer is what a checkout without git-lfs (a CI job that does not
// ask for LFS, a clone on a machine without it) leaves in place of a
// file the repository keeps in Git LFS.
const lfsPointer = "version https://git-lfs.github.com/spec/v1\noid sha256:4d7a214614ab2935c943f9e0ff69d22eadbb8f32b1258daaa5e2ca24d17e2393\nsize 48213\n"

// A Git LFS pointer is not the file it stands for: published, it would
// be a form or a picture that does not open, listed with the pointer's
// size and SHA-256. It is left out with a warning that says how to
// fetch the file, in a page bundle and outside one; a link to it shows
// its text, and a file that only mentions LFS is published.
func TestLFSPointersNotPublished(t *testing.T) {
	files := good()
	files["content/tier3/F-1/index.md"] = strings.Replace(doc("H-F-001", "Form", "", "Fill in [the form](form.docx), see [the notes](notes.txt).\n\n![plan](../../img/plan.png)\n"), "tier = 2", "tier = 3", 1)
	files["content/tier3/F-1/form.docx"] = lfsPointer
	files["content/tier3/F-1/notes.txt"] = "version https://git-lfs.github.com/spec/v1 is how a pointer starts.\n"
	files["content/img/plan.png"] = lfsPointer
	site := writeSite(t, files)
	dest := filepath.Join(site, "public")
	got := mustBuild(t, options(site, dest))
	sameLines(t, got, []string{
		`content/img/plan.png: warning: attachment "img/plan.png" is not published: it is a Git LFS pointer, not the file: this checkout did not fetch the files kept in Git LFS`,
		`content/tier3/F-1/index.md:12: warning: attachment "form.docx" is not published: it is a Git LFS pointer, not the file: this checkout did not fetch the files kept in Git LFS`,
		`content/tier3/F-1/index.md:12: warning: link to form.docx, a file this build does not publish: its text is shown without a link`,
		`content/tier3/F-1/index.md:14: warning: link to ../../img/plan.png, a file this build does not publish: its text is shown without a link`,
	})
	out := readTree(t, dest)
	for name, data := range out {
		if strings.Contains(string(data), "git-lfs.github.com/spec/v1\noid") {
			t.Errorf("%s holds the pointer", name)
		}
	}
	if _, ok := out["docs/H-F-001/form.docx"]; ok {
		t.Error("the pointer is published as form.docx")
	}
	if string(out["docs/H-F-001/notes.txt"]) != files["content/tier3/F-1/notes.txt"] {
		t.Error("a text that mentions LFS is not published")
	}
}
