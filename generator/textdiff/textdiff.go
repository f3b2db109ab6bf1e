// Package textdiff says what changed between two texts, in the units a
// reader compares: each character of Chinese (and other scripts written
// without spaces), whole words of English, numbers whole. The diff itself
// is github.com/sergi/go-diff's (Myers' algorithm, with its semantic
// clean-up); this package only cuts the texts into those units.
package textdiff

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/sergi/go-diff/diffmatchpatch"
)

// Op is what a span of text went through.
type Op int

const (
	Equal  Op = iota // in both texts
	Insert           // only in the new text
	Delete           // only in the old text
)

// Span is a run of text with one Op.
type Span struct {
	Op   Op
	Text string
}

// maxUnits is the most units diffed one by one; longer texts are diffed
// line by line, which stays quick however different they are.
const maxUnits = 200_000

// Diff returns the spans that turn old into new: joined, the Equal and
// Delete spans are old, the Equal and Insert spans new. The same texts
// always give the same spans (the diff has no time limit).
func Diff(old, new string) []Span {
	if old == new {
		if old == "" {
			return nil
		}
		return []Span{{Equal, old}}
	}
	// What the texts share at their start and end, in whole lines, is
	// left out of the diff: a revision changes a few lines of a long
	// text, and the units of the rest would cost time for nothing.
	head, tail := commonLines(old, new)
	spans := diffMiddle(old[head:len(old)-tail], new[head:len(new)-tail])
	if head > 0 {
		spans = merge([]Span{{Equal, old[:head]}}, spans)
	}
	if tail > 0 {
		spans = merge(spans, []Span{{Equal, old[len(old)-tail:]}})
	}
	return spans
}

// commonLines returns how many bytes of whole lines old and new share at
// their start, and then at their end.
func commonLines(old, new string) (head, tail int) {
	for head < len(old) && head < len(new) {
		i := strings.IndexByte(old[head:], '\n')
		if i < 0 || !strings.HasPrefix(new[head:], old[head:head+i+1]) {
			break
		}
		head += i + 1
	}
	a, b := old[head:], new[head:]
	for tail < len(a) && tail < len(b) {
		rest := a[:len(a)-tail]
		i := strings.LastIndexByte(strings.TrimSuffix(rest, "\n"), '\n')
		line := rest[i+1:]
		if i < 0 || !strings.HasSuffix(b[:len(b)-tail], line) || len(b)-tail-len(line) < 0 || len(b)-tail-len(line) > 0 && b[len(b)-tail-len(line)-1] != '\n' {
			break
		}
		tail += len(line)
	}
	return head, tail
}

// merge joins two lists of spans, the last of a and the first of b made
// one when they are of the same kind.
func merge(a, b []Span) []Span {
	if len(a) > 0 && len(b) > 0 && a[len(a)-1].Op == b[0].Op {
		a[len(a)-1].Text += b[0].Text
		b = b[1:]
	}
	return append(a, b...)
}

// diffMiddle diffs what commonLines left: line by line, then word by
// word within each run of lines replaced by others. The lines that only
// one text has cost nothing more; on a revised document this is a
// tenth of the time of a diff of every word.
func diffMiddle(old, new string) []Span {
	lineSpans := diffUnits(old, new, lines)
	var out []Span
	for i := 0; i < len(lineSpans); i++ {
		s := lineSpans[i]
		if s.Op == Equal || i+1 >= len(lineSpans) || lineSpans[i+1].Op == Equal {
			out = merge(out, []Span{s})
			continue
		}
		// A deletion next to an insertion: the lines were rewritten.
		del, ins := s.Text, lineSpans[i+1].Text
		if s.Op == Insert {
			del, ins = ins, del
		}
		out = merge(out, diffUnits(del, ins, words))
		i++
	}
	return out
}

// diffUnits diffs old and new cut into units by split (long texts line
// by line whatever split says).
func diffUnits(old, new string, split func(string) []string) []Span {
	if old == new {
		if old == "" {
			return nil
		}
		return []Span{{Equal, old}}
	}
	dmp := diffmatchpatch.New()
	dmp.DiffTimeout = 0 // no deadline: the result must not depend on the machine's speed
	units := map[string]rune{}
	var table []string
	encode := func(text string, split func(string) []string) []rune {
		parts := split(text)
		out := make([]rune, len(parts))
		for i, p := range parts {
			r, ok := units[p]
			if !ok {
				r = indexRune(len(table))
				units[p] = r
				table = append(table, p)
			}
			out[i] = r
		}
		return out
	}
	if utf8.RuneCountInString(old)+utf8.RuneCountInString(new) > maxUnits {
		split = lines
	}
	a, b := encode(old, split), encode(new, split)
	diffs := dmp.DiffCleanupSemantic(dmp.DiffMainRunes(a, b, false))
	spans := make([]Span, 0, len(diffs))
	for _, d := range diffs {
		var text strings.Builder
		for _, r := range d.Text {
			text.WriteString(table[runeIndex(r)])
		}
		op := Equal
		switch d.Type {
		case diffmatchpatch.DiffInsert:
			op = Insert
		case diffmatchpatch.DiffDelete:
			op = Delete
		}
		if n := len(spans); n > 0 && spans[n-1].Op == op {
			spans[n-1].Text += text.String()
			continue
		}
		spans = append(spans, Span{op, text.String()})
	}
	return spans
}

// indexRune and runeIndex number the units with runes that are valid in
// a string (no surrogates), as the diff's clean-up works on strings.
func indexRune(i int) rune {
	if i >= 0xd800 {
		i += 0x800
	}
	return rune(i)
}

func runeIndex(r rune) int {
	if r >= 0xe000 {
		return int(r) - 0x800
	}
	return int(r)
}

// words cuts a text into words of letters and digits (ASCII and other
// scripts written with spaces), single characters of scripts written
// without spaces, runs of white space, and single other characters.
func words(s string) []string {
	var out []string
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		j := i + size
		switch {
		case wordRune(r):
			for j < len(s) {
				r2, n := utf8.DecodeRuneInString(s[j:])
				if r2 == '.' && j+1 < len(s) && isDigit(s[j-1]) && isDigit(s[j+1]) {
					n = 1 // a version or a decimal number is one word: 1.10
				} else if !wordRune(r2) {
					break
				}
				j += n
			}
		case r == '\n':
		case unicode.IsSpace(r):
			for j < len(s) {
				r2, n := utf8.DecodeRuneInString(s[j:])
				if r2 == '\n' || !unicode.IsSpace(r2) {
					break
				}
				j += n
			}
		}
		out = append(out, s[i:j])
		i = j
	}
	return out
}

// wordRune reports whether r belongs in a word: a letter or digit of a
// script that separates words with spaces. Han, kana, Hangul and the
// like are compared one character at a time.
func wordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '_'
	}
	if unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul, unicode.Thai, unicode.Lao, unicode.Khmer, unicode.Myanmar, unicode.Tibetan) {
		return false
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// lines cuts a text into lines, each with its newline.
func lines(s string) []string {
	out := strings.SplitAfter(s, "\n")
	if len(out) > 0 && out[len(out)-1] == "" {
		out = out[:len(out)-1]
	}
	return out
}
