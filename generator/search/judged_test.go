package search_test

import (
	"slices"
	"testing"

	"ismsgen"
	"ismsgen/generator"
	"ismsgen/generator/model"
	"ismsgen/generator/search"
)

// TestJudgedQueries runs the judged queries against the sample site in
// content/ and reports recall@5 and the mean reciprocal rank. It fails when
// a wanted document is not in the first five, the document a query names
// first is not first, or a no-match query finds anything.
func TestJudgedQueries(t *testing.T) {
	es, err := generator.SearchEntries(generator.Options{
		Source:   "../..",
		Now:      model.Date{Year: 2026, Month: 11, Day: 25},
		Defaults: generator.Defaults{Layouts: ismsgen.Layouts(), Assets: ismsgen.Assets(), I18n: ismsgen.I18n()},
	})
	if err != nil {
		t.Fatal(err)
	}
	known := map[string]bool{}
	for _, e := range es {
		known[e.ID] = true
	}
	ix := search.NewIndex(es)
	queries := search.JudgedQueries(t)
	if len(queries) < 30 {
		t.Errorf("only %d judged queries", len(queries))
	}
	var recall, rr float64
	var judged, none int
	for _, q := range queries {
		got := search.IDs(ix.Search(q.Q, 5))
		if q.None {
			none++
			if len(got) > 0 {
				t.Errorf("%q should find nothing, found %v", q.Q, got)
			}
			continue
		}
		if len(q.Want) == 0 {
			t.Errorf("%q: no wanted documents", q.Q)
			continue
		}
		judged++
		if q.First != "" && (len(got) == 0 || got[0] != q.First) {
			t.Errorf("%q: %s not first in %v", q.Q, q.First, got)
		}
		found, first := 0, 0
		for _, w := range q.Want {
			if !known[w] {
				t.Errorf("%q wants %s, which the sample does not publish", q.Q, w)
			}
			if i := slices.Index(got, w); i >= 0 {
				found++
				if first == 0 || i+1 < first {
					first = i + 1
				}
			} else {
				t.Errorf("%q: %s not in the first five %v", q.Q, w, got)
			}
		}
		recall += float64(found) / float64(len(q.Want))
		if first > 0 {
			rr += 1 / float64(first)
		}
	}
	if judged > 0 {
		t.Logf("%d judged queries, %d no-match queries: recall@5 %.3f, MRR %.3f",
			judged, none, recall/float64(judged), rr/float64(judged))
	}
}
