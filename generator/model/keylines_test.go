package model

import "testing"

func TestKeyLines(t *testing.T) {
	k := NewKeyLines(map[string]int{"id": 4, "title": 3, "history": 9, "history.0": 9, "history.0.date": 11, "review_cycles.tier1": 5})
	for _, tc := range []struct {
		key  string
		line int
		has  bool
	}{
		{"id", 4, true},
		{"title", 3, true},
		{"history.0.date", 11, true},    // exact
		{"history.0.version", 9, false}, // the enclosing table
		{"history.3.date", 9, false},    // an unknown entry: the array's first table
		{"review_cycles", 1, false},     // only a key below it: line 1
		{"", 1, false},
	} {
		if got := k.Line(tc.key); got != tc.line {
			t.Errorf("Line(%q) = %d, want %d", tc.key, got, tc.line)
		}
		if got := k.Has(tc.key); got != tc.has {
			t.Errorf("Has(%q) = %v, want %v", tc.key, got, tc.has)
		}
	}
	var zero KeyLines
	if zero.Line("id") != 1 || zero.Has("id") {
		t.Errorf("the zero KeyLines knows a key")
	}
}
