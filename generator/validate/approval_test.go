package validate

import (
	"slices"
	"strings"
	"testing"
)

func TestApprovalWarnings(t *testing.T) {
	approvers := testConfig + "\n[approvers]\ntier1 = [\"总经理\"]\ntier2 = [\"总经理\", \"管理者代表\"]\n"
	// A tier that [approvers] leaves out may be approved by anyone.
	tier3 := strings.Replace(good, "tier = 2", "tier = 3", 1)
	if got := run(t, approvers, map[string]string{"x.md": strings.Replace(tier3, "总经理", "信息安全经理", 1)}); len(got) != 0 {
		t.Errorf("tier 3 without a list: %q", got)
	}
	cases := []struct {
		name, config, edit, tail string
		want                     []string
	}{
		{"fine", approvers, "", "", nil},
		{"self-approval", testConfig, "approver = \"总经理\"\nauthor = \"总经理\"", "",
			[]string{`x.md:9: warning: approver "总经理" is also the author`}},
		{"self-approval: one of the authors", testConfig, "approver = \"总经理\"\nauthor = \"李四、总经理\"", "",
			[]string{`x.md:9: warning: approver "总经理" is also the author`}},
		{"self-approval: one of the authors, in English", testConfig, "approver = \"Jane Roe\"\nauthor = \"John Doe, jane roe\"", "",
			[]string{`x.md:9: warning: approver "Jane Roe" is also the author`}},
		{"self-approval: a name spaced out", testConfig, "approver = \"总经理\"\nauthor = \"总 经 理\"", "",
			[]string{`x.md:9: warning: approver "总经理" is also the author`}},
		{"self-approval: a name in full-width letters", testConfig, "approver = \"Jane Roe\"\nauthor = \"ＪＡＮＥ　ＲＯＥ\"", "",
			[]string{`x.md:9: warning: approver "Jane Roe" is also the author`}},
		{"no self-approval: another person", testConfig, "approver = \"总经理\"\nauthor = \"总经理助理、李四\"", "", nil},
		{"self-approval: the author of this version's [[history]] entry", testConfig, "", "[[history]]\nversion = \"0.9\"\nauthor = \"李四\"\n\n[[history]]\nversion = \"1.0\"\nauthor = \"总经理\"\n",
			[]string{`x.md:9: warning: approver "总经理" is also the author of version "1.0" in [[history]]`}},
		{"self-approval: the version's author beside another document author", testConfig, "approver = \"总经理\"\nauthor = \"李四\"", "[[history]]\nversion = \"1.0\"\nauthor = \"总 经 理\"\n",
			[]string{`x.md:9: warning: approver "总经理" is also the author of version "1.0" in [[history]]`}},
		{"no self-approval: an earlier version's author approves", testConfig, "", "[[history]]\nversion = \"0.9\"\nauthor = \"总经理\"\n\n[[history]]\nversion = \"1.0\"\nauthor = \"李四\"\n", nil},
		{"approval-authority", approvers, "approver = \"信息安全经理\"", "",
			[]string{`x.md:9: warning: approver "信息安全经理" may not approve tier-2 documents; [approvers] allows 总经理, 管理者代表`}},
		{"no [approvers]: anyone", testConfig, "approver = \"信息安全经理\"", "", nil},
		{"approval-authority ignores case, as self-approval does", testConfig + "\n[approvers]\ntier2 = [\"CEO\", \"CISO\"]\n", "approver = \"ciso\"", "", nil},
		{"approval-authority ignores spaces within a name, as self-approval does", approvers, "approver = \"总 经 理\"", "", nil},
		{"approval-authority ignores full-width letters and spaces", testConfig + "\n[approvers]\ntier2 = [\"Jane Roe\"]\n", "approver = \"Ｊａｎｅ　Ｒｏｅ\"", "", nil},
		{"approval-authority: a name with more to it is another", approvers, "approver = \"总经理助理\"", "",
			[]string{`x.md:9: warning: approver "总经理助理" may not approve tier-2 documents; [approvers] allows 总经理, 管理者代表`}},
		{"approval-authority: two who approved together, both allowed", approvers, "approver = \"总经理、管理者代表\"", "", nil},
		{"approval-authority: two who approved together, one allowed", approvers, "approver = \"信息安全经理 / 总经理\"", "", nil},
		{"approval-authority: two who approved together, neither allowed", approvers, "approver = \"信息安全经理、总经理助理\"", "",
			[]string{`x.md:9: warning: approver "信息安全经理、总经理助理" may not approve tier-2 documents; [approvers] allows 总经理, 管理者代表`}},
		{"history-behind-version", testConfig, "", "[[history]]\nversion = \"0.8\"\n\n[[history]]\nversion = \"0.9\"\n",
			[]string{`x.md:6: warning: version "1.0", but the last [[history]] entry is "0.9"`}},
		{"history-behind-version: the version spelled another way", testConfig, "", "[[history]]\nversion = \"0.9\"\n\n[[history]]\nversion = \"V1.0\"\n",
			[]string{`x.md:6: warning: version "1.0", but the last [[history]] entry writes it "V1.0"`}},
		{"history-behind-version: the version in three parts", testConfig, "", "[[history]]\nversion = \"1.0.0\"\n",
			[]string{`x.md:6: warning: version "1.0", but the last [[history]] entry writes it "1.0.0"`}},
		{"history-behind-version: 1.10 is not 1.1", testConfig, "", "[[history]]\nversion = \"1.10\"\n",
			[]string{`x.md:6: warning: version "1.0", but the last [[history]] entry is "1.10"`}},
		{"history-behind-version: the version spelled in Chinese", testConfig, "", "[[history]]\nversion = \"第1.0版\"\n",
			[]string{`x.md:6: warning: version "1.0", but the last [[history]] entry writes it "第1.0版"`}},
		{"history-behind-version: newest first", testConfig, "", "[[history]]\nversion = \"1.0\"\n\n[[history]]\nversion = \"0.9\"\n",
			[]string{`x.md:6: warning: version "1.0" is the first [[history]] entry, not the last: the entries are written newest first`}},
		{"history-behind-version: an entry ahead of the version", testConfig, "", "[[history]]\nversion = \"1.0\"\ndate = 2025-03-01\n\n[[history]]\nversion = \"1.1\"\ndate = 2025-06-01\n",
			[]string{`x.md:6: warning: version "1.0", but the last [[history]] entry, dated after it, is "1.1": the version was not raised`}},
		{"history-behind-version: newest first, by their dates", testConfig, "", "[[history]]\nversion = \"1.0\"\ndate = 2025-03-01\n\n[[history]]\nversion = \"0.9\"\ndate = 2025-01-01\n",
			[]string{`x.md:6: warning: version "1.0" is the first [[history]] entry, not the last: the entries are written newest first`}},
		{"history-duplicate", testConfig, "", "[[history]]\nversion = \"1.0\"\n\n[[history]]\nversion = \"0.9\"\n\n[[history]]\nversion = \"1.0\"\n",
			[]string{`x.md:15: warning: [[history]] entry 2, version "0.9", is lower than version "1.0" before it: a version number only goes up`,
				`x.md:18: warning: [[history]] entries 1 and 3 both name version "1.0"`}},
		{"version-order: 2.0, then 1.5", testConfig, "", "[[history]]\nversion = \"0.9\"\n\n[[history]]\nversion = \"2.0\"\n\n[[history]]\nversion = \"1.5\"\n\n[[history]]\nversion = \"1.0\"\n",
			[]string{`x.md:18: warning: [[history]] entry 3, version "1.5", is lower than version "2.0" before it: a version number only goes up`,
				`x.md:21: warning: [[history]] entry 4, version "1.0", is lower than version "2.0" before it: a version number only goes up`}},
		{"version-order: 1.10 after 1.9, V1 after 0.9, 1 after 1.0 go up", testConfig, "", "[[history]]\nversion = \"0.9\"\n\n[[history]]\nversion = \"V0.9.1\"\n\n[[history]]\nversion = \"0.10\"\n\n[[history]]\nversion = \"1\"\n\n[[history]]\nversion = \"1.0\"\n", nil},
		{"version-order: names that are not numbers", testConfig, "", "[[history]]\nversion = \"B\"\n\n[[history]]\nversion = \"A\"\n\n[[history]]\nversion = \"1.0\"\n", nil},
		{"history at the version", testConfig, "", "[[history]]\nversion = \"0.9\"\n\n[[history]]\nversion = \"1.0\"\nmaterial = false\n", nil},
		{"review-date-order: next review before the approval", testConfig, "", "next_review = 2025-02-28\n",
			[]string{`x.md:11: warning: next_review 2025-02-28 is before approved 2025-03-01`}},
		{"review-date-order: before the last review", testConfig, "", "last_reviewed = 2026-01-10\nnext_review = 2025-12-31\n",
			[]string{`x.md:12: warning: next_review 2025-12-31 is before last_reviewed 2026-01-10`}},
		{"next review on the day of approval", testConfig, "", "next_review = 2025-03-01\n", nil},
		{"material must be true or false", testConfig, "", "[[history]]\nversion = \"1.0\"\nmaterial = \"no\"\n",
			[]string{`x.md:13: "history[1].material" must be true or false, not a string`}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			doc := good
			if tc.edit != "" {
				doc = strings.Replace(doc, "approver = \"总经理\"", tc.edit, 1)
			}
			doc = strings.Replace(doc, "\n+++\n正文", "\n"+tc.tail+"+++\n正文", 1)
			got := run(t, tc.config, map[string]string{"x.md": doc})
			if !slices.Equal(got, tc.want) {
				t.Errorf("got  %q\nwant %q", got, tc.want)
			}
		})
	}
}
