package reports

import (
	"bytes"
	"encoding/json"
	"encoding/xml"

	"ismsgen/generator/i18n"
	"ismsgen/generator/internal/par"
	"ismsgen/generator/model"
)

// File is one machine-readable output file, relative to the site root.
type File struct {
	Path string
	Data []byte
}

// Files makes every machine-readable file of the site; strings label the
// columns and events of the exports in the site's language. pages are the
// URLs of the pages that are not documents' (for the sitemap).
func Files(site *model.Site, data *Data, pages []string, strings *i18n.Strings) []File {
	return append(DataFiles(site, data, strings), SitemapFile(site, pages))
}

// dataJobs are the jobs of DataFiles. A build runs them while the pages
// are rendered.
func dataJobs(site *model.Site, data *Data, strings *i18n.Strings) []dataJob {
	l := labels{s: strings, cfg: site.Config}
	jobs := []dataJob{
		{"documents.json", func() []byte { return DocumentsJSON(site, data) }},
		{"reviews.json", func() []byte { return marshal(ReviewsDocument(site, data)) }},
		{"reviews.csv", func() []byte { return reviewsCSV(site, data, l) }},
		{"register.csv", func() []byte { return registerCSV(site, data, l) }},
		{"soa.csv", func() []byte { return SoACSV(site, data, l) }},
		{"reviews.ics", func() []byte { return calendar(site, data.Reviews, nil, l.t("ics.name", site.Config.Title), l) }},
		{"feed.xml", func() []byte { return feed(site, l) }},
		{"records.json", func() []byte { return marshal(RecordsDocument(site, data)) }},
		{"records.csv", func() []byte { return recordsCSV(site, data, l) }},
		{"actions.json", func() []byte { return marshal(ActionsDocument(site, data)) }},
		{"actions.csv", func() []byte { return actionsCSV(site, data, l) }},
		{"management-review.json", func() []byte { return marshal(ManagementReviewDocument(site, data)) }},
		{"training.json", func() []byte { return marshal(TrainingDocument(data)) }},
		{"training.csv", func() []byte { return trainingCSV(site, data, l) }},
	}
	for _, o := range data.Owners {
		if o.HasCalendar() {
			name := l.t("ics.name_owner", site.Config.Title, o.Dept.Name)
			jobs = append(jobs, dataJob{o.CalendarPath(), func() []byte { return calendar(site, o.Reviews(data), o.Actions, name, l) }})
		}
	}
	return jobs
}

// dataJob makes one file of DataFiles.
type dataJob struct {
	path string
	make func() []byte
}

// DataFiles makes the files of Files that need nothing from the rendered
// pages: all but the sitemap. Each file is made on its own: on a large
// site documents.json alone takes a tenth of a second.
func DataFiles(site *model.Site, data *Data, strings *i18n.Strings) []File {
	jobs := dataJobs(site, data, strings)
	files := make([]File, len(jobs))
	par.Each(len(jobs), func(i int) { files[i] = File{jobs[i].path, jobs[i].make()} })
	return files
}

// WriteDataFiles makes the files of DataFiles one after another and
// passes each to write as soon as it is made, so that a build beside the
// pages holds one file in the making at a time (on a large site, a few
// megabytes) rather than one per core: the pages keep the cores busy. It
// returns the first error of write, in the order of DataFiles.
func WriteDataFiles(site *model.Site, data *Data, strings *i18n.Strings, write func(File) error) error {
	var first error
	for _, job := range dataJobs(site, data, strings) {
		if err := write(File{job.path, job.make()}); err != nil && first == nil {
			first = err
		}
	}
	return first
}

// SitemapFile is sitemap.xml (see Sitemap).
func SitemapFile(site *model.Site, pages []string) File {
	return File{"sitemap.xml", Sitemap(site, pages)}
}

// jsonDate is a date that marshals as "YYYY-MM-DD" or null.
type jsonDate model.Date

func (d jsonDate) MarshalJSON() ([]byte, error) {
	if model.Date(d).IsZero() {
		return []byte("null"), nil
	}
	b := append(make([]byte, 0, 12), '"')
	return append(model.Date(d).AppendISO(b), '"'), nil // digits and dashes: nothing to escape
}

