package render

import (
	"time"

	"bytes"
	"html/template"
	"path"
	"strings"
	"sync"
	"unsafe"

	"github.com/dlclark/regexp2/v2"

	"github.com/alecthomas/chroma/v2"
	chromahtml "github.com/alecthomas/chroma/v2/formatters/html"
	"github.com/alecthomas/chroma/v2/lexers"
	"github.com/alecthomas/chroma/v2/styles"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	gmrender "github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"

	"ismsgen/generator/internal/fast"
	"ismsgen/generator/markdown"
	"ismsgen/generator/model"
)

// Body is one document's rendered body.
type Body struct {
	HTML     template.HTML // safe: goldmark escapes all text and drops raw HTML and dangerous URLs
	Headings []markdown.Heading
	Text     string // plain text, for search

	// room, when set, holds HTML's bytes (see renderPage), which go back
	// to scratchBufs with release.
	room *bytes.Buffer
}

// release gives the room of a Body from renderPage back for the next;
// HTML must not be used after it, nor anything made of it without a
// copy.
func (b *Body) release() {
	if b.room != nil {
		b.HTML = ""
		putScratch(b.room)
		b.room = nil
	}
}

// bodies renders Markdown bodies; safe for concurrent use.
type bodies struct {
	md       goldmark.Markdown
	code     *codeRenderer
	withheld string // placeholder for an empty link to a left-out document
}

func newBodies(withheld string) *bodies {
	code := &codeRenderer{perDocument: maxHighlightedDocument}
	md := markdown.New(goldmark.WithRendererOptions(
		gmrender.WithNodeRenderers(util.Prioritized(code, 100)),
	))
	return &bodies{md: md, code: code, withheld: withheld}
}

// render renders d's body src for a page rel levels below the site root,
// its id links resolved. A body in plain Markdown is rendered line by
// line (markdown.QuickRender, 5 to 10 times faster, to the same bytes);
// any other, and every body when the fast paths are off, goes through
// goldmark.
func (b *bodies) render(site *model.Site, d *model.Document, src []byte, rel string) Body {
	return b.renderFiles(site, d, src, rel, "")
}

// renderFiles is render for a page below the document's own (an earlier
// version's): files is the way from the page to the document's folder,
// put before every relative link to a file or image.
func (b *bodies) renderFiles(site *model.Site, d *model.Document, src []byte, rel, files string) Body {
	// The HTML is written into a buffer used again and copied once, into
	// the string the page template takes.
	out := scratchBufs.Get().(*bytes.Buffer)
	defer putScratch(out)
	body := b.renderInto(out, site, d, src, rel, files, false)
	body.HTML = template.HTML(out.String())
	return body
}

// renderPage is render for a document's own page, which is written
// before anything else is rendered: with the fast paths on, the HTML is
// not copied out of the buffer it was written into but read from it in
// place, until release gives the buffer back (a copy of each body was
// a twentieth of what a large build allocated). The page's templates
// write it into the page and keep nothing of it: the keys of cached
// fragments, the one thing a layout keeps, are copied (see
// layoutSet.cached).
func (b *bodies) renderPage(site *model.Site, d *model.Document, src []byte, rel string) Body {
	if !fast.On() {
		return b.render(site, d, src, rel)
	}
	out := scratchBufs.Get().(*bytes.Buffer)
	body := b.renderInto(out, site, d, src, rel, "", false)
	body.HTML = template.HTML(unsafe.String(unsafe.SliceData(out.Bytes()), out.Len()))
	body.room = out
	return body
}

// renderInto writes the HTML of src into out and returns the rest of the
// Body: a body in plain Markdown is rendered line by line, any other,
// and every body when the fast paths are off, by goldmark. With noText,
// the Body of one rendered line by line has no headings or text (the
// page of an earlier version wants its HTML alone).
func (b *bodies) renderInto(out *bytes.Buffer, site *model.Site, d *model.Document, src []byte, rel, files string, noText bool) Body {
	out.Reset()
	out.Grow(len(src) + len(src)/2) // HTML is longer than its Markdown
	if fast.On() {
		if body, ok := b.quick(out, site, d, src, rel, files, noText); ok {
			return body
		}
		out.Reset()
	}
	return b.goldmark(out, site, d, src, rel, files)
}

