package search

import (
	"slices"
	"unicode"
	"unicode/utf8"
)

// MaxTokenRunes is the length, in characters, at which a word is cut.
const MaxTokenRunes = 32

// MaxCompoundParts is the largest number of joined words ("ISMS-P-009" has
// three) for which the compound and its tails are tokens too.
const MaxCompoundParts = 8

// fold maps one code point to its search form. It is one-to-one on code
// points so that offsets in folded text are offsets in the original; the
// browser's fold in search.ts must match it exactly.
func fold(r rune) rune {
	switch {
	case r >= 'A' && r <= 'Z':
		return r + 32
	case r < 0x80:
		return r
	case r >= 0xFF01 && r <= 0xFF5E: // full-width ASCII
		r -= 0xFEE0
		if r >= 'A' && r <= 'Z' {
			r += 32
		}
		return r
	case r == 0x3000: // ideographic space
		return ' '
	case r == 0x2010 || r == 0x2011: // hyphen, non-breaking hyphen
		return '-'
	case r >= 0xC0 && r <= 0xDE && r != 0xD7: // Latin-1 capitals
		return r + 32
	case r >= 0x391 && r <= 0x3A9 && r != 0x3A2: // Greek capitals
		return r + 32
	case r >= 0x410 && r <= 0x42F: // Cyrillic capitals
		return r + 32
	}
	return r
}

// isCJK reports whether r belongs to a script written without spaces, which
// is indexed by characters and bigrams.
func isCJK(r rune) bool {
	return (r >= 0x4E00 && r <= 0x9FFF) || // CJK Unified Ideographs
		(r >= 0x3400 && r <= 0x4DBF) || // Extension A
		(r >= 0xF900 && r <= 0xFAFF) || // Compatibility Ideographs
		(r >= 0x20000 && r <= 0x323AF) || // Extensions B–H
		(r >= 0x3040 && r <= 0x30FF) || // Hiragana, Katakana
		(r >= 0xAC00 && r <= 0xD7AF) // Hangul syllables
}

// isWord reports whether the folded r is part of a word.
func isWord(r rune) bool {
	if r < 0x80 {
		return asciiWord[r]
	}
	return isWideWord(r)
}

// asciiWord marks the ASCII characters of words: small enough a test
// for isWord to be inlined where it is called for every character.
var asciiWord = func() (w [0x80]bool) {
	for r := range w {
		w[r] = (r >= 'a' && r <= 'z') || (r >= '0' && r <= '9')
	}
	return w
}()

func isWideWord(r rune) bool {
	if isCJK(r) || r == 0xFFFD {
		return false
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
}

func isJoiner(r rune) bool { return r == '-' || r == '_' || r == '.' }

// foldRunes returns the folded code points of s.
func foldRunes(s string) []rune { return appendFolded(nil, s) }

// appendFolded appends the folded code points of s to rs. Invalid UTF-8
// is U+FFFD, as when ranging over s.
func appendFolded(rs []rune, s string) []rune {
	rs = slices.Grow(rs, len(s))
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c < 0x80:
			if c >= 'A' && c <= 'Z' {
				c += 32
			}
			rs = append(rs, rune(c))
			i++
		case c >= 0xE4 && c <= 0xE9 && i+2 < len(s) && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80:
			// U+4000 to U+9FFF, most of a Chinese text: valid, and fold
			// leaves them as they are.
			rs = append(rs, rune(c&0x0F)<<12|rune(s[i+1]&0x3F)<<6|rune(s[i+2]&0x3F))
			i += 3
		default:
			r, n := utf8.DecodeRuneInString(s[i:])
			rs = append(rs, fold(r))
			i += n
		}
	}
	return rs
}

// foldString returns s folded.
func foldString(s string) string { return string(foldRunes(s)) }

// segment is what the scanner finds: either a run of CJK characters (han)
// or one or more words with the single joiners between them.
type segment struct {
	han     []rune
	start   int      // where han starts in the scanned text, in code points
	parts   [][]rune // words, each cut to MaxTokenRunes
	joiners []rune   // len(parts)-1
}

// scan calls f for each segment of the folded text rs. The segment and its
// slices (which point into rs) are only valid during the call.
func scan(rs []rune, f func(seg *segment)) {
	var seg segment
	scanInto(&seg, rs, f)
}

// scanInto is scan with the segment's room given: a tokenizer's, used
// again for each text instead of growing new lists of parts.
func scanInto(into *segment, rs []rune, f func(seg *segment)) {
	seg := into
	n := len(rs)
	for i := 0; i < n; {
		r := rs[i]
		switch {
		case r >= 0x3040 && isCJK(r): // isCJK's lowest range starts there
			j := i + 1
			for j < n && isCJK(rs[j]) {
				j++
			}
			seg.han, seg.start = rs[i:j], i
			f(seg)
			seg.han = nil
			i = j
		case isWord(r):
			seg.parts = seg.parts[:0]
			seg.joiners = seg.joiners[:0]
			j := i
			for {
				k := j
				for k < n && isWord(rs[k]) {
					k++
				}
				w := rs[j:k]
				if len(w) > MaxTokenRunes {
					w = w[:MaxTokenRunes]
				}
				seg.parts = append(seg.parts, w)
				j = k
				if j+1 < n && isJoiner(rs[j]) && isWord(rs[j+1]) {
					seg.joiners = append(seg.joiners, rs[j])
					j++
					continue
				}
				break
			}
			f(seg)
			i = j
		default:
			i++
		}
	}
}

// appendCompound appends parts[from:] with their joiners to b, as UTF-8.
func (seg *segment) appendCompound(b []byte, from int) []byte {
	for i := from; i < len(seg.parts); i++ {
		if i > from {
			b = append(b, byte(seg.joiners[i-1])) // joiners are ASCII
		}
		for _, r := range seg.parts[i] {
			b = utf8.AppendRune(b, r)
		}
	}
	return b
}

// latinTokens calls f with the tokens of a word segment as UTF-8 (the slice
// is reused between calls): the compound and its tails when there are
// 2..MaxCompoundParts words, then each word.
func (seg *segment) latinTokens(buf []byte, f func(tok []byte)) []byte {
	k := len(seg.parts)
	if k >= 2 && k <= MaxCompoundParts {
		for i := 0; i < k-1; i++ {
			buf = seg.appendCompound(buf[:0], i)
			f(buf)
		}
	}
	for i := range seg.parts {
		buf = buf[:0]
		for _, r := range seg.parts[i] {
			buf = utf8.AppendRune(buf, r)
		}
		f(buf)
	}
	return buf
}

// Tokenize splits text into search tokens the way the index does, in order
// of appearance and with repeats: folded words, compounds and their tails
// for joined words, and for Han text every character followed by the bigram
// it starts.
func Tokenize(s string) []string {
	var toks []string
	var buf []byte
	scan(foldRunes(s), func(seg *segment) {
		if seg.han != nil {
			h := seg.han
			for i := range h {
				toks = append(toks, string(h[i]))
				if i+1 < len(h) {
					toks = append(toks, string(h[i:i+2]))
				}
			}
			return
		}
		buf = seg.latinTokens(buf, func(tok []byte) { toks = append(toks, string(tok)) })
	})
	return toks
}
