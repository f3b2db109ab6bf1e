package search

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"ismsgen/generator/internal/par"
)

// IndexVersion is the format version written into search/index.js.
const IndexVersion = 1

// shardTarget is the size, in bytes of posting strings, that one shard
// file aims at; the number of shards follows from the total.
const shardTarget = 64 << 10

// shardOf returns the shard of a token: FNV-1a over the code points of its
// key, modulo the number of shards. A word's key is its first two
// characters; a compound's (it has a joiner) runs to the first character
// after its first joiner ("isms-p" for "isms-pr-002"). So a word prefix of
// two or more characters lives in one shard with every word it starts, and
// a compound prefix with every compound it starts.
func shardOf(tok string, shards int) int {
	keyLen := 2
	if j := strings.IndexAny(tok, "-_."); j >= 0 {
		keyLen = utf8.RuneCountInString(tok[:j]) + 2
	}
	h := uint32(2166136261)
	n := 0
	for _, r := range tok {
		if n == keyLen {
			break
		}
		h ^= uint32(r)
		h *= 16777619
		n++
	}
	return int(h % uint32(shards))
}

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

// dataFile makes the file at path that stores the JSON value v (already
// encoded) under key.
func dataFile(path, key string, v []byte) File {
	b := dataStart(make([]byte, 0, len(dataPrefix)+len(key)+len(v)+8), key)
	b = append(b, v...)
	b = append(b, ";\n"...)
	return File{Path: path, Data: b}
}

// Build makes the index files: search/index.js (documents and the number of
// shards), search/p/<k>.js (posting shards) and search/t/<n>.js (document n's
// snippet text and headings). Entries may come in any order; the output is
// the same for the same entries (documents are numbered in order of ID).
func Build(entries []Entry) []File {
	ix, texts := newIndex(entries, false, true)
	return append(ix.files(), texts...)
}

// textFile makes search/t/<n>.js: [text, [[heading, anchor], ...]] where
// text is collapse(body, TextCap).
func textFile(n int, body string, headings []Heading) File {
	size := min(len(body), 4*TextCap) + 64
	for _, h := range headings {
		size += len(h.Text) + len(h.Anchor) + 8
	}
	b := dataStart(make([]byte, 0, size+size/8), fmt.Sprintf("t%d", n))
	b = append(b, '[', '"')
	b = appendCollapsed(b, body, TextCap, true)
	b = append(b, "\",["...)
	for j, h := range headings {
		if j > 0 {
			b = append(b, ',')
		}
		b = append(b, '[')
		b = appendJSString(b, h.Text)
		b = append(b, ',')
		b = appendJSString(b, h.Anchor)
		b = append(b, ']')
	}
	b = append(b, "]];\n"...)
	return File{Path: fmt.Sprintf("search/t/%d.js", n), Data: b}
}

// appendDoc appends a document's entry in index.js, after a comma when
// it is not the first.
func appendDoc(b []byte, d *docMeta, comma bool) []byte {
	if comma {
		b = append(b, ',')
	}
	url := d.URL
	if url == "docs/"+d.ID+"/" {
		url = "" // the usual place
	}
	b = append(b, '[')
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
		return append(b, ",1]"...)
	}
	return append(b, ",0]"...)
}

// files encodes the index as Build's files, but for the texts. It empties
// the posting lists as it goes: the index is no use afterwards.
func (ix *Index) files() []File {
	total := 0
	for i, t := range ix.vocab {
		total += len(t) + len(ix.posts[i]) + 6
	}
	shards := max(1, min(4096, (total+shardTarget-1)/shardTarget))

	// index.js: {"v":1,"shards":S,"cap":C,"docs":[[id,title,url,tier,type,status,version,obsolete],...]},
	// the documents written in parts on every core.
	parts := make([][]byte, min(len(ix.docs), 16))
	par.Each(len(parts), func(p int) {
		lo, hi := p*len(ix.docs)/len(parts), (p+1)*len(ix.docs)/len(parts)
		for i := lo; i < hi; i++ {
			parts[p] = appendDoc(parts[p], &ix.docs[i], i > 0)
		}
	})
	b := fmt.Appendf(nil, `{"v":%d,"shards":%d,"cap":%d,"docs":[`, IndexVersion, shards, TextCap)
	for _, part := range parts {
		b = append(b, part...)
	}
	b = append(b, "]}"...)
	files := make([]File, 1+shards)
	files[0] = dataFile("search/index.js", "i", b)

	// p/<k>.js: [token, postings, token, postings, ...], tokens sorted.
	shardOfToken := make([]int32, len(ix.vocab))
	par.Ranges(len(ix.vocab), func(lo, hi int) {
		for i := lo; i < hi; i++ {
			shardOfToken[i] = int32(shardOf(ix.vocab[i], shards))
		}
	})
	byShard := make([][]int, shards)
	for i, k := range shardOfToken {
		byShard[k] = append(byShard[k], i)
	}
	par.Each(shards, func(k int) {
		size := 64
		for _, i := range byShard[k] {
			size += len(ix.vocab[i])*2 + len(ix.posts[i]) + 6
		}
		b := dataStart(make([]byte, 0, size), fmt.Sprintf("p%d", k))
		b = append(b, '[')
		for j, i := range byShard[k] {
			if j > 0 {
				b = append(b, ',')
			}
			b = appendJSString(b, ix.vocab[i])
			b = append(b, ',')
			b = appendJSBytes(b, ix.posts[i])
			ix.posts[i] = nil // Build drops the index: let it go early
		}
		b = append(b, "];\n"...)
		files[1+k] = File{Path: fmt.Sprintf("search/p/%d.js", k), Data: b}
	})
	return files
}
