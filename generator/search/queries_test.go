package search

import (
	"testing"

	"github.com/BurntSushi/toml"
)

// judgedQuery is one query of testdata/judged.toml: the documents it must
// find in the first five results (First, when given, first of all), or
// none when it must find nothing.
type judgedQuery struct {
	Q     string   `toml:"q"`
	Want  []string `toml:"want"`
	First string   `toml:"first"`
	None  bool     `toml:"none"`
	Note  string   `toml:"note"`
}

func judgedQueries(t testing.TB) []judgedQuery {
	t.Helper()
	var f struct {
		Query []judgedQuery `toml:"query"`
	}
	md, err := toml.DecodeFile("testdata/judged.toml", &f)
	if err != nil {
		t.Fatal(err)
	}
	if u := md.Undecoded(); len(u) > 0 {
		t.Fatalf("judged.toml: unknown keys %v", u)
	}
	return f.Query
}

// JudgedQueries exports the judged queries to the external test package,
// which judges them against the real pipeline.
var JudgedQueries = judgedQueries

// IDs exports ids to the external test package.
var IDs = ids
