package load

import (
	"bytes"
	"ismsgen/generator/diag"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
)

// looseDate finds a date written with dots, slashes or Chinese
// characters as a value: approved = 2017.11.22, "2017/11/22",
// 2017年11月22日.
var looseDate = regexp.MustCompile(`=\s*["']?(\d{4})\s*[./年-]\s*(\d{1,2})\s*[./月-]\s*(\d{1,2})\s*日?["']?\s*(?:#.*)?$`)

// dayFirstDate finds a date written day or month first, as forms in
// China and Europe (10/05/2025) and in America (05/10/2025) write it.
var dayFirstDate = regexp.MustCompile(`=\s*["']?(\d{1,2})\s*[./-]\s*(\d{1,2})\s*[./-]\s*(\d{4})["']?\s*(?:#.*)?$`)

// tomlDate is a date as TOML reads it: such a line is not what TOML
// could not read (a key written twice is).
var tomlDate = regexp.MustCompile(`=\s*\d{4}-\d{2}-\d{2}\s*(?:#.*)?$`)

// halfWidth writes full-width digits and the full-width hyphen as
// ASCII, as an input method types them in Chinese mode.
var halfWidth = strings.NewReplacer("０", "0", "１", "1", "２", "2", "３", "3", "４", "4", "５", "5", "６", "6", "７", "7", "８", "8", "９", "9", "－", "-", "／", "/", "．", ".")

// dateProblem, for a line that TOML could not read, says what is wrong
// with the date on it and how to write it, or returns nothing (zero
// Texts) when the line holds no date.
func dateProblem(line []byte) (msg, hint diag.Text) {
	written := string(line)
	plain := halfWidth.Replace(written)
	eq := strings.IndexByte(plain, '=')
	if eq < 0 || (tomlDate.MatchString(plain) && plain == written && realDate(plain[eq+1:])) {
		return diag.Text{}, diag.Text{}
	}
	key := strings.TrimSpace(plain[:eq])
	if m := dayFirstDate.FindStringSubmatch(plain); m != nil {
		a, _ := strconv.Atoi(m[1])
		b, _ := strconv.Atoi(m[2])
		msg = diag.Msg("invalid TOML: the date of %q is not written year-month-day", key)
		switch {
		case a <= 12 && b <= 12 && a != b:
			return msg, diag.Msg("dates are written year-month-day with hyphens and no quotes: %s = %s-%02d-%02d if the day comes first, %s = %s-%02d-%02d if the month does", key, m[3], b, a, key, m[3], a, b)
		case b <= 12:
			return msg, diag.Msg("dates are written year-month-day with hyphens and no quotes: %s = %s-%02d-%02d", key, m[3], b, a)
		case a <= 12:
			return msg, diag.Msg("dates are written year-month-day with hyphens and no quotes: %s = %s-%02d-%02d", key, m[3], a, b)
		}
		return diag.Text{}, diag.Text{}
	}
	m := looseDate.FindStringSubmatch(plain)
	if m == nil {
		// 二〇二五年五月十日, as official documents (公文) date themselves
		if m = looseDate.FindStringSubmatch(arabicDate(plain)); m == nil {
			return diag.Text{}, diag.Text{}
		}
		written = plain // the numbers were no full-width digits
	}
	month, _ := strconv.Atoi(m[2])
	day, _ := strconv.Atoi(m[3])
	if month < 1 || month > 12 || day < 1 || day > 31 {
		return diag.Msg("invalid TOML: %s-%s-%s is not a real date", m[1], m[2], m[3]),
			diag.Msg("correct the date: the month is 01 to 12 and the day 01 to 31")
	}
	year, _ := strconv.Atoi(m[1])
	if last := time.Date(year, time.Month(month)+1, 0, 0, 0, 0, 0, time.UTC).Day(); day > last {
		// 2026-02-30 or 2025-02-29: writing it with hyphens would not help.
		return diag.Msg("invalid TOML: %s-%s-%s is not a real date", m[1], m[2], m[3]),
			diag.Msg("correct the date: %s-%02d has %d days", m[1], month, last)
	}
	if plain != written {
		return diag.Msg("invalid TOML: the date of %q is written with full-width digits", key),
			diag.Msg("write it with half-width digits, year-month-day with hyphens and no quotes: %s = %s-%02d-%02d", key, m[1], month, day)
	}
	return diag.Msg("invalid TOML: the date of %q is not written year-month-day", key),
		diag.Msg("dates are written year-month-day with hyphens and no quotes: %s = %s-%02d-%02d", key, m[1], month, day)
}

// DateProblem is dateProblem for a date written as a string (approved =
// "2025年5月10日"), which TOML reads but ismsgen does not.
func DateProblem(key, value string) (msg, hint diag.Text) {
	return dateProblem([]byte(key + " = " + value))
}

// realDate reports whether value (" 2025-03-01 # note") is a date that exists.
func realDate(value string) bool {
	value, _, _ = strings.Cut(value, "#")
	_, err := time.Parse(time.DateOnly, strings.TrimSpace(value))
	return err == nil
}

