package markdown

import (
	"bytes"
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"ismsgen/generator/diag"
)

// An empty HTML element whose only attribute is a name or an id —
// <a name="install"></a>, <a id="x"></a>, <span id="x"></span> — is how
// documents written for GitHub or a wiki mark a place to link to. Such an
// element becomes an Anchor of the page: one inert <span id="…"></span>,
// its id escaped, never the HTML as written. Heading anchors win: an
// anchor with the id of a heading of the page, of an anchor before it, or
// of an element of the layout (layoutID) is left out, with a warning at
// its line (ScanBody). Any other element, attribute or content is raw
// HTML, as before.

// Anchor is an HTML anchor of a body.
type Anchor struct {
	ast.BaseInline
	ID  string
	Tag string // "a" or "span", as written (for warnings)
	// Clash says why the anchor is left out: "" for none, or
	// ClashHeading, ClashAnchor, ClashLayout.
	Clash string
}

// Why an anchor is left out.
const (
	ClashHeading = "heading" // a heading of the page has the id
	ClashAnchor  = "anchor"  // an anchor before it has the id
	ClashLayout  = "layout"  // an element of the page's layout has the id
)

// KindAnchor is the ast.NodeKind of an Anchor.
var KindAnchor = ast.NewNodeKind("Anchor")

func (n *Anchor) Kind() ast.NodeKind { return KindAnchor }

func (n *Anchor) Dump(src []byte, level int) {
	ast.DumpHelper(n, src, level, map[string]string{"ID": n.ID, "Clash": n.Clash}, nil)
}

// AnchorBlock is a paragraph that held nothing but anchors (a line
// "<a name="x"></a>" above a heading): its anchors, without a <p>.
type AnchorBlock struct{ ast.BaseBlock }

// KindAnchorBlock is the ast.NodeKind of an AnchorBlock.
var KindAnchorBlock = ast.NewNodeKind("AnchorBlock")

func (n *AnchorBlock) Kind() ast.NodeKind { return KindAnchorBlock }

func (n *AnchorBlock) Dump(src []byte, level int) { ast.DumpHelper(n, src, level, nil, nil) }

// anchorRenderer writes an Anchor: nothing for one left out; and an
// AnchorBlock: its anchors on a line, nothing when all are left out.
type anchorRenderer struct{}

func (anchorRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(KindAnchor, func(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering {
			writeAnchor(w, n.(*Anchor))
		}
		return ast.WalkContinue, nil
	})
	reg.Register(KindAnchorBlock, func(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		wrote := false
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			wrote = writeAnchor(w, c.(*Anchor)) || wrote
		}
		if wrote {
			_ = w.WriteByte('\n')
		}
		return ast.WalkSkipChildren, nil
	})
}

// writeAnchor writes a's element, if the page has it.
func writeAnchor(w util.BufWriter, a *Anchor) bool {
	if a.Clash != "" {
		return false
	}
	_, _ = w.WriteString(`<span id="`)
	_, _ = w.Write(util.EscapeHTML([]byte(a.ID)))
	_, _ = w.WriteString(`"></span>`)
	return true
}

// anchorTag reads an opening tag that can start an anchor: <a name=…>,
// <a id=…> or <span id=…>, the value quoted or not, and nothing else. It
// returns the tag's name in lower case and the id.
func anchorTag(raw []byte) (tag, id string, ok bool) {
	name, closing := tagOf(raw)
	if closing || name != "a" && name != "span" || raw[len(raw)-1] != '>' {
		return "", "", false
	}
	rest := raw[1+len(name) : len(raw)-1]
	if len(rest) == 0 || !isSpace(rest[0]) {
		return "", "", false
	}
	rest = bytes.TrimSpace(rest)
	attr, value, found := bytes.Cut(rest, []byte("="))
	if !found {
		return "", "", false
	}
	switch a := strings.ToLower(string(bytes.TrimRight(attr, " \t\n"))); {
	case a == "id", a == "name" && name == "a":
	default:
		return "", "", false
	}
	value = bytes.TrimLeft(value, " \t\n")
	if len(value) >= 2 && (value[0] == '"' || value[0] == '\'') && value[len(value)-1] == value[0] {
		value = value[1 : len(value)-1]
	}
	if !fragmentID(value) {
		return "", "", false
	}
	return name, string(value), true
}

// fragmentID reports whether an anchor's value can be a link's fragment
// as written: not empty, without spaces, control characters, quotes,
// angle brackets, '&' (a character reference) or '#'.
func fragmentID(v []byte) bool {
	if len(v) == 0 || len(v) > 200 {
		return false
	}
	for _, c := range v {
		if c <= ' ' || c == 0x7f || bytes.IndexByte([]byte("\"'<>&#`="), c) >= 0 {
			return false
		}
	}
	return !bytes.Contains(v, []byte("\u00a0")) && !bytes.Contains(v, []byte("\u3000"))
}

