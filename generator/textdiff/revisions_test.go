package textdiff

import (
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"

	"ismsgen/generator/internal/fast"
)

// Revisions of documents as a document controller makes them, made up
// here from a few words: the front matter gets a new version, author,
// dates and history entry; the body a sentence rewritten (unrelated
// text in its place, as a history build's corpus does), or a word
// changed, a sentence added or dropped, two sentences of a paragraph
// changed around one that stays.

var (
	zhNouns   = []string{"访问控制", "供应商", "备份介质", "管理评审", "内部审核", "风险评估", "事件响应", "变更申请", "培训记录", "资产清单", "口令策略", "日志审计"}
	zhVerbs   = []string{"应当建立并保持", "负责定期评审", "须按要求记录", "应识别并评估", "应确保", "每年至少检查一次", "应及时通报"}
	zhEnds    = []string{"。", "，并保留相关证据。", "，评审结果应提交管理层。", "，相关记录保存三年。", "，发现的问题应在规定期限内关闭。"}
	enSubject = []string{"The asset owner", "Top management", "The security team", "Each department", "The service desk"}
	enVerb    = []string{"shall review", "must approve", "shall record", "should assess", "must report"}
	enObject  = []string{"the access rights of privileged accounts", "backup restore tests", "supplier contracts", "security incidents", "changes to production systems"}
	enEnd     = []string{".", " every quarter.", " in accordance with this procedure.", " and keep the evidence for three years."}
)

func pickOne(r *rand.Rand, words []string) string { return words[r.IntN(len(words))] }

func zhSentence(r *rand.Rand) string {
	return pickOne(r, zhNouns) + pickOne(r, zhVerbs) + pickOne(r, zhNouns) + pickOne(r, zhEnds)
}

func enSentence(r *rand.Rand) string {
	return pickOne(r, enSubject) + " " + pickOne(r, enVerb) + " " + pickOne(r, enObject) + pickOne(r, enEnd)
}

// draft is a document: its front matter's fields and its body's
// paragraphs, each a list of sentences (English ones joined by spaces).
type draft struct {
	version, author, date string
	history               []string
	paragraphs            [][]string
	english               []bool
}

func newDraft(r *rand.Rand, id int) *draft {
	d := &draft{version: "1." + strconv.Itoa(r.IntN(5)), author: pickOne(r, []string{"张三", "李四", "Alice Chen"}), date: "2025-0" + strconv.Itoa(1+r.IntN(9)) + "-1" + strconv.Itoa(r.IntN(10))}
	d.history = []string{d.version}
	for i := range 4 + r.IntN(6) {
		en := i%3 == 2
		var p []string
		for range 2 + r.IntN(4) {
			if en {
				p = append(p, enSentence(r))
			} else {
				p = append(p, zhSentence(r))
			}
		}
		d.paragraphs, d.english = append(d.paragraphs, p), append(d.english, en)
	}
	return d
}

func (d *draft) frontMatter(id int) string {
	var b strings.Builder
	b.WriteString("+++\nid = \"ISMS-P-" + strconv.Itoa(id) + "\"\ntitle = \"访问控制程序 (Access Control Procedure)\"\n")
	b.WriteString("version = \"" + d.version + "\"\nstatus = \"approved\"\nauthor = \"" + d.author + "\"\n")
	b.WriteString("approved = " + d.date + "\neffective = " + d.date + "\n")
	for _, v := range d.history {
		b.WriteString("\n[[history]]\nversion = \"" + v + "\"\nsummary = \"修订\"\n")
	}
	b.WriteString("+++\n")
	return b.String()
}

func (d *draft) body() string {
	var b strings.Builder
	b.WriteString("# 访问控制程序\n")
	for i, p := range d.paragraphs {
		b.WriteString("\n## " + strconv.Itoa(i+1) + " 要求 / Requirements\n\n")
		sep := ""
		if d.english[i] {
			sep = " "
		}
		b.WriteString(strings.Join(p, sep) + "\n")
	}
	return b.String()
}

// revise makes d's next version, with one kind of change to its body.
func (d *draft) revise(r *rand.Rand, kind int) {
	minor, _ := strconv.Atoi(d.version[2:])
	d.version = d.version[:2] + strconv.Itoa(minor+1)
	d.history = append(d.history, d.version)
	d.author = pickOne(r, []string{"王五", "赵六", "Bob Wang"})
	d.date = "2026-01-0" + strconv.Itoa(1+r.IntN(9))
	i := r.IntN(len(d.paragraphs))
	p := append([]string(nil), d.paragraphs[i]...)
	sentence := func() string {
		if d.english[i] {
			return enSentence(r)
		}
		return zhSentence(r)
	}
	j := r.IntN(len(p))
	switch kind % 6 {
	case 0: // a sentence rewritten
		p[j] = sentence()
	case 1: // a word or a character changed
		if d.english[i] {
			p[j] = strings.Replace(p[j], " shall ", " must ", 1)
		} else {
			p[j] = strings.Replace(p[j], "应", "须", 1)
		}
	case 2: // a sentence added
		p = append(p[:j], append([]string{sentence()}, p[j:]...)...)
	case 3: // a sentence dropped
		if len(p) > 1 {
			p = append(p[:j], p[j+1:]...)
		}
	case 4: // two sentences changed around one that stays
		if len(p) >= 3 {
			p[0], p[2] = sentence(), strings.Replace(p[2], "管理", "治理", 1)
		}
	case 5: // a paragraph added
		d.paragraphs = append(d.paragraphs, []string{zhSentence(r), zhSentence(r)})
		d.english = append(d.english, false)
	}
	d.paragraphs[i] = p
}

