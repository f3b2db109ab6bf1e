package validate

import (
	"slices"
	"strings"

	"ismsgen/generator/diag"
	"ismsgen/generator/internal/par"
	"ismsgen/generator/internal/suggest"
	"ismsgen/generator/load"
	"ismsgen/generator/model"
)

// Document converts and checks one loaded document on its own, without
// the rules that need the other documents (see Set). serve keeps the
// result while the file is unchanged.
func Document(cfg *model.Config, src *load.Doc) (*model.Document, diag.List) {
	var diags diag.List
	d := document(cfg, src, &diags)
	return d, diags
}

// Set checks the rules that span documents — unique ids, parents that
// exist and form no cycle, supersedes and related targets, one current
// Statement of Applicability — over documents converted by Document,
// given in path order. It returns those that have an id, sorted
// by id, even one with errors, so that later checks can still run;
// callers stop when the diagnostics contain errors. failed holds the
// ids (model.FoldID) of the documents that could not be read or
// converted: their errors are reported at their own files, and a
// reference to one is not reported again. Set adds the file names of
// the documents whose id another has (isms-p-002.md for ISMS-P-002).
func Set(converted []*model.Document, failed map[string]bool) ([]*model.Document, diag.List) {
	var diags diag.List
	if failed == nil {
		failed = map[string]bool{}
	}
	byID := map[string]*model.Document{}
	var docs []*model.Document
	for _, d := range converted {
		d.IDTaken = false // serve keeps the documents of unchanged files
	}
	for _, d := range converted { // src is in path order, so "first" is stable
		if d.ID == "" {
			continue
		}
		key := model.FoldID(d.ID)
		if first, dup := byID[key]; dup {
			if model.FoldID(model.FileID(d.Path)) == key && model.FoldID(model.FileID(first.Path)) != key {
				// isms-p-002.md given isms-p-003.md's id: the mistake is
				// in the file that is not named after the id.
				byID[key], docs[slices.Index(docs, first)] = d, d
				first, d = d, first
			}
			duplicateID(d, first, &diags)
			// An id copied with the file: isms-p-002.md's references
			// meant it, and are not reported again.
			failed[model.FoldID(model.FileID(d.Path))] = true
			first.IDTaken = true
			continue
		}
		byID[key] = d
		docs = append(docs, d)
	}
	slices.SortFunc(docs, func(a, b *model.Document) int { return strings.Compare(a.ID, b.ID) })

	ids := make([]string, len(docs))
	for i, d := range docs {
		ids[i] = d.ID
	}
	sg := &suggester{ids: ids, budget: suggest.NewBudget(suggestions), docs: docs}
	sg.prefetch(unknownReferences(docs, byID, failed, suggestions))
	for _, d := range docs {
		references(d, byID, failed, sg, &diags)
	}
	parentCycles(docs, byID, &diags)
	soaCount(docs, byID, &diags)
	actionReferences(docs, byID, failed, sg, &diags)
	return docs, diags
}

// staleHint is the hint of a stale-link warning: a name in the version
// in force of a draft, shown from git, that leads nowhere now (as
// link's staleLinks says of its links).
const staleHint = "nothing in the file on disk changes it: once the draft is approved, the site shows the draft's own text, with its links"

func references(d *model.Document, byID map[string]*model.Document, failed map[string]bool, sg *suggester, diags *diag.List) {
	check := func(key, id string) *model.Document {
		target := byID[model.FoldID(id)]
		switch {
		case target == nil && failed[model.FoldID(id)]:
			// Its own errors are reported at its file.
		case target == nil && key == "supersedes":
			// Replaced documents often predate the document set (an id of
			// the old system): a warning, with a suggestion in case of a typo.
			var hint any = "if the replaced document is kept in content/, check the id; if it predates this document set, nothing needs doing"
			if s := sg.closest(id); s != "" {
				hint = diag.Msg("did you mean %q?", s)
			}
			diags.Warnf(d.Path, d.Line(key), "supersedes-unknown", hint, "supersedes %q, which is not in this document set", id)
		case target == nil && d.FromGit != nil:
			// The version in force of a draft, shown from git: no edit
			// of the file changes what it names.
			diags.Warnf(d.Path, d.Line(key), "stale-link", staleHint,
				"the version in force, shown from git, names %q in %s, which no document has now: it is shown without a link", id, key)
			return nil
		case target == nil:
			var hint any = "check the id; it must be the id of a document in content/"
			if s := sg.closest(id); s != "" {
				hint = diag.Msg("did you mean %q?", s)
			}
			diags.Errorf(d.Path, d.Line(key), hint, "%s names %q, but no document has that id", key, id)
		case target == d:
			diags.Errorf(d.Path, d.Line(key), diag.Msg("remove the document's own id from %s", key), "%s names the document itself", key)
			return nil
		}
		return target
	}
	eachReference(d, func(key, id string) {
		if p := check(key, id); key == "parent" && p != nil && p.Tier > d.Tier && d.Tier > 0 {
			diags.Warnf(d.Path, d.Line("parent"), "parent-tier", "the parent is the higher-tier document that this one implements (tier 1 above tier 2 above tier 3)", "parent %s is tier %d, below this tier-%d document", p.ID, p.Tier, d.Tier)
		}
	})
}

// eachReference calls fn with each id that d's front matter names, and
// its key, in the order references checks them.
func eachReference(d *model.Document, fn func(key, id string)) {
	if d.Parent != "" {
		fn("parent", d.Parent)
	}
	for _, id := range d.Supersedes {
		fn("supersedes", id)
	}
	for _, id := range d.Related {
		fn("related", id)
	}
}

// parentCycles reports each cycle of parents once: at the one parent
// that is of a lower tier when there is one, else at the line of the
// parent key of every document in the cycle.
func parentCycles(docs []*model.Document, byID map[string]*model.Document, diags *diag.List) {
	const (
		unvisited = iota
		visiting
		done
	)
	state := map[*model.Document]int{}
	for _, start := range docs {
		var chain []*model.Document
		d := start
		for d != nil && state[d] == unvisited {
			state[d] = visiting
			chain = append(chain, d)
			next := byID[model.FoldID(d.Parent)]
			if next == d { // reported by references as "names the document itself"
				next = nil
			}
			d = next
		}
		if d != nil && state[d] == visiting {
			i := slices.Index(chain, d)
			cycle := chain[i:]
			names := make([]string, 0, len(cycle)+1)
			for _, c := range cycle {
				names = append(names, c.ID)
			}
			names = append(names, cycle[0].ID)
			// The one link in the cycle that goes down a tier is the
			// mistake (a manual given a procedure as parent): the cycle
			// is reported there alone, not also at the right links.
			var down []*model.Document
			for _, c := range cycle {
				if p := byID[model.FoldID(c.Parent)]; p.Tier > c.Tier && c.Tier > 0 {
					down = append(down, c)
				}
			}
			if len(down) == 1 {
				c := down[0]
				*diags = slices.DeleteFunc(*diags, func(x diag.Diagnostic) bool { return x.Code == "parent-tier" && x.File == c.Path })
				diags.Errorf(c.Path, c.Line("parent"), diag.Msg("%s is of a lower tier: remove parent here, or name the higher-tier document this one implements", c.Parent), "parent cycle: %s", strings.Join(names, " → "))
			} else {
				for _, c := range cycle {
					diags.Errorf(c.Path, c.Line("parent"), "a document's parent is a higher-tier document; remove parent from one document of the cycle", "parent cycle: %s", strings.Join(names, " → "))
				}
			}
		}
		for _, c := range chain {
			state[c] = done
		}
	}
}

