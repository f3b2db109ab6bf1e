package corpus

import (
	"fmt"
	"slices"
	"strings"
)

// The real shape: bodies as people write them in any Markdown repository,
// with no knowledge of ismsgen's id links.

// bundleShare is the share of documents written as page bundles
// (tierN/ID/index.md) with images in img/.
const bundleShare = 0.10

// image is a file in a bundle folder that the body shows.
type image struct {
	path string // relative to the bundle folder: img/…
	alt  string
	png  []byte
}

// drawBundles makes a share of the documents page bundles, each with one
// to three images.
func drawBundles(r *rng, docs []*doc) {
	for _, d := range docs {
		if !r.chance(bundleShare) {
			continue
		}
		d.bundle = true
		for i := range r.between(1, 3) {
			img := image{
				path: fmt.Sprintf("img/fig-%d.png", i+1),
				alt:  fmt.Sprintf("图 %d：%s示意图", i+1, pick(r, zhPhrases)),
				png:  drawPNG(r),
			}
			if r.chance(0.25) {
				img.path = fmt.Sprintf("img/screens/screen-%d.png", i+1)
			}
			d.images = append(d.images, img)
		}
	}
}

// english reports whether a document is written with English headings
// (its title starts in English).
func (d *doc) english() bool {
	c := d.title[0]
	return 'A' <= c && c <= 'Z' || 'a' <= c && c <= 'z'
}

// heading is the text of the n-th (0-based) numbered section heading.
func (d *doc) heading(n int) string {
	sec := sections[n%len(sections)]
	if d.english() {
		return fmt.Sprintf("%d. %s", n+1, sec.en)
	}
	return fmt.Sprintf("%d %s", n+1, sec.zh)
}

// anchor is the fragment of the n-th section heading as GitHub and
// ismsgen make it: lower case, punctuation dropped, spaces as hyphens.
// The headings it is used for have no runs of spaces or punctuation, so
// that both agree.
func (d *doc) anchor(n int) string {
	var b strings.Builder
	for _, c := range strings.ToLower(d.heading(n)) {
		switch {
		case c == ' ':
			b.WriteByte('-')
		case c == '.':
		default:
			b.WriteRune(c)
		}
	}
	return b.String()
}

// fileLink links to the other document's Markdown file by a relative
// path, in the forms authors use: ../tier2/x.md, x.md, ./x.md, a bundle's
// index.md or its folder, some with a fragment naming one of the first
// two sections. The link text is the title, sometimes the id.
func fileLink(r *rng, from, to *doc) string {
	dest := relPath(r, from, to)
	if strings.HasSuffix(dest, ".md") && r.chance(0.25) {
		dest += "#" + to.anchor(r.intn(2))
	}
	text := to.title
	if r.chance(0.15) {
		text = to.id
	}
	return "[" + text + "](" + dest + ")"
}

func relPath(r *rng, from, to *doc) string {
	dir := []string{from.dir()}
	if from.bundle {
		dir = append(dir, from.id)
	}
	target := []string{to.dir(), to.id + ".md"}
	folder := false
	if to.bundle {
		target = []string{to.dir(), to.id, "index.md"}
		if r.chance(0.4) {
			target, folder = target[:2], true
		}
	}
	common := 0
	for common < len(dir) && common < len(target)-1 && dir[common] == target[common] {
		common++
	}
	p := strings.Repeat("../", len(dir)-common) + strings.Join(target[common:], "/")
	if folder {
		p += "/"
	}
	if common == len(dir) && r.chance(0.15) {
		p = "./" + p
	}
	return p
}

