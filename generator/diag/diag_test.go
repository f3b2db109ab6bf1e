package diag_test

import (
	"os"

	"ismsgen/generator/diag"
)

func ExampleList_Print() {
	var l diag.List
	l.Errorf("content/tier2/b.md", 7, diag.Msg("did you mean %q?", "next_review"), "unknown key %q", "next_reveiw")
	l.Errorf("content/tier1/a.md", 3, "", "duplicate id %q", "ISMS-M-001")
	l.Warnf("content/tier2/b.md", 12, "withheld-link", "", "link to a document this build leaves out")
	l.Sort()
	l.Print(os.Stdout, nil)
	// Output:
	// content/tier1/a.md:3: duplicate id "ISMS-M-001"
	// content/tier2/b.md:7: unknown key "next_reveiw"
	//     hint: did you mean "next_review"?
	// content/tier2/b.md:12: warning: link to a document this build leaves out
}

func ExampleList_PrintSummary() {
	var l diag.List
	for i := 1; i <= 4; i++ {
		l.Warnf("content/a.md", i, "missing-anchor", "", "no heading %d", i)
	}
	l.Warnf("content/b.md", 2, "withheld-link", "", "link to a document this build leaves out")
	l.Errorf("content/c.md", 1, "", "the file is empty")
	l.Sort()
	l.PrintSummary(os.Stdout, nil, 2)
	// Output:
	// content/a.md:1: warning: no heading 1
	// content/a.md:2: warning: no heading 2
	// content/b.md:2: warning: link to a document this build leaves out
	// content/c.md:1: the file is empty
	// … and 2 more missing-anchor warnings (ismsgen check --format json lists them all)
	// 5 warnings: 4 missing-anchor, 1 withheld-link
}

// A catalog puts the messages in another language by their English
// formats; the arguments keep their places, or move with %[n]s.
func ExampleCatalog() {
	zh := diag.NewCatalog("zh-CN", map[string]string{
		"unknown key %q":   "未知的键 %q",
		"did you mean %q?": "是否应为 %q？",
		"warning: %s":      "警告：%s",
		"hint: %s":         "提示：%s",
		"%s claims %s":     "%[2]s 由 %[1]s 声明",
	})
	var l diag.List
	l.Errorf("content/a.md", 7, diag.Msg("did you mean %q?", "next_review"), "unknown key %q", "next_reveiw")
	l.Warnf("content/a.md", 9, "x", nil, "%s claims %s", "ISMS-P-001", "5.1")
	l.Print(os.Stdout, zh)
	// Output:
	// content/a.md:7: 未知的键 "next_reveiw"
	//     提示：是否应为 "next_review"？
	// content/a.md:9: 警告：5.1 由 ISMS-P-001 声明
}
