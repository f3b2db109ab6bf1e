// Package textdiff says what changed between two texts, in the units a
// reader compares: each character of Chinese (and other scripts written
// without spaces), whole words of English, numbers whole. It diffs line
// by line, then the lines replaced sentence by sentence, then the
// sentences replaced word by word: each with its counterpart when each
// has one, and whole when they share no three units in a row (a sentence
// rewritten). Each diff is github.com/sergi/go-diff's (Myers' algorithm,
// with its semantic clean-up but between sentences); this package cuts
// the texts into units. With the fast paths on, the diff (myers.go) and
// its clean-up (semantic.go) run on the units as numbers, to the same
// result.
package textdiff

import (
	"hash/maphash"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/sergi/go-diff/diffmatchpatch"

	"ismsgen/generator/internal/fast"
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
	u := unitsPool.Get().(*units)
	out := u.out[:0]
	if head > 0 {
		out.add(piece{Equal, 0, head})
	}
	out.middle(u, old, new, head, len(old)-tail, head, len(new)-tail)
	if tail > 0 {
		out.add(piece{Equal, len(old) - tail, len(old)})
	}
	spans := make([]Span, len(out))
	for i, p := range out {
		text := old
		if p.op == Insert {
			text = new
		}
		spans[i] = Span{p.op, text[p.from:p.to]}
	}
	u.out = out
	unitsPool.Put(u)
	return spans
}

// A piece is a span as the bytes from to of old (Equal and Delete) or
// of new (Insert): the spans are made at the end, each one slice of its
// text, rather than joined bit by bit.
type piece struct {
	op       Op
	from, to int
}

type pieces []piece

// add appends p, made one with the last piece when that is of the same
// kind: the two are then next to each other in their text.
func (ps *pieces) add(p piece) {
	if n := len(*ps); n > 0 && (*ps)[n-1].op == p.op {
		(*ps)[n-1].to = p.to
		return
	}
	*ps = append(*ps, p)
}

// commonLines returns how many bytes of whole lines old and new share at
// their start, and then at their end (of what is left after the start).
// The bytes the texts share are found first, then cut back to the line
// they end in or start in: the lines are not compared one by one.
func commonLines(old, new string) (head, tail int) {
	n := commonPrefix(old, new)
	head = strings.LastIndexByte(old[:n], '\n') + 1
	a, b := old[head:], new[head:]
	n = commonSuffix(a, b)
	// A line of the end starts after a newline of a, never at a's start,
	// nor at the end of a that ends with one; it is shared when it lies
	// in the bytes shared, and when those start it, only if they are all
	// of b (else b's byte before them is not a newline: it differs from
	// a's).
	from := len(a) - n + 1
	if n == len(b) {
		from--
	}
	from = max(from, 1)
	if from >= len(a) {
		return head, 0
	}
	i := strings.IndexByte(a[from-1:len(a)-1], '\n')
	if i < 0 {
		return head, 0
	}
	return head, len(a) - (from + i)
}

// commonPrefix is the number of bytes a and b share at their start.
func commonPrefix(a, b string) int {
	n := min(len(a), len(b))
	i := 0
	for i+64 <= n && a[i:i+64] == b[i:i+64] {
		i += 64
	}
	for i < n && a[i] == b[i] {
		i++
	}
	return i
}

// commonSuffix is the number of bytes a and b share at their end.
func commonSuffix(a, b string) int {
	n := min(len(a), len(b))
	i := 0
	for i+64 <= n && a[len(a)-i-64:len(a)-i] == b[len(b)-i-64:len(b)-i] {
		i += 64
	}
	for i < n && a[len(a)-i-1] == b[len(b)-i-1] {
		i++
	}
	return i
}

