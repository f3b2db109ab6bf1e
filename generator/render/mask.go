package render

import (
	"regexp"
	"strings"
	"unsafe"

	"ismsgen/generator/internal/fast"
	"ismsgen/generator/markdown"
	"ismsgen/generator/model"
)

// idRun is a run of the characters of an id, with the escapes that
// Markdown and URLs allow in it ("QZ&#45;1", "QZ\-1", "QZ%2D1").
var idRun = regexp.MustCompile(`(?:[A-Za-z0-9._-]|&#[0-9]{1,7};|&#[xX][0-9A-Fa-f]{1,6};|&[A-Za-z][A-Za-z0-9]{1,31};|\\[-!-/:-@\[-` + "`" + `{-~]|%[0-9A-Fa-f]{2})+`)

// mask replaces each id of a document this build leaves out, written in
// any of the ways a link may write it, by the placeholder of a link to
// one: the pages that show a document's Markdown and front matter as
// written (what changed between two versions, a version that no longer
// parses) must not show them, as no other page does.
func (r *renderer) mask(text string) string {
	return r.maskIn(nil, text)
}

// maskIn is mask with a text that has ids to mask written into a buffer
// of room (when not nil), valid until room is emptied.
func (r *renderer) maskIn(room *model.TextRoom, text string) string {
	if len(r.in.Site.LeftOut) == 0 {
		return text
	}
	if !fast.On() {
		return idRun.ReplaceAllStringFunc(text, r.maskRun)
	}
	return r.maskQuick(room, text)
}

// maskRun is the replacement of one run of idRun.
func (r *renderer) maskRun(run string) string {
	left := r.in.Site.LeftOut
	for s := run; s != ""; s = s[:len(s)-1] {
		id, _, _ := strings.Cut(markdown.Unescape(s), "#")
		if left[model.FoldID(id)] || left[model.FoldID(id[:len(id)-docExt(id)])] {
			return r.bodies.withheld + run[len(s):]
		}
		if last := s[len(s)-1]; last != '.' && last != '-' && last != '_' {
			break // only a full stop, a dash or an underscore may follow an id in a run
		}
	}
	return run
}

// maskQuick is mask's fast path: it finds idRun's runs with a scanner
// instead of the regexp (the same runs: each of the pattern's parts
// matches in at most one way where it starts, and no two start alike),
// and leaves out maskRun for a run without escapes that names no
// left-out id, which is nearly every run: most are words and numbers.
// The text itself is returned when nothing is replaced; else the text
// masked, written into a buffer of room when it is not nil.
func (r *renderer) maskQuick(room *model.TextRoom, text string) string {
	lens := r.leftOutLengths()
	var b []byte
	var held *[]byte // room's buffer that b is
	done := 0        // text[:done] is in b
	for i := 0; i < len(text); {
		if idByte[text[i]] == 0 { // most bytes, Chinese all of them
			i++
			// Eight bytes at a time while none is ASCII: Chinese text.
			for i+8 <= len(text) && nonASCII8(text[i:i+8]) {
				i += 8
			}
			continue
		}
		end, escaped := runEnd(text, i)
		if end == i {
			i++
			continue
		}
		run := text[i:end]
		if escaped || r.plainHit(run, lens) {
			if m := r.maskRun(run); m != run {
				if done == 0 {
					b, held = maskRoom(room, len(text)+len(m)) // once, mostly
				}
				b = append(b, text[done:i]...)
				b = append(b, m...)
				done = end
			}
		}
		i = end
	}
	if done == 0 {
		return text
	}
	b = append(b, text[done:]...)
	if held != nil {
		*held = b // grown, maybe
	}
	return unsafe.String(unsafe.SliceData(b), len(b))
}

// maskRoom is a buffer of length 0 and capacity n for a masked text:
// room's (held), or new.
func maskRoom(room *model.TextRoom, n int) (b []byte, held *[]byte) {
	if room == nil {
		return make([]byte, 0, n), nil
	}
	held = room.Take(n)
	return *held, held
}

// nonASCII8 reports whether each of the eight bytes of s is above 0x7f.
func nonASCII8(s string) bool {
	w := uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
	return w&0x8080808080808080 == 0x8080808080808080
}

// plainHit reports whether maskRun could replace run, which has no
// escapes: whether it, less any of its trailing full stops, dashes and
// underscores, folds to a left-out id, with or without the extension of
// a Markdown file. lens is leftOutLengths.
func (r *renderer) plainHit(run string, lens uint64) bool {
	for s := run; s != ""; s = s[:len(s)-1] {
		if r.plainID(s, lens) || docExt(s) > 0 && r.plainID(s[:len(s)-docExt(s)], lens) {
			return true
		}
		if last := s[len(s)-1]; last != '.' && last != '-' && last != '_' {
			break
		}
	}
	return false
}

