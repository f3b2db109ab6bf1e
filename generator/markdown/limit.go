package markdown

import (
	"bytes"

	"ismsgen/generator/diag"
)

// MaxNesting is the deepest nesting of block quotes and lists that one
// line may open; MaxIndent is the most leading white space (in bytes)
// that a line's block structure may use.
//
// Goldmark parses any depth correctly and without deep recursion, but a
// line inside n containers costs it time proportional to n times the
// line's prefix: a 1 MB file of 10,000-deep quoted lines took 22 s, and
// a list nested 1,000 deep by indentation 5 s. Real documents nest a few
// levels, so the limits change nothing for them.
const (
	MaxNesting = 32
	MaxIndent  = 128
)

var nestingHint = diag.Msg("nest at most %d levels of lists and block quotes, indented at most %d spaces", MaxNesting, MaxIndent)

// Limited is a line that LimitNesting changed.
type Limited struct {
	Line    int // 0-based line of the body
	Message diag.Text
	Hint    diag.Text
}

// LimitNesting returns body with every line kept within MaxNesting and
// MaxIndent: block-quote and list markers beyond the limit are escaped
// with a backslash, so they show as text, and indentation beyond it is
// dropped. Lines of fenced code are left alone (as lineScanner is sure
// of them). The number of lines never changes. When nothing needs to
// change, body itself is returned.
func LimitNesting(body []byte) ([]byte, []Limited) {
	return limitLines(body, limitNesting)
}

// Limit is LimitNesting and then LimitLinks, in one reading of body: the
// lines of code are the same before and after LimitNesting, which changes
// neither the margin nor a '<'. The lines it changed come in the order
// of the body.
func Limit(body []byte) ([]byte, []Limited) {
	if !bytes.Contains(body, []byte("](")) {
		return LimitNesting(body)
	}
	budget := LinkScanBudget
	return limitLines(body, func(text []byte, n int, limited []Limited) ([]byte, []Limited) {
		nested, limited := limitNesting(text, n, limited)
		line := text
		if nested != nil {
			line = nested
		}
		linked, limited := limitLinks(line, n, &budget, limited)
		if linked != nil {
			return linked, limited
		}
		return nested, limited
	})
}

// limitNesting is LimitNesting's change to one line of text, numbered n.
func limitNesting(text []byte, n int, limited []Limited) ([]byte, []Limited) {
	fixed, msg := limitLine(text)
	if msg.IsZero() {
		return nil, limited
	}
	return fixed, append(limited, Limited{Line: n, Message: msg, Hint: nestingHint})
}

// limitLines returns body with each line of text outside fenced code
// replaced by what fix makes of it (the line without its '\n'; nil for no
// change), and the list of changed lines that fix added to.
func limitLines(body []byte, fix func(text []byte, n int, limited []Limited) ([]byte, []Limited)) ([]byte, []Limited) {
	var out []byte // nil until the first change
	var limited []Limited
	s := lineScanner{body: body}
	for l, ok := s.next(); ok; l, ok = s.next() {
		var fixed []byte
		if l.kind == textLine && len(l.text) > 0 {
			fixed, limited = fix(l.text, l.n, limited)
		}
		end := l.start + len(l.text)
		if fixed != nil {
			if out == nil {
				out = append(make([]byte, 0, len(body)+64), body[:l.start]...)
			}
			out = append(out, fixed...)
		} else if out != nil {
			out = append(out, body[l.start:end]...)
		}
		if out != nil && end < len(body) {
			out = append(out, '\n')
		}
	}
	if out == nil {
		return body, nil
	}
	return out, limited
}

// limitLine walks the container prefix of one line: white space and
// block-quote or list markers.
func limitLine(line []byte) ([]byte, diag.Text) {
	var fixed []byte // nil until the first change
	var msg diag.Text
	depth, indent, i, copied := 0, 0, 0, 0
	for {
		ws := i
		for i < len(line) && (line[i] == ' ' || line[i] == '\t') {
			i++
		}
		rest := line[i:]
		// The white space after a marker keeps at least one character, so
		// that "- x" stays a list item.
		keep := ws + max(MaxIndent-indent, 0)
		if ws > 0 && i > ws {
			keep = max(keep, ws+1)
		}
		if keep < i && len(bytes.TrimSpace(rest)) > 0 {
			fixed = append(fixed, line[copied:keep]...)
			copied = i
			msg = diag.Msg("the line is indented more deeply than ismsgen renders; the extra indentation is dropped")
		}
		indent += min(i, keep) - ws
		size, punct := marker(rest)
		if size == 0 {
			break
		}
		depth++
		if depth > MaxNesting {
			fixed = append(append(fixed, line[copied:i+punct]...), '\\')
			copied = i + punct
			msg = diag.Msg("block quotes or lists nested more deeply than ismsgen renders; the deeper markers are shown as text")
			break
		}
		i += size
	}
	if msg.IsZero() {
		return nil, msg
	}
	return append(fixed, line[copied:]...), msg
}