// clashed is the warning for an anchor left out (Clash).
func clashed(a *Anchor) Foreign {
	f := Foreign{Code: "raw-html", Hint: diag.Msg("give the anchor a name of its own, and link to #that name")}
	switch a.Clash {
	case ClashHeading:
		f.Message = diag.Msg("the anchor <%s> %q is left out: a heading of the page has the id %q, and links to #%s go to it", a.Tag, a.ID, a.ID, a.ID)
		f.Hint = diag.Msg("remove the anchor, or give it a name of its own")
	case ClashAnchor:
		f.Message = diag.Msg("the anchor <%s> %q is left out: an anchor before it has the same id, and links to #%s go there", a.Tag, a.ID, a.ID)
	default:
		f.Message = diag.Msg("the anchor <%s> %q is left out: the page's layout has an element with the id %q", a.Tag, a.ID, a.ID)
	}
	return f
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// closes reports whether raw is the closing tag of an element named tag.
func closes(raw []byte, tag string) bool {
	name, closing := tagOf(raw)
	return closing && name == tag && len(bytes.TrimSpace(raw[2+len(name):len(raw)-1])) == 0
}

// anchorPair reports whether n, raw HTML, opens an anchor that its next
// sibling closes: an empty element.
func anchorPair(n *ast.RawHTML, src []byte) (tag, id string, ok bool) {
	tag, id, ok = anchorTag(rawOf(n, src))
	if !ok {
		return "", "", false
	}
	next, isRaw := n.NextSibling().(*ast.RawHTML)
	if !isRaw || !closes(rawOf(next, src), tag) {
		return "", "", false
	}
	return tag, id, true
}

// makeAnchors puts an Anchor in the place of each empty anchor element
// (pairs: their opening tags), and makes a paragraph that holds nothing
// but anchors a block of no markup of its own: no empty <p>. It returns
// the anchors in the order of the body.
func makeAnchors(src []byte, pairs []*ast.RawHTML) []*Anchor {
	if len(pairs) == 0 {
		return nil
	}
	anchors := make([]*Anchor, 0, len(pairs))
	parents := map[ast.Node]bool{}
	var order []ast.Node
	for _, n := range pairs {
		tag, id, _ := anchorPair(n, src)
		a := &Anchor{ID: id, Tag: tag}
		a.SetPos(n.Segments.At(0).Start)
		parent := n.Parent()
		parent.RemoveChild(parent, n.NextSibling())
		parent.ReplaceChild(parent, n, a)
		anchors = append(anchors, a)
		if !parents[parent] {
			parents[parent] = true
			order = append(order, parent)
		}
	}
	for _, p := range order {
		if para, ok := p.(*ast.Paragraph); ok && onlyAnchors(para, src) {
			b := &AnchorBlock{}
			for c := para.FirstChild(); c != nil; {
				next := c.NextSibling()
				if _, ok := c.(*Anchor); ok {
					b.AppendChild(b, c)
				}
				c = next
			}
			b.SetBlankPreviousLines(para.HasBlankPreviousLines())
			para.Parent().ReplaceChild(para.Parent(), para, b)
		}
	}
	return anchors
}

// anchorsKey holds, in the parser's context, the anchors of the body
// (makeAnchors) for anchorClashes.
var anchorsKey = parser.NewContextKey()

// anchorClashes marks the anchors whose id is taken (Anchor.Clash), once
// every heading has its final id (after ownIDs and linkHeadings).
type anchorClashes struct{}

func (anchorClashes) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	anchors, _ := pc.Get(anchorsKey).([]*Anchor)
	if len(anchors) == 0 {
		return
	}
	headings := map[string]bool{}
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if h, ok := n.(*ast.Heading); ok && entering {
			if id, ok := h.AttributeString("id"); ok {
				if b, ok := id.([]byte); ok {
					headings[string(b)] = true
				}
			}
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	seen := map[string]bool{}
	for _, a := range anchors {
		switch {
		case headings[a.ID]:
			a.Clash = ClashHeading
		case seen[a.ID]:
			a.Clash = ClashAnchor
		case layoutID(a.ID):
			a.Clash = ClashLayout
		}
		seen[a.ID] = true
	}
}

// onlyAnchors reports whether a paragraph holds anchors and white space
// only.
func onlyAnchors(p *ast.Paragraph, src []byte) bool {
	for c := p.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *Anchor:
		case *ast.Text:
			if len(bytes.TrimSpace(c.Segment.Value(src))) > 0 {
				return false
			}
		default:
			return false
		}
	}
	return true
}
