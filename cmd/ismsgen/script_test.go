package main

import (
	"flag"
	"os"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"

	"ismsgen/internal/sitetest"
)

var updateScripts = flag.Bool("update", false, "rewrite the expected output in testdata/script (review the diff)")

func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"ismsgen": func() { os.Exit(run(os.Args[1:], os.Stdout, os.Stderr)) },
	})
}

// TestScripts runs testdata/script/*.txtar: the command line as a user
// runs it, with what it prints and its exit codes. "sample DIR" copies
// the repository's sample site into DIR; "lang DIR LANG" sets the
// language of the site in DIR.
func TestScripts(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir:                 "testdata/script",
		RequireExplicitExec: true,
		UpdateScripts:       *updateScripts,
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			"sample": func(ts *testscript.TestScript, neg bool, args []string) {
				if neg || len(args) != 1 {
					ts.Fatalf("usage: sample DIR")
				}
				ts.Check(sitetest.CopySample(ts.MkAbs(args[0])))
			},
			"lang": func(ts *testscript.TestScript, neg bool, args []string) {
				if neg || len(args) != 2 {
					ts.Fatalf("usage: lang DIR LANG")
				}
				ts.Check(sitetest.SetLanguage(ts.MkAbs(args[0]), args[1]))
			},
		},
	})
}
