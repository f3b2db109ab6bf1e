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
// A compound with hyphens ("access-control", "back-up", "A.5.1-A.5.3")
// also matches as its words split at the hyphens, the ones before a hyphen
// whole and the last as any word ("access" and "control", both somewhere
// in the document: the index does not know where), and, when its words
// hold no '.' or '_', as them joined ("backup"). It then scores the least
// of its words' scores plus the better of the compound's and the joined
// word's, so together ranks above apart. A compound found in some id
// field (an id, its tail or start, a control) is an id and matches only
// as written. A hyphen is no operator: "-access" is "access".
//
// # Ranking
//
// A term scores by the best field it occurs in: id 1000 (prefix 600), title
// 300 (200), heading 100 (60), body 30 (20) plus 5 per step of body
// frequency (1, 2–3, 4–7, 8+); a Han run scores 300 when the title contains
// it and 5 when its bigrams are scattered. The id field also holds the
// Annex A controls the document implements (Entry.Controls: "5.15",
// "a.5.15" and the 2013 ids the catalogue maps to it, each one token), so a
// control id finds the documents that implement it above those that
// mention it. A document's score is the sum over terms, plus 10000 when
// the query is exactly its id; when its title holds every term (a word,
// a word it starts, a character, the whole of a Han run), plus
// 100 × (the query's length ÷ the title's, rounded down) and 1000 more
// when the title is the query: every term exact and the lengths equal.
// Lengths count CJK characters and words (a compound's words each), a
// title's at most 20; so "管理评审" puts 管理评审程序 before 管理评审计划表
// and 2025年度管理评审报告. Results are ordered: not obsolete before
// obsolete, then score, then tier (the procedure before its forms), then
// id.
//
// # Files
//
// A query reads only what its terms need, as Pagefind does: index.js,
// the chunks of the vocabulary that hold its tokens and the documents it
// shows, never the whole index (at 50,000 documents a one-character
// query reads about a tenth of a megabyte).
//
//	search/index.js   {"v","n","cap","pb","obs","tl","w","b","a","i"}
//	search/w/<k>.js   [token, postings, token, postings, ...]: chunk k of the vocabulary
//	search/b/<k>.js   [bigram, filters, ...]: the filters of the characters that follow each bigram
//	search/a/<k>.js   [prefix, postings, ...]: the merged lists of the widest prefixes
//	search/i/<k>.js   [folded id, document, ...]: which document each id is
//	search/d/<n>.js   [id, title, url, tier, type, status, version, obsolete, text, [[heading, anchor], ...]]
//	search/c.js       {"9.1.1": ["5.15"], ...}: the 2022 controls that replace each 2013 one (ControlsFile)
//
// Documents are numbered in order of ID; n is their number, url is "" when
// it is docs/<id>/, obs has one bit per document (6 to a character of the
// alphabet below, lowest first) for the obsolete ones, tl one character
// of the alphabet per document, its title's length × 3 + its tier code
// (tier 1, 2, 3: 0, 1, 2; other tiers 2), and text is the body with white
// space collapsed (where a block ends, " · " unless the block ends in
// punctuation: see blockSep), cut to TextCap (cap) characters: a match
// further in still finds the document, but its snippet shows the
// beginning.
//
// Each series (w, b, a, i) is sorted by code point and cut into chunks of
// about 24 KB (ids 8 KB; a token with longer postings has a chunk of its
// own). index.js holds each series' directory, [[first key, bytes], ...]:
// a key is in the last chunk whose first key is not after it. A word
// prefix p reads the chunks from its own on that start with p; when they
// are more than one and together larger than pb bytes, it reads instead
// p's merged list in a/: for each document, the posting of the token that
// p starts (other than p, and no compound unless p is one) that scores
// best as a prefix match. A run of CJK characters reads its bigrams in w/
// and the filters of all but the last in b/; a query of one word reads
// its id in i/ for the whole-id bonus, with its chunks when it holds a
// digit, else only when an id field holds it exactly (a document's id
// is in its id field, so no other query gains the bonus). A word with
// hyphens reads its words' and joined form's chunks only after its own,
// and only when no id field holds it: an id's words are in every id
// ("isms" has a posting for every document), and an id matches only as
// written.
//
// A posting list is a string: for each document, in order, the number of
// documents it passes over since the previous one (none when it is the
// next: nothing; else n-1 in digits of gapMore, lowest first, then one
// of gapLast), then one character of the alphabet A–Z a–z 0–9 - _ for the
// field bits (1 body, 2 heading, 4 title, 8 id) plus 16 × the
// body-frequency step. A bigram in the title then has its places in the
// title: their number and each place's distance from the previous one
// (the first from 0), in code points, each a varint of the alphabet
// (values 32–63 carry 5 bits and continue). So the browser knows whether
// a title holds a run of characters without the titles of every
// document. A bigram's filters in b/ are two characters of the alphabet
// per posting, in the order of its postings: the 12-bit filter of the
// characters that follow it, low bits first.
package search
