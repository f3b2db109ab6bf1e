package link

import (
	"net/url"
	"path"
	"slices"
	"strings"
	"sync"

	"ismsgen/generator/internal/suggest"
	"ismsgen/generator/model"
)

// files knows every file and folder under content/ by its path relative
// to the source, for the links written as relative paths.
type files struct {
	byPath  map[string]entry
	skipped map[string]bool // the folders that are not read (model.Files.Skipped)

	foldOnce sync.Once
	folded   map[string]string // lower-case path → path

	hintOnce sync.Once
	byStem   map[string][]string // lower-case name without its extension → paths of files
	byDir    map[string][]string // folder → paths of its files
	byBare   map[string][]string // byStem's key without a leading number ("2103-", "02_") → paths of numbered files
}

type entryKind uint8

const (
	isDoc           entryKind = iota + 1
	isAttachment              // a page bundle's published file
	isLoose                   // a file in no bundle that may be published
	isUnpublishable           // a file never published (load warned why)
	isWithheld                // a file of a document shown from git that the draft changed
	isUnread                  // a Markdown file that is no document: it has errors of its own
	isDir
)

type entry struct {
	kind entryKind
	doc  *model.Document   // isDoc; isAttachment: the bundle's document
	file *model.Attachment // isAttachment, isLoose
}

func newFiles(docs []*model.Document, f *model.Files) *files {
	x := &files{byPath: make(map[string]entry, len(docs)+len(f.Loose)+len(f.Dirs)+len(f.Unpublishable)+len(f.Withheld)+1)}
	x.byPath[contentDir] = entry{kind: isDir}
	x.skipped = make(map[string]bool, len(f.Skipped))
	for _, p := range f.Skipped {
		x.skipped[p] = true
	}
	for _, p := range f.Dirs {
		x.byPath[p] = entry{kind: isDir}
	}
	for _, p := range f.Markdown {
		x.byPath[p] = entry{kind: isUnread}
	}
	for _, p := range f.Unpublishable {
		x.byPath[p] = entry{kind: isUnpublishable}
	}
	for _, p := range f.Withheld {
		x.byPath[p] = entry{kind: isWithheld}
	}
	for i := range f.Loose {
		x.byPath[f.Loose[i].Path] = entry{kind: isLoose, file: &f.Loose[i]}
	}
	for _, d := range docs {
		x.byPath[d.Path] = entry{kind: isDoc, doc: d}
		for i := range d.Attachments {
			a := &d.Attachments[i]
			x.byPath[a.Path] = entry{kind: isAttachment, doc: d, file: a}
		}
	}
	return x
}

const contentDir = "content"

// folderPages are the files that stand for their folder, in the order
// they are looked for: a link to "security/checklist/" is a link to its
// index.md or README.md.
var folderPages = []string{"index.md", "README.md", "readme.md", "Readme.md", "_index.md"}

// place is what a path under content/ names.
type place struct {
	path      string // as the file is named
	entry     entry
	caseDiffs bool // found only when case is ignored
	noPage    bool // a folder without any of folderPages
}

// lookup finds the file or folder that p names, relative to the folder
// dir; ok is false when nothing under content/ has that path. A path
// without an extension may name a Markdown file without its ".md"
// ("../tier2/linux_web", "linux_web/"), as sites built from folders of
// Markdown files are written; so may a name with a dot in it
// ("4.job-statements/" for 4.job-statements.md).
func (x *files) lookup(dir, p string) (f place, ok bool) {
	full := path.Join(dir, p)
	if !model.ContentPath(full) {
		return place{path: full}, false
	}
	candidates := []string{full}
	if !strings.EqualFold(path.Ext(full), ".md") {
		// "4.job-statements" too: a numbered name's dot starts no
		// extension
		candidates = append(candidates, full+".md")
	}
	f, ok = x.find(candidates, false)
	if !ok {
		f, ok = x.find(candidates, true)
	}
	if !ok {
		return place{path: full}, false
	}
	if f.entry.kind == isDir {
		for _, name := range folderPages {
			if e, ok := x.byPath[f.path+"/"+name]; ok {
				f.path, f.entry = f.path+"/"+name, e
				return f, true
			}
		}
		// "total-rewards/" for total-rewards.md beside a folder of that
		// name: the address its site gave the file's page
		if md, ok := x.find([]string{f.path + ".md"}, false); ok && len(candidates) > 1 {
			md.caseDiffs = f.caseDiffs
			return md, true
		}
		f.noPage = true
	}
	return f, true
}

