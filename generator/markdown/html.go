package markdown

import (
	"bytes"
	"regexp"
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"

	"ismsgen/generator/diag"
)

// htmlElements are the names of HTML's elements, those of today and the
// obsolete ones still found in documents. CommonMark takes any word in
// angle brackets for a tag ("<insert email address here>" has the
// attributes "email", "address" and "here"); ismsgen takes only these
// for HTML, and shows any other as the text its author wrote.
var htmlElements = func() map[string]bool {
	m := map[string]bool{}
	for _, name := range strings.Fields(`
		a abbr acronym address area article aside audio b base basefont bdi bdo big blink blockquote
		body br button canvas caption center cite code col colgroup data datalist dd del details dfn
		dialog dir div dl dt em embed fieldset figcaption figure font footer form frame frameset h1 h2
		h3 h4 h5 h6 head header hgroup hr html i iframe img input ins kbd label legend li link main map
		mark marquee math menu menuitem meta meter nav nobr noembed noframes noscript object ol optgroup
		option output p param picture plaintext pre progress q rb rp rt rtc ruby s samp script search
		section select slot small source span strike strong style sub summary sup svg table tbody td
		template textarea tfoot th thead time title tr track tt u ul var video wbr xmp`) {
		m[name] = true
	}
	return m
}()

// tagOf reads the tag that raw HTML starts with: its name in lower case,
// and whether it closes an element; name is "" for a comment, a
// processing instruction, a declaration or CDATA ("<!--", "<?", "<!").
func tagOf(raw []byte) (name string, closing bool) {
	if len(raw) < 2 || raw[0] != '<' {
		return "", false
	}
	raw = raw[1:]
	if raw[0] == '/' {
		closing, raw = true, raw[1:]
	}
	n := 0
	for n < len(raw) && (isAlnum(raw[n]) || n > 0 && raw[n] == '-') {
		n++
	}
	return strings.ToLower(string(raw[:n])), closing
}

func isAlnum(c byte) bool {
	return 'a' <= c|0x20 && c|0x20 <= 'z' || '0' <= c && c <= '9'
}

// isBreak reports whether raw is a line break tag: <br>, <br/>, <br />,
// and one with attributes (<br class="sm:block" />, <br clear="all">),
// which say how a site's own style lays it out: the break is the same.
func isBreak(raw []byte) bool {
	name, closing := tagOf(raw)
	if name != "br" || closing || len(raw) < 4 || raw[len(raw)-1] != '>' {
		return false // "<br" cut off at the end of its line: no tag
	}
	rest := bytes.TrimSpace(raw[3 : len(raw)-1])
	return len(rest) == 0 || len(rest) == 1 && rest[0] == '/' || raw[3] == ' ' || raw[3] == '\t' || raw[3] == '\n'
}

// angleText is the AST transformer that shows as text what CommonMark
// takes for HTML but is none: angle brackets around a word that names no
// HTML element ("<insert email address here>", "<your name>"), inline or
// as an HTML block of its own; that makes of a <br> the line break it
// asks for, and of an empty <a name> an Anchor (see anchor.go). Real
// HTML stays raw HTML, which pages never show (the link stage warns
// about it: see Foreign). An id in angle brackets stays for AngleID.
type angleText struct{}

