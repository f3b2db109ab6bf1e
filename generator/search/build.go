package search

import (
	"cmp"
	"runtime"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"ismsgen/generator/internal/fast"
	"ismsgen/generator/internal/par"
)

// Entry is one published document as the search sees it.
type Entry struct {
	ID, Title, URL string // URL relative to the site root, e.g. "docs/ISMS-P-009/"
	Tier           int
	Type, Status   string
	Version        string
	Obsolete       bool      // also implied by Status "obsolete"
	Headings       []Heading // in order
	Text           string    // the body's plain text (no markup), may be long
	// Controls are the ids the document is found by beside its own: the
	// Annex A controls it implements, in each form a reader may type
	// ("5.15", "A.5.15", a 2013 "A.9.1.1"). Each is one token of the id
	// field, with no tails or words of its own.
	Controls []string
}

// Heading is a section heading of a document and the anchor of its id.
type Heading struct{ Text, Anchor string }

// File is one output file of the index.
type File struct {
	Path string // relative to the site root, e.g. "search/index.js"
	Data []byte
}

// TextCap is the number of characters of each document's text (whitespace
// collapsed) kept in the index for snippets. Matches further in are still
// found, but their snippet shows the beginning of the text.
const TextCap = 2000

// Field bits of a posting.
const (
	fieldBody  = 1
	fieldHead  = 2
	fieldTitle = 4
	fieldID    = 8
)

// bloomBits is the size of the filter of following characters kept for
// each bigram posting: a following character c sets bit c % bloomBits.
const bloomBits = 12

// tfBucket maps a body frequency to two bits: 1, 2–3, 4–7, 8 or more.
func tfBucket(n uint16) uint8 {
	switch {
	case n >= 8:
		return 3
	case n >= 4:
		return 2
	case n >= 2:
		return 1
	}
	return 0
}

// acc is what one document says about one token.
type acc struct {
	mask  uint8
	tf    uint16
	bloom uint16
}

func (a *acc) info() uint8 { return a.mask | tfBucket(a.tf)<<4 }

type hanPost struct {
	key uint64
	acc
}

type wordPost struct {
	tok string
	acc
}

// docTokens is the token set of one document, waiting to be appended to
// the posting lists.
type docTokens struct {
	han      []hanPost
	words    []wordPost
	titlePos []titlePos // where each bigram of the title occurs, sorted
}

// titlePos is one occurrence of a bigram in a title: its key and the
// place of its first character in the folded title, in code points.
type titlePos struct {
	key uint64
	pos int32
}

// positions returns the places in the title of the bigram k.
func (d *docTokens) positions(k uint64) []titlePos {
	i, _ := slices.BinarySearchFunc(d.titlePos, k, func(p titlePos, k uint64) int { return cmp.Compare(p.key, k) })
	j := i
	for j < len(d.titlePos) && d.titlePos[j].key == k {
		j++
	}
	return d.titlePos[i:j]
}

// Han tokens are keyed by code points: a character c is c, a bigram ab is
// bigramFlag|a<<21|b; short words are keyed by wordKey.
const bigramFlag = 1 << 42

func hanKey(rs []rune) uint64 {
	if len(rs) == 1 {
		return uint64(rs[0])
	}
	return bigramFlag | uint64(rs[0])<<21 | uint64(rs[1])
}

// wordFlag marks a key that packs a word of at most 8 ASCII bytes, first
// byte highest: most words and id parts, kept out of the string maps.
const wordFlag = 1 << 63

func wordKey(tok []byte) (uint64, bool) {
	if len(tok) > 8 {
		return 0, false
	}
	var k uint64
	for i, c := range tok {
		if c >= 0x80 {
			return 0, false
		}
		k |= uint64(c) << (56 - 8*i)
	}
	return k | wordFlag, true
}

func hanKeyString(k uint64) string {
	if k&wordFlag != 0 {
		var b []byte
		for i := 0; i < 8; i++ {
			if c := byte(k >> (56 - 8*i) & 0x7F); c != 0 {
				b = append(b, c)
			}
		}
		return string(b)
	}
	if k&bigramFlag == 0 {
		return string(rune(k))
	}
	return string([]rune{rune(k >> 21 & 0x1FFFFF), rune(k & 0x1FFFFF)})
}