// marker recognises a block-quote or list marker at the start of s and
// returns its length and the offset of the punctuation a backslash must
// escape (">", "-", "*", "+", or the "." or ")" after a number).
func marker(s []byte) (size, punct int) {
	if len(s) == 0 {
		return 0, 0
	}
	spaceAfter := func(k int) bool { return k == len(s) || s[k] == ' ' || s[k] == '\t' || s[k] == '\n' || s[k] == '\r' }
	switch c := s[0]; {
	case c == '>':
		return 1, 0
	case c == '-' || c == '*' || c == '+':
		if spaceAfter(1) {
			return 1, 0
		}
	case c >= '0' && c <= '9':
		k := 0
		for k < len(s) && k < 9 && s[k] >= '0' && s[k] <= '9' {
			k++
		}
		if k < len(s) && (s[k] == '.' || s[k] == ')') && spaceAfter(k+1) {
			return k + 1, k
		}
	}
	return 0, 0
}

// LinkScanBudget bounds the bytes goldmark may scan for the destinations
// of links that are not short, across one body; LongLink is what counts
// as not short.
//
// For every "](" goldmark scans the rest of the line for the end of the
// destination (white space or an unbalanced ")"): a line of "[a](" repeated
// costs time quadratic in its length (78 KB took 22 s). Real link targets
// are ids and URLs of a few dozen bytes, so the budget is never reached
// by a real document.
const (
	LinkScanBudget = 4 << 20
	LongLink       = 256
)

// LimitLinks returns body with the "(" of every link destination that
// would exceed LinkScanBudget escaped with a backslash, so that it shows
// as text, and the lines it changed. Lines of fenced code are left alone
// (as lineScanner is sure of them); the number of lines never changes. It
// runs in time linear in the body. When nothing needs to change, body
// itself is returned.
func LimitLinks(body []byte) ([]byte, []Limited) {
	if !bytes.Contains(body, []byte("](")) {
		return body, nil
	}
	budget := LinkScanBudget
	return limitLines(body, func(text []byte, n int, limited []Limited) ([]byte, []Limited) {
		return limitLinks(text, n, &budget, limited)
	})
}

// limitLinks is LimitLinks's change to one line of text, numbered n.
func limitLinks(text []byte, n int, budget *int, limited []Limited) ([]byte, []Limited) {
	fixed := limitLinkLine(text, budget, LongLink)
	if fixed == nil {
		return nil, limited
	}
	return fixed, append(limited, Limited{Line: n, Message: diag.Msg("link destinations too long to scan; the rest are shown as text"), Hint: diag.Msg("close each link: [text](ISMS-P-009) or [text](https://…)")})
}

// limitLinkLine works out, for every "](" on the line, where goldmark's
// scan of the destination stops (as parser.parseLinkDestination does:
// backslash escapes, balanced parentheses, white space, or "<…>"), and
// escapes the "(" of those longer than long once the budget is spent. It returns
// nil when the line stays as it is.
func limitLinkLine(line []byte, budget *int, long int) []byte {
	n := len(line)
	// A destination ends by the end of the line at the latest: when the
	// first "](" is too near the end for any to be longer than long,
	// nothing changes (and the tables below need not be built).
	if i := bytes.Index(line, []byte("](")); i < 0 || n-(i+2) <= long {
		return nil
	}
	isSpace := func(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }
	isPunct := func(c byte) bool {
		return c >= '!' && c <= '/' || c >= ':' && c <= '@' || c >= '[' && c <= '`' || c >= '{' && c <= '~'
	}
	// escaped[i]: line[i] is the character after an escaping backslash.
	// depth[i]: parentheses opened minus closed in line[:i+1].
	escaped := make([]bool, n)
	depth := make([]int, n)
	d := 0
	for i := 0; i < n; i++ {
		if line[i] == '\\' && i+1 < n && isPunct(line[i+1]) {
			depth[i] = d
			escaped[i+1] = true
			i++
			depth[i] = d
			continue
		}
		switch line[i] {
		case '(':
			d++
		case ')':
			d--
		}
		depth[i] = d
	}
	// lower[i]: the first j > i with depth[j] < depth[i], or n.
	lower := make([]int, n)
	var stack []int
	for i := n - 1; i >= 0; i-- {
		for len(stack) > 0 && depth[stack[len(stack)-1]] >= depth[i] {
			stack = stack[:len(stack)-1]
		}
		lower[i] = n
		if len(stack) > 0 {
			lower[i] = stack[len(stack)-1]
		}
		stack = append(stack, i)
	}
	// space[i] and gt[i]: the first white space / unescaped ">" at or after i.
	space, gt := make([]int, n+1), make([]int, n+1)
	space[n], gt[n] = n, n
	for i := n - 1; i >= 0; i-- {
		space[i], gt[i] = space[i+1], gt[i+1]
		if isSpace(line[i]) {
			space[i] = i
		}
		if line[i] == '>' && !escaped[i] {
			gt[i] = i
		}
	}
	var fixed []byte
	copied := 0
	for p := 1; p < n; p++ {
		if line[p] != '(' || escaped[p] || line[p-1] != ']' || escaped[p-1] {
			continue
		}
		s := p + 1
		for s < n && (line[s] == ' ' || line[s] == '\t') {
			s++
		}
		var stop int
		if s < n && line[s] == '<' {
			stop = gt[min(s+1, n)]
		} else {
			// The scan from s stops at white space or at the ")" that
			// takes the depth below what it was before s.
			stop = min(space[s], lower[s-1])
		}
		cost := stop - s
		if cost <= long {
			continue
		}
		if *budget >= cost {
			*budget -= cost
			continue
		}
		fixed = append(append(fixed, line[copied:p]...), '\\')
		copied = p
	}
	if fixed == nil {
		return nil
	}
	return append(fixed, line[copied:]...)
}
