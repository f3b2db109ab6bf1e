package link

import (
	"maps"
	"slices"
	"strings"

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
	broken   []string // ids of broken links, in the order of their diagnostics
	links    []model.Link
	anchors  map[string]bool
	problems diag.List
}

// Site decides what this build publishes, resolves the links among all
// documents and returns the published site. scanOf[d], when there, is
// Scan(d) or a Scan of an earlier copy of the same file: the build scans
// each body as it reads it, and serve keeps the scans of unchanged files
// between rebuilds. Bodies without one are scanned here.
func Site(cfg *model.Config, docs []*model.Document, opts Options, scanOf map[*model.Document]*Scanned) (*model.Site, diag.List) {
	scanOf = scanMissing(docs, scanOf)
	var diags diag.List
	all := make(map[string]*model.Document, len(docs))
	for _, d := range docs {
		all[model.FoldID(d.ID)] = d
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

	bodies := make([]found, len(docs))
	par.Ranges(len(docs), func(lo, hi int) {
		for i := lo; i < hi; i++ {
			bodies[i] = check(docs[i], scanOf[docs[i]], all, opts.Failed)
		}
	})
	hints(bodies, docs)
	anchors := make(map[*model.Document]map[string]bool, len(docs))
	for i, d := range docs {
		anchors[d] = bodies[i].anchors
		diags.Add(bodies[i].problems...)
	}

	// Each published document's links, on every core; the warnings are
	// kept in the order of the documents.
	warnings := make([]diag.List, len(docs))
	par.Ranges(len(docs), func(lo, hi int) {
		for i := lo; i < hi; i++ {
			linksOut(site, docs[i], bodies[i].links, all, anchors, &warnings[i])
		}
	})
	for _, w := range warnings {
		diags.Add(w...)
	}
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

// linksOut fills in the links of d, if it is published, and warns of
// those to documents left out or to headings that are not there.
func linksOut(site *model.Site, d *model.Document, links []model.Link, all map[string]*model.Document, anchors map[*model.Document]map[string]bool, warnings *diag.List) {
	if site.Doc(d.ID) != d {
		return
	}
	for _, l := range links {
		target := all[model.FoldID(l.TargetID)]
		if site.Doc(target.ID) == nil {
			warnings.Warnf(d.Path, l.Line, "withheld-link", "publish the target (approve it, or build with --drafts or a higher --classification), or remove the link", "link to %s, a document this build leaves out: its text is shown without a link", l.TargetID)
		} else {
			l.Target = target
			if l.Fragment != "" && !anchors[target][l.Fragment] {
				warnings.Warnf(d.Path, l.Line, "missing-anchor", diag.Msg("link to one of the headings of %[1]s, e.g. %[1]s#%[2]s", target.ID, firstAnchor(anchors[target])), "%s has no heading with the id %q", target.ID, l.Fragment)
			}
		}
		d.Graph.LinksOut = append(d.Graph.LinksOut, l)
	}
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

// Scanned is what one body holds for the link stage: its id links, in
// body order, whether or not their targets exist, and its heading anchors.
// It depends only on the body, where it starts and the attachment names.
type Scanned struct {
	links   []model.Link
	images  []model.Link // those of links written as images, "![](ISMS-P-009)"
	anchors map[string]bool
}

// Scan reads one document's body (markdown.ScanLinks) and collects its id
// links, at their lines, and its heading anchors.
func Scan(d *model.Document) *Scanned {
	s := &Scanned{anchors: map[string]bool{}}
	links, ids := markdown.ScanLinks(d.Body)
	for _, id := range ids {
		s.anchors[id] = true
	}
	attachments := map[string]bool{}
	for _, a := range d.Attachments {
		attachments[a.Name] = true
	}
	for _, l := range links {
		split := markdown.SplitTarget
		if l.Kind == markdown.KindImage {
			split = markdown.ImageID
		}
		id, frag, isID := split(l.Dest)
		if !isID || attachments[l.Dest] {
			continue
		}
		link := model.Link{TargetID: id, Fragment: frag, Line: d.BodyLine + l.Line}
		s.links = append(s.links, link)
		if l.Kind == markdown.KindImage {
			s.images = append(s.images, link)
		}
	}
	return s
}

// check sorts a scanned body's links into those whose target exists and
// broken ones, which are errors at their lines, unless the target is a
// document that failed.
func check(d *model.Document, s *Scanned, all map[string]*model.Document, failed map[string]bool) found {
	f := found{anchors: s.anchors}
	for _, l := range s.links {
		if key := model.FoldID(l.TargetID); all[key] == nil {
			if failed[key] {
				continue // its own errors are reported at its file
			}
			f.problems.Errorf(d.Path, l.Line, brokenHint, "broken link: no document has the id %q", l.TargetID)
			f.broken = append(f.broken, l.TargetID)
			continue
		}
		f.links = append(f.links, l)
	}
	for _, l := range s.images {
		if all[model.FoldID(l.TargetID)] != nil {
			f.problems.Warnf(d.Path, l.Line, "image-of-document", "write [text](ID) for a link to a document; an image needs a picture file, such as ./diagram.png", "image whose source is the document %s: it is shown as a link to the document", l.TargetID)
		}
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

const brokenHint = "link to a document by its id, e.g. [管理评审程序](ISMS-P-009); other files need a path such as ./form.docx"

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
	ids := make([]string, len(docs))
	for i, d := range docs {
		ids[i] = d.ID
	}
	budget := suggest.NewBudget(50)
	for i := range bodies {
		k := 0
		for j := range bodies[i].problems {
			p := &bodies[i].problems[j]
			if p.Hint != brokenHint {
				continue
			}
			if budget.Take() {
				if s := closestOther(bodies[i].broken[k], ids, docs[i].ID); s != "" {
					p.SetHint(diag.Msg("did you mean %q?", s))
				}
			}
			k++
		}
	}
}
