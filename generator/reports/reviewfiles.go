package reports

import (
	"fmt"
	"io"
	"strings"

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
// 1 action overdue".
func (d *Data) AttentionSummary() string {
	overdue, missing := 0, 0
	for _, r := range d.Reviews {
		switch r.State {
		case Overdue:
			overdue++
		case Missing:
			missing++
		}
	}
	var parts []string
	if overdue > 0 {
		parts = append(parts, fmt.Sprintf("%d %s overdue", overdue, plural(overdue, "review", "reviews")))
	}
	if missing > 0 {
		parts = append(parts, fmt.Sprintf("%d %s missing", missing, plural(missing, "review date", "review dates")))
	}
	if n := countActions(d.Actions).Overdue; n > 0 {
		parts = append(parts, fmt.Sprintf("%d %s overdue", n, plural(n, "action", "actions")))
	}
	return strings.Join(parts, ", ")
}

// PrintReviews writes the review report for check: overdue, due soon and
// missing, each line with the path:line of the document's review field.
func PrintReviews(w io.Writer, site *model.Site, data *Data) {
	sections := []struct {
		state State
		title string
	}{{Overdue, "overdue"}, {DueSoon, fmt.Sprintf("due within %d days", site.Config.DueSoonDays)}, {Missing, "missing a review date"}}
	counts := map[State]int{}
	for _, r := range data.Reviews {
		counts[r.State]++
	}
	fmt.Fprintf(w, "Reviews as of %s: %d overdue, %d due soon, %d missing, %d ok\n", site.Now, counts[Overdue], counts[DueSoon], counts[Missing], counts[OK])
	for _, s := range sections {
		if counts[s.state] == 0 {
			continue
		}
		fmt.Fprintf(w, "\n%s (%d):\n", s.title, counts[s.state])
		for _, r := range data.Reviews {
			if r.State != s.state {
				continue
			}
			switch r.State {
			case Overdue:
				fmt.Fprintf(w, "  %s:%d: %s %s — review was due %s (%d days ago)\n", r.Doc.Path, r.Line, r.Doc.ID, r.Doc.Title, r.Date, -r.Days)
			case DueSoon:
				fmt.Fprintf(w, "  %s:%d: %s %s — review due %s (in %d days)\n", r.Doc.Path, r.Line, r.Doc.ID, r.Doc.Title, r.Date, r.Days)
			case Missing:
				fmt.Fprintf(w, "  %s:%d: %s %s — no review date: set next_review, or a review_cycle (document, [review_cycles] or default_review_cycle in isms.toml)\n", r.Doc.Path, r.Line, r.Doc.ID, r.Doc.Title)
			}
		}
	}
}
