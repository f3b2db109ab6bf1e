package load

import (
	"errors"
	"hash/maphash"
	"io/fs"
	"path"
	"path/filepath"

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

	lang := ""
	if src.Config != nil {
		lang, _ = src.Config.Meta["language"].(string)
	}
	paths, bundles, d := walk(root)
	diags.Add(d...)
	src.Docs = make([]*Doc, len(paths))
	results := make([]diag.List, len(paths))
	par.Each(len(paths), func(i int) {
		src.Docs[i], results[i] = readDoc(root, paths[i], bundles[paths[i]], lang)
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

// walk lists content/ (see Listing).
func walk(root string) ([]string, map[string][]string, diag.List) {
	l, diags := List(root)
	return l.Docs, l.Bundles, diags
}

func readDoc(root, rel string, attachments []string, lang string) (*Doc, diag.List) {
	var diags diag.List
	full := filepath.Join(root, filepath.FromSlash(rel))
	src, err := readLimited(full)
	if err != nil {
		unreadable(&diags, rel, err)
		return nil, diags
	}
	f, d := parseDocument(rel, src, lang, beside(root, rel))
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
		source := filepath.Join(dir, filepath.FromSlash(name))
		size, sum, err := safefile.Hash(source)
		if err != nil {
			unreadable(&diags, path.Join(path.Dir(rel), name), err)
			continue
		}
		if lfsPointer(source, size) {
			pointerSkipped(&diags, f.Path, mentioned(f, name), name)
			continue
		}
		doc.Attachments = append(doc.Attachments, model.Attachment{Name: name, Path: path.Join(path.Dir(rel), name), Source: source, Size: size, SHA256: sum})
	}
	return doc, diags
}

func readLimited(name string) ([]byte, error) {
	return wholefile.Read(name, MaxFileSize)
}

// unreadable reports a file that could not be read, at its first line.
// NotAFile reports, at line 1 of the site's own file rel (isms.toml, a
// layout, an asset), that it is a named pipe or a device, which ismsgen
// does not read: a pipe would make the build wait for ever for a writer,
// a device such as /dev/zero would never end.
func NotAFile(diags *diag.List, rel string) {
	diags.Errorf(rel, 1, "put the file itself in its place (a symbolic link to a file is followed)", "the file is not a regular file but a named pipe or a device: ismsgen does not read it")
}

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