// middle diffs old[oldFrom:oldTo] and new[newFrom:newTo], what
// commonLines left: line by line, then sentence by sentence within each
// run of lines replaced by others, then word by word within each run of
// sentences replaced. The lines and sentences that only one text has
// cost nothing more; on a revised document this is a tenth of the time
// of a diff of every word.
func (ps *pieces) middle(u *units, old, new string, oldFrom, oldTo, newFrom, newTo int) {
	if a, b := old[oldFrom:oldTo], new[newFrom:newTo]; a != b && oneLine(a) && oneLine(b) {
		// A line replaced by another (a paragraph, in Chinese), as the
		// diff of the two would have it.
		u.rewritten(ps, old, new, piece{Delete, oldFrom, oldTo}, piece{Insert, newFrom, newTo})
		return
	}
	lineDiff, _ := u.diff(u.lineDiff[:0], old, new, oldFrom, oldTo, newFrom, newTo, byLines)
	u.lineDiff = lineDiff
	ps.replaced(lineDiff, func(del, ins piece) { u.rewritten(ps, old, new, del, ins) })
}

// oneLine reports whether s is one line, with or without its newline.
func oneLine(s string) bool {
	return s != "" && strings.IndexByte(s[:len(s)-1], '\n') < 0
}

// replaced adds the pieces of diff to ps, but for each deletion next to
// an insertion (text replaced by other text) calls rewrite instead.
func (ps *pieces) replaced(diff pieces, rewrite func(del, ins piece)) {
	for i := 0; i < len(diff); i++ {
		p := diff[i]
		if p.op == Equal || i+1 >= len(diff) || diff[i+1].op == Equal {
			ps.add(p)
			continue
		}
		del, ins := p, diff[i+1]
		if p.op == Insert {
			del, ins = ins, del
		}
		rewrite(del, ins)
		i++
	}
}

// maxPairs bounds the product of the units of two runs of sentences
// diffed word by word (what they share at their start and end aside): the time
// of a diff grows with that product when the runs differ throughout, as
// a text rewritten does (24 s for 41,000 characters rewritten), and the
// result shows no more than the runs deleted and inserted whole.
const maxPairs = 16_000_000

// rewritten adds to ps the diff of the lines del, deleted, with the
// lines ins inserted in their place: sentence by sentence, then word by
// word within each run of sentences replaced by others (words). The
// sentences they share at their start and end are found from the bytes
// they share, cut back to a sentence, as commonLines does for lines.
func (u *units) rewritten(ps *pieces, old, new string, del, ins piece) {
	a, b := old[del.from:del.to], new[ins.from:ins.to]
	head := commonPrefix(a, b)
	for head > 0 && !(sentenceStart(a, head) && sentenceStart(b, head)) {
		head--
	}
	tail := commonSuffix(a[head:], b[head:])
	for tail > 0 && !(sentenceStart(a, len(a)-tail) && sentenceStart(b, len(b)-tail)) {
		tail--
	}
	if head > 0 {
		ps.add(piece{Equal, del.from, del.from + head})
	}
	del = piece{Delete, del.from + head, del.to - tail}
	ins = piece{Insert, ins.from + head, ins.to - tail}
	switch {
	case del.from == del.to:
		ps.add(ins)
	case ins.from == ins.to:
		ps.add(del)
	case sentenceEnd(old[:del.to], del.from) == del.to && sentenceEnd(new[:ins.to], ins.from) == ins.to:
		u.words(ps, old, new, del, ins, true) // a sentence replaced by another
	default:
		sentences, _ := u.diff(u.sentenceDiff[:0], old, new, del.from, del.to, ins.from, ins.to, bySentences)
		u.sentenceDiff = sentences
		ps.replaced(sentences, func(del, ins piece) { u.words(ps, old, new, del, ins, false) })
	}
	if tail > 0 {
		ps.add(piece{Equal, del.to, del.to + tail})
	}
}

// words adds to ps the diff of the sentences del, deleted, with the
// sentences ins inserted in their place, word by word: sentence by
// sentence when each has a counterpart (counterparts), else all
// together. When they are too long for that (maxPairs), sentence by
// sentence with their counterparts in order when both have as many
// sentences (a table whose every row changed), else deleted and
// inserted whole. With one, del and ins are known to be one sentence
// each.
func (u *units) words(ps *pieces, old, new string, del, ins piece, one bool) {
	if !one && u.counterparts(old, new, del, ins) {
		for i, a := range u.aSentences {
			u.pair(ps, old, new, a, u.bSentences[i])
		}
		return
	}
	if w, ok := u.diff(*ps, old, new, del.from, del.to, ins.from, ins.to, byWords); ok {
		*ps = w
		return
	}
	a, b := sentencesOf(old, del), sentencesOf(new, ins)
	if len(a) != len(b) || len(a) < 2 {
		ps.add(del)
		ps.add(ins)
		return
	}
	for i := range a {
		u.pair(ps, old, new, a[i], b[i])
	}
}

