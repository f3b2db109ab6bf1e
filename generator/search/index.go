package search

import (
	"slices"
	"sort"
	"strings"
)

// Scores. The browser (assets/js/search.ts) uses the same integers.
const (
	scoreIDExact     = 1000
	scoreIDPrefix    = 600
	scoreTitleExact  = 300
	scoreTitlePrefix = 200
	scoreHeadExact   = 100
	scoreHeadPrefix  = 60
	scoreBodyExact   = 30
	scoreBodyPrefix  = 20
	scorePerTF       = 5     // per body-frequency bucket
	scoreLoose       = 5     // a Han run whose bigrams occur, but not together
	scoreWholeID     = 10000 // the query is the document's id
	scoreWholeTitle  = 1000  // the query is the document's title
	scoreTitleShare  = 100   // × the share of the title the query makes, when the title holds all of it
	maxTerms         = 16    // further query terms are ignored
	maxTitleLen      = 20    // titleLength's cap, for rankKey to fit one character of the alphabet
)

// titleLength counts the units of a title a query must match for the
// title to be the query: each CJK character and each word (a compound's
// words each); at most maxTitleLen.
func titleLength(title string) int {
	var seg segment
	return titleLengthIn(&seg, title)
}

// titleLengthIn is titleLength with the scanner's room given.
func titleLengthIn(seg *segment, title string) int {
	n := 0
	scanInto(seg, title, func(seg *segment) {
		if seg.han != nil {
			n += len(seg.han)
		} else {
			n += seg.words()
		}
	})
	return min(n, maxTitleLen)
}

// termLength is what a term counts towards a query's titleLength.
func termLength(t term) int {
	if t.kind != termWord {
		return len(t.runes)
	}
	return 1 + strings.Count(t.text, "-") + strings.Count(t.text, "_") + strings.Count(t.text, ".")
}

// rankKey is a document's title length and tier in one character of the
// alphabet (index.js "tl"): length × 3 + tier code (tier 1, 2, 3 → 0, 1,
// 2; any other tier 2).
func rankKey(titleLen, tier int) int {
	code := 2
	if tier >= 1 && tier <= 3 {
		code = tier - 1
	}
	return titleLen*3 + code
}

// In the title: how a term matched the title of a document.
const (
	titleNo    = 0
	titleSome  = 1 // a word it starts, a character, or a run of characters
	titleExact = 2 // the word itself, a character, or a run of characters
)

// Index is the search index in memory: the same documents, posting strings
// and ranking as the files Build writes, for tests and tools.
type Index struct {
	docs   []docMeta
	ids    map[string]int32 // folded id → document
	vocab  []string         // sorted tokens
	posts  [][]byte         // their encoded postings
	blooms [][]byte         // a bigram's filters of following characters; nil for other tokens
}

// postings returns the encoded postings of tok and its filters, nil if
// it occurs nowhere.
func (ix *Index) postings(tok string) (post, bloom []byte) {
	if i, ok := slices.BinarySearch(ix.vocab, tok); ok {
		return ix.posts[i], ix.blooms[i]
	}
	return nil, nil
}

// Result is one search hit.
type Result struct {
	ID, URL, Title string
	Score          float64
	// Snippet is a piece of the document's text around the first match,
	// with "…" where it is cut and each match wrapped in ⟦ and ⟧.
	Snippet string
}

// NewIndex builds the in-memory index of entries.
func NewIndex(entries []Entry) *Index {
	ix, _ := newIndex(entries, true, false)
	return ix
}

// term kinds.
const (
	termWord   = iota // a word or compound; prefix match when 2+ characters
	termHan1          // one CJK character
	termHanRun        // 2+ CJK characters: all bigrams, preferably together
)

type term struct {
	kind  int
	text  string // folded
	runes []rune
	whole bool // a word followed by a hyphen: the word itself, no prefix

	// A word with hyphens ("access-control") has two other forms: its
	// words, split at the hyphens (each a term, all must match), and
	// joined, its words written as one ("backup" for "back-up"; nil when
	// a word holds '.' or '_'). See hyphenScores.
	parts  []term
	joined *term
}

// hyphenForms gives t, a word or compound, its words and joined form
// when it has hyphens: every word but the last is whole, the user having
// typed a hyphen after it.
func hyphenForms(t *term) {
	if t.kind != termWord || !strings.Contains(t.text, "-") {
		return
	}
	words := strings.Split(t.text, "-")
	plain := true
	for i, w := range words {
		t.parts = append(t.parts, term{kind: termWord, text: w, runes: []rune(w), whole: i < len(words)-1})
		plain = plain && !strings.ContainsAny(w, "_.")
	}
	if plain {
		rs := []rune(strings.Join(words, ""))
		rs = rs[:min(len(rs), MaxTokenRunes)] // as a word is indexed
		t.joined = &term{kind: termWord, text: string(rs), runes: rs}
	}
}

