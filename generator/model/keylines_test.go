package model

import "testing"

func TestKeyLines(t *testing.T) {
	k := KeyLinesOf(map[string]int{"id": 4, "title": 3, "history": 9, "history.0": 9, "history.0.date": 11, "review_cycles.tier1": 5})
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

// TestNewKeyLinesKeepsTheLastLine checks that of a key path listed twice
// the later line is kept, as a map filled in file order would keep it.
func TestNewKeyLinesKeepsTheLastLine(t *testing.T) {
	k := NewKeyLines([]KeyLine{{"title", 3}, {"id", 2}, {"title", 8}, {"a", 1}, {"title", 9}, {"id", 4}})
	for key, want := range map[string]int{"title": 9, "id": 4, "a": 1} {
		if got, ok := k.Get(key); !ok || got != want {
			t.Errorf("%s at %d (%v), want %d", key, got, ok, want)
		}
	}
	if len(k.entries) != 3 {
		t.Errorf("%d entries, want 3", len(k.entries))
	}
}

func TestKeyName(t *testing.T) {
	for path, want := range map[string]string{
		"title":               "title",
		"history.0.version":   "history[1].version",
		"actions.11.due":      "actions[12].due",
		"owners.1":            "owners[2]",
		"review_cycles.tier2": "review_cycles.tier2",
		"departments.0.id":    "departments[1].id",
	} {
		if got := KeyName(path); got != want {
			t.Errorf("KeyName(%q) = %q, want %q", path, got, want)
		}
	}
}

// TestKeyLinesOver checks that the keys of another text are given the
// lines of the file, and those the file lacks the fallback.
func TestKeyLinesOver(t *testing.T) {
	disk := KeyLinesOf(map[string]int{"id": 2, "status": 7, "approved": 12, "history": 15, "history.0": 15, "history.0.date": 17})
	git := KeyLinesOf(map[string]int{"id": 2, "status": 6, "approved": 9, "last_reviewed": 10, "history": 12, "history.0": 12, "history.1": 16, "history.1.date": 18})
	k := disk.Over(git, 7)
	for key, want := range map[string]int{"id": 2, "status": 7, "approved": 12, "last_reviewed": 7, "history.0.date": 15, "history.1": 7, "history.1.date": 7, "next_review": 7, "history.0.version": 15, "history.0": 15} {
		if got := k.Line(key); got != want {
			t.Errorf("Line(%q) = %d, want %d", key, got, want)
		}
	}
	if !k.Has("last_reviewed") || k.Has("next_review") || k.Has("history.0.date") {
		t.Error("Has does not answer for the keys of the other text")
	}
}