// keyTable is an open-addressing hash table from non-zero keys to V,
// faster than a map for the many small lookups of tokenising. A key and
// its value share a slot, so that a lookup reads one place in memory.
type keyTable[V any] struct {
	slots []slot[V] // key 0: empty
	used  []int32   // occupied slots, in order of insertion
	shift uint
	// sparse keeps the table at most a quarter full rather than half: a
	// tokenizer's, small and looked in a thousand times a document, finds
	// a key at its first slot more often (the 10,000-document corpus's
	// bodies tokenised 2.5 % quicker); the posting lists' table, which
	// holds the whole vocabulary, would only take more memory.
	sparse bool
}

type slot[V any] struct {
	key uint64
	val V
}

func (kt *keyTable[V]) reset() {
	for _, i := range kt.used {
		kt.slots[i].key = 0
	}
	kt.used = kt.used[:0]
}

// get returns k's value, adding a zero value if k is new.
func (kt *keyTable[V]) get(k uint64) (v *V, added bool) {
	if n := len(kt.used) + 1; 2*n > len(kt.slots) || (kt.sparse && 4*n > len(kt.slots)) {
		kt.grow()
	}
	m := len(kt.slots) - 1
	for i := int(k * 0x9E3779B97F4A7C15 >> kt.shift); ; i = (i + 1) & m {
		s := &kt.slots[i]
		switch s.key {
		case k:
			return &s.val, false
		case 0:
			var zero V
			*s = slot[V]{k, zero}
			kt.used = append(kt.used, int32(i))
			return &s.val, true
		}
	}
}

func (kt *keyTable[V]) grow() {
	old := *kt
	size := max(1024, 2*len(old.slots))
	*kt = keyTable[V]{slots: make([]slot[V], size), used: make([]int32, 0, size/2), shift: 64, sparse: old.sparse}
	for s := size; s > 1; s >>= 1 {
		kt.shift--
	}
	for _, i := range old.used {
		v, _ := kt.get(old.slots[i].key)
		*v = old.slots[i].val
	}
}

// tokenizer collects the tokens of one document at a time.
type tokenizer struct {
	seg      segment // scan's, used again
	han      keyTable[acc]
	words    map[string]*acc
	titlePos []titlePos
	pool     []acc
	n        int
}

func newTokenizer() *tokenizer {
	return &tokenizer{han: keyTable[acc]{sparse: true}, words: map[string]*acc{}}
}

func (t *tokenizer) newAcc() *acc {
	if t.n == len(t.pool) {
		t.pool = make([]acc, 1024)
		t.n = 0
	}
	a := &t.pool[t.n]
	t.n++
	return a
}

func (t *tokenizer) add(s string, field uint8) {
	scanInto(&t.seg, s, func(seg *segment) {
		if seg.han == nil {
			seg.latinTokens(func(tok []byte) { t.token(tok, field) })
			return
		}
		start := 0
		if field == fieldTitle { // the places of its bigrams are in code points
			start = utf8.RuneCountInString(s[:seg.at])
		}
		t.hanRun(seg.han, start, field)
	})
}

// hanRun counts the characters and bigrams of a run of CJK characters
// that starts at start in the field's folded text.
func (t *tokenizer) hanRun(h []rune, start int, field uint8) {
	body := field == fieldBody
	for i, c := range h {
		a, _ := t.han.get(uint64(c))
		a.mask |= field
		if body && a.tf < 0xFFFF {
			a.tf++
		}
		if i+1 >= len(h) {
			break
		}
		k := bigramFlag | uint64(c)<<21 | uint64(h[i+1])
		a, _ = t.han.get(k)
		a.mask |= field
		if body && a.tf < 0xFFFF {
			a.tf++
		}
		if i+2 < len(h) {
			a.bloom |= 1 << (uint32(h[i+2]) % bloomBits) // unsigned: no sign to correct
		}
		if field == fieldTitle {
			t.titlePos = append(t.titlePos, titlePos{k, int32(start + i)})
		}
	}
}