// docExt is the length of the extension of a Markdown file that s ends
// with (".md", ".markdown", in any case), or 0: a file is often named
// after its document's id, and a link to it names the id.
func docExt(s string) int {
	for _, ext := range []string{".md", ".markdown"} {
		// The full stop first: most runs are words and numbers.
		if len(s) > len(ext) && s[len(s)-len(ext)] == '.' && strings.EqualFold(s[len(s)-len(ext):], ext) {
			return len(ext)
		}
	}
	return 0
}

// plainID reports whether s, which has no escapes, folds to a left-out
// id.
func (r *renderer) plainID(s string, lens uint64) bool {
	switch {
	case len(s) < 64 && lens&(1<<len(s)) == 0:
		// No left-out id is as long: most runs are words and numbers
		// of another length than the ids.
		return false
	case len(s) <= 64:
		var folded [64]byte
		f := folded[:len(s)]
		for i := 0; i < len(s); i++ {
			c := s[i]
			if c >= 'a' && c <= 'z' {
				c -= 'a' - 'A'
			}
			f[i] = c
		}
		return r.in.Site.LeftOut[string(f)]
	}
	return r.in.Site.LeftOut[model.FoldID(s)]
}

// leftOutLengths has bit n set when a left-out id is n bytes long (n <
// 64).
func (r *renderer) leftOutLengths() uint64 {
	r.leftOutOnce.Do(func() {
		for id := range r.in.Site.LeftOut {
			if len(id) < 64 {
				r.leftOutLens |= 1 << len(id)
			}
		}
	})
	return r.leftOutLens
}

// runEnd returns where the run of idRun that starts at text[i] ends (i
// when none starts there), and whether the run has an escape.
func runEnd(text string, i int) (end int, escaped bool) {
	for i < len(text) {
		switch idByte[text[i]] {
		case 0:
			return i, escaped
		case 1:
			i++
			continue
		}
		n := idUnit(text[i:])
		if n == 0 {
			break
		}
		escaped = escaped || n > 1
		i += n
	}
	return i, escaped
}

// idByte is what a byte can be in a run of idRun: 1 a character of an
// id, 2 the start of an escape (idUnit says whether one follows), 0
// neither.
var idByte = func() (t [256]uint8) {
	for c := range 256 {
		switch b := byte(c); {
		case isAlnum(b) || b == '.' || b == '_' || b == '-':
			t[c] = 1
		case b == '\\' || b == '%' || b == '&':
			t[c] = 2
		}
	}
	return t
}()

// idUnit returns the length of the part of idRun that s starts with: a
// character of an id, a character reference, a backslash escape or a
// percent escape; 0 when s starts with none.
func idUnit(s string) int {
	switch c := s[0]; {
	case c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '_' || c == '-':
		return 1
	case c == '\\':
		if len(s) > 1 && isASCIIPunct(s[1]) {
			return 2
		}
	case c == '%':
		if len(s) > 2 && isHex(s[1]) && isHex(s[2]) {
			return 3
		}
	case c == '&':
		return charRef(s)
	}
	return 0
}

// charRef returns the length of the character reference s starts with
// as idRun reads one ("&#1234567;", "&#x10FFFF;", "&amp;"), or 0.
func charRef(s string) int {
	switch {
	case len(s) > 2 && s[1] == '#' && isDigit(s[2]):
		return refEnd(s, 2, 7, isDigit)
	case len(s) > 3 && s[1] == '#' && (s[2] == 'x' || s[2] == 'X'):
		return refEnd(s, 3, 6, isHex)
	case len(s) > 2 && isLetter(s[1]):
		if n := refEnd(s, 2, 31, isAlnum); n > 0 {
			return n
		}
	}
	return 0
}

// refEnd returns the length of s when s[start:] is 1 to most characters
// of which and a semicolon, or 0.
func refEnd(s string, start, most int, of func(byte) bool) int {
	i := start
	for i < len(s) && of(s[i]) {
		i++
	}
	if n := i - start; n < 1 || n > most || i >= len(s) || s[i] != ';' {
		return 0
	}
	return i + 1
}

func isDigit(c byte) bool  { return c >= '0' && c <= '9' }
func isLetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }
func isAlnum(c byte) bool  { return isLetter(c) || isDigit(c) }
func isHex(c byte) bool    { return isDigit(c) || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F' }

// isASCIIPunct reports whether c is ASCII punctuation, which a backslash
// may escape in Markdown.
func isASCIIPunct(c byte) bool {
	return c >= '!' && c <= '/' || c >= ':' && c <= '@' || c >= '[' && c <= '`' || c >= '{' && c <= '~'
}
