package textdiff

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"unicode"
)

// show writes spans as text with [-deleted-] and {+inserted+}.
func show(spans []Span) string {
	var b strings.Builder
	for _, s := range spans {
		switch s.Op {
		case Insert:
			b.WriteString("{+" + s.Text + "+}")
		case Delete:
			b.WriteString("[-" + s.Text + "-]")
		default:
			b.WriteString(s.Text)
		}
	}
	return b.String()
}

func TestDiff(t *testing.T) {
	cases := []struct{ old, new, want string }{
		{"", "", ""},
		{"same", "same", "same"},
		// Chinese: character by character.
		{"应每年评审一次。", "应每半年评审一次。", "应每{+半+}年评审一次。"},
		{"管理评审程序", "管理审核程序", "管理[-评-]审{+核+}程序"},
		// English: whole words, never parts of one.
		{"Review the policy annually.", "Review the policy quarterly.", "Review the policy [-annually-]{+quarterly+}."},
		{"keep records for 3 years", "keep records for 10 years", "keep records for [-3-]{+10+} years"},
		// Mixed, and lines kept apart.
		{"1 目的 / Purpose\n控制访问。\n", "1 目的 / Purpose\n严格控制访问。\n", "1 目的 / Purpose\n{+严格+}控制访问。\n"},
		{"a\nb\n", "a\n", "a\n[-b\n-]"},
		// Versions and decimal numbers are words.
		{`version = "1.9"`, `version = "1.10"`, `version = "[-1.9-]{+1.10+}"`},
		// Sentence by sentence: one unchanged between two changed stays.
		{"甲应每年评审。乙应记录。丙应报告。", "甲应每半年评审。乙应记录。丙应及时报告。", "甲应每{+半+}年评审。乙应记录。丙应{+及时+}报告。"},
		{"Review the policy annually. Keep the records. Report incidents.", "Review the policy quarterly. Keep the records. Report all incidents.",
			"Review the policy [-annually-]{+quarterly+}. Keep the records. Report {+all +}incidents."},
		// A sentence rewritten, sharing no three characters in a row with
		// the old one, is shown replaced whole, not as 可→适 with 用性
		// kept from 可用性 and 适用性声明.
		{"可用性负责批准密钥管理。", "适用性声明必须经过审批后方可实施变更申请。", "[-可用性负责批准密钥管理-]{+适用性声明必须经过审批后方可实施变更申请+}。"},
		{"访问控制须按要求记录资产。其他要求不变。", "最小权限原则应当建立并保持。其他要求不变。", "[-访问控制须按要求记录资产-]{+最小权限原则应当建立并保持+}。其他要求不变。"},
		// Lines (or sentences) each changed a little are diffed each with
		// its counterpart: the keys stay, not deleted and inserted again
		// with the dates, as a diff of the three lines together shows
		// them once the clean-up merges its edits.
		{"approved = 2025-03-01\neffective = 2025-03-15\nnext_review = 2026-03-01\n", "approved = 2026-01-10\neffective = 2026-01-10\nnext_review = 2027-01-10\n",
			"approved = [-2025-03-01-]{+2026-01-10+}\neffective = [-2025-03-15-]{+2026-01-10+}\nnext_review = [-2026-03-01-]{+2027-01-10+}\n"},
		{"甲应每年评审。乙应记录。", "甲应每半年评审。乙须记录。", "甲应每{+半+}年评审。乙[-应-]{+须+}记录。"},
		// Sharing three in a row (须按要求), they are diffed.
		{"访问控制须按要求记录。", "访问权限须按要求审批。", "访问[-控制-]{+权限+}须按要求[-记录-]{+审批+}。"},
	}
	for _, tc := range cases {
		spans := Diff(tc.old, tc.new)
		if got := show(spans); got != tc.want {
			t.Errorf("Diff(%q, %q)\n got %s\nwant %s", tc.old, tc.new, got, tc.want)
		}
		var a, b strings.Builder
		for _, s := range spans {
			if s.Op != Insert {
				a.WriteString(s.Text)
			}
			if s.Op != Delete {
				b.WriteString(s.Text)
			}
		}
		if a.String() != tc.old || b.String() != tc.new {
			t.Errorf("Diff(%q, %q) does not give back the texts: %q, %q", tc.old, tc.new, a.String(), b.String())
		}
	}
}

