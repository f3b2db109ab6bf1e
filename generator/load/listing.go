package load

import (
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"

	"ismsgen/generator/diag"
	"ismsgen/generator/internal/filetype"
)

// Listing is what content/ holds, by path relative to the source, without
// reading any file.
type Listing struct {
	// Docs are the Markdown files: every one is a document, in path order.
	Docs []string
	// Bundles maps each page bundle's index.md to the other files under
	// its folder, in subfolders too, by their path below the folder
	// ("form.docx", "img/a.png"); a subfolder with an index.md of its own
	// is a bundle of its own. Markdown files are documents, not
	// attachments.
	Bundles map[string][]string
	// Loose are the other files, in no page bundle, in path order: a
	// build publishes those that documents link to (ReadLoose).
	Loose []string
	// Dirs are the folders below content/, in path order.
	Dirs []string
	// Skipped are the folders below content/ that are not read (their
	// names start with '.' or '_'), in path order.
	Skipped []string
}

// List lists the documents, the page bundles' files, the files in no
// bundle and the folders under root's content/. Names starting with '.'
// are left out, and so are folders starting with '_' (with a warning);
// symbolic links are never followed (a warning each).
func List(root string) (Listing, diag.List) {
	var diags diag.List
	var l Listing
	var others []string
	base := filepath.Join(root, ContentDir)
	info, err := os.Stat(base)
	if err != nil || !info.IsDir() {
		diags.Errorf(ContentDir, 0, "create the folder content/ and put the documents there", "the content folder is missing")
		return l, diags
	}
	// The trailing separator makes WalkDir read the folder that content/
	// names when content/ itself is a symbolic link (a document set kept
	// elsewhere, on purpose); links below it are still never followed.
	err = filepath.WalkDir(base+string(filepath.Separator), func(p string, e fs.DirEntry, err error) error {
		p = filepath.Clean(p)
		rel, _ := filepath.Rel(root, p)
		rel = filepath.ToSlash(rel)
		if err != nil {
			diags.Errorf(rel, 0, "check the file permissions", "cannot read: %v", err)
			return nil
		}
		name := e.Name()
		if p != base && (strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_") && e.IsDir()) {
			switch {
			case name[0] == '_':
				diags.Warnf(rel, 0, "skipped-folder", "rename the folder without the '_' if it holds documents or files to publish", "the folder is not read: folders whose names start with '_' are left out")
			case e.IsDir() && name != ".git" && holdsMarkdown(p):
				// (content/.git, a repository of its own, is never walked:
				// every build and every save in serve would read it.)
				diags.Warnf(rel, 0, "hidden", "rename the folder without the '.' to publish its documents", "the folder is not read, nor the Markdown documents in it: names that start with '.' are hidden, and left out")
			case !e.IsDir() && isMarkdown(name):
				diags.Warnf(rel, 0, "hidden", "rename the file without the '.' to publish it", "the document is not read: names that start with '.' are hidden, and left out")
			}
			if e.IsDir() {
				l.Skipped = append(l.Skipped, rel)
				return filepath.SkipDir
			}
			return nil
		}
		switch {
		case strings.HasPrefix(name, "~$") && !e.IsDir():
			// Who opened the document, in a few bytes: no attachment.
			diags.Warnf(rel, 0, "lock-file", "close the document in Office, or delete the file: it is no part of the document set",
				"the file is not published: it is the lock file Microsoft Office keeps beside a document while it is open")
		case e.Type()&fs.ModeSymlink != 0:
			diags.Warnf(rel, 0, "symlink", "replace the link with the file itself; links could reach outside content/", "symbolic link not followed")
		case e.IsDir():
			if p != base {
				l.Dirs = append(l.Dirs, rel)
			}
		case !e.Type().IsRegular():
		case isMarkdown(name):
			l.Docs = append(l.Docs, rel)
		default:
			others = append(others, rel)
		}
		return nil
	})
	if err != nil {
		diags.Errorf(ContentDir, 0, "", "cannot read the content folder: %v", err)
	} else if len(l.Docs) == 0 {
		// A site built from the wrong folder, or whose documents are
		// still elsewhere, is otherwise only a list of what it lacks.
		diags.Warnf(ContentDir, 0, "no-documents", "put each document, a Markdown file (.md) beginning with its front matter, in content/ or a folder under it; ismsgen new writes one to start from", "content/ holds no document")
	}
	slices.Sort(l.Docs)
	slices.Sort(l.Dirs)
	slices.Sort(l.Skipped)
	slices.Sort(others)
	diags.Add(caseTwins(others)...)
	l.Bundles = map[string][]string{}
	bundles := map[string]bool{} // the folders (below content/) that hold an index.md
	for _, p := range l.Docs {
		if dir := path.Dir(p); path.Base(p) == "index.md" && dir != ContentDir {
			bundles[dir] = true
		}
	}
	for _, p := range others {
		if dir := bundleOf(p, bundles); dir != "" {
			index := dir + "/index.md"
			l.Bundles[index] = append(l.Bundles[index], p[len(dir)+1:]) // readDoc publishes those filetype allows
		} else {
			l.Loose = append(l.Loose, p)
		}
	}
	return l, diags
}

// bundleOf is the bundle folder the file p is in: the nearest folder
// above it that holds an index.md, or "".
func bundleOf(p string, bundles map[string]bool) string {
	for dir := path.Dir(p); dir != ContentDir && dir != "." && dir != "/"; dir = path.Dir(dir) {
		if bundles[dir] {
			return dir
		}
	}
	return ""
}

// holdsMarkdown reports whether the folder dir, or one below it, holds a
// Markdown file: a hidden folder of an editor's settings (.obsidian,
// .vscode) or of pictures (.gitbook/assets) is left out without a word,
// one of documents is warned of. Links are not followed.
func holdsMarkdown(dir string) bool {
	found := false
	_ = filepath.WalkDir(dir, func(p string, e fs.DirEntry, err error) error {
		if err == nil && !e.IsDir() && e.Type().IsRegular() && isMarkdown(e.Name()) {
			found = true
			return fs.SkipAll
		}
		return nil
	})
	return found
}

// isMarkdown reports whether a file of this name is read as a document.
func isMarkdown(name string) bool { return strings.EqualFold(path.Ext(name), ".md") }

// caseTwins warns of each file whose path differs from an earlier one's
// only in letter case (Form.docx, form.docx): both are published, but on
// a Windows share or a Mac the two are one file, and one replaces the
// other. paths are in order; a file of a type never published (warned
// of when a document has it) is no twin.
func caseTwins(paths []string) diag.List {
	var diags diag.List
	first := map[string]string{}
	for _, p := range paths {
		if filetype.Check(path.Base(p)).Problem != filetype.OK {
			continue
		}
		key := strings.ToLower(p)
		if twin, ok := first[key]; ok {
			diags.Warnf(p, 0, "name-case", "rename one of the two files, and the links to it",
				"the file's path differs from %s only in letter case: on a Windows share or a Mac the two are one file, and one would replace the other", twin)
			continue
		}
		first[key] = p
	}
	return diags
}