// token counts one word or compound token of a field.
func (t *tokenizer) token(tok []byte, field uint8) {
	var a *acc
	if k, ok := wordKey(tok); ok {
		a, _ = t.han.get(k)
	} else if a = t.words[string(tok)]; a == nil {
		a = t.newAcc()
		*a = acc{}
		t.words[string(tok)] = a
	}
	a.mask |= field
	if field == fieldBody && a.tf < 0xFFFF {
		a.tf++
	}
}

// document appends the tokens of e to d, whose lists are empty (they may
// have room from an earlier document).
func (t *tokenizer) document(e *Entry, d *docTokens) {
	t.han.reset()
	clear(t.words)
	t.titlePos = t.titlePos[:0]
	t.add(e.ID, fieldID)
	for _, c := range e.Controls {
		t.token([]byte(foldString(c)), fieldID)
	}
	t.add(e.Title, fieldTitle)
	for _, h := range e.Headings {
		t.add(h.Text, fieldHead)
	}
	t.add(e.Text, fieldBody)
	if n := len(t.han.used); cap(d.han) < n {
		d.han = make([]hanPost, 0, n+n/2) // room for the next, longer documents
	}
	for _, i := range t.han.used {
		d.han = append(d.han, hanPost{t.han.slots[i].key, t.han.slots[i].val})
	}
	if cap(d.words) < len(t.words) {
		d.words = make([]wordPost, 0, len(t.words))
	}
	for w, a := range t.words {
		d.words = append(d.words, wordPost{w, *a})
	}
	d.titlePos = append(d.titlePos[:0], t.titlePos...)
	slices.SortFunc(d.titlePos, func(a, b titlePos) int { return cmp.Or(cmp.Compare(a.key, b.key), cmp.Compare(a.pos, b.pos)) })
	t.n = 0
}

// postingList accumulates one token's encoded postings in document order
// (see doc.go) and, for a bigram, the filters of the characters that
// follow it, one pair of characters per posting. The newest bytes wait in
// the list itself, which fills one cache line, and go to the token's
// strings (its listPage's chains) a few dozen at a time: a
// document's postings go to thousands of lists, and each list touched is
// then one place in memory rather than three.
type postingList struct {
	last   int32
	np, nb uint8
	post   [34]byte
	bloom  [24]byte
}

// alphabet is the base-64 alphabet of posting strings: a posting's field
// bits and body frequency, and the digits of numbers after it.
const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"

// The digits of a skip (how many document numbers a posting passes over)
// come from characters that are not in alphabet: a posting that follows
// the previous document's needs none. The last digit is from gapLast,
// the others, lowest first, from gapMore.
const (
	gapLast = "!#$%&'()*+,./:;="
	gapMore = ">?@[]^`{|}~"
)

// appendSkip appends the digits of a skip of n > 0 documents.
func appendSkip(b []byte, n uint32) []byte {
	v := n - 1
	for v >= uint32(len(gapLast)) {
		b = append(b, gapMore[v%uint32(len(gapMore))])
		v /= uint32(len(gapMore))
	}
	return append(b, gapLast[v])
}

// appendVarint appends v in alphabet: values 32–63 carry 5 bits and
// continue, lowest first.
func appendVarint(b []byte, v uint32) []byte {
	for v >= 32 {
		b = append(b, alphabet[32+v&31])
		v >>= 5
	}
	return append(b, alphabet[v])
}

// add appends document doc's posting to list x.
func (pt *postingTable) add(x int32, doc int32, a *acc, bigram bool, title []titlePos) {
	pg, i := pt.pages[uint32(x)/pageLists], uint32(x)%pageLists
	p := &pg.lists[i]
	var tmp [32]byte
	b := tmp[:0]
	if skip := uint32(doc - p.last - 1); skip > 0 {
		b = appendSkip(b, skip)
	}
	p.last = doc
	b = append(b, alphabet[a.info()])
	if bigram && a.mask&fieldTitle != 0 {
		b = appendVarint(b, uint32(len(title)))
		prev := int32(0)
		for _, t := range title {
			b = appendVarint(b, uint32(t.pos-prev))
			prev = t.pos
		}
	}
	if int(p.np)+len(b) > len(p.post) {
		pt.ar.write(&pg.posts[i], p.post[:p.np])
		p.np = 0
		if len(b) > len(p.post) {
			pt.ar.write(&pg.posts[i], b)
			b = nil
		}
	}
	for _, c := range b { // a byte or two: no call to copy
		p.post[p.np] = c
		p.np++
	}
	if !bigram {
		return
	}
	if int(p.nb)+2 > len(p.bloom) {
		pt.ar.write(&pg.blooms[i], p.bloom[:p.nb])
		p.nb = 0
	}
	p.bloom[p.nb], p.bloom[p.nb+1] = alphabet[a.bloom&63], alphabet[a.bloom>>6&63]
	p.nb += 2
}

