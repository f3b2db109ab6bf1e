// Package search builds the site's full-text search index and holds a Go
// reference implementation of the ranking that the browser runs.
//
// Build takes one Entry per published document (id, title, URL, tier, type,
// status, version, headings and the body's plain text) and returns the index
// as static JavaScript files under search/ (paths relative to the site
// root). Each file assigns to the global window.ISMSSearchData, so the files
// load with classic <script src> tags: that works offline, from file://,
// under any path prefix and under a Content-Security-Policy of
// default-src 'self' (no fetch, no eval). The browser side, which must rank
// exactly as Index.Search does, is assets/js/search.ts.
//
// # Tokens
//
// Text is folded first, one code point to one code point: full-width ASCII
// (Ａ, １, －) becomes ASCII, U+3000 a space, U+2010/U+2011 a hyphen, and
// Latin-1, Greek and Cyrillic capitals small letters (our own table, no
// Unicode normalisation package). Then:
//
//   - a run of CJK characters (Han, kana, Hangul) gives every character and
//     every pair of neighbouring characters (overlapping bigrams);
//   - a run of letters and digits is a word, cut to MaxTokenRunes;
//   - words joined by single '-', '_' or '.' (ISMS-P-009, A.5.15, v2.1) also
//     give the compound and each of its tails of two or more words
//     ("isms-p-009", "p-009"), so a partial id is a whole token. A run of
//     more than MaxCompoundParts joined words gives only its words.
//
// # Query
//
// A query splits the same way into terms, every one of which must match
// (AND): a word of two or more characters matches the words it starts, a
// compound the compounds it starts (exact tokens score above prefixes), a
// one-character word or Han character only itself, and a Han run of two or
// more characters needs all its bigrams in the document; documents where
// each three characters of the run also occur together (checked with a
// 12-bit filter of the characters that follow each bigram) score as exact,
// the others as loose matches.
//
// # Ranking
//
// A term scores by the best field it occurs in: id 1000 (prefix 600), title
// 300 (200), heading 100 (60), body 30 (20) plus 5 per step of body
// frequency (1, 2–3, 4–7, 8+); a Han run scores 300 when the title contains
// it and 5 when its bigrams are scattered. A document's score is the sum
// over terms, plus 10000 when the query is exactly its id. Results are
// ordered: not obsolete before obsolete, then score, then id.
//
// # Files
//
//	search/index.js   {"v","shards","cap","docs":[[id,title,url,tier,type,status,version,obsolete]]}
//	search/p/<k>.js   [token, postings, token, postings, ...] for the tokens of shard k
//	search/t/<n>.js   [text, [[heading, anchor], ...]] of document n, for snippets
//
// Documents are numbered in order of ID; url is "" when it is docs/<id>/.
// A token's shard is FNV-1a of its key modulo the number of shards (about
// one per 64 KB of postings): the key of a word is its first two
// characters, of a compound everything up to the first character after
// its first joiner, so every prefix query reads one shard per term. A
// posting list is a string over A–Z a–z 0–9 - _ (values 0–63): per
// document the gap to the previous document number minus one (base-32
// varint: values 32–63 carry 5 bits and continue), then one value of field
// bits (1 body, 2 heading, 4 title, 8 id) plus 16 × body-frequency step,
// then for bigrams the 12-bit follower filter in two values, low bits
// first. The snippet text is the body with white space collapsed, cut to
// TextCap characters; a match further in still finds the document, but its
// snippet shows the beginning.
package search
