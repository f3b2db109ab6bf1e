package reports

import (
	"fmt"

	"ismsgen/generator/diag"
	"ismsgen/generator/model"
)

// futureDates warns of each date that says something has happened but
// falls after the day the site is built for (future-date): a document
// approved, last reviewed or acquired later than that, a version of its
// [[history]] made later, an action closed later. Most are a mistyped year, and each would hide work to do: a
// review counted from a date years ahead is never due, and an action
// closed in the future counts as open until then though it reads as
// closed. An effective date ahead is a document not yet in force, and
// next_review and due are meant to be ahead: those are not judged.
func futureDates(site *model.Site, diags *diag.List) {
	now := site.Now
	if now.IsZero() {
		return
	}
	warn := func(d *model.Document, line int, key string, date model.Date) {
		diags.Warnf(d.Path, line, "future-date",
			diag.Msg("correct the date; a step still to come is not written down until it is done (keep status = \"review\" until the approval)"),
			"%s %s is after the build's date, %s", key, date, now)
	}
	for _, d := range site.Docs {
		if d.Approved.After(now) {
			warn(d, d.Line("approved"), "approved", d.Approved)
		}
		if d.LastReviewed.After(now) {
			warn(d, d.Line("last_reviewed"), "last_reviewed", d.LastReviewed)
		}
		if d.External.Acquired.After(now) {
			warn(d, d.Line("acquired"), "acquired", d.External.Acquired)
		}
		// The [[history]] entries of the versions made so far: up to the
		// current version's (a later one is the next version's, written
		// ahead, which history-behind-version tells of).
		last := len(d.History) - 1
		for i := range d.History {
			if d.History[i].Version == d.Version {
				last = i
			}
		}
		for i, h := range d.History[:last+1] {
			if h.Date.After(now) {
				warn(d, d.Line(fmt.Sprintf("history.%d.date", i)), fmt.Sprintf("[[history]] entry %d, version %q: date", i+1, h.Version), h.Date)
			}
		}
		for i, a := range d.Actions {
			if a.Closed.After(now) {
				line := d.Line(fmt.Sprintf("actions.%d.closed", i))
				if line == 0 {
					line = a.Line
				}
				warn(d, line, "closed", a.Closed)
			}
		}
	}
}
