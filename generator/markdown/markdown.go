// Package markdown configures goldmark once for the whole pipeline: the
// extensions ismsgen supports (GFM tables, strikethrough, task lists and
// autolinks, footnotes, definition lists), heading ids that keep Chinese
// text and are unique per page, and the rules for recognising a link whose
// target is a document id. The link stage finds each body's links and
// headings with ScanLinks, which reads plain bodies line by line and
// gives the others to goldmark (ParseForLinks, which skips the text that
// cannot hold a link); the render stage parses and renders with it.
//
// Raw HTML in Markdown is never rendered.
package markdown

import (
	"bytes"
	"ismsgen/generator/internal/filetype"
	"net/url"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// New returns a goldmark instance with ismsgen's extensions; extra options
// (such as a renderer for code blocks) are applied after them.
func New(extra ...goldmark.Option) goldmark.Markdown {
	opts := []goldmark.Option{
		goldmark.WithExtensions(extension.Linkify, extension.Table, doubleTildes{}, extension.TaskList, extension.Footnote, extension.DefinitionList),
		goldmark.WithParserOptions(parser.WithAutoHeadingID(), parser.WithHeadingAttribute(), parser.WithInlineParsers(util.Prioritized(cjkEmphasis{}, 400)), parser.WithBlockParsers(util.Prioritized(unknownTagLine{}, 850)), parser.WithASTTransformers(util.Prioritized(ownIDs{}, 950), util.Prioritized(linkHeadings{}, 1000), util.Prioritized(angleText{}, 900), util.Prioritized(anchorClashes{}, 1100))),
		goldmark.WithRendererOptions(renderer.WithNodeRenderers(util.Prioritized(anchorRenderer{}, 500))),
	}
	return goldmark.New(append(opts, extra...)...)
}

var shared = New()

// Parse parses a document body. Parsing never fails.
func Parse(md goldmark.Markdown, body []byte) ast.Node {
	if md == nil {
		md = shared
	}
	ctx := parser.NewContext(parser.WithIDs(newHeadingIDs()))
	return md.Parser().Parse(text.NewReader(body), parser.WithContext(ctx))
}

var targetPattern = regexp.MustCompile(`^[A-Za-z0-9._-]+$`)
var fileExt = regexp.MustCompile(`\.[A-Za-z][A-Za-z0-9]{0,4}$`)

// SplitTarget reports whether a link destination names a document id
// ("ISMS-P-009" or "ISMS-P-009#section") and splits off the fragment. A
// destination with a scheme, a slash or a file extension ("form.docx") is
// an ordinary link. Escapes do not change what a destination is: it is
// read as Unescape gives it ("ISMS&#45;P-009", "ISMS\-P-009" and
// "ISMS%2DP-009" are the id ISMS-P-009).
func SplitTarget(dest string) (id, fragment string, ok bool) {
	id, fragment, _ = strings.Cut(Unescape(dest), "#")
	if id == "" || !targetPattern.MatchString(id) || fileExt.MatchString(id) && !strings.ContainsAny(id, "0123456789") {
		return "", "", false
	}
	return id, fragment, true
}

// Unescape is a link destination as the browser would follow it:
// backslash escapes, entity and numeric character references (as
// goldmark resolves them when it writes the URL) and then
// percent-encoding resolved. A destination without '\', '&' or '%' is
// returned as it is.
func Unescape(dest string) string {
	if !strings.ContainsAny(dest, `\&%`) {
		return dest
	}
	b := util.ResolveEntityNames(util.ResolveNumericReferences(util.UnescapePunctuations([]byte(dest))))
	s := string(b)
	if u, err := url.PathUnescape(s); err == nil {
		s = u
	}
	return s
}

// IsFileLink reports whether a destination is a plain relative file name,
// such as an attachment beside a page bundle.
func IsFileLink(dest string) bool {
	return fileExt.MatchString(dest) && !strings.ContainsAny(dest, "/:?#")
}

// Heading is one heading of a document with its anchor id.
type Heading struct {
	Level int
	Text  string
	ID    string
}

// Headings lists the headings of a parsed body.
func Headings(doc ast.Node, src []byte) []Heading {
	var out []Heading
	for n := doc.FirstChild(); n != nil; n = n.NextSibling() {
		h, ok := n.(*ast.Heading)
		if !ok {
			continue
		}
		id, _ := h.AttributeString("id")
		idb, _ := id.([]byte)
		out = append(out, Heading{Level: h.Level, Text: PlainText(h, src), ID: string(idb)})
	}
	return out
}

// PlainText returns the text of a node and its descendants, without
// markup: each block (a heading, a paragraph, a list item, a table cell)
// ends in a line feed, which the search's snippets show as a separator
// ("1 目的 · 本程序规定…", "版本 · 日期 · 作者"); lines within a paragraph are
// joined by a space.
func PlainText(n ast.Node, src []byte) string {
	var b strings.Builder
	switch {
	case n.Kind() == ast.KindDocument:
		// A body's text is at most its Markdown and one space per block:
		// room for it at once, instead of doubling a buffer from empty
		// (4 % of what a build allocated).
		b.Grow(len(src) + len(src)/8)
	case n.Type() == ast.TypeBlock:
		// A block's text (a heading's, for Headings) is about as long as
		// its lines.
		size := 0
		for i := range n.Lines().Len() {
			seg := n.Lines().At(i)
			size += seg.Len() + 1
		}
		b.Grow(size)
	}
	writeText(&b, n, src)
	return b.String()
}

func writeText(b *strings.Builder, n ast.Node, src []byte) { writeTextIn(b, n, src, false) }

// writeTextIn is writeText; in code (a code span), text is shown as it
// is written, elsewhere its backslash escapes and character references
// are resolved, as the page shows them: the search index and the table
// of contents take the text and escape it once, so "A &amp; B" must
// reach them as "A & B".
func writeTextIn(b *strings.Builder, n ast.Node, src []byte, code bool) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch t := c.(type) {
		case *ast.Text:
			v := t.Segment.Value(src)
			if !code && bytes.ContainsAny(v, `&\`) {
				v = util.ResolveEntityNames(util.ResolveNumericReferences(util.UnescapePunctuations(v)))
			}
			b.Write(v)
			if t.SoftLineBreak() || t.HardLineBreak() {
				b.WriteByte(' ')
			}
		case *ast.String:
			b.Write(t.Value)
		case *ast.CodeSpan:
			writeTextIn(b, c, src, true)
		case *ast.Emphasis, *ast.Link:
			writeTextIn(b, c, src, code)
		case *ast.AutoLink:
			b.Write(t.Label(src))
		case *ast.RawHTML, *ast.HTMLBlock:
		case *ast.FencedCodeBlock, *ast.CodeBlock:
			lines := c.Lines()
			for i := 0; i < lines.Len(); i++ {
				seg := lines.At(i)
				b.Write(seg.Value(src))
			}
		default:
			writeTextIn(b, c, src, code)
		}
		if c.Type() == ast.TypeBlock {
			b.WriteByte('\n') // a block ends: a heading, a cell, an item, a paragraph
		}
	}
}

// Slug makes a heading id: lower-case letters (Han characters included) and
// digits are kept, spaces become '-', other punctuation is dropped.
// "4.1 制定计划" → "41-制定计划". A '_' is kept within a word
// ("snake_case") and dropped at a word's edge, where it marks emphasis
// ("_Scope_" is "scope", as the text shown and GitHub's id have it).
func Slug(s string) string {
	s = strings.TrimSpace(s)
	var b strings.Builder
	b.Grow(len(s)) // lower case is rarely longer
	dash := false
	prev := rune(0) // the rune before r
	for i, r := range s {
		last := prev
		prev = r
		switch {
		case r == '_':
			if wordRune(last) && i+1 < len(s) && wordRune(firstRune(s[i+1:])) {
				b.WriteByte('_')
				dash = false
			}
		case 'a' <= r && r <= 'z' || '0' <= r && r <= '9' || r == '-':
			b.WriteByte(byte(r))
			dash = false
		case 'A' <= r && r <= 'Z':
			b.WriteByte(byte(r - 'A' + 'a'))
			dash = false
		case r >= utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			b.WriteRune(unicode.ToLower(r))
			dash = false
		case unicode.IsSpace(r):
			if !dash && b.Len() > 0 {
				b.WriteByte('-')
				dash = true
			}
		}
	}
	return strings.TrimSuffix(b.String(), "-")
}

// wordRune reports whether r is a letter or a digit, of a word that a
// '_' within it belongs to.
func wordRune(r rune) bool {
	return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9' || r >= utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r))
}

// firstRune is the first rune of s.
func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

// headingIDs implements parser.IDs with Slug and per-page uniqueness; an
// id the page's layout uses itself (layoutID) is taken too.
type headingIDs struct {
	seen map[string]bool
	// next is, per base id, the suffix to try first: without it, n
	// headings with the same text cost n²/2 lookups (50,000 identical
	// headings took hours).
	next map[string]int
}

func (h *headingIDs) Generate(value []byte, kind ast.NodeKind) []byte {
	base := Slug(string(value))
	if base == "" {
		base = "section"
	}
	if h.next == nil {
		h.next = map[string]int{}
	}
	id := base
	i := max(h.next[base], 1)
	for h.seen[id] || layoutID(id) {
		id = base + "-" + itoa(i)
		i++
	}
	h.next[base] = i
	h.seen[id] = true
	return []byte(id)
}

func (h *headingIDs) Put(value []byte) { h.seen[string(value)] = true }

func itoa(i int) string {
	if i < 10 {
		return string(rune('0' + i))
	}
	return itoa(i/10) + string(rune('0'+i%10))
}

// ImageID reports whether an image's destination names a document id, as
// SplitTarget does for a link, but for a destination whose extension is
// that of a file type ismsgen publishes ("fig1.png", "scan2.pdf"): such
// an image shows a file. An image of a document ("![](ISMS-P-009)") is
// shown as a link to it, never as an <img> whose source is the id.
func ImageID(dest string) (id, fragment string, ok bool) {
	id, fragment, ok = SplitTarget(dest)
	if ok {
		if _, file := filetype.ContentType(id); file {
			return "", "", false
		}
	}
	return id, fragment, ok
}

// AngleID reports whether n, raw HTML to goldmark, is an id in angle
// brackets ("<ISMS-P-009>"), as an author writes an autolink, and
// returns the id: a tag name with a '-' and a digit, which no HTML
// element has, and nothing else; not right after a Latin letter or a
// digit, where it is a subscript or a type's parameter ("h<t-1>"), no
// link.
func AngleID(n *ast.RawHTML, src []byte) (string, bool) {
	if n.Segments.Len() != 1 {
		return "", false
	}
	seg := n.Segments.At(0)
	raw := seg.Value(src)
	if len(raw) < 3 || raw[0] != '<' || raw[len(raw)-1] != '>' {
		return "", false
	}
	if seg.Start > 0 && seg.Start <= len(src) && isAlnum(src[seg.Start-1]) {
		return "", false
	}
	id := string(raw[1 : len(raw)-1])
	first := id[0]
	if !('A' <= first && first <= 'Z' || 'a' <= first && first <= 'z') || !targetPattern.MatchString(id) ||
		!strings.Contains(id, "-") || !strings.ContainsAny(id, "0123456789") {
		return "", false
	}
	return id, true
}
