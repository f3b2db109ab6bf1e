package load

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"ismsgen/generator/diag"
	"ismsgen/internal/sitetest"
)

// A document or attachment that cannot be read is an error at its line 1
// that says why, in words: too large, no longer a regular file (a link
// swapped in), gone.
func TestUnreadable(t *testing.T) {
	const good = "+++\nid = \"A-1\"\n+++\nBody.\n"
	for _, tc := range []struct {
		name        string
		setup       func(t *testing.T, dir string)
		attachments []string
		want        []string
	}{
		{"too large", func(t *testing.T, dir string) {
			if err := os.Truncate(filepath.Join(dir, "index.md"), MaxFileSize+1); err != nil {
				t.Fatal(err)
			}
		}, nil, []string{"content/A-1/index.md:1: the file is larger than 32 MiB"}},
		{"a symbolic link", func(t *testing.T, dir string) {
			swap(t, filepath.Join(dir, "index.md"))
		}, nil, []string{"content/A-1/index.md:1: the file is no longer a regular file (a symbolic link or a device took its place)"}},
		{"a folder", func(t *testing.T, dir string) {
			os.Remove(filepath.Join(dir, "index.md"))
			if err := os.Mkdir(filepath.Join(dir, "index.md"), 0o755); err != nil {
				t.Fatal(err)
			}
		}, nil, []string{"content/A-1/index.md:1: the file is no longer a regular file (a symbolic link or a device took its place)"}},
		{"gone", func(t *testing.T, dir string) {
			os.Remove(filepath.Join(dir, "index.md"))
		}, nil, []string{"content/A-1/index.md:1: cannot read the file: no such file or directory"}},
		{"an attachment swapped for a link", func(t *testing.T, dir string) {
			swap(t, filepath.Join(dir, "form.pdf"))
		}, []string{"form.pdf"}, []string{"content/A-1/form.pdf:1: the file is no longer a regular file (a symbolic link or a device took its place)"}},
		{"an attachment gone", func(t *testing.T, dir string) {
			os.Remove(filepath.Join(dir, "form.pdf"))
		}, []string{"form.pdf"}, []string{"content/A-1/form.pdf:1: cannot read the file: no such file or directory"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			root := t.TempDir()
			dir := filepath.Join(root, "content", "A-1")
			if err := os.MkdirAll(dir, 0o755); err != nil {
				t.Fatal(err)
			}
			for name, text := range map[string]string{"index.md": good, "form.pdf": "%PDF", "../outside": "secret"} {
				if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			tc.setup(t, dir)
			_, diags := ReadDoc(root, "content/A-1/index.md", tc.attachments, "")
			var got []string
			for _, d := range diags {
				got = append(got, d.String())
			}
			if len(got) != len(tc.want) || len(got) > 0 && got[0] != tc.want[0] {
				t.Errorf("got %q\nwant %q", got, tc.want)
			}
		})
	}
}

// swap puts a symbolic link to a file outside the bundle in name's place.
func swap(t *testing.T, name string) {
	t.Helper()
	if err := os.Remove(name); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(filepath.Dir(name), "..", "outside"), name); err != nil {
		t.Fatal(err)
	}
}

// An isms.toml that cannot be read is an error at its line 1 with a hint.
func TestConfigUnreadable(t *testing.T) {
	root := t.TempDir()
	if err := os.Mkdir(filepath.Join(root, "isms.toml"), 0o755); err != nil {
		t.Fatal(err)
	}
	_, diags := Config(root)
	if len(diags) != 1 || diags[0].String() != "isms.toml:1: cannot read the file: is a directory" || diags[0].Hint == "" {
		t.Errorf("got %v", diags)
	}
}

// The file Microsoft Office keeps beside a document while it is open
// (~$form.docx: who opened it, in a few bytes) is no attachment of the
// bundle: it is not listed, with a warning that says what it is.
func TestOfficeLockFile(t *testing.T) {
	root := t.TempDir()
	if err := sitetest.Write(root, map[string]string{
		"content/F-1/index.md":    "+++\nid = \"F-1\"\n+++\n",
		"content/F-1/form.docx":   "docx",
		"content/F-1/~$form.docx": "lock",
		"content/~$notes.xlsx":    "lock",
	}); err != nil {
		t.Fatal(err)
	}
	l, diags := List(root)
	if got := l.Bundles["content/F-1/index.md"]; len(got) != 1 || got[0] != "form.docx" {
		t.Errorf("the bundle's files: %v, want form.docx alone", got)
	}
	if len(l.Loose) != 0 {
		t.Errorf("loose files: %v, want none", l.Loose)
	}
	assertListed(t, diags,
		"content/F-1/~$form.docx: warning: the file is not published: it is the lock file Microsoft Office keeps beside a document while it is open",
		"content/~$notes.xlsx: warning: the file is not published: it is the lock file Microsoft Office keeps beside a document while it is open",
	)
}

