package load

import (
	"bytes"
	"ismsgen/generator/diag"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// looseDate finds a date written with dots, slashes or Chinese
// characters as a value: approved = 2017.11.22, "2017/11/22",
// 2017年11月22日.
var looseDate = regexp.MustCompile(`=\s*["']?(\d{4})\s*[./年-]\s*(\d{1,2})\s*[./月-]\s*(\d{1,2})\s*日?["']?\s*(?:#.*)?$`)

// dateHint, for a line that TOML could not read, says how to write the
// date on it, or returns nothing (a zero Text).
func dateHint(line []byte) diag.Text {
	m := looseDate.FindSubmatch(line)
	if m == nil {
		return diag.Text{}
	}
	key := strings.TrimSpace(string(line[:bytes.IndexByte(line, '=')]))
	month, _ := strconv.Atoi(string(m[2]))
	day, _ := strconv.Atoi(string(m[3]))
	if month < 1 || month > 12 || day < 1 || day > 31 {
		return diag.Msg("%s-%s-%s is not a real date: the month is 01 to 12 and the day 01 to 31", m[1], m[2], m[3])
	}
	year, _ := strconv.Atoi(string(m[1]))
	if last := time.Date(year, time.Month(month)+1, 0, 0, 0, 0, 0, time.UTC).Day(); day > last {
		// 2026-02-30 or 2025-02-29: writing it with hyphens would not help.
		return diag.Msg("%s-%s-%s is not a real date: %s-%02d has %d days", m[1], m[2], m[3], m[1], month, last)
	}
	return diag.Msg("dates are written year-month-day with hyphens and no quotes: %s = %s-%02d-%02d", key, m[1], month, day)
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