func (angleText) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	src := reader.Source()
	if bytes.IndexByte(src, '<') < 0 {
		return // no HTML, and nothing taken for it
	}
	var raws, pairs []*ast.RawHTML
	var blocks []*ast.HTMLBlock
	var opened textOpened
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.RawHTML:
			raws = append(raws, n)
		case *ast.HTMLBlock:
			if n.HTMLBlockType == ast.HTMLBlockType7 {
				blocks = append(blocks, n)
			}
		}
		return ast.WalkContinue, nil
	})
	for _, n := range raws {
		if n.Segments.Len() == 0 {
			continue
		}
		first := n.Segments.At(0)
		raw := rawOf(n, src)
		if _, ok := AngleID(n, src); ok {
			continue
		}
		if _, _, ok := anchorPair(n, src); ok {
			pairs = append(pairs, n)
			continue
		}
		parent := n.Parent()
		if isBreak(raw) {
			br := ast.NewTextSegment(text.NewSegment(first.Start, first.Start))
			br.SetHardLineBreak(true)
			parent.ReplaceChild(parent, n, br)
			continue
		}
		if name, closing := tagOf(raw); name == "" || htmlElements[name] && !(closing && opened.take(src, name)) {
			continue
		}
		for i := range n.Segments.Len() {
			seg := ast.NewTextSegment(n.Segments.At(i)) // each line with its line end
			seg.SetRaw(true)
			parent.InsertBefore(parent, n, seg)
		}
		parent.RemoveChild(parent, n)
	}
	if anchors := makeAnchors(src, pairs); len(anchors) > 0 {
		pc.Set(anchorsKey, anchors)
	}
	for _, b := range blocks {
		lines := b.Lines()
		if lines.Len() == 0 {
			continue
		}
		first := lines.At(0)
		value := bytes.TrimSpace(first.Value(src))
		if name, closing := tagOf(value); name == "" || htmlElements[name] &&
			!(closing && lines.Len() == 1 && len(value) == len(name)+3 && opened.take(src, name)) {
			continue
		}
		p := ast.NewParagraph()
		for i := range lines.Len() {
			seg := lines.At(i)
			t := ast.NewTextSegment(seg.TrimRightSpace(src))
			t.SetRaw(true)
			p.AppendChild(p, t)
			if i < lines.Len()-1 {
				nl := ast.NewString([]byte("\n"))
				nl.SetRaw(true)
				p.AppendChild(p, nl)
			}
		}
		p.SetBlankPreviousLines(b.HasBlankPreviousLines())
		b.Parent().ReplaceChild(b.Parent(), b, p)
	}
}

// textOpened counts, by name, the opening tags of HTML elements in a
// body's text that CommonMark reads as text: a Vue slot's <template
// #title>, whose attribute is none of HTML's. Their closing tags, which
// CommonMark reads as HTML, are shown as text too, as written: a page
// showed "<template #title> 标题" and left out the </template> without a
// word (the opening tag's warning, component-tag, says what to write).
type textOpened map[string]int

// take reports whether a closing tag of name closes such an opening tag
// of src, and counts it: each opening tag is closed once. The body is
// read for them at the first closing tag asked about.
func (o *textOpened) take(src []byte, name string) bool {
	if *o == nil {
		*o = textOpened{}
		proseLines(src, '<', func(_ int, text []byte) {
			for _, m := range someTag.FindAllSubmatch(text, -1) {
				if len(m[1]) == 0 && len(m[4]) == 0 && notHTMLAttr.Match(m[3]) {
					(*o)[strings.ToLower(string(m[2]))]++
				}
			}
		})
	}
	if (*o)[name] == 0 {
		return false
	}
	(*o)[name]--
	return true
}

// rawOf is the text of raw HTML as written.
func rawOf(n *ast.RawHTML, src []byte) []byte {
	if n.Segments.Len() == 1 {
		seg := n.Segments.At(0)
		return seg.Value(src)
	}
	var b []byte
	for i := range n.Segments.Len() {
		seg := n.Segments.At(i)
		b = append(b, seg.Value(src)...)
	}
	return b
}

// Foreign is what a body holds that its page does not show as written,
// at its line, with what to write instead: raw HTML, a pandoc grid table
// or title block, a LaTeX command.
type Foreign struct {
	Line    int    // 0-based line of the body
	Code    string // the warning's code: "raw-html", "grid-table", "pandoc-title", "latex"
	Message diag.Text
	Hint    diag.Text

	tags []string // the inline HTML tags it is about (see withTag)

	// moved are the lines, from Line, of what was written on more lines
	// than it is shown on (an HTML table's rows): for each, the line its
	// row was written at, then the line of each of its links and
	// pictures, in order; nil for a line of none (see LinkLines).
	moved [][]int
}