type documentJSON struct {
	ID             string   `json:"id"`
	Title          string   `json:"title"`
	Tier           int      `json:"tier"`
	Type           string   `json:"type"`
	Version        string   `json:"version"`
	Status         string   `json:"status"`
	Classification string   `json:"classification"`
	Owners         []string `json:"owners"`
	Distribution   []string `json:"distribution"`
	URL            string   `json:"url"`
	Approved       jsonDate `json:"approved"`
	Effective      jsonDate `json:"effective"`
	NextReview     jsonDate `json:"next_review"`
	ReviewState    *State   `json:"review_state"`
	Parent         *string  `json:"parent"`
	Controls       []string `json:"controls"`
	Retention      *string  `json:"retention"`
}

// DocumentsJSON is documents.json: every published document (see
// docs/format.md, "Machine-readable files").
func DocumentsJSON(site *model.Site, data *Data) []byte {
	return marshalList(`{"generated":`, site.Now.String(), `,"documents":[`, len(site.Docs), func(i int) *documentJSON {
		d := site.Docs[i]
		j := &documentJSON{
			ID: d.ID, Title: d.Title, Tier: d.Tier, Type: d.Type, Version: d.Version, Status: d.Status,
			Classification: d.Classification, Owners: nonNil(d.Owners), Distribution: nonNil(d.Distribution),
			URL: d.URL(), Approved: jsonDate(d.Approved), Effective: jsonDate(d.Effective), Controls: nonNil(d.Controls),
			Retention: retentionOf(d),
		}
		if r := data.ReviewOf(d); r != nil {
			j.NextReview = jsonDate(r.Date)
			state := r.State
			j.ReviewState = &state
		} else {
			j.NextReview = jsonDate(d.NextReview)
		}
		if p := d.Graph.Parent; p != nil {
			j.Parent = &p.ID
		}
		return j
	}, "]}\n")
}

// marshalList encodes an object whose last member is a list as JSON with
// one element of the list to a line, without indentation: a large site's
// documents.json is a third smaller than indented, and still read and
// compared line by line. head is the object up to its first value, first
// that value, mid the text up to the list's "[", then the n elements that
// item makes, tail what follows the list. Each element is encoded straight
// into the file and let go: the list is never held whole.
func marshalList[T any](head string, first any, mid string, n int, item func(i int) T, tail string) []byte {
	v, _ := json.Marshal(first)
	var b bytes.Buffer
	b.Grow(64 + n*384)
	b.WriteString(head)
	b.Write(v)
	b.WriteString(mid)
	enc := json.NewEncoder(&b) // escapes <, > and & as json.Marshal does
	for i := range n {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteByte('\n')
		_ = enc.Encode(item(i)) // only plain data types: cannot fail
		b.Truncate(b.Len() - 1) // the newline Encode ends each value with
	}
	if n > 0 {
		b.WriteByte('\n')
	}
	b.WriteString(tail)
	return b.Bytes()
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// marshal encodes v as indented JSON ending in a newline; <, > and & are
// escaped as \u003c etc., so the file is safe to embed anywhere.
func marshal(v any) []byte {
	compact, _ := json.Marshal(v) // only plain data types: cannot fail
	// Indented once into room for it, where an indenting Encoder would
	// grow two buffers from empty: documents.json is megabytes.
	var b bytes.Buffer
	b.Grow(len(compact)*2 + 1)
	_ = json.Indent(&b, compact, "", "  ")
	b.WriteByte('\n')
	return b.Bytes()
}

// Sitemap lists every page by its absolute URL (base_url); it is empty of
// URLs when base_url is not set, since sitemaps need absolute addresses.
func Sitemap(site *model.Site, pages []string) []byte {
	var b bytes.Buffer
	b.WriteString(xml.Header)
	b.WriteString(`<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">` + "\n")
	if base := site.Config.BaseURL; base != "" {
		for _, p := range pages {
			b.WriteString("  <url><loc>")
			_ = xml.EscapeText(&b, []byte(base+p))
			b.WriteString("</loc></url>\n")
		}
	}
	b.WriteString("</urlset>\n")
	return b.Bytes()
}
