package reports

import (
	"strings"

	"ismsgen/generator/model"
)

// TrainingJSON is training.json: every course, for the training system.
type TrainingJSON struct {
	Courses []courseJSON `json:"courses"`
}

type courseJSON struct {
	Title       string           `json:"course"`
	URL         string           `json:"url"`
	Documents   []trainingDocRef `json:"documents"`
	Departments []deptJSON       `json:"departments"`
	AllStaff    bool             `json:"all_staff"`
}

type trainingDocRef struct {
	ID      string `json:"id"`
	Title   string `json:"title"`
	Version string `json:"version"`
	URL     string `json:"url"`
}

type deptJSON struct {
	ID   string `json:"id"`
	Name string `json:"name"`
}

// TrainingDocument makes the training.json value.
func TrainingDocument(data *Data) *TrainingJSON {
	out := &TrainingJSON{Courses: []courseJSON{}}
	for _, c := range data.Training.Courses {
		j := courseJSON{Title: c.Title, URL: c.URL, Documents: []trainingDocRef{}, Departments: []deptJSON{}, AllStaff: c.AllStaff}
		for _, d := range c.Docs {
			j.Documents = append(j.Documents, trainingDocRef{ID: d.ID, Title: d.Title, Version: d.Version, URL: d.URL()})
		}
		for _, dept := range c.Depts {
			j.Departments = append(j.Departments, deptJSON{ID: dept.ID, Name: dept.Name})
		}
		out.Courses = append(out.Courses, j)
	}
	return out
}

// trainingCSV is training.csv: a course per row, with the documents it
// goes with (id, title and version) and the departments that take it.
func trainingCSV(site *model.Site, data *Data, l labels) []byte {
	header := []string{l.t("training.course"), l.t("csv.url"), l.t("training.documents"), l.t("report.department")}
	var rows [][]string
	for _, c := range data.Training.Courses {
		docs := make([]string, len(c.Docs))
		for i, d := range c.Docs {
			docs[i] = l.t("training.doc_version", d.ID, d.Title, d.Version)
		}
		depts := make([]string, len(c.Depts))
		for i, dept := range c.Depts {
			depts[i] = dept.Name
		}
		rows = append(rows, []string{c.Title, c.URL, strings.Join(docs, "\n"), strings.Join(depts, l.t("list.sep"))})
	}
	return spreadsheetCSV(header, rows)
}