// LinkLines maps each line of a body adapted with found (AdaptAt) that
// holds what was written on other lines, an HTML table's row, to those
// lines: the row's first, then the line of each of its links and
// pictures, in order; nil when no line does. A link there is reported
// at the line it was written on.
func LinkLines(found []Foreign) map[int][]int {
	var m map[int][]int
	for _, f := range found {
		for j, ls := range f.moved {
			if ls == nil {
				continue
			}
			if m == nil {
				m = map[int][]int{}
			}
			at := make([]int, len(ls))
			for k, l := range ls {
				at[k] = f.Line + l
			}
			m[f.Line+j] = at
		}
	}
	return m
}

// withTag adds to f, the warning of the inline HTML tags left out of a
// line, the tag of g, another of the same line: a line of <font>, <u>
// and <sup> is one mistake, said once.
func (f Foreign) withTag(g Foreign) Foreign {
	for _, t := range f.tags {
		if t == g.tags[0] {
			return f
		}
	}
	f.tags = append(f.tags[:len(f.tags):len(f.tags)], g.tags[0])
	f.Message = diag.Msg("the HTML tags %s are not shown (pages show no HTML written in a document); the text around them is", "<"+strings.Join(f.tags, "> <")+">")
	f.Hint = diag.Msg("write them in Markdown (**bold**, *italic*, `code`, [text](address)), or leave the tags out: their text is shown without them")
	return f
}

// rawHTML is the Foreign of raw HTML that a page leaves out: an element
// written inline (its closing tag goes with it; a comment is a comment),
// or a whole HTML block.
func rawHTML(n ast.Node, src []byte) (Foreign, bool) {
	switch n := n.(type) {
	case *ast.RawHTML:
		raw := rawOf(n, src)
		name, closing := tagOf(raw)
		if closing || name == "" || bytes.HasPrefix(raw, []byte("<!--")) {
			return Foreign{}, false
		}
		return Foreign{Code: "raw-html", Message: diag.Msg("the HTML tag <%s> is not shown (pages show no HTML written in a document); the text around it is", name), Hint: htmlHint(name),
			tags: []string{name}}, true
	case *ast.HTMLBlock:
		if n.HTMLBlockType == ast.HTMLBlockType2 || n.Lines().Len() == 0 { // a comment
			return Foreign{}, false
		}
		line := n.Lines().At(0)
		first := bytes.TrimSpace(line.Value(src))
		if name, _ := tagOf(first); name == "br" {
			return Foreign{}, false // a line of <br>: no more than space
		}
		if tagsOnly(n, src) {
			return Foreign{}, false // "</details>", "<div class=\"note\">": nothing to show is lost
		}
		shown := string(first)
		if r := []rune(shown); len(r) > 40 {
			shown = string(r[:40]) + "…"
		}
		if !quotedNode(n) {
			if f, ok := crampedTable(blockText(n.Lines(), src), first, shown); ok {
				return f, true
			}
		}
		hint := blockHint(n.Lines(), src)
		return Foreign{Code: "raw-html", Message: diag.Msg("an HTML block is not shown, text and all (pages show no HTML written in a document): %s", shown), Hint: hint}, true
	}
	return Foreign{}, false
}

// quotedNode reports whether n is in a block quote, where an HTML table
// stays HTML on any number of lines.
func quotedNode(n ast.Node) bool {
	for p := n.Parent(); p != nil; p = p.Parent() {
		if p.Kind() == ast.KindBlockquote {
			return true
		}
	}
	return false
}

// blockText is the text of the lines of a block.
func blockText(lines *text.Segments, src []byte) []byte {
	var b []byte
	for i := range lines.Len() {
		line := lines.At(i)
		b = append(b, line.Value(src)...)
	}
	return b
}

// blockHint is the hint for HTML written on lines: how to write its
// first element that has a Markdown form, else to write its text.
func blockHint(lines *text.Segments, src []byte) diag.Text {
	for i := range lines.Len() {
		line := lines.At(i)
		if inner := innerTag(line.Value(src)); inner != "" {
			return htmlHint(inner)
		}
	}
	return diag.Msg("write its text in Markdown, without the tags: a block of HTML is left out whole")
}

