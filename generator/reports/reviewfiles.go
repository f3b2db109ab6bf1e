package reports

import (
	"fmt"
	"io"

	"ismsgen/generator/diag"
	"ismsgen/generator/model"
)

// ReviewsJSON is reviews.json and the reviews member of check --format json.
type ReviewsJSON struct {
	Now         string       `json:"now"`
	DueSoonDays int          `json:"due_soon_days"`
	Documents   []reviewJSON `json:"documents"`
}

type reviewJSON struct {
	ID         string   `json:"id"`
	Title      string   `json:"title"`
	URL        string   `json:"url"`
	Owners     []string `json:"owners"`
	NextReview jsonDate `json:"next_review"`
	State      State    `json:"state"`
	Days       *int     `json:"days"`
}

// ReviewsDocument makes the reviews.json value, most urgent first.
func ReviewsDocument(site *model.Site, data *Data) *ReviewsJSON {
	out := &ReviewsJSON{Now: site.Now.String(), DueSoonDays: site.Config.DueSoonDays, Documents: []reviewJSON{}}
	for _, r := range data.Reviews {
		j := reviewJSON{ID: r.Doc.ID, Title: r.Doc.Title, URL: r.Doc.URL(), Owners: nonNil(r.Doc.Owners), NextReview: jsonDate(r.Date), State: r.State}
		if r.State != Missing {
			days := r.Days
			j.Days = &days
		}
		out.Documents = append(out.Documents, j)
	}
	return out
}

// NeedsAttention reports whether any review is overdue or missing.
func (d *Data) NeedsAttention() bool {
	for _, r := range d.Reviews {
		if r.State == Overdue || r.State == Missing {
			return true
		}
	}
	return false
}

// AttentionSummary says in a few words what NeedsAttention and
// NeedsAction found, e.g. "2 reviews overdue, 1 review date missing,
// 1 action overdue", in the language of c.
func (d *Data) AttentionSummary(c *diag.Catalog) string {
	overdue, missing := 0, 0
	for _, r := range d.Reviews {
		switch r.State {
		case Overdue:
			overdue++
		case Missing:
			missing++
		}
	}
	var parts []any
	switch {
	case overdue == 1:
		parts = append(parts, diag.Msg("1 review overdue"))
	case overdue > 1:
		parts = append(parts, diag.Msg("%d reviews overdue", overdue))
	}
	switch {
	case missing == 1:
		parts = append(parts, diag.Msg("1 review date missing"))
	case missing > 1:
		parts = append(parts, diag.Msg("%d review dates missing", missing))
	}
	switch n := countActions(d.Actions).Overdue; {
	case n == 1:
		parts = append(parts, diag.Msg("1 action overdue"))
	case n > 1:
		parts = append(parts, diag.Msg("%d actions overdue", n))
	}
	return c.Sprintf("%s", diag.Join{Items: parts, Last: diag.Comma})
}

// PrintReviews writes the review report for check, in the language of c:
// overdue, due soon and missing, each line with the path:line of the
// document's review field.
func PrintReviews(w io.Writer, c *diag.Catalog, site *model.Site, data *Data) {
	counts := map[State]int{}
	for _, r := range data.Reviews {
		counts[r.State]++
	}
	sections := []struct {
		state State
		title diag.Text
	}{
		{Overdue, diag.Msg("overdue (%d):", counts[Overdue])},
		{DueSoon, diag.Msg("due within %d days (%d):", site.Config.DueSoonDays, counts[DueSoon])},
		{Missing, diag.Msg("missing a review date (%d):", counts[Missing])},
	}
	fmt.Fprintln(w, c.Sprintf("Reviews as of %s: %d overdue, %d due soon, %d missing, %d ok", site.Now, counts[Overdue], counts[DueSoon], counts[Missing], counts[OK]))
	for _, s := range sections {
		if counts[s.state] == 0 {
			continue
		}
		fmt.Fprintf(w, "\n%s\n", c.Text(s.title))
		for _, r := range data.Reviews {
			if r.State != s.state {
				continue
			}
			var line string
			switch {
			case r.State == Overdue && r.Days == -1:
				line = c.Sprintf("%s %s — review was due %s (%d day ago)", r.Doc.ID, r.Doc.Title, r.Date, -r.Days)
			case r.State == Overdue:
				line = c.Sprintf("%s %s — review was due %s (%d days ago)", r.Doc.ID, r.Doc.Title, r.Date, -r.Days)
			case r.State == DueSoon && r.Days == 1:
				line = c.Sprintf("%s %s — review due %s (in %d day)", r.Doc.ID, r.Doc.Title, r.Date, r.Days)
			case r.State == DueSoon:
				line = c.Sprintf("%s %s — review due %s (in %d days)", r.Doc.ID, r.Doc.Title, r.Date, r.Days)
			case r.State == Missing:
				if !r.Cycle.IsZero() {
					line = c.Sprintf("%s %s — no review date: nothing to count its review cycle from; set last_reviewed or next_review", r.Doc.ID, r.Doc.Title)
					break
				}
				line = c.Sprintf("%s %s — no review date: set next_review, or a review_cycle (document, [review_cycles] or default_review_cycle in isms.toml)", r.Doc.ID, r.Doc.Title)
			}
			fmt.Fprintf(w, "  %s:%d: %s\n", r.Doc.Path, r.Line, line)
		}
		if s.state == Overdue || s.state == DueSoon {
			fmt.Fprintf(w, "  %s\n", c.Sprintf("after the review, write its date as last_reviewed and the next one as next_review (or leave next_review out: the review cycle gives it); a changed text also needs a new version"))
		}
	}
}
