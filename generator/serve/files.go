package serve

import (
	"fmt"
	"hash/maphash"
	"maps"
	"path"
	"reflect"
	"slices"
	"strings"

	"ismsgen/generator"
	"ismsgen/generator/diag"
	"ismsgen/generator/history"
	"ismsgen/generator/internal/par"
	"ismsgen/generator/load"
	"ismsgen/generator/model"
)

// file is one document file as serve last read it, with what the stages
// made of it while it stays unchanged.
type file struct {
	version     uint64 // new on every read that found new content
	attachments []string
	doc         *load.Doc // nil when it could not be read or parsed
	loadDiags   diag.List
	lang        string // the site's language it was read in (see load.ParseDocumentIn)

	conv      generator.Converted // conv.Doc is nil until converted (again, after isms.toml changed)
	convDiags diag.List
	meta      uint64   // hash of the front matter as converted
	withheld  []string // the files of its bundle that the version in force leaves out (model.Files.Withheld)
}

// reload lists the documents as load does and reads again those that are
// new, changed (ch) or whose attachments changed; it forgets those that
// are gone. It returns the paths it read or forgot, and those it found
// saved without a change (which keep all that was made of them).
func (e *engine) reload(ch changes) (touched, unchanged []string) {
	listing, walkDiags := load.List(e.opts.Source)
	lang := generator.Language(e.opts.Source) // a body shows the words of what other tools write in it
	paths, bundles := listing.Docs, listing.Bundles
	dirty := map[string]bool{}
	bundleDirty := map[string]bool{} // an attachment or folder of the bundle changed
	var folders []string
	for p := range ch.paths {
		dirty[p] = true
		if !strings.EqualFold(path.Ext(p), ".md") {
			// An attachment, or a folder: the index.md of every bundle
			// it may be in, and everything in it.
			for dir := path.Dir(p); dir != load.ContentDir && dir != "." && dir != "/"; dir = path.Dir(dir) {
				bundleDirty[dir+"/index.md"] = true
			}
			folders = append(folders, p+"/")
		}
	}
	// The files in no bundle and the folders, read again on every
	// change: links to them are resolved by the link stage.
	others, otherDiags := load.ReadLoose(e.opts.Source, listing)
	if !reflect.DeepEqual(others, e.others) {
		changed := "content/"
		for _, p := range slices.Sorted(maps.Keys(ch.paths)) {
			if !strings.EqualFold(path.Ext(p), ".md") {
				changed = p // for the log: the first file that is no document
				break
			}
		}
		touched = append(touched, changed)
	}
	e.others = others
	walkDiags.Add(otherDiags...)
	var todo []string
	savedOnly := map[string]bool{} // of todo: only the file itself was written
	listed := make(map[string]bool, len(paths))
	for _, p := range paths {
		listed[p] = true
		f := e.files[p]
		switch {
		case f == nil || ch.reread || f.lang != lang || bundleDirty[p] || under(p, folders) || !slices.Equal(f.attachments, bundles[p]):
			todo = append(todo, p)
		case dirty[p]:
			todo = append(todo, p)
			savedOnly[p] = true
		}
	}
	var gone []string
	for p := range e.files {
		if !listed[p] {
			gone = append(gone, p)
			delete(e.files, p)
		}
	}
	read := make([]*file, len(todo))
	par.Each(len(todo), func(i int) {
		p := todo[i]
		doc, d := load.ReadDoc(e.opts.Source, p, bundles[p], lang)
		if doc != nil {
			doc.OwnBody() // kept from one rebuild to the next
		}
		if old := e.files[p]; savedOnly[p] && doc != nil && old.doc != nil && doc.Sum == old.doc.Sum {
			return // saved with the same bytes: an editor's save without a change, or a touch
		}
		read[i] = &file{doc: doc, loadDiags: d, attachments: bundles[p], lang: lang}
	})
	for i, p := range todo {
		if read[i] == nil {
			unchanged = append(unchanged, p)
			continue
		}
		e.version++
		read[i].version = e.version
		e.files[p] = read[i]
		touched = append(touched, p)
	}
	e.paths, e.walkDiags = paths, walkDiags
	slices.Sort(gone)
	return append(touched, gone...), unchanged
}

func under(p string, folders []string) bool {
	for _, f := range folders {
		if strings.HasPrefix(p, f) {
			return true
		}
	}
	return false
}

// convert converts and scans the documents read since the last rebuild
// (all of them after isms.toml changed).
func (e *engine) convert() {
	var todo []*file
	for _, p := range e.paths {
		if f := e.files[p]; f.doc != nil && f.conv.Doc == nil {
			todo = append(todo, f)
		}
	}
	par.Each(len(todo), func(i int) {
		f := todo[i]
		f.conv, f.convDiags = generator.Convert(e.g.cfg, f.doc)
	})
	// The history of the files read again, and of no other.
	if e.hist != nil && len(todo) > 0 {
		convs := make([]generator.Converted, len(todo))
		byPath := make(map[string]*file, len(todo))
		for i, f := range todo {
			convs[i] = f.conv
			byPath[f.conv.Doc.Path] = f
			e.hist.Touched(f.conv.Doc.Path)
			for _, a := range f.conv.Doc.Attachments {
				e.hist.Touched(a.Path) // may have been saved: read again if shown from git
			}
		}
		// A draft of them keeps its version in force on the site, as a
		// build does (generator.InForce).
		opts := e.opts
		opts.Now = e.g.now
		withheld, diags := generator.InForceOf(opts, e.g.cfg, func() *history.History { return e.hist }, convs)
		for i, f := range todo {
			f.conv, f.withheld = convs[i], nil
			for _, a := range f.doc.Attachments {
				if slices.Contains(withheld, a.Path) {
					f.withheld = append(f.withheld, a.Path)
				}
			}
		}
		diags = append(diags, generator.DocumentVersions(e.hist, convs)...)
		for _, d := range diags {
			if f := byPath[d.File]; f != nil {
				f.convDiags.Add(d)
			} else {
				e.histNotes.Add(d)
			}
		}
	}
	par.Each(len(todo), func(i int) { todo[i].meta = e.metaHash(todo[i].conv.Doc) })
}

// metaHash hashes everything of a converted document but its body: what
// the list and report pages, and the machine-readable files, are made of.
func (e *engine) metaHash(d *model.Document) uint64 {
	c := *d
	c.Body, c.BodyLine, c.Lines, c.LinkLines = nil, 0, model.KeyLines{}, nil
	var h maphash.Hash
	h.SetSeed(e.seed)
	fmt.Fprintf(&h, "%+v", c)
	return h.Sum64()
}
