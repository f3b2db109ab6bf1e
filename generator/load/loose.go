package load

import (
	"path"
	"path/filepath"
	"slices"

	"ismsgen/generator/diag"
	"ismsgen/generator/internal/filetype"
	"ismsgen/generator/internal/par"
	"ismsgen/generator/internal/safefile"
	"ismsgen/generator/model"
)

// ReadLoose reads what the link stage needs to know of content/ besides
// the documents and their attachments: the files in no page bundle
// (Listing.Loose), with the size and SHA-256 of each that may be
// published, read on every core, and the others with a warning at the
// file, which no page will show; the bundles' files that are not
// published; the folders and the Markdown files.
func ReadLoose(root string, l Listing) (model.Files, diag.List) {
	files := model.Files{Dirs: l.Dirs, Skipped: l.Skipped, Markdown: l.Docs}
	found := make([]filetype.Finding, len(l.Loose))
	read := make([]model.Attachment, len(l.Loose))
	errs := make([]error, len(l.Loose))
	pointer := make([]bool, len(l.Loose))
	par.Each(len(l.Loose), func(i int) {
		p := l.Loose[i]
		name := p[len(ContentDir)+1:]
		if found[i] = filetype.Check(name); found[i].Problem != filetype.OK {
			return
		}
		source := filepath.Join(root, filepath.FromSlash(p))
		size, sum, err := safefile.Hash(source)
		read[i], errs[i] = model.Attachment{Name: name, Path: p, Source: source, Size: size, SHA256: sum}, err
		pointer[i] = err == nil && lfsPointer(source, size)
	})
	var diags diag.List
	for i, p := range l.Loose {
		switch {
		case found[i].Problem != filetype.OK:
			notPublished(&diags, p, 0, p[len(ContentDir)+1:], found[i])
			files.Unpublishable = append(files.Unpublishable, p)
		case errs[i] != nil:
			unreadable(&diags, p, errs[i])
		case pointer[i]:
			pointerSkipped(&diags, p, 0, p[len(ContentDir)+1:])
			files.Unpublishable = append(files.Unpublishable, p)
		default:
			files.Loose = append(files.Loose, read[i])
		}
	}
	// The bundles' files that are not published (readDoc warns about
	// each): a link to one is not a link to nothing.
	var bundled []string
	for index, names := range l.Bundles {
		dir := path.Dir(index)
		for _, name := range names {
			if filetype.Check(name).Problem != filetype.OK {
				files.Unpublishable = append(files.Unpublishable, dir+"/"+name)
			} else {
				bundled = append(bundled, dir+"/"+name)
			}
		}
	}
	pointers := make([]bool, len(bundled))
	par.Each(len(bundled), func(i int) { pointers[i] = smallLFSPointer(filepath.Join(root, filepath.FromSlash(bundled[i]))) })
	for i, p := range bundled {
		if pointers[i] {
			files.Unpublishable = append(files.Unpublishable, p)
		}
	}
	slices.Sort(files.Unpublishable)
	return files, diags
}