func (x *files) find(candidates []string, ignoreCase bool) (place, bool) {
	for _, c := range candidates {
		if !ignoreCase {
			if e, ok := x.byPath[c]; ok {
				return place{path: c, entry: e}, true
			}
			continue
		}
		if real, ok := x.fold(c); ok {
			return place{path: real, entry: x.byPath[real], caseDiffs: true}, true
		}
	}
	return place{}, false
}

// fold finds the path that p names when case is ignored.
func (x *files) fold(p string) (string, bool) {
	x.foldOnce.Do(func() {
		x.folded = make(map[string]string, len(x.byPath))
		keys := make([]string, 0, len(x.byPath))
		for k := range x.byPath {
			keys = append(keys, k)
		}
		slices.Sort(keys) // the same one of two names that differ only in case, every time
		for _, k := range keys {
			if _, ok := x.folded[strings.ToLower(k)]; !ok {
				x.folded[strings.ToLower(k)] = k
			}
		}
	})
	real, ok := x.folded[strings.ToLower(p)]
	return real, ok
}

// nearest is the existing file closest to full, a path that names
// nothing, written relative to the folder of the document from; "" when
// none is close. It is never from itself. Closest is a file of the same
// name (or of the same name but its extension) elsewhere, the nearest to
// full's folder; else a file of a similar name in full's folder.
func (x *files) nearest(from *model.Document, full string) string {
	x.hintOnce.Do(x.indexNames)
	own := func(p string) bool { return p == from.Path }
	base := path.Base(full)
	stem := strings.ToLower(strings.TrimSuffix(base, path.Ext(base)))
	if page := x.folderPage(path.Dir(full)); stem == "index" && page != "" && !own(page) {
		// "cli/index.html": the page mdBook, GitBook and others made of
		// the folder's README.md, not another folder's index.md nor
		// "index-hbs.md" beside it
		switch strings.ToLower(path.Ext(base)) {
		case ".html", ".htm", ".md":
			return relative(path.Dir(from.Path), page)
		}
	}
	var best string
	bestScore := -1
	same := x.byStem[stem]
	if len(same) == 0 {
		// the file numbered since the link was written ("2103-x.md"
		// for "x.md"), as a folder's files are to keep their order
		same = x.byBare[stem]
	}
	for _, c := range same {
		if own(c) {
			continue
		}
		score := 2 * commonDirs(path.Dir(c), path.Dir(full))
		if strings.EqualFold(path.Base(c), base) {
			score++ // the same extension first
		}
		if score > bestScore {
			best, bestScore = c, score
		}
	}
	if best == "" {
		var names []string
		for _, c := range x.byDir[path.Dir(full)] {
			if !own(c) {
				names = append(names, path.Base(c))
			}
		}
		if name := suggest.Closest(base, names); name != "" {
			best = path.Dir(full) + "/" + name
		} else if name := longerName(stem, names); name != "" {
			best = path.Dir(full) + "/" + name
		}
	}
	if best == "" {
		return ""
	}
	return relative(path.Dir(from.Path), best)
}

// folderPage is the document that stands for the folder dir (its
// index.md or README.md, see folderPages), or "".
func (x *files) folderPage(dir string) string {
	for _, name := range folderPages {
		if e, ok := x.byPath[dir+"/"+name]; ok && e.kind == isDoc {
			return dir + "/" + name
		}
	}
	return ""
}

// docNamed is the one document whose file is called name, its extension
// aside (".md", ".html" or none), ignoring case; nil when no document or
// several are.
func (x *files) docNamed(name string) *model.Document {
	x.hintOnce.Do(x.indexNames)
	var found *model.Document
	for _, c := range x.byStem[strings.ToLower(strings.TrimSuffix(name, path.Ext(name)))] {
		if e := x.byPath[c]; e.kind == isDoc {
			if found != nil {
				return nil
			}
			found = e.doc
		}
	}
	return found
}

// indexNames lists the files that a hint may name (those that are
// published or are documents) by name and by folder.
func (x *files) indexNames() {
	x.byStem, x.byDir, x.byBare = map[string][]string{}, map[string][]string{}, map[string][]string{}
	for p, e := range x.byPath {
		switch e.kind {
		case isDoc, isAttachment, isLoose:
		default:
			continue
		}
		base := path.Base(p)
		stem := strings.ToLower(strings.TrimSuffix(base, path.Ext(base)))
		x.byStem[stem] = append(x.byStem[stem], p)
		x.byDir[path.Dir(p)] = append(x.byDir[path.Dir(p)], p)
		if bare := unnumbered(stem); bare != stem {
			x.byBare[bare] = append(x.byBare[bare], p)
		}
	}
	for _, m := range []map[string][]string{x.byStem, x.byDir, x.byBare} {
		for _, list := range m {
			slices.Sort(list)
		}
	}
}