func TestSentenceEnd(t *testing.T) {
	cases := []struct {
		text string
		want []string
	}{
		{"", nil},
		{"没有句号", []string{"没有句号"}},
		{"一。二！三？四；五", []string{"一。", "二！", "三？", "四；", "五"}},
		{"甲，乙。\n丙。\r\n丁", []string{"甲，乙。\n", "丙。\r\n", "丁"}},
		{"One. Two!  Three? Four; five", []string{"One. ", "Two!  ", "Three? ", "Four; ", "five"}},
		{"Version 1.10 of e.g.the text.\nNext", []string{"Version 1.10 of e.g.the text.\n", "Next"}},
		{"a\n\nb", []string{"a\n", "\n", "b"}},
		{"End. \nNext", []string{"End. \n", "Next"}},
	}
	for _, tc := range cases {
		var got []string
		for _, p := range sentencesOf("xx"+tc.text, piece{Delete, 2, 2 + len(tc.text)}) {
			got = append(got, ("xx" + tc.text)[p.from:p.to])
		}
		if strings.Join(got, "|") != strings.Join(tc.want, "|") || len(got) != len(tc.want) {
			t.Errorf("sentences of %q: %q, want %q", tc.text, got, tc.want)
		}
	}
}

// TestSentenceStart holds sentenceStart, which looks at the bytes
// around a place, to the sentences sentenceEnd cuts from the start, on
// random texts of the bytes that end sentences and those around them.
func TestSentenceStart(t *testing.T) {
	r := rand.New(rand.NewPCG(11, 12))
	bits := []string{"。", "！", "？", "；", "，", ".", "!", "?", ";", " ", "\t", "\n", "\r", "a", "应", "1.2", "\xe3", "\xef\xbc"}
	for range 100_000 {
		var b strings.Builder
		for range r.IntN(12) {
			b.WriteString(bits[r.IntN(len(bits))])
		}
		text := b.String()
		starts := map[int]bool{0: true}
		for i := 0; i < len(text); {
			i = sentenceEnd(text, i)
			starts[i] = true
		}
		for p := 0; p <= len(text); p++ {
			if got := sentenceStart(text, p); got != starts[p] {
				t.Fatalf("sentenceStart(%q, %d) = %v, want %v", text, p, got, starts[p])
			}
		}
	}
}

// rewritten is n lines of 40 characters of Chinese, different for each
// seed: a text rewritten from start to end.
func rewritten(seed uint32, n int) string {
	var b strings.Builder
	x := seed
	for range n {
		for range 40 {
			x = x*1664525 + 1013904223
			b.WriteRune(rune(0x4e00 + x>>16%400))
		}
		b.WriteString("。\n")
	}
	return b.String()
}

// A long run of lines rewritten differs in nearly every character:
// diffed character by character it would take time that grows with the
// square of its length (a minute for a document of 125 KB) and show
// nothing a reader can use. It is shown deleted and inserted whole, and
// when it has as many lines as before, line by line.
func TestDiffLongRewrite(t *testing.T) {
	old, new := rewritten(1, 200), rewritten(2, 210)
	if got := Diff(old, new); len(got) != 2 || got[0] != (Span{Delete, old}) || got[1] != (Span{Insert, new}) {
		t.Errorf("a rewrite of %d characters gave %d spans, want it deleted and inserted whole", len([]rune(old)), len(got))
	}
	// Every line of a long table changed a little: each line is diffed
	// with its counterpart.
	var a, b strings.Builder
	for i := range 300 {
		fmt.Fprintf(&a, "| R-%03d | 第%d项控制措施的说明文字 | 2025-01-%02d |\n", i, i, i%28+1)
		fmt.Fprintf(&b, "| R-%03d | 第%d项控制措施的说明文字 | 2026-01-%02d |\n", i, i, i%28+1)
	}
	spans := Diff(a.String(), b.String())
	if n := strings.Count(show(spans), "[-2025-]{+2026+}"); n != 300 {
		t.Errorf("a table with every row changed shows %d of its 300 changes word by word", n)
	}
	var gotOld, gotNew strings.Builder
	for _, s := range spans {
		if s.Op != Insert {
			gotOld.WriteString(s.Text)
		}
		if s.Op != Delete {
			gotNew.WriteString(s.Text)
		}
	}
	if gotOld.String() != a.String() || gotNew.String() != b.String() {
		t.Error("the table's spans do not give back its texts")
	}
}

