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

// foldString returns s folded: s itself when folding changes nothing (an
// id, a title without capitals), else a copy folded as the bytes are read.
func foldString(s string) string {
	for i := 0; i < len(s); {
		r, n := decodeAt(s, i)
		if f := fold(r); f != r || (r == utf8.RuneError && n == 1) {
			b := append(make([]byte, 0, len(s)+2), s[:i]...)
			for _, r := range s[i:] {
				b = utf8.AppendRune(b, fold(r))
			}
			return string(b)
		}
		i += n
	}
	return s
}

// segment is what the scanner finds: either a run of CJK characters (han)
// or one or more words with the single joiners between them.
type segment struct {
	han    []rune // the CJK characters, or nil
	at     int    // where the segment starts in the scanned text, in bytes
	text   []byte // the words, folded and each cut to MaxTokenRunes, with the joiners between them
	ends   []int  // where each word ends in text
	hanBuf []rune // han's room, used again
}

// words is the number of words of a word segment.
func (seg *segment) words() int { return len(seg.ends) }

// from returns where word i starts in text: the joiners are ASCII.
func (seg *segment) from(i int) int {
	if i == 0 {
		return 0
	}
	return seg.ends[i-1] + 1
}

// word returns word i of a word segment.
func (seg *segment) word(i int) []byte { return seg.text[seg.from(i):seg.ends[i]] }

// compound returns words i.. with their joiners.
func (seg *segment) compound(i int) []byte { return seg.text[seg.from(i):] }

// scan calls f for each segment of s, which it folds as it reads it. The
// segment and its slices are only valid during the call.
func scan(s string, f func(seg *segment)) {
	var seg segment
	scanInto(&seg, s, f)
}

// scanInto is scan with the segment's room given: a tokenizer's, used
// again for each text. It reads the UTF-8 bytes as they are and folds
// only the characters of words: most of a text is ASCII, which a table
// folds and classes, and Chinese characters, which fold leaves alone.
func scanInto(seg *segment, s string, f func(seg *segment)) {
	for i := 0; i < len(s); {
		c := s[i]
		if c < 0x80 {
			if asciiFold[c] != 0 {
				i = seg.scanWords(s, i, f)
			} else {
				i++
			}
			continue
		}
		r, n := decodeAt(s, i)
		if isCJK(r) {
			h := append(seg.hanBuf[:0], r)
			j := i + n
			for j < len(s) && s[j] >= 0x80 {
				if r, n = decodeAt(s, j); !isCJK(r) {
					break
				}
				h = append(h, r)
				j += n
			}
			seg.han, seg.at, seg.hanBuf = h, i, h
			f(seg)
			seg.han = nil
			i = j
			continue
		}
		if isWord(fold(r)) {
			i = seg.scanWords(s, i, f)
			continue
		}
		i += n
	}
}

// scanWords reads the words joined by single joiners that start at s[i],
// calls f with them and returns where they end.
func (seg *segment) scanWords(s string, i int, f func(seg *segment)) int {
	seg.at = i
	seg.text, seg.ends = seg.text[:0], seg.ends[:0]
	for {
		n := 0 // the word's characters
		for i < len(s) {
			if c := s[i]; c < 0x80 {
				l := asciiFold[c]
				if l == 0 {
					break
				}
				if n < MaxTokenRunes {
					seg.text = append(seg.text, l)
				}
				i++
				n++
				continue
			}
			r, size := decodeAt(s, i)
			if r = fold(r); !isWord(r) {
				break
			}
			if n < MaxTokenRunes {
				seg.text = utf8.AppendRune(seg.text, r)
			}
			i += size
			n++
		}
		seg.ends = append(seg.ends, len(seg.text))
		j, size := joinerAt(s, i)
		if size == 0 || i+size >= len(s) {
			break
		}
		if r, _ := decodeAt(s, i+size); !isWord(fold(r)) {
			break
		}
		seg.text = append(seg.text, j)
		i += size
	}
	f(seg)
	return i
}

// joinerAt returns the joiner s[i:] starts with once folded and its
// length in bytes; 0 if none.
func joinerAt(s string, i int) (byte, int) {
	if i >= len(s) {
		return 0, 0
	}
	if c := s[i]; c < 0x80 {
		if isJoiner(rune(c)) {
			return c, 1
		}
		return 0, 0
	}
	if r, n := decodeAt(s, i); isJoiner(fold(r)) {
		return byte(fold(r)), n
	}
	return 0, 0
}

// decodeAt decodes the character at s[i], as DecodeRuneInString: the
// three-byte characters of lead bytes E1–EF but ED (U+1000 to U+FFFF but
// the surrogates, Chinese among them) are valid when their two
// continuation bytes are.
func decodeAt(s string, i int) (rune, int) {
	c := s[i]
	if c < 0x80 {
		return rune(c), 1
	}
	if c >= 0xE1 && c <= 0xEF && c != 0xED && i+2 < len(s) && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80 {
		return rune(c&0x0F)<<12 | rune(s[i+1]&0x3F)<<6 | rune(s[i+2]&0x3F), 3
	}
	return utf8.DecodeRuneInString(s[i:])
}

// asciiFold maps an ASCII byte of a word to its folded form (letters
// small), and the others to 0.
var asciiFold = func() (t [0x80]byte) {
	for c := range t {
		if r := fold(rune(c)); isWord(r) {
			t[c] = byte(r)
		}
	}
	return t
}()

// latinTokens calls f with the tokens of a word segment as UTF-8, slices
// of seg.text: the compound and its tails when there are
// 2..MaxCompoundParts words, then each word.
func (seg *segment) latinTokens(f func(tok []byte)) {
	k := seg.words()
	if k >= 2 && k <= MaxCompoundParts {
		for i := 0; i < k-1; i++ {
			f(seg.compound(i))
		}
	}
	for i := range k {
		f(seg.word(i))
	}
}

// Tokenize splits text into search tokens the way the index does, in order
// of appearance and with repeats: folded words, compounds and their tails
// for joined words, and for Han text every character followed by the bigram
// it starts.
func Tokenize(s string) []string {
	var toks []string
	scan(s, func(seg *segment) {
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
		seg.latinTokens(func(tok []byte) { toks = append(toks, string(tok)) })
	})
	return toks
}