// unnumbered is stem without a leading number and what separates it
// from the name ("2103-访问控制" → "访问控制", "02_backup" → "backup");
// stem itself when it has none, or is nothing else.
func unnumbered(stem string) string {
	i := 0
	for i < len(stem) && stem[i] >= '0' && stem[i] <= '9' {
		i++
	}
	j := i
	for j < len(stem) && strings.IndexByte("-_. ", stem[j]) >= 0 {
		j++
	}
	if i == 0 || j == i || j == len(stem) {
		return stem
	}
	return stem[j:]
}

// commonDirs counts the folders that a and b share from the top.
func commonDirs(a, b string) int {
	as, bs := strings.Split(a, "/"), strings.Split(b, "/")
	n := 0
	for n < len(as) && n < len(bs) && as[n] == bs[n] {
		n++
	}
	return n
}

// relative writes the path to, relative to the folder dir (both relative
// to the source): "../tier2/x.md".
func relative(dir, to string) string {
	ds, ts := strings.Split(dir, "/"), strings.Split(to, "/")
	n := 0
	for n < len(ds) && n < len(ts)-1 && ds[n] == ts[n] {
		n++
	}
	return strings.Repeat("../", len(ds)-n) + strings.Join(ts[n:], "/")
}

// longerName is the one name among names that goes on from stem after a
// '-' or '_' ("setup-and-troubleshooting.md" for "setup"), as a file is
// renamed to say more; "" when none or several do.
func longerName(stem string, names []string) string {
	found := ""
	for _, n := range names {
		l := strings.ToLower(n)
		if len(l) > len(stem)+1 && strings.HasPrefix(l, stem) && (l[len(stem)] == '-' || l[len(stem)] == '_') {
			if found != "" {
				return ""
			}
			found = n
		}
	}
	return found
}

// named is the file of the set whose name is the last part of the web
// address addr's path (a picture shown from the set's own repository on
// a code host), the nearest to from's folder, written relative to it;
// "" when none is.
func (x *files) named(from *model.Document, addr string) string {
	u, err := url.Parse(addr)
	if err != nil {
		return ""
	}
	base := path.Base(u.Path)
	if base == "." || base == "/" || path.Ext(base) == "" {
		return ""
	}
	x.hintOnce.Do(x.indexNames)
	var best string
	bestScore := -1
	for _, c := range x.byStem[strings.ToLower(strings.TrimSuffix(base, path.Ext(base)))] {
		if !strings.EqualFold(path.Base(c), base) {
			continue
		}
		if score := commonDirs(path.Dir(c), path.Dir(from.Path)); score > bestScore {
			best, bestScore = c, score
		}
	}
	if best == "" {
		return ""
	}
	return relative(path.Dir(from.Path), best)
}

// local is the file of the set that the file: address addr names, as
// the author's own copy of the set has it ("file:///Users/me/isms/docs/
// tier2/x.md" for content/tier2/x.md), written relative to from's
// folder: of the files of that name, the one whose folders end as the
// address's do, the most of them, then the nearest to from; "" when
// none is.
func (x *files) local(from *model.Document, addr string) string {
	u, err := url.Parse(strings.ReplaceAll(strings.TrimSpace(addr), `\`, "/"))
	if err != nil {
		return ""
	}
	base := path.Base(u.Path)
	if base == "." || base == "/" || path.Ext(base) == "" {
		return ""
	}
	x.hintOnce.Do(x.indexNames)
	parts := strings.Split(strings.ToLower(u.Path), "/")
	var best string
	bestScore, bestNear := -1, -1
	for _, c := range x.byStem[strings.ToLower(strings.TrimSuffix(base, path.Ext(base)))] {
		if !strings.EqualFold(path.Base(c), base) || c == from.Path {
			continue
		}
		own := strings.Split(strings.ToLower(c), "/")
		score := 0
		for score < len(own) && score < len(parts) && own[len(own)-1-score] == parts[len(parts)-1-score] {
			score++
		}
		near := commonDirs(path.Dir(c), path.Dir(from.Path))
		if score > bestScore || score == bestScore && near > bestNear {
			best, bestScore, bestNear = c, score, near
		}
	}
	if best == "" {
		return ""
	}
	return relative(path.Dir(from.Path), best)
}
