package reports

import (
	"bytes"
	"encoding/csv"
	"strconv"

	"ismsgen/generator/model"
)

// bom is the UTF-8 byte-order mark that makes Excel and WPS read a CSV
// file as UTF-8.
const bom = "\ufeff"

// spreadsheetCSV writes a CSV file that opens correctly in Excel and WPS:
// UTF-8 with a byte-order mark, CRLF line ends, RFC 4180 quoting, and every
// cell made safe against formula injection (see safeCell).
func spreadsheetCSV(header []string, rows [][]string) []byte {
	// The buffer is made once, a little larger than the cells and their
	// separators (quotes and apostrophes add a few bytes), rather than
	// doubled from empty: register.csv is megabytes.
	size := len(bom) + csvSize(header)
	for _, row := range rows {
		size += csvSize(row)
	}
	var b bytes.Buffer
	b.Grow(size + size/16)
	b.WriteString(bom)
	w := csv.NewWriter(&b)
	w.UseCRLF = true
	safe := make([]string, 0, len(header)) // one row at a time: Write keeps nothing of it
	for i := -1; i < len(rows); i++ {
		row := header
		if i >= 0 {
			row = rows[i]
		}
		safe = safe[:0]
		for _, c := range row {
			safe = append(safe, safeCell(c))
		}
		_ = w.Write(safe) // writes to a bytes.Buffer: cannot fail
	}
	w.Flush()
	return b.Bytes()
}

// csvSize is the length of row's cells with a comma after each and CRLF.
func csvSize(row []string) int {
	n := 1 + len(row)
	for _, c := range row {
		n += len(c)
	}
	return n
}

// safeCell neutralises spreadsheet formula injection: a cell starting
// with = + - @, a tab or a carriage return gets a leading apostrophe, so
// the spreadsheet shows it as text instead of evaluating it. A plain
// integer such as -12 (the days column) is a number, not a formula, and is
// left alone so that it still sorts as a number.
func safeCell(s string) string {
	if s == "" {
		return s
	}
	switch s[0] {
	case '=', '+', '-', '@', '\t', '\r':
		if _, err := strconv.Atoi(s); err == nil && s[0] == '-' {
			return s
		}
		return "'" + s
	}
	return s
}

// registerCSV is register.csv: the master list of controlled documents
// (受控文件清单), every published document, in documents.json's order.
func registerCSV(site *model.Site, data *Data, l labels) []byte {
	header := []string{
		l.t("field.id"), l.t("field.title"), l.t("field.tier"), l.t("field.type"), l.t("field.version"),
		l.t("field.status"), l.t("field.classification"), l.t("field.owners"), l.t("field.author"),
		l.t("field.reviewer"), l.t("field.approver"), l.t("field.approved"), l.t("field.effective"),
		l.t("field.last_reviewed"), l.t("field.next_review"), l.t("field.review_state"),
		l.t("field.distribution"), l.t("field.parent"), l.t("csv.url"), l.t("field.retention"),
	}
	rows := make([][]string, 0, len(site.Docs))
	for _, d := range site.Docs {
		next, state := d.NextReview, l.t("review.none")
		if r := data.ReviewOf(d); r != nil {
			next, state = r.Date, l.code("review.", string(r.State))
		}
		parent := ""
		if p := d.Graph.Parent; p != nil {
			parent = p.ID
		}
		rows = append(rows, []string{
			d.ID, d.Title, strconv.Itoa(d.Tier), l.code("type.", d.Type), d.Version,
			l.code("status.", d.Status), l.code("class.", d.Classification), l.depts(d.Owners), d.Author,
			d.Reviewer, d.Approver, d.Approved.String(), d.Effective.String(),
			d.LastReviewed.String(), next.String(), state,
			l.depts(d.Distribution), parent, absURL(site.Config, d.URL()), l.retention(d.Kept),
		})
	}
	return spreadsheetCSV(header, rows)
}

// reviewsCSV is reviews.csv: every document subject to review, most
// urgent first, as in reviews.json.
func reviewsCSV(site *model.Site, data *Data, l labels) []byte {
	header := []string{
		l.t("field.id"), l.t("field.title"), l.t("field.version"), l.t("field.owners"), l.t("field.approver"),
		l.t("field.last_reviewed"), l.t("field.next_review"), l.t("field.review_state"), l.t("csv.days"), l.t("csv.url"),
	}
	rows := make([][]string, 0, len(data.Reviews))
	for _, r := range data.Reviews {
		d, days := r.Doc, ""
		if r.State != Missing {
			days = strconv.Itoa(r.Days)
		}
		rows = append(rows, []string{
			d.ID, d.Title, d.Version, l.depts(d.Owners), d.Approver,
			d.LastReviewed.String(), r.Date.String(), l.code("review.", string(r.State)), days, absURL(site.Config, d.URL()),
		})
	}
	return spreadsheetCSV(header, rows)
}