// htmlAsCode is the Foreign of an indented code block right after an
// HTML block that starts with a tag: the rest of the HTML, after a blank
// line ("<table>", a blank line, "    <tr>…"), which CommonMark shows as
// code, tags and all.
func htmlAsCode(n *ast.CodeBlock, src []byte) (Foreign, bool) {
	if n.Lines().Len() == 0 {
		return Foreign{}, false
	}
	line := n.Lines().At(0)
	first := bytes.TrimSpace(line.Value(src))
	name, _ := tagOf(first)
	if !htmlElements[name] {
		return Foreign{}, false
	}
	hint := blockHint(n.Lines(), src)
	return Foreign{Code: "raw-html", Message: diag.Msg("indented HTML after a blank line is shown as code, tags and all: %s", string(first)), Hint: hint}, true
}

// withCode is the Foreign of an HTML block (block, when ok) and of the
// indented HTML after it that is shown as code (code): one warning, at
// the block's line, or code's alone when the block lost nothing.
func withCode(block Foreign, ok bool, code Foreign) Foreign {
	if !ok {
		return code
	}
	block.Message = diag.Msg("%s; the indented HTML after its blank line is shown as code, tags and all", block.Message)
	return block
}

// layoutTags is a line of closing tags, and of opening tags of elements
// that only lay out what follows them: "</table>", "</td></tr>",
// "<div class=\"usage\">", "</div><div class=\"item\">". A <div> that
// wraps Markdown between blank lines starts so, and its Markdown is
// shown.
var layoutTags = regexp.MustCompile(`^(?:</[A-Za-z][A-Za-z0-9-]*[ \t]*>|(?i:<(?:div|p|section|article|main|header|footer|aside|center|span|font)(?:[ \t][^<>]*)?>)|[ \t])+$`)

// tagsOnly reports whether an HTML block holds such tags only.
func tagsOnly(n *ast.HTMLBlock, src []byte) bool {
	for i := range n.Lines().Len() {
		line := n.Lines().At(i)
		if t := bytes.TrimSpace(line.Value(src)); len(t) > 0 && !layoutTags.Match(t) {
			return false
		}
	}
	return true
}

// wrappers are the elements that only lay out what they hold.
var wrappers = map[string]bool{"div": true, "p": true, "center": true, "span": true, "section": true, "article": true,
	"font": true, "html": true, "body": true, "br": true, "hr": true, "blockquote": true, "small": true, "big": true}

var tagPattern = regexp.MustCompile(`<([A-Za-z][A-Za-z0-9]*)`)

// innerTag is the first HTML element in line that is more than a
// wrapper, in lower case ("" when there is none): what a block of HTML
// is there for.
func innerTag(line []byte) string {
	for _, m := range tagPattern.FindAllSubmatch(line, -1) {
		if name := strings.ToLower(string(m[1])); htmlElements[name] && !wrappers[name] {
			return name
		}
	}
	return ""
}

// htmlHint says how to write in Markdown what an HTML element does.
func htmlHint(name string) diag.Text {
	switch name {
	case "img", "picture", "figure":
		return diag.Msg("show a picture with ![what it shows](img/picture.png), the file in the document's page bundle")
	case "a":
		return diag.Msg("write a link as [text](address), or [text](ISMS-P-009) for a document")
	case "b", "strong":
		return diag.Msg("write **bold** text")
	case "i", "em":
		return diag.Msg("write *italic* text")
	case "code", "kbd", "samp", "tt":
		return diag.Msg("write `code` between backticks")
	case "pre":
		return diag.Msg("write a block of code between lines of ```")
	case "table", "tr", "td", "th", "thead", "tbody":
		return diag.Msg("write a table in Markdown: | a | b |, then | --- | --- |, one line per row")
	case "ul", "ol", "li":
		return diag.Msg("write a list in Markdown: one \"- item\" or \"1. item\" per line")
	case "h1", "h2", "h3", "h4", "h5", "h6":
		return diag.Msg("write a heading in Markdown: ## Heading")
	case "details", "summary":
		return diag.Msg("write what it hides as ordinary text: every reader should see it")
	case "iframe", "video", "audio", "embed", "object", "script", "style":
		return diag.Msg("link to it instead: [what it is](address); pages load nothing from other hosts and run no script")
	}
	return diag.Msg("write it in Markdown, or leave the tag out: its text is shown without it")
}
