package hostile_test

import (
	"fmt"
	"strings"
)

// corpus is a generated site of n documents: tiers 1–3 with parents,
// id links between them, Chinese and English text, page bundles with an
// attachment, and every tenth document a draft or above the ceiling. The
// same n and edition always give the same files; a different edition
// changes every document's version and body, so that its output differs.
func corpus(n, edition int) map[string]string {
	files := map[string]string{"isms.toml": baseConfig}
	id := func(i int) string { return fmt.Sprintf("GEN-%d-%05d", tier(i, n), i) }
	for i := range n {
		t := tier(i, n)
		var fm strings.Builder
		fmt.Fprintf(&fm, "+++\nid = %q\ntitle = \"信息安全文件 %d Information security document %d\"\ntier = %d\nversion = \"%d.%d\"\n", id(i), i, i, t, edition, i%7)
		switch {
		case i%10 == 3:
			fm.WriteString("status = \"draft\"\n")
		default:
			fmt.Fprintf(&fm, "status = \"approved\"\napprover = \"总经理\"\napproved = 2025-%02d-%02d\n", 1+i%12, 1+i%28)
		}
		if i%10 == 7 {
			fm.WriteString("classification = \"confidential\"\n")
		}
		fmt.Fprintf(&fm, "owners = [%q]\ndistribution = [\"all\"]\n", []string{"isd", "hr"}[i%2])
		if t > 1 {
			fmt.Fprintf(&fm, "parent = %q\n", id(i%max(1, n/50)))
		}
		fmt.Fprintf(&fm, "controls = [\"5.%d\"]\n", 1+i%37)
		fmt.Fprintf(&fm, "\n[[history]]\nversion = \"%d.%d\"\ndate = 2025-01-01\nsummary = \"第 %d 版\"\n+++\n", edition, i%7, edition)
		var body strings.Builder
		fmt.Fprintf(&body, "## 1 目的\n\n本程序规定了信息安全管理体系第 %d 号文件的要求（edition %d）。See [the manual](%s) and [](%s#1-目的).\n\n", i, edition, id(0), id((i*7+1)%n))
		for p := range 8 {
			fmt.Fprintf(&body, "## %d 要求 %d\n\n", p+2, p)
			body.WriteString(strings.Repeat("组织应确定与信息安全管理体系相关的内部和外部议题。The organisation shall determine external and internal issues. ", 3))
			body.WriteString("\n\n- 条目一\n- 条目二\n\n| 项目 | 责任部门 |\n| --- | --- |\n| 审核 | 内审部 |\n\n")
		}
		path := fmt.Sprintf("content/tier%d/%s.md", t, strings.ToLower(id(i)))
		if i%25 == 0 {
			path = fmt.Sprintf("content/tier%d/%s/index.md", t, id(i))
			files[fmt.Sprintf("content/tier%d/%s/表格 %d.csv", t, id(i), i)] = strings.Repeat(fmt.Sprintf("%d,%d\n", i, edition), 200)
		}
		files[path] = fm.String() + body.String()
	}
	return files
}

func tier(i, n int) int {
	switch {
	case i < max(1, n/50):
		return 1
	case i < n/5:
		return 2
	}
	return 3
}