// A link whose path has spaces and no extension is read as the path
// when it names a file or a folder beside the document, both when the
// document is read and when its body is read again for its page; prose
// in a link's parentheses stays text.
func TestSpacedFolderLink(t *testing.T) {
	root := t.TempDir()
	dir := filepath.Join(root, "content", "tier3")
	if err := os.MkdirAll(filepath.Join(dir, "forms", "some folder"), 0o755); err != nil {
		t.Fatal(err)
	}
	const doc = "+++\nid = \"A-1\"\n+++\n见 [表单](forms/some folder) 与 [1](TCP/IP 协议)。\n"
	if err := os.WriteFile(filepath.Join(dir, "a.md"), []byte(doc), 0o644); err != nil {
		t.Fatal(err)
	}
	const want = "见 [表单](<forms/some folder>) 与 [1](TCP/IP 协议)。\n"
	d, diags := ReadDoc(root, "content/tier3/a.md", nil, "")
	if d == nil || string(d.Body) != want {
		t.Fatalf("read %v: %q, want %q", diags, d.Body, want)
	}
	if len(diags) != 1 || !strings.HasPrefix(diags[0].String(), `content/tier3/a.md:4: warning: the path "forms/some folder" has spaces`) {
		t.Errorf("diagnostics %v", diags)
	}
	if body, _, err := ReadBody(root, "content/tier3/a.md", ""); err != nil || string(body) != want {
		t.Errorf("read again: %q %v, want %q", body, err, want)
	}
}

// A link whose path has spaces and no extension, written in another case
// than its folders' names, is read as the path too: the link stage then
// warns of the case and says how the names are written.
func TestSpacedFolderLinkOtherCase(t *testing.T) {
	root := t.TempDir()
	if err := os.MkdirAll(filepath.Join(root, "content", "tier 2", "some folder"), 0o755); err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(root, "content", "tier3")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	const doc = "+++\nid = \"A-1\"\n+++\n见 [x](../Tier 2) 与 [y](../TIER 2/Some Folder) 与 [z](../tier 3)。\n"
	if err := os.WriteFile(filepath.Join(dir, "a.md"), []byte(doc), 0o644); err != nil {
		t.Fatal(err)
	}
	const want = "见 [x](<../Tier 2>) 与 [y](<../TIER 2/Some Folder>) 与 [z](../tier 3)。\n"
	d, diags := ReadDoc(root, "content/tier3/a.md", nil, "")
	if d == nil || string(d.Body) != want {
		t.Fatalf("read %v: %q, want %q", diags, d.Body, want)
	}
}

// A hidden document, or a hidden folder of documents, is not read, and
// says so; a hidden file or folder of anything else (an editor's
// settings, a system's) is left out without a word.
func TestHiddenNames(t *testing.T) {
	root := t.TempDir()
	if err := sitetest.Write(root, map[string]string{
		"content/P-1.md":                   "+++\nid = \"P-1\"\n+++\n",
		"content/.P-2.md":                  "+++\nid = \"P-2\"\n+++\n",
		"content/.DS_Store":                "x",
		"content/.obsidian/workspace.json": "{}",
		"content/.drafts/P-3.MD":           "+++\nid = \"P-3\"\n+++\n",
		"content/.drafts/notes.txt":        "x",
		"content/.git/README.md":           "x",
		"content/.archive/old/P-4.md":      "+++\nid = \"P-4\"\n+++\n",
		"content/F-1/index.md":             "+++\nid = \"F-1\"\n+++\n",
		"content/F-1/.form.docx":           "docx",
	}); err != nil {
		t.Fatal(err)
	}
	l, diags := List(root)
	if strings.Join(l.Docs, " ") != "content/F-1/index.md content/P-1.md" {
		t.Errorf("documents: %v", l.Docs)
	}
	if got := l.Bundles["content/F-1/index.md"]; len(got) != 0 || len(l.Loose) != 0 {
		t.Errorf("attachments %v, loose files %v; want none", got, l.Loose)
	}
	assertListed(t, diags,
		"content/.P-2.md: warning: the document is not read: names that start with '.' are hidden, and left out",
		"content/.archive: warning: the folder is not read, nor the Markdown documents in it: names that start with '.' are hidden, and left out",
		"content/.drafts: warning: the folder is not read, nor the Markdown documents in it: names that start with '.' are hidden, and left out",
	)
}

// Two files whose paths differ only in letter case are both listed, and
// the second is warned of: on a Windows share or a Mac they are one.
func TestCaseTwins(t *testing.T) {
	root := t.TempDir()
	if err := sitetest.Write(root, map[string]string{
		"content/F-1/index.md":    "+++\nid = \"F-1\"\n+++\n",
		"content/F-1/Form.docx":   "a",
		"content/F-1/form.docx":   "b",
		"content/F-1/img/a.png":   "c",
		"content/F-1/IMG/a.png":   "d",
		"content/files/plan.pdf":  "e",
		"content/Files/Plan.PDF":  "f",
		"content/files/other.pdf": "g",
		"content/F-1/data.xml":    "h",
		"content/F-1/DATA.XML":    "i",
	}); err != nil {
		t.Fatal(err)
	}
	l, diags := List(root)
	if got := l.Bundles["content/F-1/index.md"]; len(got) != 6 || len(l.Loose) != 3 {
		t.Errorf("bundle %v, loose %v; want every file listed", got, l.Loose)
	}
	assertListed(t, diags,
		"content/F-1/form.docx: warning: the file's path differs from content/F-1/Form.docx only in letter case: on a Windows share or a Mac the two are one file, and one would replace the other",
		"content/F-1/img/a.png: warning: the file's path differs from content/F-1/IMG/a.png only in letter case: on a Windows share or a Mac the two are one file, and one would replace the other",
		"content/files/plan.pdf: warning: the file's path differs from content/Files/Plan.PDF only in letter case: on a Windows share or a Mac the two are one file, and one would replace the other",
	)
}

// assertListed checks that List's diagnostics are those wanted, in
// the order of their texts.
func assertListed(t *testing.T, diags diag.List, want ...string) {
	t.Helper()
	var got []string
	for _, d := range diags {
		got = append(got, d.String())
	}
	slices.Sort(got)
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("diagnostics:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