// pair adds to ps the diff of the sentence a, deleted, with b inserted
// in its place, word by word, or the two whole when they are too long
// for that.
func (u *units) pair(ps *pieces, old, new string, a, b piece) {
	if w, ok := u.diff(*ps, old, new, a.from, a.to, b.from, b.to, byWords); ok {
		*ps = w
	} else {
		ps.add(a)
		ps.add(b)
	}
}

// counterparts reports whether the sentences del and ins, as many of
// each and at least two, are counterparts in order: each shares at
// least half of its bytes with the other at their start and end
// (approved = 2025-03-01 and approved = 2026-01-10, a sentence with a
// word changed). They are then better diffed one pair at a time: the
// diff of them all together may match across them and, the clean-up
// merging its edits, show what they share (approved = , effective = )
// deleted and inserted again. The sentences are left in u.aSentences
// and u.bSentences.
func (u *units) counterparts(old, new string, del, ins piece) bool {
	u.aSentences = appendSentences(u.aSentences[:0], old, del)
	u.bSentences = appendSentences(u.bSentences[:0], new, ins)
	if len(u.aSentences) < 2 || len(u.aSentences) != len(u.bSentences) {
		return false
	}
	for i, a := range u.aSentences {
		x, y := old[a.from:a.to], new[u.bSentences[i].from:u.bSentences[i].to]
		n := commonPrefix(x, y)
		n += commonSuffix(x[n:], y[n:])
		if 2*n < len(x) || 2*n < len(y) {
			return false
		}
	}
	return true
}

// units numbers the units of the texts diffed, one rune each, in the
// order they first appear (the clean-up reads the numbers as text, so
// the numbering is part of the result).
type units struct {
	of    []slot // the units of more than one character (numberOf)
	live  int    // the slots of this diff in of
	seed  maphash.Seed
	count int // the units numbered
	// A unit of one character below U+10000, which most are in Chinese,
	// is numbered in char rather than in of: char[c] is its number
	// when seen[c] is this diff's stamp.
	char       []rune
	seen       []uint32
	stamp      uint32
	aUnits     []rune // the numbers of old's units, and of new's
	bUnits     []rune
	aEnd, bEnd []int32  // where each unit ends, in bytes from the text's start
	trigrams   []uint64 // shareTrigram's table
	// The diff's pieces, and those of its lines and of the sentences of
	// a run of lines, kept for the next diff.
	out, lineDiff, sentenceDiff pieces
	aSentences, bSentences      []piece // counterparts' sentences
	dmp                         *diffmatchpatch.DiffMatchPatch
	myers                       myers // DiffMainRunes on the units, when the fast paths run
}

var unitsPool = sync.Pool{New: func() any {
	dmp := diffmatchpatch.New()
	dmp.DiffTimeout = 0 // no deadline: the result must not depend on the machine's speed
	return &units{of: make([]slot, 256), seed: maphash.MakeSeed(), char: make([]rune, 0x10000), seen: make([]uint32, 0x10000), dmp: dmp}
}}

// A slot of the open-addressed table of units: a unit, its hash and
// number, and the diff it was numbered in. A diff leaves the slots of
// the one before as they are: one of another stamp is free. So the
// table is not cleared for each diff (a map costs what it ever held to
// clear), and the numbers are what a map would give: the hash decides
// only where a unit is kept.
type slot struct {
	text  string
	hash  uint64
	stamp uint32
	n     rune
}

// numberOf returns the number of the unit p.
func (u *units) numberOf(p string) rune {
	h := maphash.String(u.seed, p)
	mask := len(u.of) - 1
	for i := int(h) & mask; ; i = (i + 1) & mask {
		s := &u.of[i]
		if s.stamp != u.stamp {
			if 2*u.live >= len(u.of) {
				u.grow()
				return u.numberOf(p)
			}
			*s = slot{p, h, u.stamp, indexRune(u.count)}
			u.count++
			u.live++
			return s.n
		}
		if s.hash == h && s.text == p {
			return s.n
		}
	}
}