// parseQuery splits a query into its distinct terms, at most maxTerms.
func parseQuery(q string) []term {
	var terms []term
	seen := map[string]bool{}
	addTerm := func(kind int, rs []rune) {
		s := string(rs)
		if seen[s] || len(terms) >= maxTerms {
			return
		}
		seen[s] = true
		t := term{kind: kind, text: s, runes: slices.Clone(rs)}
		hyphenForms(&t)
		terms = append(terms, t)
	}
	scan(q, func(seg *segment) {
		switch {
		case len(seg.han) == 1:
			addTerm(termHan1, seg.han)
		case seg.han != nil:
			addTerm(termHanRun, seg.han)
		case seg.words() >= 2 && seg.words() <= MaxCompoundParts:
			addTerm(termWord, []rune(string(seg.compound(0))))
		default:
			for i := range seg.words() {
				addTerm(termWord, []rune(string(seg.word(i))))
			}
		}
	})
	return terms
}

// fieldScore scores a token match by its best field.
func fieldScore(info uint8, exact bool) int {
	mask, tf := info&15, int(info>>4)
	pick := func(e, p int) int {
		if exact {
			return e
		}
		return p
	}
	switch {
	case mask&fieldID != 0:
		return pick(scoreIDExact, scoreIDPrefix)
	case mask&fieldTitle != 0:
		return pick(scoreTitleExact, scoreTitlePrefix)
	case mask&fieldHead != 0:
		return pick(scoreHeadExact, scoreHeadPrefix)
	}
	return pick(scoreBodyExact, scoreBodyPrefix) + scorePerTF*tf
}

// termScores returns each document's score for t, 0 where it does not
// match, and how it matched the title (titleNo, titleSome, titleExact).
func (ix *Index) termScores(t term) (scores []int, title []uint8) {
	scores = make([]int, len(ix.docs))
	title = make([]uint8, len(ix.docs))
	switch t.kind {
	case termWord, termHan1:
		if t.kind == termHan1 || len(t.runes) < 2 || t.whole {
			post, _ := ix.postings(t.text)
			for _, p := range decodePostings(post, false, nil) {
				scores[p.doc] = fieldScore(p.info, true)
				if p.info&fieldTitle != 0 {
					title[p.doc] = titleExact
				}
			}
			break
		}
		// A word matches the words it starts, a compound the compounds.
		compound := strings.ContainsAny(t.text, "-_.")
		i := sort.SearchStrings(ix.vocab, t.text)
		for ; i < len(ix.vocab) && strings.HasPrefix(ix.vocab[i], t.text); i++ {
			tok := ix.vocab[i]
			if !compound && strings.ContainsAny(tok, "-_.") {
				continue
			}
			// The title match is the best posting's (the first of equals,
			// in the vocabulary's order, as a merged prefix list keeps).
			for _, p := range decodePostings(ix.posts[i], false, nil) {
				if s := fieldScore(p.info, tok == t.text); s > scores[p.doc] {
					scores[p.doc], title[p.doc] = s, inTitle(p.info, tok == t.text)
				}
			}
		}
	case termHanRun:
		rs := t.runes
		n := len(rs) - 1 // bigrams
		lists := map[string][]posting{}
		for i := range n {
			bg := string(rs[i : i+2])
			if _, ok := lists[bg]; !ok {
				post, bloom := ix.postings(bg)
				lists[bg] = decodePostings(post, true, bloom)
			}
		}
		count := make([]int, len(ix.docs))
		mask := make([]uint8, len(ix.docs))
		tf := make([]uint8, len(ix.docs))
		loose := make([]bool, len(ix.docs))
		for i := range len(ix.docs) {
			mask[i], tf[i] = 15, 3
		}
		for _, l := range lists {
			for _, p := range l {
				count[p.doc]++
				mask[p.doc] &= p.info & 15
				tf[p.doc] = min(tf[p.doc], p.info>>4)
			}
		}
		// Each three characters in a row must have been seen in a row:
		// bigram i's filter holds character i+2.
		for i := 0; i+2 < len(rs); i++ {
			bit := uint16(1) << (rs[i+2] % bloomBits)
			for _, p := range lists[string(rs[i:i+2])] {
				if p.bloom&bit == 0 {
					loose[p.doc] = true
				}
			}
		}
		for d := range ix.docs {
			if count[d] != len(lists) {
				continue
			}
			switch {
			case strings.Contains(ix.docs[d].foldedTitle, t.text):
				scores[d] = scoreTitleExact
				title[d] = titleExact
			case loose[d]:
				scores[d] = scoreLoose
			case mask[d]&fieldHead != 0:
				scores[d] = scoreHeadExact
			default:
				scores[d] = scoreBodyExact + scorePerTF*int(tf[d])
			}
		}
	}
	return scores, title
}

