package link

import (
	"maps"
	"slices"
	"strings"
	"unicode/utf8"

	"ismsgen/generator/diag"
	"ismsgen/generator/internal/par"
	"ismsgen/generator/internal/suggest"
	"ismsgen/generator/markdown"
	"ismsgen/generator/model"
)

// Options say what this build publishes.
type Options struct {
	Now     model.Date
	Drafts  bool   // publish draft and review documents
	Ceiling string // highest classification published; "" = the site's
	// Failed holds the ids (model.FoldID) of the documents that could not
	// be read or converted, whose errors are reported already: a link
	// to one is not reported again.
	Failed map[string]bool
	// Revised holds, for each document shown from git in place of the
	// draft its file holds (model.Document.FromGit), the Scan of that
	// draft: its body's problems (a broken link, raw HTML) are reported
	// at its lines, as any draft's are, though nothing of it is
	// published; one that the text shown has at the same line is
	// reported once.
	Revised map[*model.Document]*Scanned
	// Past says the documents are a past day's, from git (build
	// --as-of), which no edit can change: a link of theirs that names
	// nothing is its text alone, as in a text shown from git in place
	// of a draft; the caller reports its error as it sees fit.
	Past bool
}

// Published reports whether a document is part of this build.
func Published(cfg *model.Config, opts Options, d *model.Document) bool {
	ceiling := opts.Ceiling
	if ceiling == "" {
		ceiling = cfg.Classification
	}
	if cfg.Level(d.Classification) > cfg.Level(ceiling) {
		return false
	}
	return opts.Drafts || !d.IsUnapproved()
}

// found is what one body contains.
type found struct {
	broken   []string // ids of broken id links, in the order of their diagnostics
	links    []target
	anchors  map[string]bool
	dropped  map[string]bool // HTML anchors left out (warned at their lines): no warning for a link to one
	problems diag.List
}

// Site decides what this build publishes, resolves the links among all
// documents and returns the published site. scanOf[d], when there, is
// Scan(d) or a Scan of an earlier copy of the same file: the build scans
// each body as it reads it, and serve keeps the scans of unchanged files
// between rebuilds. Bodies without one are scanned here.
func Site(cfg *model.Config, docs []*model.Document, files *model.Files, opts Options, scanOf map[*model.Document]*Scanned) (*model.Site, diag.List) {
	scanOf = scanMissing(docs, scanOf)
	var diags diag.List
	all := make(map[string]*model.Document, len(docs))
	for _, d := range docs {
		all[model.FoldID(d.ID)] = d
		// Made here, from nothing: a build as of a past day links the
		// set again after leaving out a faulty document, whose edges
		// the first linking gave the others.
		d.Graph = model.Graph{}
	}
	var published []*model.Document
	leftOut := map[string]bool{}
	for _, d := range docs {
		if Published(cfg, opts, d) {
			published = append(published, d)
		} else {
			leftOut[model.FoldID(d.ID)] = true
		}
	}
	site := model.NewSite(cfg, opts.Now, opts.Drafts, published)
	site.LeftOut = leftOut

	if files == nil {
		files = &model.Files{}
	}
	rs := &resolver{all: all, failed: opts.Failed, files: newFiles(docs, files), past: opts.Past}
	bodies := make([]found, len(docs))
	par.Ranges(len(docs), func(lo, hi int) {
		for i := lo; i < hi; i++ {
			bodies[i] = check(docs[i], scanOf[docs[i]], rs, leftOut)
		}
	})
	own := checkRevised(docs, bodies, rs, leftOut, opts.Revised)
	for i, d := range docs {
		if d.FromGit != nil {
			bodies[i].problems = staleLinks(bodies[i].problems)
		}
	}
	anchors := make(map[*model.Document]map[string]bool, len(docs))
	dropped := make(map[*model.Document]map[string]bool)
	for i, d := range docs {
		anchors[d] = bodies[i].anchors
		if bodies[i].dropped != nil {
			dropped[d] = bodies[i].dropped
		}
		diags.Add(bodies[i].problems...)
	}
	diags.Add(own...)

	// Each published document's links, on every core; the warnings are
	// kept in the order of the documents.
	warnings := make([]diag.List, len(docs))
	loose := make([][]*model.Attachment, len(docs))
	par.Ranges(len(docs), func(lo, hi int) {
		for i := lo; i < hi; i++ {
			loose[i] = linksOut(site, docs[i], bodies[i].links, anchors, dropped, &warnings[i])
		}
	})
	for _, w := range warnings {
		diags.Add(w...)
	}
	// the files in no bundle that documents left out show: published
	// with them, in a build that publishes them
	withheld := map[*model.Attachment]bool{}
	for i, d := range docs {
		if site.Doc(d.ID) != d {
			for _, t := range bodies[i].links {
				if t.kind == toLoose {
					withheld[t.file] = true
				}
			}
		}
	}
	site.Files = linkedFiles(files, loose, withheld, &diags)
	withheldRefs(site, all, opts.Failed, &diags)
	graph(site)
	return site, diags
}