// grow doubles the table, with this diff's units.
func (u *units) grow() {
	old := u.of
	u.of = make([]slot, 2*len(old))
	mask := len(u.of) - 1
	for _, s := range old {
		if s.stamp != u.stamp {
			continue
		}
		i := int(s.hash) & mask
		for u.of[i].stamp == u.stamp {
			i = (i + 1) & mask
		}
		u.of[i] = s
	}
}

// encodeLines appends the numbers of text's lines to out, and where
// each ends to ends.
func (u *units) encodeLines(text string, out []rune, ends []int32) ([]rune, []int32) {
	for i := 0; i < len(text); {
		j := len(text)
		if n := strings.IndexByte(text[i:], '\n'); n >= 0 {
			j = i + n + 1
		}
		out = append(out, u.numberOf(text[i:j]))
		ends = append(ends, int32(j))
		i = j
	}
	return out, ends
}

// encodeWords appends the numbers of text's words to out, and where
// each ends to ends. A unit of one character below U+10000 is numbered
// in char, the others in of.
func (u *units) encodeWords(text string, out []rune, ends []int32) ([]rune, []int32) {
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		j := i + size
		if r < 0x4e00 || r > 0x9fff { // not a CJK ideograph, a unit of its own
			j = wordEnd(text, r, j)
		}
		var n rune
		if j == i+size && r != utf8.RuneError && r < 0x10000 {
			if u.seen[r] != u.stamp {
				u.seen[r], u.char[r] = u.stamp, indexRune(u.count)
				u.count++
			}
			n = u.char[r]
		} else {
			n = u.numberOf(text[i:j])
		}
		out = append(out, n)
		ends = append(ends, int32(j))
		i = j
	}
	return out, ends
}

// reset forgets the units numbered.
func (u *units) reset() {
	u.count, u.live = 0, 0
	u.stamp++
	if u.stamp == 0 { // after 2³² diffs: the stamps start again
		clear(u.seen)
		clear(u.of)
		u.stamp = 1
	}
}

// A cut is how a text is cut into the units diffed.
type cut int

const (
	byLines     cut = iota // lines
	bySentences            // sentences and lines (sentenceEnd)
	byWords                // words of English, characters of Chinese
)

// diff appends to dst the diff of old[oldFrom:oldTo] and
// new[newFrom:newTo] cut into units by c (long texts by lines whatever c
// says). By words, it is false when
// the texts have too many units for that (maxPairs). By sentences, the
// diff has no clean-up: a sentence is already a unit a reader compares,
// and one unchanged between two changed stays so.
func (u *units) diff(dst pieces, old, new string, oldFrom, oldTo, newFrom, newTo int, c cut) (pieces, bool) {
	a, b := old[oldFrom:oldTo], new[newFrom:newTo]
	if a == b {
		if a != "" {
			dst.add(piece{Equal, oldFrom, oldTo})
		}
		return dst, true
	}
	u.reset()
	if c == byWords && len(a)+len(b) > maxUnits && utf8.RuneCountInString(a)+utf8.RuneCountInString(b) > maxUnits {
		c = byLines
	}
	encode := u.encodeLines
	switch c {
	case bySentences:
		encode = u.encodeSentences
	case byWords:
		encode = u.encodeWords
	}
	u.aUnits, u.aEnd = encode(a, u.aUnits[:0], u.aEnd[:0])
	u.bUnits, u.bEnd = encode(b, u.bUnits[:0], u.bEnd[:0])
	if c == byWords {
		if differing(u.aUnits, u.bUnits) > maxPairs {
			return nil, false
		}
		if u.unrelated(&dst, oldFrom, newFrom) {
			return dst, true
		}
	}
	if !fast.On() {
		diffs := u.dmp.DiffMainRunes(u.aUnits, u.bUnits, false)
		if c != bySentences {
			diffs = u.dmp.DiffCleanupSemantic(diffs)
		}
		return u.convert(dst, diffs, oldFrom, newFrom), true
	}
	u.myers.newDiff()
	edits := u.myers.main(u.aUnits, u.bUnits)
	if c != bySentences {
		edits = u.myers.cleanupSemantic(edits)
	}
	ai, bi := 0, 0 // the units of a and b taken
	ao, bo := 0, 0 // and their bytes
	for _, e := range edits {
		dst, ai, bi, ao, bo = u.take(dst, e.op, len(e.text), ai, bi, ao, bo, oldFrom, newFrom)
	}
	u.myers.done(edits)
	return dst, true
}

