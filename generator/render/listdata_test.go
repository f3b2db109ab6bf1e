package render

import (
	"testing"

	"ismsgen/generator/internal/jsonrow"
	"ismsgen/generator/model"
	"ismsgen/generator/reports"
)

// appendWithdrawal writes what the list of the withdrawal's values
// encodes as, with or without documents that replace it.
func TestAppendWithdrawalEncodesAsList(t *testing.T) {
	a, b := &model.Document{ID: "A"}, &model.Document{ID: "B"}
	r := &renderer{in: Input{Site: &model.Site{Docs: []*model.Document{a, b}}}}
	for _, w := range []*reports.Withdrawal{
		{Doc: a, Version: "1.0 <\"old\">"},
		{Doc: a, Version: "2.0", Date: model.Date{Year: 2026, Month: 3, Day: 9}, Scheduled: true, ReplacedBy: []*model.Document{b, a}},
		{Doc: b, Version: "版本 3", Earlier: true, ReplacedBy: []*model.Document{b}},
	} {
		by := make([]int, len(w.ReplacedBy))
		for i, d := range w.ReplacedBy {
			by[i] = r.docNumber(d)
		}
		want := jsonrow.Append([]byte("x"), []any{w.Version, ymd(w.Date), flag(w.Scheduled), flag(w.Earlier), by})
		if got := r.appendWithdrawal([]byte("x"), w); string(got) != string(want) {
			t.Errorf("got %s, want %s", got, want)
		}
	}
}
