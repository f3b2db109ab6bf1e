package diag_test

import (
	"os"

	"ismsgen/generator/diag"
)

func ExampleList_Print() {
	var l diag.List
	l.Errorf("content/tier2/b.md", 7, `did you mean "next_review"?`, "unknown key %q", "next_reveiw")
	l.Errorf("content/tier1/a.md", 3, "", "duplicate id %q", "ISMS-M-001")
	l.Warnf("content/tier2/b.md", 12, "withheld-link", "", "link to a document this build leaves out")
	l.Sort()
	l.Print(os.Stdout)
	// Output:
	// content/tier1/a.md:3: duplicate id "ISMS-M-001"
	// content/tier2/b.md:7: unknown key "next_reveiw"
	//     hint: did you mean "next_review"?
	// content/tier2/b.md:12: warning: link to a document this build leaves out
}