// FuzzDiff checks that the spans always give back both texts.
func FuzzDiff(f *testing.F) {
	f.Add("应每年评审一次。", "Review annually.")
	f.Fuzz(func(t *testing.T, old, new string) {
		givesBack(t, Diff(old, new), old, new)
	})
}

// revision is a document's front matter and body before and after a
// revision of the kind a document controller makes: a new version with
// its dates, author and history entry, and one paragraph of the body
// rewritten.
func revision() (oldFM, newFM, oldBody, newBody string) {
	fm := func(version, author, date string, entries int) string {
		var b strings.Builder
		b.WriteString("id = \"ISMS-POL-0014\"\ntitle = \"业务连续性方针 (Business Continuity Policy)\"\ntier = 1\ntype = \"policy\"\n")
		b.WriteString("version = \"" + version + "\"\nstatus = \"approved\"\nowners = [\"ops\"]\nauthor = \"" + author + "\"\nreviewer = \"吴磊\"\napprover = \"总经理\"\n")
		b.WriteString("approved = " + date + "\neffective = " + date + "\nnext_review = 2027-01-09\nclassification = \"internal\"\n")
		b.WriteString("related = [\"ISMS-R-0331\", \"ISMS-R-0146\"]\ncontrols = [\"5.27\", \"7.12\", \"8.6\"]\n")
		for i := 0; i < entries; i++ {
			b.WriteString("\n[[history]]\nversion = \"2." + string(rune('0'+i)) + "\"\ndate = 2023-06-12\nauthor = \"张三\"\nsummary = \"调整职责分工\"\n")
		}
		return b.String()
	}
	para := "适用性声明须按要求记录最高管理者，相关记录保存三年。最高管理者应识别并评估受控文件，并与相关方进行沟通。\n\n" +
		"Top management shall review vulnerability scan results in accordance with this procedure. The incident response team shall approve the access rights of privileged accounts.\n\n"
	body := func(changed string) string {
		var b strings.Builder
		for i := 0; i < 6; i++ {
			b.WriteString("## " + string(rune('1'+i)) + " 目的 / Purpose\n\n")
			if i == 3 {
				b.WriteString(changed)
			}
			b.WriteString(para)
		}
		return b.String()
	}
	return fm("2.4", "吴磊", "2026-01-09", 4), fm("2.5", "陈晓明", "2026-01-10", 5),
		body("信息安全管理体系须按要求记录资产责任人，发现的不符合项应在规定期限内关闭。\n\n"),
		body("信息安全管理体系须按要求记录资产负责人，发现的问题应在规定期限内关闭并验证。\n\n")
}

// BenchmarkDiff diffs a revision's front matter and body, as a changes
// page does.
func BenchmarkDiff(b *testing.B) {
	oldFM, newFM, oldBody, newBody := revision()
	for b.Loop() {
		Diff(oldFM, newFM)
		Diff(oldBody, newBody)
	}
}

// The quick answer for Chinese punctuation agrees with the tables.
func TestCJKPunctuation(t *testing.T) {
	for r := rune(0x80); r < 0x10000; r++ {
		if cjkPunctuation(r) && (unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)) {
			t.Errorf("%U %q is counted as punctuation, but belongs in a word", r, r)
		}
	}
}

// TestNumberOf holds the table of units to a map: the first unit seen
// gets 0, the next new one 1, and so on, over diffs of few and of many
// units (the table grows), each starting afresh.
func TestNumberOf(t *testing.T) {
	r := rand.New(rand.NewPCG(13, 14))
	u := unitsPool.Get().(*units)
	defer unitsPool.Put(u)
	for d := range 300 {
		u.reset()
		want := map[string]rune{}
		n := 1 + r.IntN(50)
		if d%10 == 0 {
			n = 5000
		}
		for range 2 * n {
			p := fmt.Sprint("unit", r.IntN(n))
			w, ok := want[p]
			if !ok {
				w = indexRune(len(want))
				want[p] = w
			}
			if got := u.numberOf(p); got != w {
				t.Fatalf("diff %d: unit %q numbered %d, want %d", d, p, got, w)
			}
		}
	}
}