// convert appends to out go-diff's diffs, whose texts joined are a
// (Equal and Delete) and b (Equal and Insert) unit by unit, as pieces of
// the texts.
func (u *units) convert(out pieces, diffs []diffmatchpatch.Diff, oldFrom, newFrom int) pieces {
	ai, bi := 0, 0 // the units of a and b taken
	ao, bo := 0, 0 // and their bytes
	for _, d := range diffs {
		out, ai, bi, ao, bo = u.take(out, d.Type, utf8.RuneCountInString(d.Text), ai, bi, ao, bo, oldFrom, newFrom)
	}
	return out
}

// take appends to out the piece of n units that op took, after ai units
// (ao bytes) of a and bi (bo bytes) of b, and says how far a and b are
// taken then.
func (u *units) take(out pieces, op diffmatchpatch.Operation, n, ai, bi, ao, bo, oldFrom, newFrom int) (pieces, int, int, int, int) {
	switch op {
	case diffmatchpatch.DiffInsert:
		end := endOf(u.bEnd, bi+n, bo)
		out.add(piece{Insert, newFrom + bo, newFrom + end})
		bi, bo = bi+n, end
	case diffmatchpatch.DiffDelete:
		end := endOf(u.aEnd, ai+n, ao)
		out.add(piece{Delete, oldFrom + ao, oldFrom + end})
		ai, ao = ai+n, end
	default:
		end := endOf(u.aEnd, ai+n, ao)
		out.add(piece{Equal, oldFrom + ao, oldFrom + end})
		bo += end - ao
		ai, bi, ao = ai+n, bi+n, end
	}
	return out, ai, bi, ao, bo
}

// differing is the product of the numbers of units of a and b once what
// they share at their start and end is left out.
func differing(a, b []rune) int {
	n := 0
	for n < len(a) && n < len(b) && a[n] == b[n] {
		n++
	}
	a, b = a[n:], b[n:]
	for len(a) > 0 && len(b) > 0 && a[len(a)-1] == b[len(b)-1] {
		a, b = a[:len(a)-1], b[:len(b)-1]
	}
	return len(a) * len(b)
}

// endOf is where the first n units end, given where each ends; at
// since when n is 0.
func endOf(ends []int32, n, since int) int {
	if n == 0 {
		return since
	}
	return int(ends[n-1])
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

// wordEnd returns where the unit of words that starts with r, which
// ends at j, ends: a word of letters and digits (ASCII and other
// scripts written with spaces) or a run of white space goes on; a
// single character of a script written without spaces, or any other
// character, is a unit of its own.
func wordEnd(s string, r rune, j int) int {
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
	return j
}

// wordRune reports whether r belongs in a word: a letter or digit of a
// script that separates words with spaces. Han, kana, Hangul and the
// like are compared one character at a time.
func wordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '_'
	}
	if r >= 0x4e00 && r <= 0x9fff || cjkPunctuation(r) || unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul, unicode.Thai, unicode.Lao, unicode.Khmer, unicode.Myanmar, unicode.Tibetan) {
		return false
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// cjkPunctuation reports whether r is punctuation of Chinese text
// (、。〈〉《》「」【】 and the like, ！，：；？ and the like in full width,
// ‘’“”—…), none of them a letter or a digit: a quick answer for what
// Chinese text has most besides ideographs, which unicode.In would look
// up in ten tables.
func cjkPunctuation(r rune) bool {
	return r >= 0x3000 && r <= 0x3004 || r >= 0x3008 && r <= 0x3020 ||
		r >= 0xff01 && r <= 0xff0f || r >= 0xff1a && r <= 0xff20 ||
		r >= 0x2010 && r <= 0x2027
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }
