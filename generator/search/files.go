package search

import (
	"cmp"
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"ismsgen/generator/internal/par"
)

// IndexVersion is the format version written into search/index.js.
const IndexVersion = 3

// The sizes that cut the index into files (variables, so that tests can
// make small sites cut like large ones).
var (
	// chunkTarget is the size a chunk of the vocabulary, the filters and
	// the prefix lists aims at: a token whose postings are longer has a
	// chunk of its own.
	chunkTarget = 24 << 10
	// idChunkTarget is the size of a chunk of the list of ids.
	idChunkTarget = 8 << 10
	// prefixBudget is the most the browser reads of the vocabulary for a
	// prefix: a prefix whose tokens span more (chunks that start with it
	// after the first) has a merged list of its own.
	prefixBudget = 64 << 10
)

// dataPrefix starts every index file: the files store their value in the
// global window.ISMSSearchData under a key.
const dataPrefix = "(window.ISMSSearchData=window.ISMSSearchData||{})["

// appendJSString appends s as a JSON string literal that is also safe
// inside JavaScript source (U+2028 and U+2029 escaped). Invalid UTF-8
// becomes U+FFFD.
func appendJSString(b []byte, s string) []byte {
	const hex = "0123456789abcdef"
	b = append(b, '"')
	for i := 0; i < len(s); {
		c := s[i]
		if c < 0x80 {
			switch {
			case c == '"' || c == '\\':
				b = append(b, '\\', c)
			case c < 0x20:
				b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&15])
			default:
				b = append(b, c)
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == 0x2028 || r == 0x2029:
			b = append(b, '\\', 'u', '2', '0', '2', hex[r&15])
		case r == utf8.RuneError && size == 1:
			b = append(b, "\ufffd"...)
		default:
			b = append(b, s[i:i+size]...)
		}
		i += size
	}
	return append(b, '"')
}

// appendJSBytes appends a posting string, which needs no escapes.
func appendJSBytes(b, s []byte) []byte {
	b = append(b, '"')
	b = append(b, s...)
	return append(b, '"')
}

// dataStart appends the start of a data file that stores a value under key;
// the value and ";\n" follow.
func dataStart(b []byte, key string) []byte {
	b = append(b, dataPrefix...)
	b = appendJSString(b, key)
	return append(b, "]="...)
}

// Build makes the index files: search/index.js, the chunks of the
// vocabulary, filters, prefix lists and ids (search/w/, b/, a/ and i/)
// and search/d/<n>.js for each document n. Entries may come in any order;
// the output is the same for the same entries (documents are numbered in
// order of ID).
func Build(entries []Entry) []File {
	ix, docs := newIndex(entries, false, true)
	return append(ix.files(), docs...)
}

// docFile makes search/d/<n>.js:
// [id, title, url, tier, type, status, version, obsolete, text, [[heading, anchor], ...]]
// where url is "" for docs/<id>/ and text is collapse(body, TextCap).
func docFile(n int, d *docMeta, body string) File {
	// Made in a buffer used again and copied out at its exact size: the
	// length of the text collapsed is not known before.
	scratch := docScratch.Get().(*[]byte)
	*scratch = appendDocFile((*scratch)[:0], n, d, body)
	data := slices.Clone(*scratch)
	docScratch.Put(scratch)
	return File{Path: docPath(n), Data: data}
}

// docPath is the path of document n's file.
func docPath(n int) string { return "search/d/" + strconv.Itoa(n) + ".js" }

// appendDocFile appends the contents of docFile's file to b.
func appendDocFile(b []byte, n int, d *docMeta, body string) []byte {
	b = dataStart(b, "d"+strconv.Itoa(n))
	b = append(b, '[')
	b = appendDoc(b, d)
	b = append(b, ",\""...)
	b = appendCollapsed(b, body, TextCap, true)
	b = append(b, "\",["...)
	for j, h := range d.Headings {
		if j > 0 {
			b = append(b, ',')
		}
		b = append(b, '[')
		b = appendJSString(b, h.Text)
		b = append(b, ',')
		b = appendJSString(b, h.Anchor)
		b = append(b, ']')
	}
	return append(b, "]];\n"...)
}

// docScratch holds docFile's buffers.
var docScratch = sync.Pool{New: func() any { return new([]byte) }}

// appendDoc appends a document's fields: id, title, url, tier, type,
// status, version, obsolete (0 or 1).
func appendDoc(b []byte, d *docMeta) []byte {
	url := d.URL
	if url == "docs/"+d.ID+"/" {
		url = "" // the usual place
	}
	for _, s := range []string{d.ID, d.Title, url} {
		b = appendJSString(b, s)
		b = append(b, ',')
	}
	b = strconv.AppendInt(b, int64(d.Tier), 10)
	for _, s := range []string{d.Type, d.Status, d.Version} {
		b = append(b, ',')
		b = appendJSString(b, s)
	}
	if d.Obsolete {
		return append(b, ",1"...)
	}
	return append(b, ",0"...)
}

