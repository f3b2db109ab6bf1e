package link

import (
	"path"
	"slices"
	"strings"

	"ismsgen/generator/diag"
	"ismsgen/generator/markdown"
	"ismsgen/generator/model"
)

// WikiHints names, in the hint of each wiki link warned of ("[[访问控制
// 程序]]", markdown's wiki-link warning), the document the name probably
// means, when one of docs (other than the one it is written in) has it:
// as its id, as the name of its file (Obsidian's rule; a bundle's is
// its folder's) or as its title, in that order, case aside. The warning
// is made where each file is read alone; only the set knows the names.
func WikiHints(diags diag.List, docs []*model.Document) {
	var byName map[string][]*model.Document
	for i := range diags {
		d := &diags[i]
		if d.Code != "wiki-link" {
			continue
		}
		name, ok := markdown.WikiLinkName(d.HintText())
		if !ok {
			continue
		}
		if byName == nil {
			byName = namesOf(docs)
		}
		key := nameKey(name)
		for _, kind := range []string{"id", "file", "title"} {
			i := slices.IndexFunc(byName[kind+"\x00"+key], func(t *model.Document) bool { return t.Path != d.File })
			if i >= 0 {
				t := byName[kind+"\x00"+key][i]
				d.SetHint(diag.Msg("write [%[1]s](%[2]s): the name is probably that of %[2]s (%[3]s)", name, t.ID, t.Path))
				break
			}
		}
	}
}

// namesOf indexes docs by the kind of a name and the name (nameKey),
// each list in the order of the documents' files.
func namesOf(docs []*model.Document) map[string][]*model.Document {
	byName := map[string][]*model.Document{}
	add := func(kind, name string, d *model.Document) {
		if name = nameKey(name); name != "" {
			byName[kind+"\x00"+name] = append(byName[kind+"\x00"+name], d)
		}
	}
	for _, d := range docs {
		if d.ID == "" {
			continue // nothing to link it by
		}
		add("id", d.ID, d)
		file := strings.TrimSuffix(path.Base(d.Path), path.Ext(d.Path))
		if strings.EqualFold(file, "index") {
			file = path.Base(path.Dir(d.Path))
		}
		add("file", file, d)
		add("title", d.Title, d)
	}
	for _, list := range byName {
		slices.SortFunc(list, func(a, b *model.Document) int { return strings.Compare(a.Path, b.Path) })
	}
	return byName
}

// nameKey is a name as wiki links match it: without the spaces around
// it, case aside.
func nameKey(name string) string { return strings.ToLower(strings.TrimSpace(name)) }