// scanMissing returns scanOf with a Scan of every document it lacks.
func scanMissing(docs []*model.Document, scanOf map[*model.Document]*Scanned) map[*model.Document]*Scanned {
	var missing []*model.Document
	for _, d := range docs {
		if scanOf[d] == nil {
			missing = append(missing, d)
		}
	}
	if len(missing) == 0 {
		return scanOf
	}
	scans := make([]*Scanned, len(missing))
	par.Each(len(missing), func(i int) { scans[i] = Scan(missing[i]) })
	all := make(map[*model.Document]*Scanned, len(docs))
	maps.Copy(all, scanOf)
	for i, d := range missing {
		all[d] = scans[i]
	}
	return all
}

func firstAnchor(a map[string]bool) string {
	keys := make([]string, 0, len(a))
	for k := range a {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	if len(keys) == 0 {
		return "section"
	}
	return keys[0]
}

// closestAnchor is the anchor of a closest to fragment, within a typo's
// distance and at most one edit in three characters ("nope" is not a
// misspelt "scope"); "" when none is.
func closestAnchor(a map[string]bool, fragment string) string {
	keys := make([]string, 0, len(a))
	for k := range a {
		keys = append(keys, k)
	}
	slices.Sort(keys) // ties go the same way every time
	near := suggest.Closest(fragment, keys)
	if near == "" || 3*suggest.Distance(fragment, near) > utf8.RuneCountInString(fragment) {
		return ""
	}
	return near
}

// translatedAnchor is the one anchor of a whose words outside the
// Latin alphabet, left out, leave fragment: "审计日志---audit-log" for
// "audit-log"; "" when none is, or more than one.
func translatedAnchor(a map[string]bool, fragment string) string {
	found := ""
	for k := range a {
		if k == fragment || !latinWordsAre(k, fragment) {
			continue
		}
		if found != "" {
			return ""
		}
		found = k
	}
	return found
}

// latinWordsAre reports whether the words of the anchor k written in
// ASCII, joined by '-', are fragment, and k has words of other scripts.
func latinWordsAre(k, fragment string) bool {
	var kept []string
	other := false
	for _, w := range strings.Split(k, "-") {
		switch {
		case w == "":
		case isASCII(w):
			kept = append(kept, w)
		default:
			other = true
		}
	}
	return other && strings.EqualFold(strings.Join(kept, "-"), fragment)
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// check resolves a scanned body's links; those that name nothing are
// errors at their lines. Its HTML anchors join its headings' but those
// whose id is taken (warned by Scan) and one named after a document this
// build leaves out (leftOut), which is left out with a warning, as render
// leaves it out.
func check(d *model.Document, s *Scanned, rs *resolver, leftOut map[string]bool) found {
	f := found{anchors: s.anchors}
	f.problems.Add(s.foreign...)
	for _, r := range s.fileURLs {
		fileURLWarning(d, r, rs, &f.problems)
	}
	if len(s.html) > 0 {
		f.anchors = maps.Clone(s.anchors) // s is kept between rebuilds
		for _, a := range s.html {
			if a.Clash != "" || leftOut[model.FoldID(a.ID)] {
				if f.dropped == nil {
					f.dropped = map[string]bool{}
				}
				f.dropped[a.ID] = true
				if a.Clash != "" {
					continue // warned (Scan); a heading's id stays an anchor
				}
				f.problems.Warnf(d.Path, a.Line, "raw-html", diag.Msg("give the anchor a name of its own, and link to #that name"),
					"the anchor <%s> %q is left out: it is named after %s, a document this build leaves out", a.Tag, a.ID, a.ID)
				continue
			}
			f.anchors[a.ID] = true
		}
	}
	for _, r := range s.refs {
		problems := len(f.problems)
		t, ok := rs.resolve(d, r, &f.problems)
		switch {
		case !ok && d.FromGit != nil:
			// The version in force, shown from git: its link that
			// names nothing now is its text alone (see staleLinks).
			f.links = append(f.links, target{ref: r, kind: toWithheld})
		case !ok && rs.past:
			f.links = append(f.links, target{ref: r, kind: toNothing})
		}
		if !ok {
			if len(f.problems) > problems && f.problems[len(f.problems)-1].Hint == brokenHint {
				id, _, _ := markdown.SplitTarget(r.dest)
				f.broken = append(f.broken, id)
			}
			continue
		}
		f.links = append(f.links, t)
	}
	return f
}

// graph fills in each published document's Graph from the others.
func graph(site *model.Site) {
	// The lookups by id (most of the work on a large site) run on every
	// core; the lists are then filled in one pass, in the order of the
	// documents, and each is sorted on its own.
	type edges struct {
		parent              *model.Document
		supersedes, related []*model.Document
	}
	resolved := make([]edges, len(site.Docs))
	par.Ranges(len(site.Docs), func(lo, hi int) {
		for i := lo; i < hi; i++ {
			d, e := site.Docs[i], &resolved[i]
			e.parent = site.Doc(d.Parent)
			for _, id := range d.Supersedes {
				if old := site.Doc(id); old != nil {
					e.supersedes = append(e.supersedes, old)
				}
			}
			for _, id := range d.Related {
				if r := site.Doc(id); r != nil {
					e.related = append(e.related, r)
				}
			}
		}
	})
	for i, d := range site.Docs {
		e := &resolved[i]
		if p := e.parent; p != nil {
			d.Graph.Parent = p
			p.Graph.Children = append(p.Graph.Children, d)
		}
		for _, old := range e.supersedes {
			d.Graph.Supersedes = append(d.Graph.Supersedes, old)
			old.Graph.SupersededBy = append(old.Graph.SupersededBy, d)
		}
		for _, r := range e.related {
			d.Graph.Related = append(d.Graph.Related, r)
			r.Graph.Related = append(r.Graph.Related, d)
		}
		for _, l := range d.Graph.LinksOut {
			if l.Target != nil && l.Target != d {
				l.Target.Graph.LinkedFrom = append(l.Target.Graph.LinkedFrom, d)
			}
		}
	}
	par.Ranges(len(site.Docs), func(lo, hi int) {
		for _, d := range site.Docs[lo:hi] {
			g := &d.Graph
			g.Children, g.LinkedFrom = sortedSet(g.Children), sortedSet(g.LinkedFrom)
			g.Supersedes, g.SupersededBy = sortedSet(g.Supersedes), sortedSet(g.SupersededBy)
			g.Related = sortedSet(g.Related)
		}
	})
}

// sortedSet sorts documents by id and drops repeats.
func sortedSet(list []*model.Document) []*model.Document {
	slices.SortFunc(list, func(a, b *model.Document) int { return strings.Compare(a.ID, b.ID) })
	return slices.Compact(list)
}

// brokenHint is the hint of a link that is no id and no path, such as
// "issues", which GitHub reads as the address of the repository's page.
const brokenHint = "link to a document by its id, e.g. [Access control policy](ISMS-P-009); other files need a path such as ./form.docx, and a page of another site its full address (https://…)"

// hints adds "did you mean" to the first broken links (a search over
// every id is too slow to make for hundreds of them).
// closestOther is the id closest to target but own, the id of the
// document the broken link is in: a link to itself is never the fix.
func closestOther(target string, ids []string, own string) string {
	s := suggest.Closest(target, ids)
	if s != own {
		return s
	}
	others := slices.DeleteFunc(slices.Clone(ids), func(id string) bool { return id == own })
	return suggest.Closest(target, others)
}

func hints(bodies []found, docs []*model.Document) {
	if !slices.ContainsFunc(bodies, func(b found) bool { return len(b.broken) > 0 }) {
		return // nearly always: nothing to search
	}
	ids := make([]string, len(docs))
	byFile := map[string]string{} // the id of each document whose file is named as another id
	for i, d := range docs {
		ids[i] = d.ID
		if file := model.FoldID(model.FileID(d.Path)); file != model.FoldID(d.ID) {
			byFile[file] = d.ID
		}
	}
	budget := suggest.NewBudget(50)
	for i := range bodies {
		k := 0
		for j := range bodies[i].problems {
			p := &bodies[i].problems[j]
			if p.Hint != brokenHint {
				continue
			}
			if s, ok := byFile[model.FoldID(bodies[i].broken[k])]; ok && s != docs[i].ID {
				// ISMS-F-001/index.md, whose id was changed to ISMS-F-011
				p.SetHint(diag.Msg("did you mean %q?", s))
			} else if budget.Take() {
				if s := closestOther(bodies[i].broken[k], ids, docs[i].ID); s != "" {
					p.SetHint(diag.Msg("did you mean %q?", s))
				}
			}
			k++
		}
	}
}

// staleLinks are the problems of the text of a document shown from
// git in place of its draft, with each error of a link made a warning:
// no edit of the file can change that text, so a link of it that names
// nothing now (a file deleted since) is its text alone. One the draft
// has too is reported as the draft's, an error (checkRevised).
func staleLinks(problems diag.List) diag.List {
	for k, p := range problems {
		if p.Severity == diag.Error {
			w := diag.New(p.File, p.Line, diag.Warning, "stale-link", "nothing in the file on disk changes it: once the draft is approved, the site shows the draft's own text, with its links",
				"the version in force, shown from git, has a link that no longer leads anywhere (%s): its text is shown without a link", p.Text())
			problems[k] = w
		}
	}
	return problems
}
