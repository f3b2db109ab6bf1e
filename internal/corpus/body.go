package corpus

import (
	"fmt"
	"slices"
	"strings"
)

// A body is a list of Markdown blocks, written one blank line apart.
type block = string

func bodyText(blocks []block) string { return strings.Join(blocks, "\n\n") + "\n" }

// linker writes a Markdown link from one document to another.
type linker func(r *rng, from, to *doc) string

// idLink links by document id, as ismsgen's own documents do.
func idLink(_ *rng, _, to *doc) string { return "[" + to.title + "](" + to.id + ")" }

// bodyWriter collects the blocks of one document's body and counts the
// bytes they take.
type bodyWriter struct {
	r      *rng
	from   *doc
	linker linker
	blocks []block
	size   int
}

// link writes a link to another document. The size counts it as an id
// link, so that a corpus's bodies are the same whatever form its links
// take (ids, Hugo page URLs or file paths).
func (w *bodyWriter) link(to *doc) string {
	s := w.linker(w.r, w.from, to)
	w.size += len(idLink(nil, nil, to)) - len(s)
	return s
}

func (w *bodyWriter) add(b block) {
	w.blocks = append(w.blocks, b)
	w.size += len(b) + 2
}

// lines adds the lines as one block.
func (w *bodyWriter) lines(ls []string) { w.add(strings.Join(ls, "\n")) }

// bodyTarget draws how many bytes of text a body gets before its list of
// related documents: 1 to 4 KiB in all.
func bodyTarget(r *rng) int { return r.between(1024, 4096) - 650 }

// linkTargets draws the documents a body links to: its parent and related
// documents first, then others, 2 to 5 in all.
func linkTargets(r *rng, d *doc, all []*doc) []*doc {
	n := r.between(2, 5)
	var ts []*doc
	add := func(o *doc) {
		if len(ts) < n && o != d && !contains(ts, o) {
			ts = append(ts, o)
		}
	}
	if d.parent != nil {
		add(d.parent)
	}
	for _, o := range d.related {
		add(o)
	}
	for range 20 {
		if len(ts) == n {
			break
		}
		add(pick(r, all))
	}
	return ts
}

func contains(ds []*doc, d *doc) bool {
	for _, o := range ds {
		if o == d {
			return true
		}
	}
	return false
}

// plainBody draws the body of the plain corpus: the title, numbered
// bilingual sections of Chinese and English paragraphs, lists, a table
// in the first section of some, a code block in the second of others,
// then the related documents. About half the links are in the text, the
// rest in the closing list.
func plainBody(r *rng, d *doc, all []*doc, link linker) []block {
	target := bodyTarget(r)
	targets := linkTargets(r, d, all)
	inline := targets[:len(targets)/2]
	listed := targets[len(targets)/2:]
	w := bodyWriter{r: r, from: d, linker: link}
	w.add("# " + d.title)
	hasCode, hasTable := r.chance(0.20), r.chance(0.30)
	for s := 0; (w.size < target || s < 2) && s <= 40; s++ {
		sec := sections[s%len(sections)]
		w.add(fmt.Sprintf("## %d %s / %s", s+1, sec.zh, sec.en))
		shape := r.intn(100)
		p := zhParagraph(r, 2, 5)
		if len(inline) > 0 && r.chance(0.7) {
			p += "详见" + w.link(inline[len(inline)-1]) + "。"
			inline = inline[:len(inline)-1]
		}
		if r.chance(0.3) {
			p += fmt.Sprintf("相关控制见 **%s**，配置项 `%s`。", pick(r, zhPhrases), pick(r, settingNames))
		}
		w.add(p)
		if shape < 50 {
			w.add(enParagraph(r, 2, 4))
		}
		switch {
		case shape < 35:
			w.lines(bulletItems(r, r.between(3, 6)))
		case shape < 60:
			w.lines(numberedItems(r, r.between(3, 5)))
		}
		if hasTable && s == 0 {
			w.lines(dutyTable(r))
			hasTable = false
		}
		if hasCode && s == 1 {
			lang := pick(r, []string{"yaml", "bash", "go"})
			w.add("```" + lang + "\n" + codeSample(lang, r.between(7, 90)) + "```")
			hasCode = false
		}
	}
	w.add("## 相关文件 / Related documents")
	var items []string
	for _, o := range slices.Concat(inline, listed) {
		items = append(items, "- "+w.link(o))
	}
	w.lines(items)
	return w.blocks
}

func zhParagraph(r *rng, lo, hi int) string {
	var b strings.Builder
	for range r.between(lo, hi) {
		b.WriteString(zhSentence(r))
	}
	return b.String()
}

func enParagraph(r *rng, lo, hi int) string {
	s := make([]string, r.between(lo, hi))
	for i := range s {
		s[i] = enSentence(r)
	}
	return strings.Join(s, " ")
}

// bulletItems are list items, mostly in Chinese.
func bulletItems(r *rng, n int) []string {
	items := make([]string, n)
	for i := range items {
		if r.chance(0.6) {
			items[i] = "- " + zhSentence(r)
		} else {
			items[i] = "- " + enSentence(r)
		}
	}
	return items
}

func numberedItems(r *rng, n int) []string {
	items := make([]string, n)
	for i := range items {
		items[i] = fmt.Sprintf("%d. %s", i+1, zhSentence(r))
	}
	return items
}

// dutyTable is a table of who does what, how often.
func dutyTable(r *rng) []string {
	rows := []string{"| 角色 / Role | 职责 / Responsibility | 频率 |", "| --- | --- | :---: |"}
	for range r.between(3, 6) {
		rows = append(rows, fmt.Sprintf("| %s | %s%s | %s |", pick(r, roles), pick(r, zhPhrases), pick(r, duties), pick(r, frequencies)))
	}
	return rows
}