// soaCount allows one current Statement of Applicability, unless the
// newer ones supersede the older.
func soaCount(docs []*model.Document, byID map[string]*model.Document, diags *diag.List) {
	var current []*model.Document
	for _, d := range docs {
		if d.Type == model.TypeSoA && d.Status != model.StatusObsolete {
			current = append(current, d)
		}
	}
	replaced := map[*model.Document]bool{}
	for _, d := range current {
		for _, id := range d.Supersedes {
			if t := byID[model.FoldID(id)]; t != nil {
				replaced[t] = true
			}
		}
	}
	var live []*model.Document
	for _, d := range current {
		if !replaced[d] {
			live = append(live, d)
		}
	}
	if len(live) > 1 {
		for _, d := range live[1:] {
			diags.Errorf(d.Path, d.Line("type"), diag.Msg("keep one current SoA: mark the old one status = \"obsolete\", or list it in supersedes = [%q]", live[0].ID), "a second current Statement of Applicability; %s is one too", live[0].ID)
		}
	}
}

// suggester finds the "did you mean" ids within a budget; the index of
// the ids is made by the first search.
type suggester struct {
	ids    []string
	index  *suggest.Index
	budget *suggest.Budget
	found  map[string]string // the searches made ahead (see prefetch)
	docs   []*model.Document
	byFile map[string]string // the id of each document whose file is named as another id, made by the first search
}

func (sg *suggester) closest(id string) string {
	if sg.byFile == nil {
		sg.byFile = map[string]string{}
		for _, d := range sg.docs {
			if file := model.FoldID(model.FileID(d.Path)); file != model.FoldID(d.ID) {
				sg.byFile[file] = d.ID
			}
		}
	}
	if s, ok := sg.byFile[model.FoldID(id)]; ok {
		return s // ISMS-F-001/index.md, whose id was changed to ISMS-F-011
	}
	if !sg.budget.Take() {
		return ""
	}
	if s, ok := sg.found[id]; ok {
		return s
	}
	if sg.index == nil {
		sg.index = suggest.NewIndex(sg.ids)
	}
	return sg.index.Closest(id)
}

// suggestions is how many unknown references get a "did you mean".
const suggestions = 50

// prefetch searches for the ids that closest will be asked about, on
// every core: each search passes over every document id (2.6 ms on
// 50,000 documents), and fifty of them one after the other were an
// eighth of a second in which the other core idled.
func (sg *suggester) prefetch(ids []string) {
	ids = slices.Compact(slices.Sorted(slices.Values(ids)))
	if len(ids) == 0 {
		return
	}
	sg.index = suggest.NewIndex(sg.ids)
	found := make([]string, len(ids))
	par.Each(len(ids), func(i int) { found[i] = sg.index.Closest(ids[i]) })
	sg.found = make(map[string]string, len(ids))
	for i, id := range ids {
		sg.found[id] = found[i]
	}
}

// unknownReferences lists the first n references to ids that no document
// has, in the order references checks them (with repeats).
func unknownReferences(docs []*model.Document, byID map[string]*model.Document, failed map[string]bool, n int) []string {
	var out []string
	for _, d := range docs {
		if len(out) == n {
			break
		}
		eachReference(d, func(_, id string) {
			if len(out) < n && byID[model.FoldID(id)] == nil && !failed[model.FoldID(id)] {
				out = append(out, id)
			}
		})
	}
	return out
}

// duplicateID reports at d's id that first has the same id.
func duplicateID(d, first *model.Document, diags *diag.List) {
	if first.ID != d.ID {
		diags.Errorf(d.Path, d.Line("id"), "give each document its own id; rename one of them", "duplicate id %q (ids are compared ignoring case: %q): also used by %s:%d", d.ID, first.ID, first.Path, first.Line("id"))
	} else {
		diags.Errorf(d.Path, d.Line("id"), "give each document its own id; rename one of them", "duplicate id %q: also used by %s:%d", d.ID, first.Path, first.Line("id"))
	}
}