// revisions returns n pairs of texts before and after a revision: front
// matters and bodies, in turn.
func revisions(seed uint64, n int) [][2]string {
	r := rand.New(rand.NewPCG(seed, 7))
	var out [][2]string
	for id := 0; len(out) < n; id++ {
		d := newDraft(r, id)
		for k := range 1 + r.IntN(5) {
			oldFM, oldBody := d.frontMatter(id), d.body()
			d.revise(r, k+id)
			out = append(out, [2]string{oldFM, d.frontMatter(id)}, [2]string{oldBody, d.body()})
		}
	}
	return out[:n]
}

// givesBack fails t unless the spans joined are old (Equal and Delete)
// and new (Equal and Insert), with no empty span and no two of one kind
// in a row.
func givesBack(t *testing.T, spans []Span, old, new string) {
	t.Helper()
	var a, b strings.Builder
	for i, s := range spans {
		if s.Text == "" || i > 0 && spans[i-1].Op == s.Op {
			t.Fatalf("Diff(%q, %q): span %d of %d is empty or of the kind before it", old, new, i, len(spans))
		}
		if s.Op != Insert {
			a.WriteString(s.Text)
		}
		if s.Op != Delete {
			b.WriteString(s.Text)
		}
	}
	if a.String() != old || b.String() != new {
		t.Fatalf("Diff(%q, %q) gives back %q, %q", old, new, a.String(), b.String())
	}
}

// sameBothWays fails t unless Diff gives the same spans with the fast
// paths on and off, and they give back the texts.
func sameBothWays(t *testing.T, old, new string) {
	t.Helper()
	on := Diff(old, new)
	restore := fast.Set(false)
	off := Diff(old, new)
	restore()
	givesBack(t, on, old, new)
	if show(on) != show(off) || len(on) != len(off) {
		t.Fatalf("Diff(%q, %q)\nfast paths on:  %s\nfast paths off: %s", old, new, show(on), show(off))
	}
}

func TestRevisions(t *testing.T) {
	for _, p := range revisions(1, 4000) {
		sameBothWays(t, p[0], p[1])
	}
}

// TestRevisionsRandom runs texts of random sentences, words, spaces and
// line ends, and each with some of its pieces changed, both ways.
func TestRevisionsRandom(t *testing.T) {
	r := rand.New(rand.NewPCG(9, 10))
	bits := []string{"应", "每年", "评审", "。", "；", "，", "! ", ". ", "a", "word", " ", "\n", "\r\n", "1.2", "管理评审", "The policy", "?"}
	text := func(n int) string {
		var b strings.Builder
		for range r.IntN(n) {
			b.WriteString(bits[r.IntN(len(bits))])
		}
		return b.String()
	}
	for range 20_000 {
		old := text(30)
		new := text(30)
		if r.IntN(2) == 0 {
			new = old
			for range 1 + r.IntN(3) {
				i := r.IntN(len(new) + 1)
				j := min(len(new), i+r.IntN(8))
				new = new[:i] + text(4) + new[j:]
			}
		}
		sameBothWays(t, old, new)
	}
}

// FuzzDiffBothWays checks that the spans give back both texts, and are
// the same with the fast paths on and off.
func FuzzDiffBothWays(f *testing.F) {
	f.Add("甲应每年评审。乙应记录。丙应报告。", "甲应每半年评审。乙应记录。丙应及时报告。")
	f.Add("approved = 2025-03-01\neffective = 2025-03-15\n", "approved = 2026-01-10\neffective = 2026-01-10\n")
	f.Add("Review the policy annually. Keep the records.", "Keep the records. Review the policy.")
	f.Fuzz(func(t *testing.T, old, new string) {
		sameBothWays(t, old, new)
	})
}

// BenchmarkRevisions diffs 2,000 revisions' front matters and bodies,
// as the changes pages of a history build do.
func BenchmarkRevisions(b *testing.B) {
	pairs := revisions(2, 4000)
	b.ResetTimer()
	for b.Loop() {
		for _, p := range pairs {
			Diff(p[0], p[1])
		}
	}
}
