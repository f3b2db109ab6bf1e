package reports

import (
	"slices"

	"ismsgen/generator/model"
)

// depts finds the departments a document names in one step, for the
// reports that list every department's documents: asking each department
// of each document took a large site's reports 12 passes over 50,000
// documents.
type depts struct {
	all   int              // how many departments isms.toml lists
	index map[string][]int // department id → its places in Config.Departments
	seen  []int            // seen[i] == stamp: department i is already named
	stamp int
}

func newDepts(cfg *model.Config) *depts {
	ds := &depts{all: len(cfg.Departments), index: map[string][]int{}, seen: make([]int, len(cfg.Departments))}
	for i, d := range cfg.Departments {
		ds.index[d.ID] = append(ds.index[d.ID], i)
	}
	return ds
}

// each calls fn once for the place of every department in ids, in the
// order ids first names them; with all (for distribution = ["all"]), for
// every department in order.
func (ds *depts) each(ids []string, all bool, fn func(i int)) {
	if all {
		for i := range ds.all {
			fn(i)
		}
		return
	}
	ds.stamp++
	for _, id := range ids {
		for _, i := range ds.index[id] {
			if ds.seen[i] != ds.stamp {
				ds.seen[i] = ds.stamp
				fn(i)
			}
		}
	}
}

// distributedTo calls fn for every department d is distributed to, as
// Document.DistributedTo tells them.
func (ds *depts) distributedTo(d *model.Document, fn func(i int)) {
	ds.each(d.Distribution, slices.Contains(d.Distribution, model.AllStaff), fn)
}

// ownedBy calls fn for every department that owns d.
func (ds *depts) ownedBy(d *model.Document, fn func(i int)) { ds.each(d.Owners, false, fn) }
