package validate

import (
	"fmt"
	"net/url"
	"sort"
	"strconv"
	"strings"
	"time"

	"ismsgen/generator/diag"
	"ismsgen/generator/internal/suggest"
	"ismsgen/generator/load"
	"ismsgen/generator/model"
)

// fields reads typed values out of one decoded TOML table and reports
// problems at the line of each key.
type fields struct {
	path   string
	meta   map[string]any
	prefix string // key path of this table, "" or "history.2."
	line   func(key string) int
	diags  *diag.List
	keys   []string        // this table's keys, once known has been told them
	outer  []string        // the keys of the table this one is in
	meant  map[string]bool // the keys that known suggested for an unknown one ("Title": title)
}

func (f *fields) at(key string) int { return f.line(f.prefix + key) }

// name is a key as messages show it, its path from the top
// ("history[1].version").
func (f *fields) name(key string) string { return model.KeyName(f.prefix + key) }

func (f *fields) errorf(key string, hint any, format string, args ...any) {
	f.diags.Errorf(f.path, f.at(key), hint, format, args...)
}

// known reports keys that are not in allowed, with a suggestion. what
// names the table: a file or a table's name, or a diag.Text to be put in
// the site's language.
func (f *fields) known(allowed []string, what any) {
	f.keys = allowed
	var unknown []string // nearly always none: nothing to sort
	for k := range f.meta {
		if !contains(allowed, k) {
			unknown = append(unknown, k)
		}
	}
	sort.Strings(unknown)
	for _, k := range unknown {
		hint := diag.Msg("the keys of %s are: %s", what, strings.Join(allowed, ", "))
		if s := suggest.Closest(k, allowed); s != "" {
			hint = diag.Msg("did you mean %q? Unknown keys are errors so that a typo cannot silently drop a value", s)
			if !f.has(s) {
				if f.meant == nil {
					f.meant = map[string]bool{}
				}
				f.meant[s] = true
			}
		}
		if contains(f.outer, k) {
			// A key added at the end of the front matter, below the
			// last [[history]]: TOML gives it to that table.
			f.errorf(k, diag.Msg("move the line %s = … above the first line [[…]] or […]: every key below such a line belongs to its table", k), "%q comes after a line %s, so it is read as a key of %s", k, what, what)
			continue
		}
		f.errorf(k, hint, "unknown key %q", f.name(k))
	}
}

func (f *fields) has(key string) bool {
	_, ok := f.meta[key]
	return ok
}

// missing reports whether key is absent and no unknown key was taken for
// it: "Title" or "titel" is one mistake, told at its line, not also a
// title missing.
func (f *fields) missing(key string) bool { return !f.has(key) && !f.meant[key] }

func (f *fields) str(key string, required bool) string {
	v, ok := f.meta[key]
	if !ok {
		if required && f.missing(key) {
			f.diags.Errorf(f.path, f.line(strings.TrimSuffix(f.prefix, ".")), diag.Msg("add %s = \"…\"", key), "missing required key %q", f.name(key))
		}
		return ""
	}
	s, ok := v.(string)
	if !ok {
		hint := diag.Msg("write it in quotes: %s = \"%v\"", key, tomlish(v))
		if n, isInt := v.(int64); isInt && periodUnit(f.prefix+key) != "" {
			hint = diag.Msg("write it in quotes, with its unit: %s = \"%d %s\"", key, n, periodUnit(f.prefix+key))
		}
		if list, isList := v.([]any); isList {
			hint = diag.Msg("write one value in quotes, without brackets: %s = \"…\"", key)
			if len(list) == 1 {
				if one, isStr := list[0].(string); isStr {
					hint = diag.Msg("write one value in quotes, without brackets: %s = %q", key, one)
				}
			}
		}
		f.errorf(key, hint, "%q must be a string, not %s", f.name(key), typeName(v))
		return ""
	}
	s = strings.TrimSpace(s)
	if required && s == "" {
		f.errorf(key, diag.Msg("write the value between the quotes: %s = \"…\"", key), "%q must not be empty", f.name(key))
	}
	return s
}

// periodUnit is the unit a period written as a bare number most likely
// has: review cycles are counted in months, records kept for years; ""
// for a key that is no period.
func periodUnit(key string) string {
	switch key {
	case "review_cycle", "default_review_cycle", "management_review_cycle", "review_cycles.tier1", "review_cycles.tier2", "review_cycles.tier3":
		return "months"
	case "retention":
		return "years"
	}
	return ""
}