// quick renders src with markdown.QuickRender, making of each link what
// goldmark would after resolve (see goldmark).
func (b *bodies) quick(out *bytes.Buffer, site *model.Site, d *model.Document, src []byte, rel, files string, noText bool) (Body, bool) {
	resolved := linkTable(d)
	link := func(dest string) markdown.QuickLink {
		if dangerous(dest) {
			return markdown.QuickLink{Unwrap: true}
		}
		l := resolved[linkKey{dest: dest}]
		if l == nil {
			return b.unscanned(site, d, dest, rel, files)
		}
		switch l.Kind {
		case model.ToDocument:
			return markdown.QuickLink{Dest: href(d, l, rel, files), Class: "doc-link", Doc: l.Target.ID, Fill: l.Target.Title}
		case model.ToFile:
			return markdown.QuickLink{Dest: href(d, l, rel, files)}
		}
		return markdown.QuickLink{Unwrap: true, Fill: b.withheld}
	}
	budget := b.code.budget()
	code := func(info, code []byte) []byte {
		return b.code.block(info, code, &budget)
	}
	heads, text, ok := markdown.QuickRender(out, src, markdown.QuickOptions{Link: link, Code: code, NoText: noText})
	if !ok {
		return Body{}, false
	}
	return Body{Headings: heads, Text: text}, true
}

// unscanned is what becomes of a link the link stage did not see: one
// it left as written (https:, a heading of the page), or one of the body
// of an earlier version (see renderFiles), which is resolved here by id
// or by path to where it goes now; a section of the text then, which
// the document may no longer have, is left for the top of its page.
func (b *bodies) unscanned(site *model.Site, d *model.Document, dest, rel, files string) markdown.QuickLink {
	id, frag, ok := markdown.SplitTarget(dest)
	if !ok || isAttachment(d, dest) {
		if files != "" && relativeFile(dest) {
			if isAttachment(d, dest) {
				return markdown.QuickLink{Dest: files + dest}
			}
			return b.earlierPath(site, d, dest, rel)
		}
		return markdown.QuickLink{Dest: dest}
	}
	target := site.Doc(id)
	if target == nil {
		if g, ok := site.Gone(id); ok && files != "" {
			return markdown.QuickLink{Dest: rel + g.URL, Fill: g.Title} // withdrawn since, or numbered anew
		}
		if files != "" && relativeFile(dest) {
			return b.earlierPath(site, d, dest, rel) // "form.pdf" looks like an id too
		}
		return markdown.QuickLink{Unwrap: true, Fill: b.withheld}
	}
	h := rel + target.URL()
	if frag != "" && files == "" {
		h += "#" + frag
	}
	return markdown.QuickLink{Dest: h, Class: "doc-link", Doc: target.ID, Fill: target.Title}
}