// hyphenScores is termScores for a word with hyphens. A document matches
// when it holds the word as written (the compound) or joined, which shows
// its words together, or else all of its words, wherever they are: the
// index cannot tell where. It scores the weakest of its words' scores,
// plus the best of the compound's and the joined word's: together ranks
// above apart. The joined word is one word in the title, not the query's
// words, so it is never the whole title. A compound that is in some
// document's id field (ISMS-P-009, P-009, ISMS-P-00, a control) is an id
// and matches only as written: its words are in every id. Then t loses
// its other forms, which the snippet would mark.
func (ix *Index) hyphenScores(t *term) (scores []int, title []uint8) {
	scores, title = ix.termScores(*t)
	if slices.ContainsFunc(scores, func(s int) bool { return s >= scoreIDPrefix }) {
		t.parts, t.joined = nil, nil
		return scores, title
	}
	if t.joined != nil {
		js, jin := ix.termScores(*t.joined)
		for d, s := range js {
			if s > scores[d] {
				scores[d], title[d] = s, min(jin[d], titleSome)
			}
		}
	}
	var weakest []int
	var weakIn []uint8
	for i, p := range t.parts {
		s, in := ix.termScores(p)
		if i == 0 {
			weakest, weakIn = s, in
			continue
		}
		for d := range weakest {
			weakest[d], weakIn[d] = min(weakest[d], s[d]), min(weakIn[d], in[d])
		}
	}
	for d, w := range weakest {
		if w > 0 {
			scores[d] += w
			title[d] = max(title[d], weakIn[d])
		}
	}
	return scores, title
}

// scoresOf is termScores, or hyphenScores for a word with hyphens.
func (ix *Index) scoresOf(t *term) ([]int, []uint8) {
	if t.parts != nil {
		return ix.hyphenScores(t)
	}
	return ix.termScores(*t)
}

// inTitle is how a posting matches a term in the title: not, exactly,
// or as a word the term starts.
func inTitle(info uint8, exact bool) uint8 {
	switch {
	case info&fieldTitle == 0:
		return titleNo
	case exact:
		return titleExact
	}
	return titleSome
}

// titleScore is what a document whose title holds every term (the least
// of the terms' title matches is in) gains: the share of the title the
// query makes, and scoreWholeTitle when the title is the query (every
// term exact and nothing else in it). qlen is the query's termLength.
func titleScore(in uint8, qlen, tlen int) int {
	if in == titleNo || tlen == 0 {
		return 0
	}
	s := scoreTitleShare * min(qlen, tlen) / tlen
	if in == titleExact && qlen == tlen && tlen < maxTitleLen {
		s += scoreWholeTitle
	}
	return s
}

// Search returns up to limit documents that match every term of query, best
// first: not obsolete before obsolete, then by score, then by id.
func (ix *Index) Search(query string, limit int) []Result {
	terms := parseQuery(query)
	if len(terms) == 0 || limit <= 0 {
		return nil
	}
	total := make([]int, len(ix.docs))
	title := make([]uint8, len(ix.docs))
	qlen := 0
	for i := range terms {
		t := &terms[i]
		s, in := ix.scoresOf(t)
		qlen += termLength(*t)
		for d := range total {
			if s[d] == 0 || (i > 0 && total[d] == 0) {
				total[d] = 0
			} else {
				total[d] += s[d]
			}
			if i == 0 {
				title[d] = in[d]
			} else {
				title[d] = min(title[d], in[d])
			}
		}
	}
	for d := range total {
		if total[d] > 0 {
			total[d] += titleScore(title[d], qlen, ix.docs[d].titleLen)
		}
	}
	if len(terms) == 1 && terms[0].kind == termWord {
		if d, ok := ix.ids[terms[0].text]; ok && total[d] > 0 {
			total[d] += scoreWholeID
		}
	}
	var hits []int
	for d, s := range total {
		if s > 0 {
			hits = append(hits, d)
		}
	}
	sort.SliceStable(hits, func(i, j int) bool {
		a, b := hits[i], hits[j]
		if oa, ob := ix.docs[a].Obsolete, ix.docs[b].Obsolete; oa != ob {
			return ob
		}
		if total[a] != total[b] {
			return total[a] > total[b]
		}
		if ta, tb := ix.docs[a].Tier, ix.docs[b].Tier; ta != tb { // the procedure before its forms
			return rankKey(0, ta) < rankKey(0, tb)
		}
		return a < b
	})
	if len(hits) == 0 {
		return nil
	}
	if len(hits) > limit {
		hits = hits[:limit]
	}
	out := make([]Result, len(hits))
	for i, d := range hits {
		m := &ix.docs[d]
		out[i] = Result{ID: m.ID, URL: m.URL, Title: m.Title, Score: float64(total[d]), Snippet: snippetString(m.text, terms)}
	}
	return out
}