// lineOf returns line n (1-based) of text, or nil.
func lineOf(text []byte, n int) []byte {
	for i := 1; len(text) > 0; i++ {
		line, rest, _ := bytes.Cut(text, []byte("\n"))
		if i == n {
			return line
		}
		text = rest
	}
	return nil
}

// yamlKeys, for a file whose front matter is YAML (a first line ---),
// returns its first keys written as TOML, for the error's hint.
// dashedFrontMatter reports front matter between lines ---: YAML, as
// other tools write it, with the keys it has in TOML as the hint; or
// TOML already, which only its two lines --- keep from being read.
func dashedFrontMatter(path string, src []byte, diags *diag.List) {
	lines := bytes.Split(src, []byte("\n"))
	closing, toml, yaml := 0, 0, 0
	for i, l := range lines[1:] {
		t := bytes.TrimRight(l, " \t\r")
		if string(t) == "---" || string(t) == "..." {
			closing = i + 2
			break
		}
		switch {
		case tomlKeyLine.Match(t):
			toml++
		case yamlKeyLine.Match(t):
			yaml++
		}
	}
	if closing > 0 && toml > 0 && yaml == 0 {
		diags.Errorf(path, 1, diag.Msg("write lines 1 and %d, ---, as +++", closing), "the front matter is TOML, but between lines ---; ismsgen reads it between lines +++")
		return
	}
	hint := diag.Msg(`write it as TOML between lines +++: id = "…", title = "…", and the other keys of a document`)
	if keys := yamlKeys(src, 4); len(keys) > 0 {
		hint = diag.Msg("write it as TOML between lines +++, e.g. %s", strings.Join(keys, ", "))
	}
	diags.Errorf(path, 1, hint, "the front matter is YAML (between lines ---); ismsgen reads TOML front matter between lines +++")
}

var (
	tomlKeyLine = regexp.MustCompile(`^[A-Za-z_][\w-]*[ \t]*=|^\[\[?[A-Za-z_][\w.-]*\]\]?$`) // key = value, [table], [[array]]
	yamlKeyLine = regexp.MustCompile(`^[^\s#=:][^=:]*:([ \t]|$)`)                            // key: value
)

func yamlKeys(src []byte, max int) []string {
	var keys []string
	lines := bytes.Split(src, []byte("\n"))
	for _, l := range lines[1:] {
		t := string(bytes.TrimRight(l, " \t\r"))
		if t == "---" || t == "..." || len(keys) == max {
			break
		}
		key, value, ok := strings.Cut(t, ":")
		if !ok || key == "" || strings.ContainsAny(key[:1], " \t-#") || strings.ContainsAny(key, " \t") {
			continue // nested values, list items and comments
		}
		keys = append(keys, key+" = "+tomlValue(strings.TrimSpace(value)))
	}
	return keys
}

var (
	yamlDate   = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`)
	yamlNumber = regexp.MustCompile(`^-?\d+$`)
)

// tomlValue writes a YAML scalar or flow list as TOML.
func tomlValue(v string) string {
	v = strings.Trim(v, `"'`)
	switch {
	case v == "":
		return `"…"`
	case yamlDate.MatchString(v), yamlNumber.MatchString(v), v == "true", v == "false":
		return v
	case strings.HasPrefix(v, "[") && strings.HasSuffix(v, "]"):
		var items []string
		for _, it := range strings.Split(strings.Trim(v, "[]"), ",") {
			if it = strings.Trim(strings.TrimSpace(it), `"'`); it != "" {
				items = append(items, strconv.Quote(it))
			}
		}
		return "[" + strings.Join(items, ", ") + "]"
	}
	return strconv.Quote(v)
}

// chineseDigits are the values of the Chinese numerals of a date.
var chineseDigits = map[rune]int{'〇': 0, '零': 0, 'Ｏ': 0, '一': 1, '二': 2, '三': 3, '四': 4, '五': 5, '六': 6, '七': 7, '八': 8, '九': 9}

// arabicDate writes the Chinese numerals of a date in Arabic digits:
// "二〇二五年五月十日" is "2025年5月10日", a year digit by digit, a month
// or a day with 十 as its tens. A line without 年 is returned as it is.
func arabicDate(s string) string {
	if !strings.ContainsRune(s, '年') {
		return s
	}
	var b strings.Builder
	var run []rune
	flush := func() {
		if len(run) == 0 {
			return
		}
		if i := slices.Index(run, '十'); i >= 0 && len(run) <= 3 && strings.Count(string(run), "十") == 1 {
			tens, ones := 1, 0
			if i == 1 {
				tens = chineseDigits[run[0]]
			} else if i != 0 {
				b.WriteString(string(run))
				run = run[:0]
				return
			}
			if i+1 < len(run) {
				ones = chineseDigits[run[i+1]]
			}
			b.WriteString(strconv.Itoa(tens*10 + ones))
		} else if !slices.Contains(run, '十') {
			for _, r := range run {
				b.WriteString(strconv.Itoa(chineseDigits[r]))
			}
		} else {
			b.WriteString(string(run))
		}
		run = run[:0]
	}
	for _, r := range s {
		if _, ok := chineseDigits[r]; ok || r == '十' {
			run = append(run, r)
			continue
		}
		flush()
		b.WriteRune(r)
	}
	flush()
	return b.String()
}
