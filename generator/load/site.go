package load

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"hash/maphash"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"unicode/utf8"

	"ismsgen/generator/diag"
	"ismsgen/generator/internal/par"
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
// index.md, the other regular files beside it.
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
				if why := unpublishable(name); why != "" {
					diags.Warnf(path.Dir(p), 0, "attachment", "rename the file, or zip it if it must be shared as it is", "attachment %q is not published: %s", strings.ToValidUTF8(name, "\uFFFD"), why)
					continue
				}
				bundles[p] = append(bundles[p], name)
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
		diags.Errorf(rel, 0, "", "%v", err)
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
		a, err := attachment(filepath.Join(dir, name), name)
		if err != nil {
			diags.Errorf(path.Join(path.Dir(rel), name), 0, "", "cannot read attachment: %v", err)
			continue
		}
		doc.Attachments = append(doc.Attachments, a)
	}
	return doc, diags
}

func readLimited(name string) ([]byte, error) {
	data, err := wholefile.Read(name, MaxFileSize)
	if errors.Is(err, wholefile.ErrTooLarge) {
		return nil, errors.New("the file is larger than 32 MiB; split it or move large content into an attachment")
	}
	return data, err
}

func attachment(full, name string) (model.Attachment, error) {
	f, err := os.Open(full)
	if err != nil {
		return model.Attachment{}, err
	}
	defer f.Close()
	h := sha256.New()
	n, err := io.Copy(h, f)
	if err != nil {
		return model.Attachment{}, err
	}
	return model.Attachment{Name: name, Source: full, Size: n, SHA256: hex.EncodeToString(h.Sum(nil))}, nil
}

// activeExt are the attachment types a browser runs as part of the site
// (same origin, so the Content-Security-Policy allows their scripts): a
// page bundle could otherwise publish raw HTML and script beside the
// page, or an index.html that replaces the document page itself.
var activeExt = []string{".html", ".htm", ".xhtml", ".shtml", ".js", ".mjs", ".svg", ".svgz"}

// unpublishable says why a page-bundle file cannot be published as an
// attachment, or returns "".
func unpublishable(name string) string {
	switch {
	case !utf8.ValidString(name):
		return "its name is not UTF-8"
	case strings.ContainsFunc(name, func(r rune) bool { return r < ' ' || r == 0x7f || r == '\\' }):
		return "its name contains a control character or a backslash"
	}
	for _, ext := range activeExt {
		if strings.EqualFold(path.Ext(name), ext) {
			return "web pages, scripts and SVG images would run as part of the site"
		}
	}
	return ""
}