func (f *fields) integer(key string) (int, bool) {
	v, ok := f.meta[key]
	if !ok {
		return 0, false
	}
	n, ok := v.(int64)
	if !ok {
		hint := diag.Msg("write a whole number without quotes: %s = 2", key)
		if s, isStr := v.(string); isStr {
			if m, err := strconv.Atoi(strings.TrimSpace(s)); err == nil {
				hint = diag.Msg("write it without quotes: %s = %d", key, m)
			} else if m, ok := suggest.WholeNumber(s); ok {
				hint = diag.Msg("write it as a whole number without quotes: %s = %d", key, m)
			}
		}
		f.errorf(key, hint, "%q must be a whole number, not %s", f.name(key), typeName(v))
		return 0, false
	}
	return int(n), true
}

func (f *fields) boolean(key string) (bool, bool) {
	v, ok := f.meta[key]
	if !ok {
		return false, false
	}
	b, ok := v.(bool)
	if !ok {
		f.errorf(key, diag.Msg("write %[1]s = true or %[1]s = false, without quotes", key), "%q must be true or false, not %s", f.name(key), typeName(v))
	}
	return b, ok
}

func (f *fields) strs(key string) []string {
	v, ok := f.meta[key]
	if !ok {
		return nil
	}
	if s, isStr := v.(string); isStr {
		f.errorf(key, diag.Msg("write a list: %s = %s", key, quotedList(listItems(s))), "%q must be a list of strings", f.name(key))
		return nil
	}
	list, ok := v.([]any)
	if !ok {
		hint := diag.Msg("write a list: %s = [\"a\", \"b\"]", key)
		switch v.(type) {
		case int64, float64: // clauses = 9.3
			hint = diag.Msg("write a list: %s = %s", key, quotedList([]string{tomlish(v)}))
		}
		f.errorf(key, hint, "%q must be a list of strings, not %s", f.name(key), typeName(v))
		return nil
	}
	out := make([]string, 0, len(list))
	quoted := false
	for _, item := range list {
		s, ok := item.(string)
		if !ok {
			hint := diag.Msg("put every item in quotes")
			if !quoted { // the list as meant, once
				items := make([]string, len(list))
				for i, it := range list {
					items[i] = tomlish(it)
				}
				hint = diag.Msg("put every item in quotes: %s = %s", key, quotedList(items))
				quoted = true
			}
			f.errorf(key, hint, "%q must be a list of strings; %v is %s", f.name(key), tomlish(item), typeName(item))
			continue
		}
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	return out
}

// listItems are the items of a list written as one string, "9.3, 9.2"
// or "9.3、9.2": people separate them as in a sentence.
func listItems(s string) []string {
	var out []string
	for _, item := range strings.FieldsFunc(s, func(r rune) bool { return strings.ContainsRune(",，、;；", r) }) {
		if item = strings.TrimSpace(item); item != "" {
			out = append(out, item)
		}
	}
	if len(out) == 0 {
		return []string{strings.TrimSpace(s)}
	}
	return out
}

// quotedList writes items as a TOML list of strings: ["9.3", "9.2"].
func quotedList(items []string) string {
	q := make([]string, len(items))
	for i, s := range items {
		q[i] = strconv.Quote(s)
	}
	return "[" + strings.Join(q, ", ") + "]"
}

func (f *fields) date(key string) model.Date {
	v, ok := f.meta[key]
	if !ok {
		return model.Date{}
	}
	hint := diag.Msg("write a date as %s = 2025-03-01 (or \"2025-03-01\")", key)
	if d, ok := writtenDate(v); ok {
		// The example date must not be copied as this one: name it.
		hint = diag.Msg("dates are written year-month-day with hyphens and no quotes: %s = %s-%02d-%02d", key, strconv.Itoa(d.Year), int(d.Month), d.Day)
	}
	switch t := v.(type) {
	case time.Time:
		// The TOML decoder marks a local date (2025-03-01, no time) with a
		// location named "date-local".
		if t.Location().String() != "date-local" {
			f.errorf(key, hint, "%q must be a date without a time", f.name(key))
			return model.Date{}
		}
		return model.DateOf(t)
	case string:
		d, err := model.ParseDate(strings.TrimSpace(t))
		if err != nil {
			if _, h := load.DateProblem(key, t); !h.IsZero() {
				hint = h // "2025年5月10日": the same date, as it is written
			}
			f.errorf(key, hint, "%q: %v", f.name(key), err)
		}
		return d
	}
	f.errorf(key, hint, "%q must be a date, not %s", f.name(key), typeName(v))
	return model.Date{}
}

// writtenDate is the day a value that is no date names, as a system
// exports it: a date and time (2025-05-10T09:00:00, "2025-05-10 09:00"),
// or the digits of a date (20250510, "20250510").
func writtenDate(v any) (model.Date, bool) {
	var s string
	switch t := v.(type) {
	case time.Time:
		return model.DateOf(t), t.Location().String() != "date-local"
	case int64:
		s = strconv.FormatInt(t, 10)
	case string:
		s = strings.TrimSpace(t)
	default:
		return model.Date{}, false
	}
	if len(s) == 8 && strings.Trim(s, "0123456789") == "" {
		s = s[:4] + "-" + s[4:6] + "-" + s[6:]
	} else if len(s) > 10 && (s[10] == ' ' || s[10] == 'T') {
		s = s[:10]
	}
	d, err := model.ParseDate(s)
	return d, err == nil
}

func (f *fields) cycle(key string) model.Cycle {
	s := f.str(key, false)
	if s == "" {
		return model.Cycle{}
	}
	c, err := model.ParseCycle(s)
	if err != nil {
		hint := diag.Msg("write \"12 months\", \"2 years\" or \"90 days\"")
		if p := suggest.Period(s, periodUnit(f.prefix+key)); p != "" {
			hint = diag.Msg("did you mean %q? %s", p, hint)
		}
		f.errorf(key, hint, "%q: %v", f.name(key), err)
	}
	return c
}

// tables reads an array of tables ([[history]]) as fields for each entry.
func (f *fields) tables(key string) []*fields {
	v, ok := f.meta[key]
	if !ok {
		return nil
	}
	list, ok := v.([]map[string]any)
	if !ok {
		if anyList, isList := v.([]any); isList {
			for _, item := range anyList {
				m, isMap := item.(map[string]any)
				if !isMap {
					list = nil
					break
				}
				list = append(list, m)
			}
			ok = list != nil || len(anyList) == 0
		}
	}
	if !ok {
		f.errorf(key, diag.Msg("write each entry as a [[%s]] table", key), "%q must be a list of tables, not %s", f.name(key), typeName(v))
		return nil
	}
	out := make([]*fields, len(list))
	for i, m := range list {
		out[i] = &fields{path: f.path, meta: m, prefix: fmt.Sprintf("%s%s.%d.", f.prefix, key, i), line: f.line, diags: f.diags, outer: f.keys}
	}
	return out
}

// table reads a plain table ([review_cycles]).
func (f *fields) table(key string) *fields {
	v, ok := f.meta[key]
	if !ok {
		return nil
	}
	m, ok := v.(map[string]any)
	if !ok {
		f.errorf(key, diag.Msg("write it as a table: [%s]", key), "%q must be a table, not %s", f.name(key), typeName(v))
		return nil
	}
	return &fields{path: f.path, meta: m, prefix: f.prefix + key + ".", line: f.line, diags: f.diags, outer: f.keys}
}

// webURL checks a link that the site shows to readers: http(s) or mailto,
// or a relative link; never javascript:, data: or vbscript:.
func (f *fields) webURL(key, value string) string {
	if value == "" {
		return ""
	}
	u, err := url.Parse(value)
	if err != nil || (u.Scheme != "" && u.Scheme != "http" && u.Scheme != "https" && u.Scheme != "mailto") {
		f.errorf(key, "use an https:// address", "%q: %q is not a web address ismsgen will link to", f.name(key), value)
		return ""
	}
	return value
}

// typeName says what kind of TOML value v is, for a message.
func typeName(v any) diag.Text {
	switch v.(type) {
	case string:
		return diag.Msg("a string")
	case int64:
		return diag.Msg("a number")
	case float64:
		return diag.Msg("a decimal number")
	case bool:
		return diag.Msg("true/false")
	case time.Time:
		return diag.Msg("a date")
	case []any, []map[string]any:
		return diag.Msg("a list")
	case map[string]any:
		return diag.Msg("a table")
	}
	return diag.Msg("%T", v)
}

func tomlish(v any) string {
	switch v := v.(type) {
	case time.Time:
		return v.Format(time.DateOnly)
	case float64: // as written: 1.0, not 1
		s := strconv.FormatFloat(v, 'f', -1, 64)
		if !strings.ContainsAny(s, ".eEn") {
			s += ".0"
		}
		return s
	}
	return fmt.Sprint(v)
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