// Snippet geometry, in characters.
const (
	snippetLen  = 140
	snippetLead = 30
)

// snippetSpan is a half-open range of characters; mark says highlighted.
type snippetSpan struct {
	start, end int
	mark       bool
}

// snippet picks the window of text around the first match and splits it
// into plain and marked spans; cutStart/cutEnd say whether to show "…".
func snippet(text []rune, terms []term) (spans []snippetSpan, cutStart, cutEnd bool) {
	f := make([]rune, len(text))
	for i, r := range text {
		f[i] = fold(r)
	}
	var ranges [][2]int
	find := func(pat []rune, wordStart, wordEnd bool) bool {
		found := false
		for i := 0; i+len(pat) <= len(f); i++ {
			if !slices.Equal(f[i:i+len(pat)], pat) {
				continue
			}
			if wordStart && i > 0 && isWord(f[i-1]) {
				continue
			}
			if wordEnd && i+len(pat) < len(f) && isWord(f[i+len(pat)]) {
				continue
			}
			ranges = append(ranges, [2]int{i, i + len(pat)})
			found = true
		}
		return found
	}
	for _, t := range withForms(terms) {
		switch t.kind {
		case termWord:
			find(t.runes, true, len(t.runes) < 2 || t.whole)
		case termHan1:
			find(t.runes, false, false)
		case termHanRun:
			if !find(t.runes, false, false) {
				for i := 0; i+1 < len(t.runes); i++ {
					find(t.runes[i:i+2], false, false)
				}
			}
		}
	}
	slices.SortFunc(ranges, func(a, b [2]int) int {
		if a[0] != b[0] {
			return a[0] - b[0]
		}
		return a[1] - b[1]
	})
	merged := ranges[:0] // overlapping or touching matches become one
	for _, r := range ranges {
		if n := len(merged); n > 0 && r[0] <= merged[n-1][1] {
			merged[n-1][1] = max(merged[n-1][1], r[1])
			continue
		}
		merged = append(merged, r)
	}
	ranges = merged
	start := 0
	if len(ranges) > 0 {
		start = max(0, ranges[0][0]-snippetLead)
	}
	end := min(len(text), start+snippetLen)
	start = max(0, min(start, end-snippetLen))
	pos := start
	for _, r := range ranges {
		s, e := max(r[0], pos), min(r[1], end)
		if s >= e {
			continue
		}
		if s > pos {
			spans = append(spans, snippetSpan{pos, s, false})
		}
		spans = append(spans, snippetSpan{s, e, true})
		pos = e
	}
	if pos < end {
		spans = append(spans, snippetSpan{pos, end, false})
	}
	return spans, start > 0, end < len(text)
}

// withForms is terms with the words and joined form of each word with
// hyphens after it, for the snippet to mark them too.
func withForms(terms []term) []term {
	var out []term
	for _, t := range terms {
		out = append(out, t)
		out = append(out, t.parts...)
		if t.joined != nil {
			out = append(out, *t.joined)
		}
	}
	return out
}

// snippetString renders snippet as plain text with ⟦ ⟧ around matches.
func snippetString(text string, terms []term) string {
	rs := []rune(text)
	spans, cutStart, cutEnd := snippet(rs, terms)
	var b strings.Builder
	if cutStart {
		b.WriteString("…")
	}
	for _, s := range spans {
		if s.mark {
			b.WriteString("⟦")
		}
		b.WriteString(string(rs[s.start:s.end]))
		if s.mark {
			b.WriteString("⟧")
		}
	}
	if cutEnd {
		b.WriteString("…")
	}
	return b.String()
}
