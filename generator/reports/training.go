package reports

import (
	"slices"

	"ismsgen/generator/model"
)

// Training is the awareness training that goes with the current (not
// obsolete) published documents.
type Training struct {
	Docs  []*model.Document // documents with training, by tier and id
	Depts []DeptTraining    // every department, in isms.toml order
}

// DeptTraining is the training for the documents distributed to one department.
type DeptTraining struct {
	Dept    model.Department
	Courses []Course
}

// Course is one training link and the documents it goes with. Courses
// with the same address are one course.
type Course struct {
	Title string
	URL   string
	Docs  []*model.Document
}

func training(site *model.Site) Training {
	var t Training
	for _, d := range site.Docs {
		if d.IsCurrent() && len(d.Training) > 0 {
			t.Docs = append(t.Docs, d)
		}
	}
	slices.SortFunc(t.Docs, byTierAndID)
	for _, dept := range site.Config.Departments {
		dt := DeptTraining{Dept: dept}
		index := map[string]int{}
		for _, d := range t.Docs {
			if !d.DistributedTo(dept.ID) {
				continue
			}
			for _, c := range d.Training {
				i, ok := index[c.URL]
				if !ok {
					i = len(dt.Courses)
					index[c.URL] = i
					dt.Courses = append(dt.Courses, Course{Title: c.Title, URL: c.URL})
				}
				if docs := dt.Courses[i].Docs; len(docs) == 0 || docs[len(docs)-1] != d {
					dt.Courses[i].Docs = append(docs, d)
				}
			}
		}
		t.Depts = append(t.Depts, dt)
	}
	return t
}
