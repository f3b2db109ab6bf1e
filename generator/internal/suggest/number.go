package suggest

import (
	"strings"
	"unicode"
)

// chineseDigits are the numerals a tier or a count is written with in
// Chinese: 一级, 二级文件.
var chineseDigits = map[rune]int{'一': 1, '二': 2, '两': 2, '三': 3, '四': 4, '五': 5, '六': 6, '七': 7, '八': 8, '九': 9}

// WholeNumber is the one number a value written for people holds ("2",
// "２", "Tier 2", "2级", "二级文件"), for a hint that writes it as TOML's
// whole number; ok is false when it holds none, or more than one.
func WholeNumber(s string) (n int, ok bool) {
	found := false
	inNumber := false
	for _, r := range strings.TrimSpace(s) {
		d := -1
		switch {
		case r >= '0' && r <= '9':
			d = int(r - '0')
		case r >= '０' && r <= '９':
			d = int(r - '０')
		case unicode.Is(unicode.Han, r):
			if v, isDigit := chineseDigits[r]; isDigit && !inNumber {
				if found {
					return 0, false
				}
				n, found = v, true
				continue
			}
		}
		if d < 0 {
			inNumber = false
			continue
		}
		if !inNumber && found {
			return 0, false
		}
		if !inNumber {
			n = 0
		}
		n, found, inNumber = n*10+d, true, true
	}
	return n, found
}
