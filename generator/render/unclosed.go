package render

import (
	"errors"
	"fmt"
	"html/template"
	"io"
	"slices"
	"strconv"
	"strings"
	"text/template/parse"
	"unicode/utf8"

	"ismsgen/generator/diag"
)

// unclosedHTML is a template whose HTML leaves a tag, an attribute's
// value, a comment or an element open at its end (<a href="{{.URL}}>).
// html/template finds it only where the template is called, and says so
// at the caller (base.html, which runs "main"), in its own terms.
type unclosedHTML struct {
	file      string // under layouts/, e.g. "doc.html"
	line, col int    // where what is left open starts; col 1-based
	snippet   string // the layout's text from there to the end of its line
	closer    string // what closes it: `">`, `'>`, ">", "-->", "</script>"…; "" when not known
	problem   string // html/template's words, when the HTML there is wrong rather than left open
}

func (e *unclosedHTML) Error() string {
	return fmt.Sprintf("%s:%d:%d: %s is not closed (%s)", e.file, e.line, e.col, e.snippet, e.closer)
}

// closers are what may close what a template leaves open, tried in turn.
var closers = []string{">", `">`, `'>`, "-->", "</script>", "</style>", "</textarea>", "</title>"}

// escapeErrors is what the escaping error err of a page layout comes
// from, found in each of the layout's templates on its own: the place
// where one leaves its HTML open, or the error html/template reports in
// it. It is nil when no template has an error on its own (the error
// then comes from how they are put together).
func (r *renderer) escapeErrors(layout string, err error) error {
	var te *template.Error
	if !errors.As(err, &te) {
		return nil
	}
	r.unclosedMu.Lock()
	defer r.unclosedMu.Unlock()
	if found, ok := r.unclosed[layout]; ok {
		return found
	}
	if r.unclosed == nil {
		r.unclosed = map[string]error{}
	}
	var found error
	if master := r.tpl.pages[layout]; master != nil {
		found = templatesOnTheirOwn(layout, master)
	}
	r.unclosed[layout] = found
	return found
}

// templatesOnTheirOwn escapes every template of t from a text context,
// without the templates it calls, and returns what is wrong with each.
func templatesOnTheirOwn(layout string, t *template.Template) error {
	tts := t.Templates()
	slices.SortFunc(tts, func(a, b *template.Template) int { return strings.Compare(a.Name(), b.Name()) })
	var errs []error
	for _, tt := range tts {
		if tt.Tree == nil || tt.Tree.Root == nil || !strings.HasSuffix(tt.Tree.ParseName, ".html") {
			continue
		}
		nodes := tt.Tree.Root.Nodes
		te := escapeAlone(nodes)
		switch {
		case te == nil:
		case te.Node != nil && te.ErrorCode != template.ErrBranchEnd: // at its place in the template
			errs = append(errs, &LayoutError{layout, te})
		default:
			if u := locateUnclosed(nodes); u != nil {
				if te.ErrorCode != template.ErrEndContext && te.ErrorCode != template.ErrBranchEnd {
					u.closer, u.problem = "", te.Description
				}
				errs = append(errs, &LayoutError{layout, u})
			}
		}
	}
	return joinDistinct(errs)
}

// escapeAlone escapes nodes as a template of their own, started in HTML
// text, and returns html/template's error, or one of code ErrEndContext
// when they do not end in text. The nodes are copied, without the
// templates they call and without {{break}} and {{continue}}.
func escapeAlone(nodes []parse.Node) (te *template.Error) {
	defer func() {
		if recover() != nil {
			te = &template.Error{ErrorCode: template.ErrOutputContext, Description: "cannot be escaped on its own"}
		}
	}()
	root := &parse.ListNode{NodeType: parse.NodeList}
	for _, n := range nodes {
		if keep(n) {
			c := n.Copy()
			dropCalls(c)
			root.Nodes = append(root.Nodes, c)
		}
	}
	t, err := template.New("alone").AddParseTree("alone", &parse.Tree{Name: "alone", ParseName: "alone", Root: root})
	if err != nil {
		return &template.Error{ErrorCode: template.ErrOutputContext, Description: err.Error()}
	}
	// Escaping comes before running; running with no data and no
	// functions stops at once, and what it writes is thrown away.
	if errors.As(t.Execute(io.Discard, nil), &te) {
		return te
	}
	return nil
}

// keep reports whether an escape of a template on its own keeps n: not
// a call of another template, nor a {{break}} or {{continue}}, which
// need the {{range}} they are in.
func keep(n parse.Node) bool {
	switch n.(type) {
	case *parse.TemplateNode, *parse.BreakNode, *parse.ContinueNode:
		return false
	}
	return true
}

// dropCalls takes out of n's branches what keep does not keep.
func dropCalls(n parse.Node) {
	b := branch(n)
	if b == nil {
		return
	}
	for _, l := range []*parse.ListNode{b.List, b.ElseList} {
		if l == nil {
			continue
		}
		l.Nodes = slices.DeleteFunc(l.Nodes, func(n parse.Node) bool { return !keep(n) })
		for _, c := range l.Nodes {
			dropCalls(c)
		}
	}
}

