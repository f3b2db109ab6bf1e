package search

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestTokenize(t *testing.T) {
	tests := []struct {
		name, in string
		want     []string
	}{
		{"empty", "", nil},
		{"han bigrams and characters", "备份", []string{"备", "备份", "份"}},
		{"han run", "管理评审", []string{"管", "管理", "理", "理评", "评", "评审", "审"}},
		{"single han", "表", []string{"表"}},
		{"english lower-cased", "Access CONTROL policy", []string{"access", "control", "policy"}},
		{"mixed without spaces", "ISMS文件v2", []string{"isms", "文", "文件", "件", "v2"}},
		{"mixed with spaces", "访问控制 Access Control", []string{"访", "访问", "问", "问控", "控", "控制", "制", "access", "control"}},
		{"id kept whole, tails and parts", "ISMS-P-009", []string{"isms-p-009", "p-009", "isms", "p", "009"}},
		{"id in a sentence", "见ISMS-PR-002。", []string{"见", "isms-pr-002", "pr-002", "isms", "pr", "002"}},
		{"control number", "A.5.15", []string{"a.5.15", "5.15", "a", "5", "15"}},
		{"underscore joins", "max_login_attempts", []string{"max_login_attempts", "login_attempts", "max", "login", "attempts"}},
		{"double joiner splits", "a--b", []string{"a", "b"}},
		{"trailing joiner dropped", "ISMS-P-", []string{"isms-p", "isms", "p"}},
		{"full-width letters and digits", "ＩＳＭＳ－Ｐ－００９", []string{"isms-p-009", "p-009", "isms", "p", "009"}},
		{"full-width space separates", "备份　恢复", []string{"备", "备份", "份", "恢", "恢复", "复"}},
		{"non-breaking hyphen", "ISMS\u2011P\u2011009", []string{"isms-p-009", "p-009", "isms", "p", "009"}},
		{"Chinese punctuation separates", "风险，评估。「资产」", []string{"风", "风险", "险", "评", "评估", "估", "资", "资产", "产"}},
		{"ascii punctuation", "risk/assessment (ISO/IEC 27001:2022)!", []string{"risk", "assessment", "iso", "iec", "27001", "2022"}},
		{"latin-1 case folding", "ÉCOLE Straße", []string{"école", "straße"}},
		{"greek and cyrillic folding", "ΑΒΓ ДОМ", []string{"αβγ", "дом"}},
		{"long word cut", strings.Repeat("a", 40), []string{strings.Repeat("a", MaxTokenRunes)}},
		{"too many parts: words only", "a-b-c-d-e-f-g-h-i", []string{"a", "b", "c", "d", "e", "f", "g", "h", "i"}},
		{"kana and hangul are bigrammed", "データ 보안", []string{"デ", "デー", "ー", "ータ", "タ", "보", "보안", "안"}},
		{"invalid utf-8 separates", "ab\xffcd", []string{"ab", "cd"}},
		{"emoji separates", "备份🙂恢复", []string{"备", "备份", "份", "恢", "恢复", "复"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Tokenize(tt.in); !slices.Equal(got, tt.want) {
				t.Errorf("Tokenize(%q)\n got %q\nwant %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestFoldIsOneToOne(t *testing.T) {
	// Snippets rely on folding keeping offsets: one code point in, one out.
	for _, s := range []string{"ＡＢＣ１２３　ａ", "ÀÉÎÕÜ×Þ", "ΑΩΣ АЯ", "mixed 中文 Text"} {
		if got := len(foldRunes(s)); got != utf8.RuneCountInString(s) {
			t.Errorf("fold changed the length of %q: %d", s, got)
		}
	}
	if fold('×') != '×' || fold('\u03A2') != '\u03A2' {
		t.Error("× and U+03A2 have no small letters and must stay")
	}
}

func TestParseQuery(t *testing.T) {
	tests := []struct {
		in   string
		want []string // kind:text
	}{
		{"P-009", []string{"w:p-009 [=p 009] p009"}},
		{"ISMS-P-009", []string{"w:isms-p-009 [=isms =p 009] ismsp009"}},
		{"备份 backup", []string{"r:备份", "w:backup"}},
		{"表 PR", []string{"1:表", "w:pr"}},
		{"信息安全事件", []string{"r:信息安全事件"}},
		{"a a A", []string{"w:a"}},
		{"  ，。 ", nil},
		{"a-b-c-d-e-f-g-h-i", []string{"w:a", "w:b", "w:c", "w:d", "w:e", "w:f", "w:g", "w:h", "w:i"}},
		// A word with hyphens: its words, whole (=) but the last, and joined.
		{"Access-Control", []string{"w:access-control [=access control] accesscontrol"}},
		{"e-mail", []string{"w:e-mail [=e mail] email"}},
		{"ISO－27001", []string{"w:iso-27001 [=iso 27001] iso27001"}},
		{"A.5.1-A.5.3", []string{"w:a.5.1-a.5.3 [=a.5.1 a.5.3]"}},
		{"v2_x-y", []string{"w:v2_x-y [=v2_x y]"}},
		{"a.b", []string{"w:a.b"}},
		{"信息-安全", []string{"r:信息", "r:安全"}},
		{"-access access-", []string{"w:access"}},
		{strings.Repeat("ab", 10) + "-" + strings.Repeat("cd", 10), []string{"w:" + strings.Repeat("ab", 10) + "-" + strings.Repeat("cd", 10) +
			" [=" + strings.Repeat("ab", 10) + " " + strings.Repeat("cd", 10) + "] " + strings.Repeat("ab", 10) + strings.Repeat("cd", 6)}},
	}
	kinds := map[int]string{termWord: "w", termHan1: "1", termHanRun: "r"}
	for _, tt := range tests {
		var got []string
		for _, term := range parseQuery(tt.in) {
			s := kinds[term.kind] + ":" + term.text
			if term.parts != nil {
				s += " ["
				for i, p := range term.parts {
					if i > 0 {
						s += " "
					}
					if p.whole {
						s += "="
					}
					s += p.text
				}
				s += "]"
			}
			if term.joined != nil {
				s += " " + term.joined.text
			}
			got = append(got, s)
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("parseQuery(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	if n := len(parseQuery(strings.Repeat("x ", 10) + "a b c d e f g h i j k l m n o p q")); n != maxTerms {
		t.Errorf("got %d terms, want at most %d", n, maxTerms)
	}
}

func FuzzTokenize(f *testing.F) {
	for _, s := range []string{"ISMS-P-009 管理评审程序", "ＩＳＭＳ－Ｐ－００９", "a--b..c__d", "\xff\xfe备份", "データ 보안 🙂", "5.35 A.5.15 v2.1",
		"备\xe4\xb8份 \xed\xa0\x80x \xe0\xa0\x80y", strings.Repeat("é", 40) + "-y", "access-control A.5.1-A.5.3 -e-mail-"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var want []rune
		for _, r := range s {
			want = append(want, fold(r))
		}
		if got := foldRunes(s); !slices.Equal(got, want) {
			t.Fatalf("foldRunes(%q) = %q, want %q", s, got, want)
		}
		if got := foldString(s); got != string(want) {
			t.Fatalf("foldString(%q) = %q, want %q", s, got, string(want))
		}
		if got, want := segmentsOf(s), segmentsByRunes(s); !slices.Equal(got, want) {
			t.Fatalf("segments of %q\n got %q\nwant %q", s, got, want)
		}
		for _, tok := range Tokenize(s) {
			if tok == "" || !utf8.ValidString(tok) {
				t.Fatalf("bad token %q from %q", tok, s)
			}
			if n := utf8.RuneCountInString(tok); n > MaxCompoundParts*(MaxTokenRunes+1) {
				t.Fatalf("token of %d characters from %q", n, s)
			}
			if tok != foldString(tok) {
				t.Fatalf("token %q is not folded", tok)
			}
		}
		for _, q := range parseQuery(s) {
			// A word with hyphens is its words, all whole but the last.
			if q.parts == nil {
				continue
			}
			words := make([]string, len(q.parts))
			for i, p := range q.parts {
				if words[i] = p.text; p.text == "" || p.whole != (i < len(q.parts)-1) {
					t.Fatalf("%q: word %d of %q is %+v", s, i, q.text, p)
				}
			}
			if strings.Join(words, "-") != q.text || len(words) < 2 {
				t.Fatalf("%q: %q has the words %q", s, q.text, words)
			}
		}
	})
}

// TestSortTokens checks the two-core sort of a large vocabulary against
// a plain sort.
func TestSortTokens(t *testing.T) {
	for _, n := range []int{0, 5, 1 << 14, 1<<14 + 3, 50000} {
		var all []tokenPostings
		for i := range n {
			all = append(all, tokenPostings{tok: fmt.Sprintf("%x", uint32(i)*2654435761)})
		}
		want := slices.Clone(all)
		slices.SortFunc(want, func(a, b tokenPostings) int { return strings.Compare(a.tok, b.tok) })
		got := sortTokens(all)
		if len(got) != len(want) {
			t.Fatalf("n=%d: %d tokens, want %d", n, len(got), len(want))
		}
		for i := range want {
			if got[i].tok != want[i].tok {
				t.Fatalf("n=%d: token %d is %q, want %q", n, i, got[i].tok, want[i].tok)
			}
		}
	}
}

// segmentsOf lists the tokens of s by segment, each segment's first entry
// the place in code points where it starts.
func segmentsOf(s string) []string {
	var out []string
	scan(s, func(seg *segment) {
		out = append(out, fmt.Sprint("@", utf8.RuneCountInString(s[:seg.at])))
		if seg.han != nil {
			out = append(out, string(seg.han))
			return
		}
		seg.latinTokens(func(tok []byte) { out = append(out, string(tok)) })
	})
	return out
}

// segmentsByRunes is segmentsOf as the scanner worked on the folded code
// points of the whole text, one by one: the reference of the scanner,
// which reads the bytes and folds as it goes.
func segmentsByRunes(s string) []string {
	rs := []rune(s)
	for i, r := range rs {
		rs[i] = fold(r)
	}
	var out []string
	for i := 0; i < len(rs); {
		switch r := rs[i]; {
		case isCJK(r):
			j := i + 1
			for j < len(rs) && isCJK(rs[j]) {
				j++
			}
			out = append(out, fmt.Sprint("@", i), string(rs[i:j]))
			i = j
		case isWord(r):
			var parts []string
			var joiners []rune
			j := i
			for {
				k := j
				for k < len(rs) && isWord(rs[k]) {
					k++
				}
				parts = append(parts, string(rs[j:min(k, j+MaxTokenRunes)]))
				j = k
				if j+1 < len(rs) && isJoiner(rs[j]) && isWord(rs[j+1]) {
					joiners = append(joiners, rs[j])
					j++
					continue
				}
				break
			}
			out = append(out, fmt.Sprint("@", i))
			if len(parts) >= 2 && len(parts) <= MaxCompoundParts {
				for from := range len(parts) - 1 {
					c := parts[from]
					for p := from + 1; p < len(parts); p++ {
						c += string(joiners[p-1]) + parts[p]
					}
					out = append(out, c)
				}
			}
			out = append(out, parts...)
			i = j
		default:
			i++
		}
	}
	return out
}

func TestSegments(t *testing.T) {
	for _, s := range []string{
		"", "ISMS-P-009 管理评审程序", "ＩＳＭＳ－Ｐ－００９", "a--b..c__d", "\xff\xfe备份", "データ 보안 🙂",
		"5.35 A.5.15 v2.1", "ÉCOLE-Straße ΑΒΓ_ДОМ", strings.Repeat("x", 40) + "-" + strings.Repeat("é", 40) + "-y",
		"a-b-c-d-e-f-g-h-i", "备\xe4\xb8份 \xed\xa0\x80x \xe0\xa0\x80y\u3000z", "word-", "-word", "x\u2011y\u2010",
		"版本 v1.2\n日期：2026-12-06（周日）", "abc𠀀𠀁def", "\uFF21\uFF0D\uFF22\uFF0E", "9\u0301x ٣٤ इस",
	} {
		if got, want := segmentsOf(s), segmentsByRunes(s); !slices.Equal(got, want) {
			t.Errorf("segments of %q\n got %q\nwant %q", s, got, want)
		}
	}
}
