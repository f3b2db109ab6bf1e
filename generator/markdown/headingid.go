package markdown

import (
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

func newHeadingIDs() *headingIDs { return &headingIDs{seen: map[string]bool{}} }

// reset forgets the ids given so far.
func (h *headingIDs) reset() { clear(h.seen); clear(h.next) }

// layoutIDs are the ids the default layouts and scripts give elements of
// a page that shows a body (TestLayoutIDs keeps the list, which holds the
// report pages' ids as well): a heading whose slug is
// one of them gets a suffix ("search-1"), in its anchor and in every link
// to it, so that the page's script and its skip link find their element.
var layoutIDs = map[string]bool{
	"att-heading": true, "by-clause": true, "by-department": true, "by-document": true, "by-owner": true,
	"controls-heading": true, "current": true, "departments": true, "docs-heading": true, "drafts": true,
	"due-soon": true, "gaps": true, "glance-heading": true, "history-heading": true, "in-force": true,
	"inconsistent": true, "main": true, "meta-heading": true, "missing": true, "missing-info": true,
	"not-effective": true, "obsolete": true, "overdue": true, "owned": true, "pending": true,
	"recent-heading": true, "rel-heading": true, "requirements": true, "search-heading": true,
	"search-page": true, "search-page-q": true, "search-results": true, "search-status": true,
	"site-search-q": true, "soa-heading": true, "tiers-heading": true, "toc-heading": true, "todo": true,
	"training-heading": true, "unassessed": true, "upcoming": true, "withdrawn": true,
	"site-search-list": true, // the search box's list of suggestions
	"fm-heading":       true, "body-heading": true, "actions-heading": true,
	"ack-heading": true, "menu-toggle": true, "site-menu": true, "by-course": true,
	// The usual ids of content and navigation, which a site's own
	// layouts may give.
	"content": true, "toc": true, "search": true, "nav": true, "header": true, "footer": true, "top": true,
}

// layoutID reports whether a layout may use id.
func layoutID(id string) bool { return layoutIDs[id] }

// LayoutID reports whether a layout may use id, so that the first
// heading whose slug it is has the id id + "-1" ("## Content" has
// "content-1"), which a link to "#content" means.
func LayoutID(id string) bool { return layoutIDs[id] }

// linkHeadings gives each heading that holds a link or an image an id
// made from the text its author wrote, never from a destination: goldmark
// makes a heading's id from its line as written, so "## See [](X-1)"
// would carry the id of the document it links to in its anchor, its
// table-of-contents entry and the search index, even when that document
// is left out of the build. A link counts by its own text, an image by
// its alternative text, a link without text (or an id in angle brackets,
// AngleID) not at all ("see"); the ids
// of the headings after it are made again, in order, so that they stay
// unique. The anchor is the same in every build, whatever is published.
// Other headings keep goldmark's id; the line-by-line readers take no
// heading with a '['.
type linkHeadings struct{}

func (linkHeadings) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	ids, ok := pc.IDs().(*headingIDs)
	if !ok {
		return
	}
	src := reader.Source()
	var heads []*ast.Heading
	linked := false
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		if h, ok := n.(*ast.Heading); ok {
			heads = append(heads, h)
			linked = linked || holdsLink(h, src)
			return ast.WalkSkipChildren, nil
		}
		if n.Type() == ast.TypeInline {
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	if !linked {
		return
	}
	ids.reset()
	own := ownHeadings(pc) // their authors' ids (ownIDs) stay
	for h := range own {
		if id, ok := h.AttributeString("id"); ok {
			ids.Put(id.([]byte))
		}
	}
	for _, h := range heads {
		if own[h] {
			continue
		}
		var text []byte
		if holdsLink(h, src) {
			text = ownText(nil, h, src)
		} else if lines := h.Lines(); lines.Len() > 0 {
			last := lines.At(lines.Len() - 1)
			text = last.Value(src) // as goldmark made it
		}
		h.SetAttribute([]byte("id"), ids.Generate(text, ast.KindHeading))
	}
}

// holdsLink reports whether n has a link, an image, an id in angle
// brackets (AngleID) or an HTML anchor among its inlines.
func holdsLink(n ast.Node, src []byte) bool {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *ast.Link, *ast.Image, *Anchor:
			return true
		case *ast.RawHTML:
			if _, ok := AngleID(c, src); ok {
				return true
			}
		}
		if holdsLink(c, src) {
			return true
		}
	}
	return false
}

// ownText appends the text of n's inlines as written, with each link and
// image reduced to its own text and no destination.
func ownText(b []byte, n ast.Node, src []byte) []byte {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *ast.Text:
			b = append(b, c.Segment.Value(src)...)
			if c.SoftLineBreak() || c.HardLineBreak() {
				b = append(b, ' ')
			}
		case *ast.String:
			b = append(b, c.Value...)
		case *ast.AutoLink:
			b = append(b, c.Label(src)...)
		case *Anchor:
			continue // no text
		case *ast.RawHTML:
			if _, ok := AngleID(c, src); ok {
				continue // a link without text
			}
			for i := range c.Segments.Len() {
				seg := c.Segments.At(i)
				b = append(b, seg.Value(src)...)
			}
		default:
			b = ownText(b, c, src)
		}
	}
	return b
}
