package load

import (
	"errors"
	"hash/maphash"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"

	"ismsgen/generator/diag"
	"ismsgen/generator/internal/filetype"
	"ismsgen/generator/internal/par"
	"ismsgen/generator/internal/safefile"
	"ismsgen/generator/internal/wholefile"
	"ismsgen/generator/model"
)

// ContentDir is the folder of documents, relative to the source.
const ContentDir = "content"

// MaxFileSize is the largest document ismsgen reads (a policy is a few
// hundred kilobytes; anything far larger is a mistake or an attack).
const MaxFileSize = 32 << 20

// Source is everything read from a site folder.
type Source struct {
	Root   string // the --source folder
	Config *File  // isms.toml; nil when missing or unparsable
	Docs   []*Doc // in path order
}

// Doc is one loaded document file.
type Doc struct {
	*File
	Attachments []model.Attachment // page-bundle files beside index.md, by name
	// Sum fingerprints the file's bytes as read: a later read with the
	// same Sum, in the same process, found the file as it was (see
	// ReadBody).
	Sum uint64
}

// sumSeed keys the fingerprints of one process.
var sumSeed = maphash.MakeSeed()

// Site reads isms.toml and every document under content/.
func Site(root string) (*Source, diag.List) {
	src := &Source{Root: root}
	var diags diag.List
	src.Config, diags = Config(root)

	paths, bundles, d := walk(root)
	diags.Add(d...)
	src.Docs = make([]*Doc, len(paths))
	results := make([]diag.List, len(paths))
	par.Each(len(paths), func(i int) {
		src.Docs[i], results[i] = readDoc(root, paths[i], bundles[paths[i]])
	})
	kept := src.Docs[:0]
	for i, doc := range src.Docs {
		diags.Add(results[i]...)
		if doc != nil {
			kept = append(kept, doc)
		}
	}
	src.Docs = kept
	return src, diags
}

// walk lists the Markdown files under content/ and, for each page bundle's
// index.md, the other regular files beside it: the attachments, and those
// that readDoc will not publish.
func walk(root string) ([]string, map[string][]string, diag.List) {
	var diags diag.List
	var paths []string
	bundles := map[string][]string{}
	base := filepath.Join(root, ContentDir)
	info, err := os.Stat(base)
	if err != nil || !info.IsDir() {
		diags.Errorf(ContentDir, 0, "create the folder content/ and put the documents there", "the content folder is missing")
		return nil, nil, diags
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
			if e.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		switch {
		case e.Type()&fs.ModeSymlink != 0:
			diags.Warnf(rel, 0, "symlink", "replace the link with the file itself; links could reach outside content/", "symbolic link not followed")
		case e.IsDir():
		case strings.EqualFold(path.Ext(name), ".md") && e.Type().IsRegular():
			paths = append(paths, rel)
		}
		return nil
	})
	if err != nil {
		diags.Errorf(ContentDir, 0, "", "cannot read the content folder: %v", err)
	}
	sort.Strings(paths)
	for _, p := range paths {
		if path.Base(p) != "index.md" {
			continue
		}
		entries, err := os.ReadDir(filepath.Join(root, filepath.FromSlash(path.Dir(p))))
		if err != nil {
			continue
		}
		for _, e := range entries {
			name := e.Name()
			if e.Type().IsRegular() && !strings.HasPrefix(name, ".") && !strings.EqualFold(path.Ext(name), ".md") {
				bundles[p] = append(bundles[p], name) // readDoc publishes those filetype allows
			}
		}
	}
	return paths, bundles, diags
}

func readDoc(root, rel string, attachments []string) (*Doc, diag.List) {
	var diags diag.List
	full := filepath.Join(root, filepath.FromSlash(rel))
	src, err := readLimited(full)
	if err != nil {
		unreadable(&diags, rel, err)
		return nil, diags
	}
	f, d := ParseDocument(rel, src)
	diags.Add(d...)
	if f == nil {
		return nil, diags
	}
	doc := &Doc{File: f, Sum: maphash.Bytes(sumSeed, src)}
	dir := filepath.Dir(full)
	for _, name := range attachments {
		found := filetype.Check(name)
		if found.Problem != filetype.OK {
			skipped(&diags, f, name, found)
			continue
		}
		source := filepath.Join(dir, name)
		size, sum, err := safefile.Hash(source)
		if err != nil {
			unreadable(&diags, path.Join(path.Dir(rel), name), err)
			continue
		}
		doc.Attachments = append(doc.Attachments, model.Attachment{Name: name, Source: source, Size: size, SHA256: sum})
	}
	return doc, diags
}

func readLimited(name string) ([]byte, error) {
	return wholefile.Read(name, MaxFileSize)
}

// unreadable reports a file that could not be read, at its first line.
func unreadable(diags *diag.List, rel string, err error) {
	switch {
	case errors.Is(err, wholefile.ErrTooLarge):
		diags.Errorf(rel, 1, "split the document, or move large content into an attachment of a page bundle", "the file is larger than %d MiB", MaxFileSize>>20)
	case errors.Is(err, safefile.ErrNotRegular):
		diags.Errorf(rel, 1, "put the file itself in its place: symbolic links are never followed, and a file replaced by one while ismsgen reads the site is not published", "the file is no longer a regular file (a symbolic link or a device took its place)")
	case errors.Is(err, fs.ErrPermission):
		diags.Errorf(rel, 1, "check the file's permissions: the user who runs ismsgen must be able to read it", "cannot read the file: permission denied")
	default:
		var pe *fs.PathError
		if errors.As(err, &pe) {
			err = pe.Err // the path is the diagnostic's
		}
		diags.Errorf(rel, 1, "check that the file is readable and build again", "cannot read the file: %v", err)
	}
}