// strings returns list x's posting string and filters (nil if none), each
// made at its size.
func (pt *postingTable) strings(x int32) (post, bloom []byte) {
	pg, i := pt.pages[x/pageLists], x%pageLists
	p := &pg.lists[i]
	post = make([]byte, 0, int(pg.posts[i].size)+int(p.np))
	post = append(pt.ar.appendTo(post, &pg.posts[i]), p.post[:p.np]...)
	if n := int(pg.blooms[i].size) + int(p.nb); n > 0 {
		bloom = make([]byte, 0, n)
		bloom = append(pt.ar.appendTo(bloom, &pg.blooms[i]), p.bloom[:p.nb]...)
	}
	return post, bloom
}

// posting is one decoded entry of a posting list.
type posting struct {
	doc   int32
	info  uint8
	bloom uint16
	title []int32 // a bigram's places in the title
}

// digit values of the characters of posting strings: 0–63 alphabet,
// 64+ gapLast, 96+ gapMore.
var digit = func() (d [128]uint8) {
	for i := range d {
		d[i] = 255
	}
	for i := range len(alphabet) {
		d[alphabet[i]] = uint8(i)
	}
	for i := range len(gapLast) {
		d[gapLast[i]] = uint8(64 + i)
	}
	for i := range len(gapMore) {
		d[gapMore[i]] = uint8(96 + i)
	}
	return d
}()

// decodePostings decodes a posting string; a bigram's carries the places
// in the title, and bloom (its filters) may be given.
func decodePostings(s []byte, bigram bool, bloom []byte) []posting {
	var out []posting
	doc := int32(-1)
	varint := func(i int) (uint32, int) {
		var v, shift uint32
		for {
			c := uint32(digit[s[i]])
			i++
			if c < 32 {
				return v | c<<shift, i
			}
			v |= (c - 32) << shift
			shift += 5
		}
	}
	for i := 0; i < len(s); {
		var skip uint32
		skip, i = readSkip(s, i)
		doc += int32(skip) + 1
		p := posting{doc: doc, info: digit[s[i]]}
		i++
		if bigram && p.info&fieldTitle != 0 {
			var n, d uint32
			n, i = varint(i)
			pos := int32(0)
			for range n {
				d, i = varint(i)
				pos += int32(d)
				p.title = append(p.title, pos)
			}
		}
		if k := 2 * len(out); bigram && k+1 < len(bloom) {
			p.bloom = uint16(digit[bloom[k]]) | uint16(digit[bloom[k+1]])<<6
		}
		out = append(out, p)
	}
	return out
}

// readSkip reads the skip digits (see appendSkip) at s[i:], if any, and
// returns the skip and where the posting's own characters start.
func readSkip(s []byte, i int) (uint32, int) {
	var skip, mul uint32 = 0, 1
	for digit[s[i]] >= 64 {
		c := uint32(digit[s[i]])
		i++
		if c >= 96 {
			skip += (c - 96) * mul
			mul *= uint32(len(gapMore))
			continue
		}
		return skip + (c-64)*mul + 1, i
	}
	return skip, i
}

// eachPosting calls f with the document and the field bits of each
// posting of a string that is not a bigram's, without making a list.
func eachPosting(s []byte, f func(doc int32, info uint8)) {
	doc := int32(-1)
	for i := 0; i < len(s); {
		var skip uint32
		skip, i = readSkip(s, i)
		doc += int32(skip) + 1
		f(doc, digit[s[i]])
		i++
	}
}

// isBigram reports whether tok is a pair of CJK characters.
func isBigram(tok string) bool {
	r1, n := utf8.DecodeRuneInString(tok)
	r2, m := utf8.DecodeRuneInString(tok[n:])
	return n+m == len(tok) && m > 0 && isCJK(r1) && isCJK(r2)
}

