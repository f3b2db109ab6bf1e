package suggest

import (
	"fmt"
	"strings"
)

// everyPeriod are the ways people write how often, as the period they
// mean: 每年 is "12 months".
var everyPeriod = map[string]string{
	"每年": "12 months", "一年一次": "12 months", "每年一次": "12 months", "年度": "12 months",
	"annually": "12 months", "annual": "12 months", "yearly": "12 months", "every year": "12 months",
	"每半年": "6 months", "半年": "6 months", "semi-annually": "6 months",
	"每季度": "3 months", "季度": "3 months", "quarterly": "3 months",
	"每月": "1 month", "monthly": "1 month",
}

// periodUnits are the words of a unit people write, as the unit a
// period takes; weeks are counted in days.
var periodUnits = []struct {
	words []string
	unit  string
	times int
}{
	{[]string{"year", "yr", "年", "y"}, "years", 1},
	{[]string{"month", "mo", "月", "m"}, "months", 1},
	{[]string{"week", "wk", "周", "星期", "w"}, "days", 7},
	{[]string{"day", "天", "日", "d"}, "days", 1},
}

// Period is the period ("3 years", "12 months", "90 days") a value
// written for people most likely means ("三年", "3 yrs", "每年", "2
// weeks"), for a hint; a bare number takes unit. It is "" when the value
// holds no number, or more than one.
func Period(s, unit string) string {
	t := strings.ToLower(strings.TrimSpace(s))
	if p, ok := everyPeriod[t]; ok {
		return p
	}
	t = strings.ReplaceAll(t, "十", "10") // 十年: ten years
	n, ok := WholeNumber(t)
	if !ok || n <= 0 {
		return ""
	}
	rest := strings.Trim(strings.Map(func(r rune) rune {
		if r >= '0' && r <= '9' || r >= '０' && r <= '９' || chineseDigits[r] != 0 || r == '个' || r == '.' || r == 's' {
			return ' '
		}
		return r
	}, t), " ")
	if rest == "" {
		if unit == "" {
			return ""
		}
		return format(n, unit)
	}
	for _, u := range periodUnits {
		for _, w := range u.words {
			if rest == w {
				return format(n*u.times, u.unit)
			}
		}
	}
	return ""
}

// format writes a period as ParseCycle reads it: "1 year", "3 years".
func format(n int, unit string) string {
	if n == 1 {
		unit = strings.TrimSuffix(unit, "s")
	}
	return fmt.Sprintf("%d %s", n, unit)
}
