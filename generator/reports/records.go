package reports

import (
	"cmp"
	"slices"
	"strings"

	"ismsgen/generator/model"
)

// RecordState is where a form or record is in its retention.
type RecordState string

// Record states, in the order the records list shows them.
const (
	PastDisposal RecordState = "past_disposal" // the disposal date is before --now
	DisposalDue  RecordState = "disposal_due"  // disposal within due_soon_days of --now, inclusive
	Kept         RecordState = "kept"          // disposal later, or no date to count from
	Permanent    RecordState = "permanent"     // kept for ever
	NoRetention  RecordState = "no_retention"  // no retention given
)

// Record is a published form or record with its retention as of --now
// (记录清单: 保存期限, 处置日期).
type Record struct {
	Doc      *model.Document
	From     model.Date // the date the retention runs from: effective, else approved
	Disposal model.Date // From plus the retention; zero when permanent, absent or no From
	State    RecordState
	Days     int // signed days from --now to Disposal; 0 when there is none
}

// RecordOf computes the retention state of a form or record.
func RecordOf(cfg *model.Config, now model.Date, d *model.Document) Record {
	r := Record{Doc: d, From: d.Dated()}
	switch {
	case d.Kept.Permanent:
		r.State = Permanent
		return r
	case d.Kept.IsZero():
		r.State = NoRetention
		return r
	}
	r.Disposal = d.Kept.Disposal(r.From)
	if r.Disposal.IsZero() {
		r.State = Kept
		return r
	}
	r.Days = now.DaysUntil(r.Disposal)
	switch {
	case r.Days < 0:
		r.State = PastDisposal
	case r.Days <= cfg.DueSoonDays:
		r.State = DisposalDue
	default:
		r.State = Kept
	}
	return r
}

// records lists every published form and record: past disposal (the
// longest past first), disposal due (the soonest first), kept (by
// disposal date, undated last), permanent, without retention; then by id.
func records(site *model.Site) []Record {
	var out []Record
	for _, d := range site.Docs {
		if d.KeepsRecords() {
			out = append(out, RecordOf(site.Config, site.Now, d))
		}
	}
	slices.SortFunc(out, func(a, b Record) int {
		return cmp.Or(
			cmp.Compare(recordOrder(a.State), recordOrder(b.State)),
			compareDatesZeroLast(a.Disposal, b.Disposal),
			strings.Compare(a.Doc.ID, b.Doc.ID),
		)
	})
	return out
}

func recordOrder(s RecordState) int {
	return slices.Index([]RecordState{PastDisposal, DisposalDue, Kept, Permanent, NoRetention}, s)
}

// RecordsIn returns the records in one state, in list order.
func (d *Data) RecordsIn(s RecordState) []Record {
	var out []Record
	for _, r := range d.Records {
		if r.State == s {
			out = append(out, r)
		}
	}
	return out
}