// docMeta is what the index keeps of a document besides its tokens.
type docMeta struct {
	ID, Title, URL string
	Tier           int
	Type, Status   string
	Version        string
	Obsolete       bool
	Headings       []Heading
	text           string // collapsed, at most TextCap characters
	foldedTitle    string
	titleLen       int      // letters, digits and CJK characters of the title, at most maxTitleLen
	controls       []string // Entry.Controls
}

// collapse returns s with each run of white space replaced by one space,
// or by blockSep where it holds a line feed (where a block of the body
// ends: see markdown.PlainText), trimmed, and cut to at most max
// characters.
func collapse(s string, max int) string { return string(appendCollapsed(nil, s, max, false)) }

// blockSep stands between blocks (a heading and its text, the cells of a
// table, the items of a list) in the text of snippets, so that they do
// not read as one ("1 目的 · 本程序规定", "版本 · 日期 · 作者"); after a
// block that ends in punctuation of its own a space is enough.
const blockSep = " · "

// closes reports whether r ends a sentence or a clause already.
func closes(r rune) bool { return strings.ContainsRune("。！？；：，、….!?;:,", r) }

// appendCollapsed appends collapse(s, max) to b; with escape, as the inside
// of a JSON string that is also safe in JavaScript source. Control
// characters count as white space and invalid UTF-8 becomes U+FFFD.
func appendCollapsed(b []byte, s string, max int, escape bool) []byte {
	class := &collapseClass[0]
	if escape {
		class = &collapseClass[1]
	}
	n := 0
	space, block := false, false
	for i := 0; i < len(s) && n < max; {
		c := s[i]
		switch class[c] {
		case cSpace:
			i++
			space = n > 0
			block = block || (space && c == '\n')
			continue
		case cPlain, cLead3:
			// Most of a text is runs of characters that need neither
			// decoding nor escaping (Chinese characters, ASCII words and
			// the single spaces between them): a run is copied at once.
			if c >= 0x80 && !plain3(s, i) {
				break
			}
			if space {
				if b, n = appendSep(b, n, max, block); n >= max {
					return b
				}
				space, block = false, false
			}
			j, k := plainRun(class, s, i, n, max)
			b = append(b, s[i:j]...)
			i, n = j, k
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r <= ' ' || r == 0x7F || (r >= 0x80 && r <= 0x3000 && unicode.IsSpace(r)) {
			i += size // white space and control characters
			space = n > 0
			block = block || (space && r == '\n')
			continue
		}
		if space {
			if b, n = appendSep(b, n, max, block); n >= max {
				break
			}
			space, block = false, false
		}
		switch {
		case escape && (r == '"' || r == '\\'):
			b = append(b, '\\', byte(r))
		case escape && (r == 0x2028 || r == 0x2029):
			b = append(b, '\\', 'u', '2', '0', '2', byte('0'+r-0x2020))
		case r == utf8.RuneError && size == 1:
			b = utf8.AppendRune(b, r)
		default:
			b = append(b, s[i:i+size]...)
		}
		i += size
		n++
	}
	return b
}

// appendSep appends the separator of white space before the n-th
// character, unless it would reach max: then it returns n = max. The
// character before it is the last of b (an escape's last character
// closes nothing, as the character it stands for).
func appendSep(b []byte, n, max int, block bool) ([]byte, int) {
	sep, w := " ", 1
	if block {
		if last, _ := utf8.DecodeLastRune(b); !closes(last) {
			sep, w = blockSep, 3
		}
	}
	if n+w >= max {
		return b, max
	}
	return append(b, sep...), n + w
}

// The classes of bytes for appendCollapsed.
const (
	cOther = iota // decoded: the other starts of characters, invalid bytes, what is escaped
	cPlain        // printable ASCII, copied as it is
	cSpace        // ASCII white space and control characters
	cLead3        // E3–EF but ED: starts a three-byte character above U+3000, copied as it is when valid (but U+3000)
)

// collapseClass classes bytes for appendCollapsed, without and with
// escapes.
var collapseClass = func() (t [2][256]uint8) {
	for e := range t {
		for c := range 256 {
			switch {
			case c <= ' ' || c == 0x7F:
				t[e][c] = cSpace
			case e == 1 && (c == '"' || c == '\\'):
				t[e][c] = cOther
			case c < 0x80:
				t[e][c] = cPlain
			case c >= 0xE3 && c <= 0xEF && c != 0xED:
				t[e][c] = cLead3
			}
		}
	}
	return t
}()

// plain3 reports whether s[i:] starts with a valid three-byte character
// whose lead byte is of class cLead3, other than U+3000 (white space).
func plain3(s string, i int) bool {
	return i+2 < len(s) && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80 &&
		(s[i] != 0xE3 || s[i+1] != 0x80 || s[i+2] != 0x80)
}

// plainRun returns the end of the run of characters from s[i] that are
// copied as they are, and n plus their number, at most max: characters of
// class cPlain, valid ones of class cLead3, and single spaces between
// them, which collapsing keeps as they are.
func plainRun(class *[256]uint8, s string, i, n, max int) (int, int) {
	for n < max && i < len(s) {
		c := s[i]
		switch class[c] {
		case cPlain: // and the ASCII after it, one character a byte
			j, end := i+1, min(len(s), i+max-n)
			for j < end && class[s[j]] == cPlain {
				j++
			}
			n += j - i
			i = j
			continue
		case cLead3: // and the three-byte characters after it
			if !plain3(s, i) {
				return i, n
			}
			for i += 3; n+1 < max && i < len(s) && class[s[i]] == cLead3 && plain3(s, i); i += 3 {
				n++
			}
		case cSpace:
			if c != ' ' || n+1 >= max || i+1 >= len(s) {
				return i, n
			}
			if d := s[i+1]; class[d] != cPlain && (class[d] != cLead3 || !plain3(s, i+1)) {
				return i, n
			}
			i++
		default:
			return i, n
		}
		n++
	}
	return i, n
}

// newIndex tokenises all entries (in parallel) and returns the index with
// its posting strings. With keepText the index keeps each document's
// snippet text (for Search); with docFiles it also returns the
// search/d/<n>.js files (for Build).
func newIndex(entries []Entry, keepText, docFiles bool) (*Index, []File) {
	b := newBuilder(entries, keepText)
	var dfiles []File
	if docFiles {
		dfiles = make([]File, len(entries))
	}
	par.Each(len(entries), func(i int) {
		n := b.add(i, entries[i].Headings, entries[i].Text)
		if docFiles {
			dfiles[n] = docFile(int(n), &b.ix.docs[n], entries[i].Text)
		}
	})
	b.finish()
	return b.ix, dfiles
}

// Builder makes the index files of a fixed set of documents whose texts
// arrive one by one, in any order and from any goroutine: each text is
// tokenised, its postings appended and the text dropped as it comes, so
// that a build never holds the texts of every document at once. Build is
// NewBuilder, Add for every entry and Files; the files are the same.
type Builder struct {
	ix       *Index
	pos      []int32 // entry → document number (documents are numbered in order of id)
	keepText bool
	toks     sync.Pool // *tokenizer
	spare    sync.Pool // *docTokens, merged: their room is used again
	lists    *postingTable

	mu      sync.Mutex // guards pending and next
	pending map[int32]*docTokens
	next    int32      // the next document whose tokens go into the posting lists
	merging sync.Mutex // held by the goroutine appending to the posting lists
}

// NewBuilder starts the index of entries, of which it reads everything
// but the headings and the text: Add gives those.
func NewBuilder(entries []Entry) *Builder { return newBuilder(entries, false) }

func newBuilder(entries []Entry, keepText bool) *Builder {
	order := make([]int32, len(entries))
	for i := range order {
		order[i] = int32(i)
	}
	slices.SortStableFunc(order, func(x, y int32) int { // ids are unique; the rest keeps duplicates stable
		a, b := &entries[x], &entries[y]
		return cmp.Or(strings.Compare(a.ID, b.ID), strings.Compare(a.URL, b.URL), strings.Compare(a.Title, b.Title))
	})
	b := &Builder{
		ix:       &Index{docs: make([]docMeta, len(entries)), ids: map[string]int32{}},
		pos:      make([]int32, len(entries)),
		keepText: keepText,
		toks:     sync.Pool{New: func() any { return newTokenizer() }},
		lists:    newPostingTable(),
		pending:  map[int32]*docTokens{},
	}
	var seg segment // titleLength's, used again
	for n, i := range order {
		e := &entries[i]
		b.pos[i] = int32(n)
		b.ix.docs[n] = docMeta{
			ID: e.ID, Title: e.Title, URL: e.URL, Tier: e.Tier, Type: e.Type,
			Status: e.Status, Version: e.Version,
			Obsolete:    e.Obsolete || e.Status == "obsolete",
			foldedTitle: foldString(e.Title),
			titleLen:    titleLengthIn(&seg, e.Title),
			controls:    e.Controls,
		}
		id := foldString(e.ID)
		if _, dup := b.ix.ids[id]; !dup {
			b.ix.ids[id] = int32(n)
		}
	}
	return b
}

// Add gives the headings and the text of entry i (of those NewBuilder was
// given) and writes its file search/d/<n>.js with write; the file holds
// what a result shows: the document's number, title and status, and the
// start of its text for snippets. The file is made in a buffer used
// again, so write must not keep data once it returns (render.Output
// writes or copies it): a copy of each of a large site's files was a
// twentieth of what its build allocated. Add each entry once; it is safe
// for concurrent use. It returns write's error.
func (b *Builder) Add(i int, headings []Heading, text string, write func(path string, data []byte) error) error {
	n := b.add(i, headings, text)
	scratch := docScratch.Get().(*[]byte)
	*scratch = appendDocFile((*scratch)[:0], int(n), &b.ix.docs[n], text)
	err := write(docPath(int(n)), *scratch)
	docScratch.Put(scratch)
	return err
}

// add is Add without the text file; it returns the document's number.
func (b *Builder) add(i int, headings []Heading, text string) int32 {
	n := b.pos[i]
	m := &b.ix.docs[n]
	m.Headings = headings
	if b.keepText {
		m.text = collapse(text, TextCap)
	}
	t := b.toks.Get().(*tokenizer)
	d, _ := b.spare.Get().(*docTokens)
	if d == nil {
		d = &docTokens{}
	}
	t.document(&Entry{ID: m.ID, Title: m.Title, Controls: m.controls, Headings: headings, Text: text}, d)
	b.toks.Put(t)
	b.mu.Lock()
	b.pending[n] = d
	b.mu.Unlock()
	b.drain()
	return n
}

// drain appends the tokens of the documents that are next in order to the
// posting lists, unless another goroutine is doing so.
func (b *Builder) drain() {
	for b.merging.TryLock() {
		for {
			b.mu.Lock()
			n, d := b.next, b.pending[b.next]
			if d != nil {
				delete(b.pending, n)
				b.next++
			}
			b.mu.Unlock()
			if d == nil {
				break
			}
			b.lists.merge(n, d)
			d.han, d.words = d.han[:0], d.words[:0]
			b.spare.Put(d)
		}
		b.merging.Unlock()
		// A document may have come after the last look and before the
		// unlock; its goroutine found the lock taken.
		b.mu.Lock()
		more := b.pending[b.next] != nil
		b.mu.Unlock()
		if !more {
			return
		}
	}
}

// finish appends what is left (a document never added has no tokens) and
// sorts the vocabulary.
func (b *Builder) finish() {
	b.merging.Lock()
	b.mu.Lock()
	for n := b.next; n < int32(len(b.ix.docs)); n++ {
		if d := b.pending[n]; d != nil {
			b.lists.merge(n, d)
		}
	}
	b.next, b.pending = int32(len(b.ix.docs)), nil
	b.mu.Unlock()
	b.merging.Unlock()
	all := sortTokens(b.lists.finish())
	b.lists.ar.free() // finish copied every string out
	b.ix.vocab = make([]string, len(all))
	b.ix.posts = make([][]byte, len(all))
	b.ix.blooms = make([][]byte, len(all))
	for i, tp := range all {
		b.ix.vocab[i], b.ix.posts[i], b.ix.blooms[i] = tp.tok, tp.post, tp.bloom
	}
	b.lists = nil
}

// Files returns search/index.js and the chunks of the vocabulary, once
// every entry has been added; the Builder is of no use afterwards.
func (b *Builder) Files() []File {
	b.finish()
	return b.ix.files()
}

// postingTable holds the posting list of every token.
type postingTable struct {
	keyed keyTable[int32] // key → 1 + list number
	words map[string]int32
	pages []*listPage // list x is pages[x/pageLists] at x%pageLists
	n     int32       // lists
	ar    arena

	scratch []int32 // merge's
}

// listPage holds lists in pages of a fixed size, so that more lists never
// copy the lists already there.
type listPage struct {
	lists         [pageLists]postingList
	posts, blooms [pageLists]chain // each list's strings but what waits in it
}

const pageLists = 1024

// newPostingTable returns an empty table whose arena's memory goes back
// to the system when the table is dropped, if not before (arena.free).
func newPostingTable() *postingTable {
	pt := &postingTable{words: map[string]int32{}, ar: arena{mapped: &mappedSlabs{}}}
	runtime.AddCleanup(pt, func(m *mappedSlabs) { m.unmap() }, pt.ar.mapped)
	return pt
}

// newList adds an empty list and returns 1 + its number.
func (pt *postingTable) newList() int32 {
	if int(pt.n) == len(pt.pages)*pageLists {
		pt.pages = append(pt.pages, new(listPage))
	}
	pt.pages[pt.n/pageLists].lists[pt.n%pageLists].last = -1
	pt.n++
	return pt.n
}

// merge appends document doc's tokens; documents come in order.
func (pt *postingTable) merge(doc int32, d *docTokens) {
	// The lists first, then their postings: the looks in the table, then
	// those in the lists, each in memory not seen for a while, wait for
	// each other less.
	xs := pt.scratch[:0]
	for j := range d.han {
		x, added := pt.keyed.get(d.han[j].key)
		if added {
			*x = pt.newList()
		}
		xs = append(xs, *x-1)
	}
	pt.scratch = xs
	for j, x := range xs {
		p := &d.han[j]
		bigram := p.key&(bigramFlag|wordFlag) == bigramFlag
		var title []titlePos
		if bigram && p.mask&fieldTitle != 0 {
			title = d.positions(p.key)
		}
		pt.add(x, doc, &p.acc, bigram, title)
	}
	for j := range d.words {
		p := &d.words[j]
		x, ok := pt.words[p.tok]
		if !ok {
			x = pt.newList()
			pt.words[p.tok] = x
		}
		pt.add(x-1, doc, &p.acc, false, nil)
	}
}

type tokenPostings struct {
	tok         string
	post, bloom []byte
}

// sortTokens sorts tokens (which are unique) by their text: in halves on
// two cores and merged, on a vocabulary large enough to be worth it (on
// 50,000 documents, 111,000 tokens, whose sort took 29 ms on one core),
// unless the fast paths are off.
func sortTokens(all []tokenPostings) []tokenPostings {
	byText := func(a, b tokenPostings) int { return strings.Compare(a.tok, b.tok) }
	if len(all) < 1<<14 || !fast.On() {
		slices.SortFunc(all, byText)
		return all
	}
	a, b := all[:len(all)/2], all[len(all)/2:]
	halves := [][]tokenPostings{a, b}
	par.Each(2, func(i int) { slices.SortFunc(halves[i], byText) })
	out := make([]tokenPostings, 0, len(all))
	for len(a) > 0 && len(b) > 0 {
		if a[0].tok < b[0].tok {
			out, a = append(out, a[0]), a[1:]
		} else {
			out, b = append(out, b[0]), b[1:]
		}
	}
	return append(append(out, a...), b...)
}

// finish returns the tokens and their posting strings.
func (pt *postingTable) finish() []tokenPostings {
	out := make([]tokenPostings, 0, pt.n)
	for _, i := range pt.keyed.used {
		post, bloom := pt.strings(pt.keyed.slots[i].val - 1)
		out = append(out, tokenPostings{hanKeyString(pt.keyed.slots[i].key), post, bloom})
	}
	for t, x := range pt.words {
		post, _ := pt.strings(x - 1)
		out = append(out, tokenPostings{t, post, nil})
	}
	return out
}