// locateUnclosed finds where nodes, which start in HTML text and do
// not end in it, open what they leave open: at the last tag whose start
// is in text, or in the branch after the last node boundary in text; nil
// when it is not found.
func locateUnclosed(nodes []parse.Node) *unclosedHTML {
	for k := len(nodes) - 1; k >= 0; k-- {
		t, isText := nodes[k].(*parse.TextNode)
		if isText {
			for j := len(t.Text) - 1; j > 0; j-- {
				if t.Text[j] == '<' && escapeAlone(append(slices.Clone(nodes[:k]), textOf(t, 0, j))) == nil {
					from := textOf(t, j, len(t.Text))
					return unclosedAt(from, append([]parse.Node{from}, nodes[k+1:]...))
				}
			}
		}
		if k > 0 && escapeAlone(nodes[:k]) != nil {
			continue
		}
		if b := branch(nodes[k]); b != nil {
			for _, l := range []*parse.ListNode{b.List, b.ElseList} {
				if l != nil && escapeAlone(l.Nodes) != nil {
					if u := locateUnclosed(l.Nodes); u != nil {
						return u
					}
				}
			}
		}
		return unclosedAt(nodes[k], nodes[k:])
	}
	return nil
}

// textOf is the bytes [i, j) of text node n, at their place.
func textOf(n *parse.TextNode, i, j int) *parse.TextNode {
	c := n.Copy().(*parse.TextNode)
	c.Pos += parse.Pos(i)
	c.Text = c.Text[i:j]
	return c
}

// unclosedAt is what is left open from node start on, rest being start
// and the nodes after it.
func unclosedAt(start parse.Node, rest []parse.Node) *unclosedHTML {
	loc, _ := (*parse.Tree)(nil).ErrorContext(start)
	parts := strings.Split(loc, ":")
	if len(parts) < 3 {
		return nil
	}
	u := &unclosedHTML{file: strings.Join(parts[:len(parts)-2], ":")}
	u.line, _ = strconv.Atoi(parts[len(parts)-2])
	u.col, _ = strconv.Atoi(parts[len(parts)-1])
	u.col++ // parse counts bytes from 0
	var s strings.Builder
	for _, n := range rest {
		if t, ok := n.(*parse.TextNode); ok {
			s.Write(t.Text)
		} else {
			s.WriteString(n.String())
		}
		if strings.Contains(s.String(), "\n") || s.Len() > 60 {
			break
		}
	}
	u.snippet = shortLine(s.String(), 60)
	for _, c := range closers {
		if escapeAlone(append(slices.Clone(rest), &parse.TextNode{NodeType: parse.NodeText, Text: []byte(c)})) == nil {
			u.closer = c
			break
		}
	}
	return u
}

// shortLine is the first line of s, at most max bytes of it, whole
// characters, with an ellipsis where a longer line is cut.
func shortLine(s string, max int) string {
	s, _, _ = strings.Cut(s, "\n")
	s = strings.TrimRight(s, " \t\r")
	if len(s) <= max {
		return s
	}
	i := max
	for i > 0 && !utf8.RuneStart(s[i]) {
		i--
	}
	return s[:i] + "…"
}

// diagnostic says what is left open, at its place, and how to close it.
func (e *unclosedHTML) diagnostic() diag.Diagnostic {
	file := "layouts/" + e.file
	var text, hint diag.Text
	switch e.closer {
	case `">`, `'>`:
		q := e.closer[:1]
		text = diag.Msg("the value of an attribute in %s opens with %s and is not closed: the rest of the page would be part of it", e.snippet, q)
		hint = diag.Msg("close the value with %s before the tag's > (as in <a href=\"{{.URL}}\">), in %s", q, file)
	case ">":
		text = diag.Msg("the tag %s is not closed with >: the rest of the page would be part of it", e.snippet)
		hint = diag.Msg("end the tag with >, in %s", file)
	case "-->":
		text = diag.Msg("the HTML comment %s is not closed with -->: the rest of the page would be hidden in it", e.snippet)
		hint = diag.Msg("close the comment with -->, in %s", file)
	case "":
		if e.problem != "" {
			text = diag.Msg("the tag %s is not valid HTML (%s)", e.snippet, e.problem)
			hint = diag.Msg("close each tag with > and write its attributes as name=\"value\", in %s", file)
			break
		}
		text = diag.Msg("the HTML that opens at %s is not closed: the rest of the page would be part of it", e.snippet)
		hint = diag.Msg("close the tag, attribute value or comment that opens there, in %s", file)
	default:
		text = diag.Msg("the element %s is not closed with %s: the rest of the page would be part of it", e.snippet, e.closer)
		hint = diag.Msg("close the element with %s, in %s", e.closer, file)
	}
	d := diag.New(file, e.line, diag.Error, "", hint, "%s", text)
	d.Col = e.col
	return d
}