// earlierPath is a relative path of an earlier text (d's, at d.Path)
// that the link stage did not see: the page of the published document
// whose file it names, or the published file, as it is now (where a
// commit renamed it since: model.Site.At); its text
// only when it names nothing this build publishes (a file since
// deleted, a document left out: no trace of it).
func (b *bodies) earlierPath(site *model.Site, d *model.Document, dest, rel string) markdown.QuickLink {
	p, _, _ := strings.Cut(markdown.Unescape(dest), "#")
	p, _, _ = strings.Cut(p, "?")
	p = path.Join(path.Dir(d.Path), strings.ReplaceAll(p, `\`, "/"))
	t, ok := site.At(p)
	switch {
	case !ok:
		return markdown.QuickLink{Unwrap: true, Fill: b.withheld}
	case t.Doc != nil:
		return markdown.QuickLink{Dest: rel + t.URL, Class: "doc-link", Doc: t.Doc.ID, Fill: t.Doc.Title}
	}
	return markdown.QuickLink{Dest: rel + t.URL, Fill: t.Title}
}

func isAttachment(d *model.Document, name string) bool {
	for _, a := range d.Attachments {
		if a.Name == name {
			return true
		}
	}
	return false
}

// linkKey finds a link of a body by what its Markdown says.
type linkKey struct {
	dest  string
	image bool
}

// linkTable is what the link stage made of each link and image of d's
// body (model.Link), by destination; those it left as written (https:,
// mailto:, a heading of the page written as it is) are not in it.
func linkTable(d *model.Document) map[linkKey]*model.Link {
	if len(d.Graph.LinksOut) == 0 {
		return nil
	}
	t := make(map[linkKey]*model.Link, len(d.Graph.LinksOut))
	for i := range d.Graph.LinksOut {
		l := &d.Graph.LinksOut[i]
		t[linkKey{l.Dest, l.Image}] = l
	}
	return t
}

// href is the URL of a link to a published document or file from a page
// of d rel below the site root, files from d's folder (see renderFiles):
// a heading of the page itself is "#id", a file of d's own bundle its
// name.
func href(d *model.Document, l *model.Link, rel, files string) string {
	var h string
	switch {
	case l.Kind == model.ToDocument && l.Target == d && strings.HasPrefix(l.Dest, "#") && files == "":
	case l.Kind == model.ToDocument:
		h = rel + l.Target.URL()
	case strings.HasPrefix(l.File, d.URL()):
		h = files + l.File[len(d.URL()):]
	default:
		h = rel + l.File
	}
	if l.Fragment != "" {
		h += "#" + l.Fragment
	}
	return h
}

// goldmark parses src, resolves its id links and renders it into out.
func (b *bodies) goldmark(out *bytes.Buffer, site *model.Site, d *model.Document, src []byte, rel, files string) Body {
	root := markdown.Parse(b.md, src)
	if doc, ok := root.(*ast.Document); ok {
		budget := b.code.budget()
		doc.AddMeta(budgetKey, &budget)
	}
	resolved := linkTable(d)
	var links []*ast.Link
	var others []ast.Node // images, autolinks, raw HTML and HTML anchors
	_ = ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Link:
			links = append(links, n)
		case *ast.Image, *ast.AutoLink, *ast.RawHTML, *markdown.Anchor:
			others = append(others, n)
		}
		return ast.WalkContinue, nil
	})
	// goldmark would keep a dangerous image or autolink with an empty src
	// or href; show its text instead, as for links.
	for _, n := range others {
		switch n := n.(type) {
		case *ast.Image:
			dest := string(n.Destination)
			switch l := resolved[linkKey{dest, true}]; {
			case dangerous(dest) && !rasterData(dest):
				unwrap(n, nil)
			case l != nil && l.TargetID != "":
				// An image of a document is a link to it (the link stage
				// warned): never an <img> whose source is an id.
				b.resolve(d, asLink(n, n.Destination, n.Title), l, rel, files)
			case l != nil:
				b.resolveImage(d, n, l, rel, files)
			default:
				b.unscannedImage(site, d, n, rel, files, &links)
			}
		case *ast.RawHTML:
			if id, ok := markdown.AngleID(n, src); ok {
				links = append(links, asLink(n, []byte(id), nil))
			}
		case *markdown.Anchor:
			if site.LeftOut[model.FoldID(n.ID)] {
				// Named after a document this build leaves out: no
				// trace of it (the link stage warned).
				n.Parent().RemoveChild(n.Parent(), n)
			}
		case *ast.AutoLink:
			if dangerous(string(n.URL(src))) {
				label := ast.NewString(n.Label(src))
				label.SetRaw(true)
				n.Parent().ReplaceChild(n.Parent(), n, label)
			}
		}
	}
	for _, n := range links {
		dest := string(n.Destination)
		switch l := resolved[linkKey{dest: dest}]; {
		case dangerous(dest):
			unwrap(n, nil)
		case l != nil:
			b.resolve(d, n, l, rel, files)
		default:
			ql := b.unscanned(site, d, dest, rel, files)
			switch {
			case ql.Unwrap:
				b.text(n)
			case ql.Class != "":
				n.Destination = []byte(ql.Dest)
				fill(n, ql.Fill)
				n.SetAttributeString("class", []byte(ql.Class))
				if ql.Doc != "" {
					n.SetAttributeString("data-doc", []byte(ql.Doc)) // as the quick renderer writes it
				}
			default:
				n.Destination = []byte(ql.Dest)
				if ql.Fill != "" {
					fill(n, ql.Fill) // a withdrawn document's title, as the quick renderer writes it
				}
			}
		}
	}
	if len(site.LeftOut) > 0 {
		renameWithheldIDs(site, root, src)
	}
	_ = b.md.Renderer().Render(bufWriter{out}, src, root)
	return Body{Headings: markdown.Headings(root, src), Text: markdown.PlainText(root, src)}
}

// relativeFile reports whether a link's destination is a path relative
// to the page: no scheme, not absolute, not a fragment or a query.
func relativeFile(dest string) bool {
	if dest == "" || strings.ContainsAny(dest[:1], "/#?") {
		return false
	}
	if i := strings.IndexAny(dest, ":/?#"); i >= 0 && dest[i] == ':' {
		return false // a scheme: https:, mailto:
	}
	return true
}

// asLink puts a link to dest in n's place, with n's children as its text.
func asLink(n ast.Node, dest, title []byte) *ast.Link {
	l := ast.NewLink()
	l.Destination, l.Title = dest, title
	for c := n.FirstChild(); c != nil; {
		next := c.NextSibling()
		l.AppendChild(l, c)
		c = next
	}
	n.Parent().ReplaceChild(n.Parent(), n, l)
	return l
}

// scratchBufs are the buffers that bodies, rows and fragments are written
// into before they are copied into strings (pages have their own, larger
// ones: see renderer.bufs).
var scratchBufs = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// putScratch returns b to scratchBufs unless it grew larger than a
// body or a row needs: a list's megabytes would be held by the pool.
func putScratch(b *bytes.Buffer) {
	if b.Cap() <= 256<<10 {
		scratchBufs.Put(b)
	}
}

// bufWriter lets goldmark write straight into a bytes.Buffer: a writer
// without Flush and Buffered gets a 4 KB bufio.Writer of its own for
// every body, and each byte is copied twice.
type bufWriter struct{ *bytes.Buffer }

func (bufWriter) Flush() error  { return nil }
func (bufWriter) Buffered() int { return 0 }

// resolve makes of a link what the link stage decided (l): a link to a
// published document's page, with its title when the link has no text of
// its own, or to a published file; or — for a document or file this build
// leaves out — the link's own text (or a neutral placeholder), never the
// target's title.
func (b *bodies) resolve(d *model.Document, n *ast.Link, l *model.Link, rel, files string) {
	switch l.Kind {
	case model.ToDocument:
		n.Destination = []byte(href(d, l, rel, files))
		fill(n, l.Target.Title)
		n.SetAttributeString("class", []byte("doc-link"))
		n.SetAttributeString("data-doc", []byte(l.Target.ID)) // printed after the link (print.css)
	case model.ToFile:
		n.Destination = []byte(href(d, l, rel, files))
	default:
		b.text(n)
	}
}

// text puts a link's text in its place, or the neutral placeholder when
// it has none.
func (b *bodies) text(n *ast.Link) {
	var placeholder ast.Node
	if n.FirstChild() == nil {
		placeholder = rawText(b.withheld)
	}
	unwrap(n, placeholder)
}

// fill gives a link without text of its own the text s.
func fill(n *ast.Link, s string) {
	if n.FirstChild() == nil {
		n.AppendChild(n, rawText(s))
	}
}

// resolveImage makes of an image what the link stage decided: a picture
// published with the site, a link to a picture on another host (the site
// loads nothing from other hosts), or its alternative text.
func (b *bodies) resolveImage(d *model.Document, n *ast.Image, l *model.Link, rel, files string) {
	switch l.Kind {
	case model.ToFile:
		n.Destination = []byte(href(d, l, rel, files))
	case model.ImageLink:
		a := asLink(n, n.Destination, n.Title)
		fill(a, string(n.Destination))
	default:
		unwrap(n, nil)
	}
}

// unscannedImage is unscanned for an image: an image of a document is a
// link to it (put in links), others keep their relative paths.
func (b *bodies) unscannedImage(site *model.Site, d *model.Document, n *ast.Image, rel, files string, links *[]*ast.Link) {
	dest := string(n.Destination)
	switch _, _, isID := markdown.ImageID(dest); {
	case isID && !isAttachment(d, dest):
		*links = append(*links, asLink(n, n.Destination, n.Title))
	case files == "" || !relativeFile(dest):
	case isAttachment(d, dest):
		n.Destination = []byte(files + dest)
	default:
		if l := b.earlierPath(site, d, dest, rel); l.Unwrap || l.Doc != "" || l.Fill != "" {
			unwrap(n, nil) // its alternative text: no picture to show now
		} else {
			n.Destination = []byte(l.Dest)
		}
	}
}

// rawText is text shown exactly as it is: HTML-escaped, but without the
// Markdown meaning of backslashes and entities, so that a title such as
// "A &amp; B" or "C:\*" reads the same in a link as on its own page.
func rawText(s string) *ast.String {
	n := ast.NewString([]byte(s))
	n.SetRaw(true)
	return n
}

// dangerousSchemes are the schemes of the links that dangerous stops.
var dangerousSchemes = []string{"javascript:", "vbscript:", "data:", "file:"}

// dangerous reports whether a link would run code or embed data:
// javascript:, vbscript:, data: and file: links are shown as plain text.
func dangerous(dest string) bool {
	if fast.On() && plainURL(dest) {
		// Nothing to strip, resolve or lower beyond ASCII letters, and
		// escaping would put a "%" before any scheme it could make: the
		// answer of the general case below (FuzzDangerous), without
		// its copies. Almost every link is one of these.
		for _, scheme := range dangerousSchemes {
			if len(dest) >= len(scheme) && strings.EqualFold(dest[:len(scheme)], scheme) {
				return true
			}
		}
		return false
	}
	return dangerousAnyURL(dest)
}

// plainURL reports whether dest is printable ASCII without the
// characters that goldmark resolves or escapes in a scheme's place:
// "&" (entities), "\\" (escapes) and "%".
func plainURL(dest string) bool {
	for i := range len(dest) {
		if c := dest[i]; c <= ' ' || c >= 0x7f || c == '&' || c == '\\' || c == '%' {
			return false
		}
	}
	return true
}

// dangerousAnyURL is dangerous for any dest.
func dangerousAnyURL(dest string) bool { return markdown.ScriptURL(dest) }

// rasterData reports whether an image URL is an embedded PNG, GIF, JPEG
// or WebP picture: data, not code (goldmark lets these through as well).
func rasterData(dest string) bool { return markdown.RasterData(dest) }

// unwrap replaces a link (or an image) by its children, or by placeholder
// when given.
func unwrap(l ast.Node, placeholder ast.Node) {
	parent := l.Parent()
	if placeholder != nil {
		parent.InsertBefore(parent, l, placeholder)
	}
	for c := l.FirstChild(); c != nil; {
		next := c.NextSibling()
		parent.InsertBefore(parent, l, c)
		c = next
	}
	parent.RemoveChild(parent, l)
}

// codeRenderer highlights fenced and indented code blocks with chroma,
// using CSS classes (the stylesheet comes from the assets stage). Each
// distinct block is highlighted once per process.
type codeRenderer struct {
	cache sync.Map // lang + "\x00" + code → []byte

	// perDocument is the most bytes of code one body has highlighted
	// (maxHighlightedDocument; a benchmark sets more).
	perDocument int
}

// budget is what one body may highlight, in bytes of code.
func (c *codeRenderer) budget() int { return c.perDocument }

// budgetKey is the key of the goldmark document's meta that holds the
// *int left of its body's budget (see codeRenderer.budget).
const budgetKey = "ismsgen/highlight-budget"

func (c *codeRenderer) RegisterFuncs(reg gmrender.NodeRendererFuncRegisterer) {
	reg.Register(ast.KindFencedCodeBlock, c.render)
	reg.Register(ast.KindCodeBlock, c.render)
}

// codeLanguage is the lexer name of a fence's language word, lower-cased:
// its first field, or "" when it has none (goldmark keeps a no-break
// space as the word, which strings.Fields takes for white space).
func codeLanguage(word []byte) string {
	if f := strings.Fields(string(word)); len(f) > 0 {
		return strings.ToLower(f[0])
	}
	return ""
}

var formatter = chromahtml.New(chromahtml.WithClasses(true), chromahtml.PreventSurroundingPre(false))

func (c *codeRenderer) render(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkSkipChildren, nil
	}
	var info []byte
	if f, ok := n.(*ast.FencedCodeBlock); ok && f.Info != nil {
		info = f.Info.Segment.Value(src)
	}
	var code bytes.Buffer
	lines := n.Lines()
	for i := 0; i < lines.Len(); i++ {
		seg := lines.At(i)
		code.Write(seg.Value(src))
	}
	budget := new(int)
	*budget = c.budget() // a block rendered outside a body (none does)
	if doc := n.OwnerDocument(); doc != nil {
		if b, ok := doc.Meta()[budgetKey].(*int); ok {
			budget = b
		}
	}
	_, _ = w.Write(c.block(info, code.Bytes(), budget))
	return ast.WalkSkipChildren, nil
}

// block is the HTML of a code block whose fence has the info string info
// (nil for none, and for an indented block): its title, when the info
// string names one, then the code highlighted in its language, when its
// body's budget (bytes of code still to highlight) holds it, which it
// then takes; otherwise shown plain.
func (c *codeRenderer) block(info, code []byte, budget *int) []byte {
	lang := ""
	if info != nil {
		lang = codeLanguage(markdown.FenceLanguage(info))
	}
	if lexer := lexerFor(lang); lexer != nil && highlightable(lexer, code) {
		if len(code) > *budget {
			lang = "" // past the body's budget: plain, as over-size blocks are
		} else {
			*budget -= len(code)
		}
	}
	out := c.highlight(lang, code)
	if title := markdown.FenceTitle(info); title != "" {
		out = append(markdown.AppendCodeTitle(nil, title), out...)
	}
	return out
}

// highlight returns the HTML of a code block in language lang ("" for
// none), from the cache when the block was seen before and the fast
// paths are on.
func (c *codeRenderer) highlight(lang string, code []byte) []byte {
	if !fast.On() {
		return highlighted(lang, code)
	}
	key := lang + "\x00" + string(code)
	if cached, ok := c.cache.Load(key); ok {
		return cached.([]byte)
	}
	out := highlighted(lang, code)
	c.cache.Store(key, out)
	return out
}

// highlighted is the HTML of a code block, highlighted by chroma when
// its language is one highlighted (highlightedLanguages) and the block
// is within that language's bounds (highlightable); other blocks are
// plain.
func highlighted(lang string, code []byte) []byte {
	var out bytes.Buffer
	if lexer := lexerFor(lang); lexer != nil && highlightable(lexer, code) {
		// Coalesce: adjacent tokens of one class make one span. Some
		// lexers give a token per character (PowerShell's here-strings,
		// @" … "@), a span each.
		it, err := chroma.Coalesce(lexer).Tokenise(nil, string(code))
		if err == nil && formatter.Format(&out, styles.Fallback, it) == nil {
			return out.Bytes()
		}
		out.Reset()
	}
	out.WriteString(`<pre class="chroma"><code>`)
	out.Write(util.EscapeHTML(code))
	out.WriteString("</code></pre>\n")
	return out.Bytes()
}

// chroma's lexers are backtracking regular expressions, which chroma
// bounds by a clock (250 ms a match): on a busy machine a match ran out
// of time and the same block came out highlighted differently from one
// build to the next. The clock is off (lexerTable), so that the same
// input always gives the same page; what bounds the time instead is
// which lexers run and on what. Many lexers take time that grows with
// the square of a line's length, or of the block's, on text that keeps
// a rule trying and failing: 4 KB of digits on one line took YAML's 3.4 s
// and PowerShell's 4.5 s, a 16 KB block of "al" code 2.5 minutes. So a
// block is highlighted only in a language of highlightedLanguages, each
// measured on such text (the worst of 37 repeated patterns, in lines of
// 200 bytes, took at most 0.65 s at 16 KB; BenchmarkHighlightWorst
// measures the bounds below), and only when its lines and its size are
// within the bounds. Lua's, PHP's and Perl's took 3 to 6 s: not kept.
const (
	maxHighlighted     = 8 << 10 // bytes of a block
	maxHighlightedLine = 256     // bytes of each of its lines
)

// maxHighlightedDocument bounds what one body highlights, in bytes of
// code: the blocks within the bounds above are highlighted in order
// while their total stays within it, and a block that would pass it is
// plain (a later, smaller one that fits is highlighted). Counted in
// bytes, never by a clock, so that the same body always gives the same
// page; each block counts every time it is written, highlighted before
// or not (the cache is off with the fast paths). The costliest text a
// byte measured, Java's at 2 KB, took 63 ms of CPU a KB: 1 s for 16 KB.
// BenchmarkHighlightWorstDocument, 64 such blocks (128 KB) in one body
// on two busy cores: 17.1 s highlighted whole, 2.4 s within the budget.
// The sample sets' documents hold at most 0.5 KB of code, the longest
// page of docs/ 3.8 KB.
const maxHighlightedDocument = 16 << 10

// highlightedLanguages are chroma's lexers that highlight, by name, each
// with the largest block it highlights when that is smaller than
// maxHighlighted (0: maxHighlighted). Java's and PostgreSQL's take time
// that grows with the square of the block's size, whatever its lines:
// 8.2 and 5.2 s at 16 KB.
var highlightedLanguages = map[string]int{
	"Bash": 0, "Bash Session": 0, "Batchfile": 0, "PowerShell": 0,
	"Python": 0, "Go": 0, "JavaScript": 0, "TypeScript": 0, "Java": 2 << 10,
	"C": 0, "C++": 0, "C#": 0, "Rust": 0, "Ruby": 0, "Kotlin": 0, "Scala": 0,
	"Groovy": 0, "VB.net": 0,
	"JSON": 0, "YAML": 0, "TOML": 0, "INI": 0, "XML": 0, "HTML": 0, "CSS": 0,
	"SQL": 0, "MySQL": 0, "Transact-SQL": 0, "PostgreSQL SQL dialect": 2 << 10,
	"Docker": 0, "Nginx configuration file": 0, "Terraform": 0, "properties": 0,
	"HTTP": 0, "Diff": 0, "CSV": 0, "markdown": 0,
}

// highlightable reports whether code is within the bounds lexer is
// highlighted in.
func highlightable(lexer chroma.Lexer, code []byte) bool {
	limit := maxHighlighted
	if n := highlightedLanguages[lexer.Config().Name]; n > 0 {
		limit = n
	}
	if len(code) > limit {
		return false
	}
	for rest := code; len(rest) > 0; {
		line, after, _ := bytes.Cut(rest, []byte("\n"))
		if len(line) > maxHighlightedLine {
			return false
		}
		rest = after
	}
	return true
}

// lexerFor is chroma's lexer for a fence's language word, or nil for a
// block shown as plain text: no word, a plain-text word, a word chroma
// does not know, or a language not highlighted (highlightedLanguages). It looks the word up by name, alias and file extension
// in a table made once: chroma's own lookup tries every lexer's file
// patterns for a word it does not know, about 4 ms a block, and a fence
// without a language was looked up as "".
func lexerFor(lang string) chroma.Lexer {
	if plainLanguages[lang] {
		return nil
	}
	return lexerTable()[lang]
}

// plainLanguages are the words that mean "no highlighting".
var plainLanguages = map[string]bool{"": true, "text": true, "txt": true, "plain": true, "plaintext": true, "none": true, "nohighlight": true}

var lexerTable = sync.OnceValue(func() map[string]chroma.Lexer {
	// No deadline for a match (see maxHighlighted): regexp2's clock then
	// never reaches one. The period is its only setting for that.
	regexp2.SetTimeoutCheckPeriod(100_000 * time.Hour)
	table := map[string]chroma.Lexer{}
	add := func(key string, l chroma.Lexer) {
		if key = strings.ToLower(key); key != "" && table[key] == nil {
			table[key] = l
		}
	}
	var all []chroma.Lexer
	for _, l := range lexers.GlobalLexerRegistry.Lexers {
		if _, ok := highlightedLanguages[l.Config().Name]; ok {
			all = append(all, l)
		}
	}
	for _, l := range all {
		add(l.Config().Name, l)
	}
	for _, l := range all {
		for _, a := range l.Config().Aliases {
			add(a, l)
		}
	}
	for _, l := range all {
		for _, f := range l.Config().Filenames {
			if ext, ok := strings.CutPrefix(f, "*."); ok && !strings.ContainsAny(ext, "*?[") {
				add(ext, l)
			}
		}
	}
	return table
})
