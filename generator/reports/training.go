package reports

import (
	"slices"
	"strings"

	"ismsgen/generator/model"
)

// Training is the awareness training that goes with the current (not
// obsolete) published documents.
type Training struct {
	Docs    []*model.Document // documents with training, by tier and id
	Courses []Course          // every course once, by title
}

// Course is one training course (the courses of the documents with the
// same address are one), the documents it goes with, and the
// departments those documents are distributed to.
type Course struct {
	Title    string
	URL      string
	Docs     []*model.Document  // by tier and id
	Depts    []model.Department // in isms.toml order
	AllStaff bool               // a document of it is distributed to all staff
}

func training(site *model.Site) Training {
	var t Training
	for _, d := range site.Docs {
		if d.IsCurrent() && len(d.Training) > 0 {
			t.Docs = append(t.Docs, d)
		}
	}
	slices.SortFunc(t.Docs, byTierAndID)
	index := map[string]int{}
	for _, d := range t.Docs {
		for _, c := range d.Training {
			i, ok := index[c.URL]
			if !ok {
				i = len(t.Courses)
				index[c.URL] = i
				t.Courses = append(t.Courses, Course{Title: c.Title, URL: c.URL})
			}
			if docs := t.Courses[i].Docs; len(docs) == 0 || docs[len(docs)-1] != d {
				t.Courses[i].Docs = append(docs, d)
			}
		}
	}
	for i := range t.Courses {
		c := &t.Courses[i]
		for _, d := range c.Docs {
			c.AllStaff = c.AllStaff || slices.Contains(d.Distribution, model.AllStaff)
		}
		for _, dept := range site.Config.Departments {
			if slices.ContainsFunc(c.Docs, func(d *model.Document) bool { return d.DistributedTo(dept.ID) }) {
				c.Depts = append(c.Depts, dept)
			}
		}
	}
	slices.SortStableFunc(t.Courses, func(a, b Course) int {
		return strings.Compare(a.Title, b.Title)
	})
	return t
}
