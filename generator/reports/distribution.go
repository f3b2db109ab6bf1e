package reports

import (
	"cmp"
	"slices"
	"strings"

	"ismsgen/generator/model"
)

// DeptDistribution is what one department must hold (发放) and what it must
// withdraw (回收). distribution = ["all"] reaches every department.
type DeptDistribution struct {
	Dept      model.Department
	Tiers     []TierDocs        // documents in force distributed to it, by tier; tiers without any are left out
	Current   int               // how many documents in force it holds
	Upcoming  []*model.Document // approved but not yet effective: to be issued, the soonest first
	Withdrawn []Withdrawal      // withdrawn documents and versions distributed to it, the most recent first
	// Recent is Withdrawn within the site's recent_withdrawals of --now,
	// with those still to come and those without a date: what the
	// department's page lists; the rest are one link away.
	Recent []Withdrawal
}

// TierDocs is the documents of one tier, by id.
type TierDocs struct {
	Tier int
	Docs []*model.Document
}

// distribution works out each department's holdings. A document is in
// force when it is approved, its effective date has come and no approved
// document in force replaces it.
func distribution(site *model.Site, withdrawn []Withdrawal) []DeptDistribution {
	gone := map[*model.Document]bool{}
	for _, w := range withdrawn {
		if !w.Earlier && !w.Scheduled {
			gone[w.Doc] = true
		}
	}
	ds := newDepts(site.Config)
	out := make([]DeptDistribution, len(site.Config.Departments))
	tiers := make([][3][]*model.Document, len(out))
	for i, dept := range site.Config.Departments {
		out[i].Dept = dept
	}
	for _, d := range site.Docs {
		switch {
		case d.Status != model.StatusApproved || gone[d]:
		case d.Effective.After(site.Now):
			ds.distributedTo(d, func(i int) { out[i].Upcoming = append(out[i].Upcoming, d) })
		case d.Tier >= 1 && d.Tier <= 3:
			ds.distributedTo(d, func(i int) {
				tiers[i][d.Tier-1] = append(tiers[i][d.Tier-1], d)
				out[i].Current++
			})
		}
	}
	for _, w := range withdrawn {
		ds.distributedTo(w.Doc, func(i int) { out[i].Withdrawn = append(out[i].Withdrawn, w) })
	}
	for i := range out {
		dd := &out[i]
		for t, docs := range tiers[i] {
			if len(docs) > 0 {
				dd.Tiers = append(dd.Tiers, TierDocs{Tier: t + 1, Docs: docs})
			}
		}
		for _, w := range dd.Withdrawn {
			if w.Date.IsZero() || w.Scheduled || !site.Config.RecentWithdrawals.AddTo(w.Date).Before(site.Now) {
				dd.Recent = append(dd.Recent, w)
			}
		}
		slices.SortFunc(dd.Upcoming, func(x, y *model.Document) int {
			return cmp.Or(x.Effective.Compare(y.Effective), strings.Compare(x.ID, y.ID))
		})
	}
	return out
}