// dirEntry is a chunk of a series: its first key and its size in bytes.
type dirEntry struct {
	first string
	size  int
}

// series is a sorted list of keys and their values, cut into chunks.
type series struct {
	name   string                       // "w", "b", "a", "i": the folder and the prefix of the keys
	n      int                          // entries
	key    func(i int) string           // sorted by bytes (code points)
	value  func(b []byte, i int) []byte // appends the JSON of entry i's value
	size   func(i int) int              // len of that JSON
	target int
	cuts   []int // where each chunk starts
	dir    []dirEntry
}

// cut decides the chunks and their exact sizes without writing them.
func (s *series) cut() {
	var key []byte
	size := 0 // the current chunk's entries and the commas between them
	for i := range s.n {
		key = appendJSString(key[:0], s.key(i))
		entry := len(key) + 1 + s.size(i) // key, comma, value
		if size > 0 && size+1+entry > s.target {
			s.close(size)
			size = 0
		}
		if size == 0 {
			s.cuts = append(s.cuts, i)
			size = entry
		} else {
			size += 1 + entry
		}
	}
	if size > 0 {
		s.close(size)
	}
}

// close ends the last chunk, whose entries take size bytes.
func (s *series) close(size int) {
	k := len(s.dir)
	head := len(dataStart(nil, s.name+strconv.Itoa(k))) + len("[];\n")
	s.dir = append(s.dir, dirEntry{first: s.key(s.cuts[k]), size: head + size})
}

// files writes the chunks: search/<name>/<k>.js holds
// [key, value, key, value, ...] under the key <name><k>.
func (s *series) files() []File {
	files := make([]File, len(s.cuts))
	par.Each(len(s.cuts), func(k int) {
		lo, hi := s.cuts[k], s.n
		if k+1 < len(s.cuts) {
			hi = s.cuts[k+1]
		}
		b := dataStart(make([]byte, 0, s.dir[k].size), s.name+strconv.Itoa(k))
		b = append(b, '[')
		for i := lo; i < hi; i++ {
			if i > lo {
				b = append(b, ',')
			}
			b = appendJSString(b, s.key(i))
			b = append(b, ',')
			b = s.value(b, i)
		}
		b = append(b, "];\n"...)
		files[k] = File{Path: "search/" + s.name + "/" + strconv.Itoa(k) + ".js", Data: b}
	})
	return files
}

// appendDir appends the series' directory: [[first key, bytes], ...].
func (s *series) appendDir(b []byte) []byte {
	b = append(b, '[')
	for k, d := range s.dir {
		if k > 0 {
			b = append(b, ',')
		}
		b = append(b, '[')
		b = appendJSString(b, d.first)
		b = append(b, ',')
		b = strconv.AppendInt(b, int64(d.size), 10)
		b = append(b, ']')
	}
	return append(b, ']')
}

// chunkOf returns the chunk of dir where key is or would be: the last
// whose first key is not after it (the first chunk for keys before all).
func chunkOf(dir []dirEntry, key string) int {
	return max(0, sort.Search(len(dir), func(k int) bool { return dir[k].first > key })-1)
}

// prefixSpan returns the chunks that hold the tokens starting with p,
// from chunkOf(p) on, and their total size, as the browser works it out.
func prefixSpan(dir []dirEntry, p string) (lo, hi, size int) {
	lo = chunkOf(dir, p)
	hi = lo
	for hi+1 < len(dir) && strings.HasPrefix(dir[hi+1].first, p) {
		hi++
	}
	for k := lo; k <= hi && k < len(dir); k++ {
		size += dir[k].size
	}
	return lo, hi, size
}

// hasJoiner reports whether a token or a query word is a compound.
func hasJoiner(s string) bool { return strings.ContainsAny(s, "-_.") }

// prefixLists makes the merged lists of the prefixes whose tokens span
// more of the vocabulary than prefixBudget (see doc.go), in order of
// prefix: for each document, the posting that scores best as a prefix
// match among the tokens that p starts, other than p.
func (ix *Index) prefixLists(dir []dirEntry) (keys []string, posts [][]byte) {
	seen := map[string]bool{}
	for _, d := range dir {
		var p []byte
		for _, r := range d.first {
			p = utf8.AppendRune(p, r)
			if utf8.RuneCount(p) < 2 || seen[string(p)] {
				continue
			}
			seen[string(p)] = true
			if lo, hi, size := prefixSpan(dir, string(p)); hi > lo && size > prefixBudget {
				keys = append(keys, string(p))
			}
		}
	}
	slices.Sort(keys)
	posts = make([][]byte, len(keys))
	best := sync.Pool{New: func() any { return make([]int16, len(ix.docs)) }}
	par.Each(len(keys), func(k int) {
		p := keys[k]
		compound := hasJoiner(p)
		b := best.Get().([]int16)
		defer best.Put(b)
		var touched []int32
		for i := sort.SearchStrings(ix.vocab, p); i < len(ix.vocab) && strings.HasPrefix(ix.vocab[i], p); i++ {
			tok := ix.vocab[i]
			if tok == p || (!compound && hasJoiner(tok)) {
				continue
			}
			eachPosting(ix.posts[i], func(doc int32, info uint8) {
				switch {
				case b[doc] == 0:
					touched = append(touched, doc)
				case fieldScore(uint8(b[doc]-1), false) >= fieldScore(info, false):
					return
				}
				b[doc] = int16(info) + 1 // 0: not seen
			})
		}
		slices.Sort(touched)
		var buf []byte
		last := int32(-1)
		for _, d := range touched {
			if skip := uint32(d - last - 1); skip > 0 {
				buf = appendSkip(buf, skip)
			}
			last = d
			buf = append(buf, alphabet[b[d]-1])
			b[d] = 0
		}
		posts[k] = buf
	})
	return keys, posts
}

// files encodes the index as Build's files, but for the documents' own.
// It empties the posting lists as it goes: the index is no use
// afterwards.
func (ix *Index) files() []File {
	postSize := func(p []byte) int { return len(p) + 2 }
	words := &series{name: "w", n: len(ix.vocab), target: chunkTarget,
		key:   func(i int) string { return ix.vocab[i] },
		value: func(b []byte, i int) []byte { b = appendJSBytes(b, ix.posts[i]); ix.posts[i] = nil; return b },
		size:  func(i int) int { return postSize(ix.posts[i]) },
	}
	words.cut()

	var bigrams []int // the tokens with filters, in order
	for i, bl := range ix.blooms {
		if bl != nil {
			bigrams = append(bigrams, i)
		}
	}
	blooms := &series{name: "b", n: len(bigrams), target: chunkTarget,
		key:   func(i int) string { return ix.vocab[bigrams[i]] },
		value: func(b []byte, i int) []byte { return appendJSBytes(b, ix.blooms[bigrams[i]]) },
		size:  func(i int) int { return postSize(ix.blooms[bigrams[i]]) },
	}
	blooms.cut()

	pkeys, pposts := ix.prefixLists(words.dir)
	prefixes := &series{name: "a", n: len(pkeys), target: chunkTarget,
		key:   func(i int) string { return pkeys[i] },
		value: func(b []byte, i int) []byte { return appendJSBytes(b, pposts[i]) },
		size:  func(i int) int { return postSize(pposts[i]) },
	}
	prefixes.cut()

	type idDoc struct {
		id  string
		doc int32
	}
	idList := make([]idDoc, 0, len(ix.ids))
	for id, d := range ix.ids {
		idList = append(idList, idDoc{id, d})
	}
	slices.SortFunc(idList, func(a, b idDoc) int { return cmp.Compare(a.id, b.id) })
	ids := &series{name: "i", n: len(idList), target: idChunkTarget,
		key:   func(i int) string { return idList[i].id },
		value: func(b []byte, i int) []byte { return strconv.AppendInt(b, int64(idList[i].doc), 10) },
		size:  func(i int) int { return len(strconv.Itoa(int(idList[i].doc))) },
	}
	ids.cut()

	// index.js: {"v","n","cap","pb","obs","tl","w","b","a","i"}.
	obs := make([]byte, (len(ix.docs)+5)/6)
	for d := range ix.docs {
		if ix.docs[d].Obsolete {
			obs[d/6] |= 1 << (d % 6)
		}
	}
	for i := range obs {
		obs[i] = alphabet[obs[i]]
	}
	tl := make([]byte, len(ix.docs))
	for d := range ix.docs {
		tl[d] = alphabet[rankKey(ix.docs[d].titleLen, ix.docs[d].Tier)]
	}
	b := dataStart(nil, "i")
	b = fmt.Appendf(b, `{"v":%d,"n":%d,"cap":%d,"pb":%d,"obs":"%s","tl":"%s"`, IndexVersion, len(ix.docs), TextCap, prefixBudget, obs, tl)
	for _, s := range []*series{words, blooms, prefixes, ids} {
		b = append(b, `,"`+s.name+`":`...)
		b = s.appendDir(b)
	}
	b = append(b, "};\n"...)

	files := []File{{Path: "search/index.js", Data: b}}
	files = append(files, blooms.files()...) // before words, which lets the postings go
	files = append(files, prefixes.files()...)
	files = append(files, ids.files()...)
	return append(files, words.files()...)
}

// ControlsFile is search/c.js: the controls of ISO/IEC 27001:2022 that
// replace each control of the 2013 edition, by its number without "A."
// ({"9.1.1":["5.15"], ...}), so that the results page names the control's
// own page when a query is a 2013 id. The browser reads it only then.
func ControlsFile(map2013 map[string][]string) File {
	keys := make([]string, 0, len(map2013))
	for k := range map2013 {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	b := append(dataStart(nil, "c"), '{')
	for i, k := range keys {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendJSString(b, k)
		b = append(b, ":["...)
		for j, c := range map2013[k] {
			if j > 0 {
				b = append(b, ',')
			}
			b = appendJSString(b, c)
		}
		b = append(b, ']')
	}
	b = append(b, "};\n"...)
	return File{Path: "search/c.js", Data: b}
}
