package textdiff

// Between lines and words: sentences. A paragraph of Chinese is one long
// line, and a revision rewrites a sentence of it; diffed word by word,
// the paragraph's every character was numbered and the sentences around
// the one rewritten went through the diff with it. Diffed sentence by
// sentence first, only the sentences replaced are diffed word by word,
// and a sentence unchanged between two changed ones stays as it is.

// sentenceEnd returns where the sentence of text that starts at i ends:
// after a line's end, after 。！？ or ；, or after . ! ? or ; followed by
// a space; spaces after the end go with it, and then a line's end (\n
// or \r\n).
func sentenceEnd(text string, i int) int {
	for ; i < len(text); i++ {
		j := i
		switch c := text[i]; c {
		case '\n':
			return i + 1
		case 0xe3: // 。 is e3 80 82
			if i+2 < len(text) && text[i+1] == 0x80 && text[i+2] == 0x82 {
				j = i + 3
			}
		case 0xef: // ！ ef bc 81, ？ ef bc 9f, ； ef bc 9b
			if i+2 < len(text) && text[i+1] == 0xbc && (text[i+2] == 0x81 || text[i+2] == 0x9f || text[i+2] == 0x9b) {
				j = i + 3
			}
		case '.', '!', '?', ';':
			if i+1 < len(text) && (text[i+1] == ' ' || text[i+1] == '\t') {
				j = i + 1
			}
		}
		if j == i {
			continue
		}
		for j < len(text) && (text[j] == ' ' || text[j] == '\t') {
			j++
		}
		if j < len(text) && text[j] == '\n' {
			j++
		} else if j+1 < len(text) && text[j] == '\r' && text[j+1] == '\n' {
			j += 2
		}
		return j
	}
	return len(text)
}

// sentenceStart reports whether a sentence of text starts at p (or p is
// its end): whether sentenceEnd, cutting text from its start, ends one
// there. Every line's end ends a sentence; else p must follow 。！？；,
// or . ! ? ; and spaces, and the spaces and line's end sentenceEnd
// takes with them must not go on at p.
func sentenceStart(text string, p int) bool {
	if p == 0 || p == len(text) || text[p-1] == '\n' {
		return true
	}
	switch text[p] {
	case ' ', '\t', '\n':
		return false
	case '\r':
		if p+1 < len(text) && text[p+1] == '\n' {
			return false
		}
	}
	q := p
	for q > 0 && (text[q-1] == ' ' || text[q-1] == '\t') {
		q--
	}
	if q >= 3 {
		switch text[q-3 : q] {
		case "。", "！", "？", "；":
			return true
		}
	}
	if q < p && q >= 1 {
		switch text[q-1] {
		case '.', '!', '?', ';':
			return true
		}
	}
	return false
}

// encodeSentences appends the numbers of text's sentences to out, and
// where each ends to ends.
func (u *units) encodeSentences(text string, out []rune, ends []int32) ([]rune, []int32) {
	for i := 0; i < len(text); {
		j := sentenceEnd(text, i)
		out = append(out, u.numberOf(text[i:j]))
		ends = append(ends, int32(j))
		i = j
	}
	return out, ends
}

// sentencesOf cuts p, a piece of text, into its sentences.
func sentencesOf(text string, p piece) []piece {
	return appendSentences(nil, text, p)
}

// appendSentences appends the sentences of p, a piece of text, to out.
func appendSentences(out []piece, text string, p piece) []piece {
	for i := p.from; i < p.to; {
		j := p.from + sentenceEnd(text[p.from:p.to], i-p.from)
		out = append(out, piece{p.op, i, j})
		i = j
	}
	return out
}

// unrelated adds to dst the diff of the units of a and b numbered (from
// the bytes oldFrom of old and newFrom of new) when, what they share at
// their start and end aside, the rest of each is at least 3 units and
// the two have no 3 units in a row in common: the units they share are
// scattered characters and short words (应, 的, 管理, the), which the
// clean-up would mostly fold into the edits around them. The rest is
// shown deleted and inserted whole, without the diff, whose time grows
// with the product of the two lengths when they share little (a
// sentence rewritten). It is false, and adds nothing, otherwise.
func (u *units) unrelated(dst *pieces, oldFrom, newFrom int) bool {
	a, b := u.aUnits, u.bUnits
	head := prefixLength(a, b)
	tail := suffixLength(a[head:], b[head:])
	ma, mb := a[head:len(a)-tail], b[head:len(b)-tail]
	if len(ma) < 3 || len(mb) < 3 || u.shareTrigram(ma, mb) {
		return false
	}
	ao, bo := endOf(u.aEnd, head, 0), endOf(u.bEnd, head, 0)
	if head > 0 {
		dst.add(piece{Equal, oldFrom, oldFrom + ao})
	}
	aEnd, bEnd := endOf(u.aEnd, len(a)-tail, 0), endOf(u.bEnd, len(b)-tail, 0)
	dst.add(piece{Delete, oldFrom + ao, oldFrom + aEnd})
	dst.add(piece{Insert, newFrom + bo, newFrom + bEnd})
	if tail > 0 {
		dst.add(piece{Equal, oldFrom + aEnd, oldFrom + int(u.aEnd[len(a)-1])})
	}
	return true
}

// shareTrigram reports whether a and b have 3 units in a row in common.
// b's runs of 3 are kept in an open-addressed table of their keys.
func (u *units) shareTrigram(a, b []rune) bool {
	size := 64
	for size < 2*len(b) {
		size *= 2
	}
	if cap(u.trigrams) < size {
		u.trigrams = make([]uint64, size)
	}
	table := u.trigrams[:size]
	clear(table)
	mask := uint64(size - 1)
	// A key is the three units' numbers (below 2²¹ each), plus one so
	// that none is 0, which marks a free slot.
	key := func(s []rune) uint64 {
		return (uint64(s[0])<<42 | uint64(s[1])<<21 | uint64(s[2])) + 1
	}
	slot := func(k uint64) uint64 { return (k * 0x9e3779b97f4a7c15) >> 40 & mask }
	for i := 0; i+3 <= len(b); i++ {
		k := key(b[i:])
		for h := slot(k); ; h = (h + 1) & mask {
			if table[h] == 0 {
				table[h] = k
				break
			}
			if table[h] == k {
				break
			}
		}
	}
	for i := 0; i+3 <= len(a); i++ {
		k := key(a[i:])
		for h := slot(k); table[h] != 0; h = (h + 1) & mask {
			if table[h] == k {
				return true
			}
		}
	}
	return false
}