// realBody draws a real-shaped body: a first heading that repeats the
// title (or none), numbered sections with paragraphs that carry file
// links, nested and task lists, tables, fenced code with and without a
// language, notes, subsections and the bundle's images, then the related
// documents.
func realBody(r *rng, d *doc, all []*doc, link linker) []block {
	target := bodyTarget(r)
	targets := linkTargets(r, d, all)
	inline := targets[:len(targets)/2]
	listed := targets[len(targets)/2:]
	popInline := func() *doc {
		o := inline[len(inline)-1]
		inline = inline[:len(inline)-1]
		return o
	}
	w := bodyWriter{r: r, from: d, linker: link}
	switch x := r.intn(100); {
	case x < 55:
		w.add("# " + d.title)
	case x < 70:
		w.add("# " + d.id + " " + d.title)
	case x < 80:
		w.add("# " + d.id + "：" + d.title)
	case x < 88:
		w.add("# " + strings.ToUpper(d.title))
	}
	if r.chance(0.3) {
		w.lines(infoTable(d))
	}
	tables := 0
	if r.chance(0.6) {
		tables = 1 + r.intn(4)/3 // one, a quarter of them two
	}
	codes := 0
	if r.chance(0.45) {
		codes = r.between(1, 2)
	}
	images := d.images
	for s := 0; (w.size < target || s < 2) && s <= 40; s++ {
		w.add("## " + d.heading(s))
		p := zhParagraph(r, 2, 5)
		if len(inline) > 0 && r.chance(0.7) {
			p += "详见" + w.link(popInline()) + "。"
		}
		if r.chance(0.3) {
			p += fmt.Sprintf("相关控制见 **%s**，配置项 `%s`。", pick(r, zhPhrases), pick(r, settingNames))
		}
		w.add(p)
		if r.chance(0.5) {
			w.add(enParagraph(r, 2, 4))
		}
		switch x := r.intn(100); {
		case x < 30:
			w.lines(nestedBullets(r))
		case x < 55:
			w.lines(nestedSteps(r))
		case x < 60:
			w.lines(taskList(r))
		}
		if tables > 0 && s%2 == 0 {
			if r.chance(0.5) {
				w.lines(dutyTable(r))
			} else {
				var cell string
				if len(inline) > 0 {
					cell = w.link(popInline())
				}
				w.lines(settingsTable(r, cell))
			}
			tables--
		}
		if codes > 0 && s%2 == 1 {
			w.add(realCode(r))
			codes--
		}
		if s >= 1 && len(images) > 0 {
			w.add(imageBlock(r, images[0]))
			images = images[1:]
		}
		if r.chance(0.15) {
			w.add("> **注意**：" + zhSentence(r))
		}
		if r.chance(0.2) {
			w.add(fmt.Sprintf("### %d.1 %s", s+1, pick(r, topics).zh))
			w.add(zhParagraph(r, 1, 3))
		}
	}
	for _, img := range images {
		w.add(imageBlock(r, img))
	}
	if d.english() {
		w.add("## Related documents")
	} else {
		w.add("## 相关文件")
	}
	var items []string
	for _, o := range slices.Concat(inline, listed) {
		items = append(items, "- "+w.link(o))
	}
	w.lines(items)
	return w.blocks
}

// infoTable is the document control table many document sets open with.
func infoTable(d *doc) []string {
	return []string{
		"| 文件编号 | 版本 | 密级 | 状态 |",
		"| --- | :---: | --- | --- |",
		fmt.Sprintf("| %s | %s | %s | %s |", d.id, d.meta.version, d.meta.classification, d.meta.status),
	}
}

// settingsTable lists required settings, with code in cells, an escaped
// pipe, an empty cell and, when cell is given, a link.
func settingsTable(r *rng, cell string) []string {
	rows := []string{"| 系统 / System | 配置项 | 要求值 | 依据 |", "| :--- | --- | ---: | --- |"}
	systems := []string{"VPN", "数据库", "防火墙", "邮件网关", "堡垒机", "OA 系统"}
	for i := range r.between(3, 5) {
		basis := fmt.Sprintf("A.%d.%d", 5+r.intn(4), r.between(1, 14))
		if i == 0 && cell != "" {
			basis = cell
		}
		value := fmt.Sprintf("`%d`", r.between(3, 365))
		switch r.intn(4) {
		case 0:
			value = "`allow \\| deny`"
		case 1:
			value = ""
		}
		rows = append(rows, fmt.Sprintf("| %s | `%s` | %s | %s |", pick(r, systems), pick(r, settingNames), value, basis))
	}
	return rows
}

// nestedBullets is a list two or three levels deep.
func nestedBullets(r *rng) []string {
	var ls []string
	for range r.between(2, 4) {
		ls = append(ls, "- "+zhSentence(r))
		for j := range r.intn(3) {
			ls = append(ls, "  - "+enSentence(r))
			if j == 0 && r.chance(0.3) {
				ls = append(ls, "    - "+pick(r, zhPhrases))
			}
		}
	}
	return ls
}

// nestedSteps is a numbered procedure with bullets and sub-steps under
// some steps.
func nestedSteps(r *rng) []string {
	var ls []string
	for i := range r.between(3, 5) {
		ls = append(ls, fmt.Sprintf("%d. %s", i+1, zhSentence(r)))
		switch r.intn(3) {
		case 0:
			for range r.between(1, 3) {
				ls = append(ls, "   - "+zhSentence(r))
			}
		case 1:
			for j := range r.between(1, 2) {
				ls = append(ls, fmt.Sprintf("   %d. %s", j+1, enSentence(r)))
			}
		}
	}
	return ls
}

func taskList(r *rng) []string {
	var ls []string
	for range r.between(2, 4) {
		box := "[ ]"
		if r.chance(0.5) {
			box = "[x]"
		}
		ls = append(ls, "- "+box+" "+zhSentence(r))
	}
	return ls
}

func imageBlock(r *rng, img image) string {
	b := "![" + img.alt + "](" + img.path + ")"
	if r.chance(0.3) {
		b += "\n\n[查看原图](" + img.path + ")"
	}
	return b
}
