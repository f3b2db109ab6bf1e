package load

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/BurntSushi/toml"

	"ismsgen/generator/diag"
	"ismsgen/generator/internal/suggest"
)

// tomlProblem says what went wrong in a TOML text in the words of the
// person who wrote it: the mistakes people make (a value without quotes,
// a quote or a list left open, a key written twice, key: value, Chinese
// quotation marks) get a message of their own in the site's language, at
// the line where the mistake is, with the line written as it should be.
// Other errors keep the parser's words. line is 1-based in text, whose
// first line is line offset+1 of the file.
func tomlProblem(text []byte, offset int, pe toml.ParseError) (line int, msg, hint diag.Text) {
	line = pe.Position.Line
	src := string(lineOf(text, line))
	key := lastKey(pe.LastKey)
	m := pe.Message
	generic := diag.Msg("check the TOML syntax: strings need quotes (title = \"…\"), lists use [\"a\", \"b\"], dates are written 2025-03-01, and each key appears once")
	if fixed, ok := halfWidthLine(src); ok {
		return line, diag.Msg("invalid TOML: the line has full-width punctuation or spaces, which TOML does not read"),
			diag.Msg("write = , : [ ] and spaces half-width, as in English: %s", fixed)
	}
	switch {
	case strings.HasPrefix(m, "expected end of table array name delimiter") || strings.HasPrefix(m, "expected end of table name delimiter"):
		// "[[history]": the parser notices at the line's end, or after.
		for line > 1 && !strings.HasPrefix(strings.TrimSpace(string(lineOf(text, line))), "[") {
			line--
		}
		header := strings.TrimSpace(string(lineOf(text, line)))
		name := strings.Trim(header, "[] \t")
		return line, diag.Msg("invalid TOML: the table line %s is not closed", header),
			diag.Msg("write [[%s]] with two brackets on each side (or [%s], one on each side, for a single table)", name, name)
	case m == "strings cannot contain newlines" && key != "":
		value := strings.TrimSpace(src[strings.IndexAny(src, `"'`)+1:])
		return line, diag.Msg("invalid TOML: the quotes around the value of %q are not closed on its line", key),
			diag.Msg("close the quotes on the same line: %s = \"%s\" (a text of several lines goes between \"\"\" and \"\"\")", key, strings.Trim(value, `"'`))
	case strings.HasPrefix(m, "expected a comma (',') or array terminator (']')") && key != "" && strings.HasSuffix(quotedValue(src), "]") && missingComma.MatchString(src):
		// ["hr" "it"]: the list is closed, a comma is missing.
		return line, diag.Msg("invalid TOML: the items of the list %q need a comma between them", key),
			diag.Msg("separate the items with commas: %s = %s", key, missingComma.ReplaceAllString(quotedValue(src), `$1, $2`))
	case strings.HasPrefix(m, "expected a comma (',') or array terminator (']')") && key != "":
		if start := keyLine(text, key, line); start > 0 {
			line = start
		}
		return line, diag.Msg("invalid TOML: the list of %q is not closed with ]", key),
			diag.Msg("end the list on the line it starts: %s = [\"a\", \"b\"]", key)
	case strings.HasPrefix(m, "Key '") && (strings.HasSuffix(m, "' was already created and cannot be used as an array.") || strings.HasSuffix(m, "' was already created as a hash.") ||
		strings.TrimSpace(src) == "["+strings.TrimSuffix(strings.TrimPrefix(m, "Key '"), "' has already been defined.")+"]"):
		name, _, _ := strings.Cut(strings.TrimPrefix(m, "Key '"), "'")
		return line, diag.Msg("invalid TOML: %q is written both as [%s] and as [[%s]]", name, name, name),
			diag.Msg("write every entry as [[%s]], with two brackets on each side", name)
	case strings.HasPrefix(m, "Key '") && strings.HasSuffix(m, "' has already been defined."):
		dup := strings.TrimSuffix(strings.TrimPrefix(m, "Key '"), "' has already been defined.")
		if first := keyLine(text, lastKey(dup), line-1); first > 0 {
			return line, diag.Msg("invalid TOML: %q is written twice", dup),
				diag.Msg("each key appears once: keep the line that is right, this one or line %d", offset+first)
		}
		return line, diag.Msg("invalid TOML: %q is written twice", dup), diag.Msg("each key appears once: delete one of the two lines")
	case strings.HasPrefix(m, "expected '.' or '=', but got "):
		return line, diag.Msg("invalid TOML: each line is key = value"), keyHint(src)
	case strings.HasPrefix(m, "invalid escape in string") && key != "":
		return line, diag.Msg("invalid TOML: a backslash in the value of %q starts an escape such as \\n", key),
			diag.Msg("write a backslash as \\\\, or put the value in single quotes: %s = '%s'", key, strings.Trim(quotedValue(src), `"`))
	case strings.HasPrefix(m, "expected a top-level item to end with a newline"):
		k, value, _ := strings.Cut(src, "=")
		if msg, hint := wholeNumberProblem(strings.TrimSpace(k), value); !hint.IsZero() {
			return line, msg, hint
		}
		return line, diag.Msg("invalid TOML: the value on this line is followed by more text"),
			diag.Msg("put the whole value in quotes, %s = \"%s\", or start a comment with #", strings.TrimSpace(k), strings.Trim(strings.TrimSpace(value), `"'`))
	}
	if key == "" {
		return line, diag.Msg("invalid TOML: %s", m), generic
	}
	switch {
	case strings.HasPrefix(m, "invalid datetime"):
		// 25-03-01, 2025-3-01T, 2026-03-01T25:00: a date TOML began to read.
		return line, diag.Msg("invalid TOML: the date of %q is not written year-month-day", key), dateHint(key, quotedValue(src))
	case m == "unexpected comma":
		value := strings.TrimSpace(quotedValue(src))
		value = extraCommas.ReplaceAllStringFunc(value, func(c string) string {
			if strings.HasPrefix(c, "[") {
				return "["
			}
			return ", "
		})
		return line, diag.Msg("invalid TOML: the list of %q has a comma with no item before it", key),
			diag.Msg("write one comma between two items: %s = %s", key, value)
	}
	found, isFound := foundValue(m)
	switch {
	case isFound && found == `'\n'`, m == "unexpected EOF; expected value":
		return line, diag.Msg("invalid TOML: %q has no value", key),
			diag.Msg("write its value after =, e.g. %s = \"…\", or delete the line", key)
	case isFound && (strings.HasPrefix(found, `'“`) || strings.HasPrefix(found, `'‘`) || strings.HasPrefix(found, `'「`)):
		return line, diag.Msg("invalid TOML: the value of %q is in typographic quotation marks", key),
			diag.Msg("use straight double quotes: %s = \"%s\"", key, strings.Trim(quotedValue(src), "“”‘’「」"))
	case isFound && (found == `"True"` || found == `"False"` || found == `"TRUE"` || found == `"FALSE"`):
		return line, diag.Msg("invalid TOML: %s is not a value", strings.Trim(found, `"`)),
			diag.Msg("true and false are written in small letters: %s = %s", key, strings.ToLower(strings.Trim(found, `"`)))
	case isFound, strings.HasPrefix(m, "Invalid float value"), strings.HasPrefix(m, "invalid float"), strings.HasPrefix(m, "Invalid integer"):
		value := quotedValue(src)
		if strings.HasPrefix(value, "[") {
			return line, diag.Msg("invalid TOML: the items of the list %q need quotes", key),
				diag.Msg("write each item in quotes: %s = %s", key, quoteItems(value))
		}
		if msg, hint := wholeNumberProblem(key, value); !hint.IsZero() {
			return line, msg, hint
		}
		return line, diag.Msg("invalid TOML: the value of %q needs quotes", key),
			diag.Msg("write it in quotes: %s = \"%s\"", key, value)
	}
	return line, diag.Msg("invalid TOML: %s", m), generic
}

// missingComma is two quoted items of a list with no comma between them.
var missingComma = regexp.MustCompile(`(["'])\s+(["'])`)

// extraCommas are a list's commas with no item before them: [, "a"]
// and "a",, "b".
var extraCommas = regexp.MustCompile(`\[\s*,\s*|,(?:\s*,)+\s*`)

// shortYear and longYear read the date at the start of a value that TOML
// could not read as one.
var (
	shortYear = regexp.MustCompile(`^(\d{2})-(\d{1,2})-(\d{1,2})\b`)
	longYear  = regexp.MustCompile(`^(\d{4})-(\d{1,2})-(\d{1,2})`)
)

// dateHint writes the date of a value TOML could not read as a date
// (a year in two digits, a time that is not one) as it should be.
func dateHint(key, value string) diag.Text {
	year, month, day := "2025", 3, 1
	if m := longYear.FindStringSubmatch(value); m != nil {
		year, month, day = m[1], atoi(m[2]), atoi(m[3])
	} else if m := shortYear.FindStringSubmatch(value); m != nil {
		year, month, day = "20"+m[1], atoi(m[2]), atoi(m[3])
	}
	if !realDate(fmt.Sprintf("%s-%02d-%02d", year, month, day)) {
		year, month, day = "2025", 3, 1
	}
	return diag.Msg("dates are written year-month-day with hyphens and no quotes: %s = %s-%02d-%02d", key, year, month, day)
}

// atoi is the number of a string of digits.
func atoi(digits string) int {
	n := 0
	for _, c := range digits {
		n = n*10 + int(c-'0')
	}
	return n
}

// quotedText is a string of TOML, on one line.
var quotedText = regexp.MustCompile(`"(?:[^"\\]|\\.)*"|'[^']*'`)

// halfWidthLine writes the punctuation and spaces of a line that an
// input method in Chinese mode typed full-width (title：= "…",
// ["a"，"b"]) as TOML reads them; ok is false when the line, outside
// its quoted values, has none.
func halfWidthLine(src string) (fixed string, ok bool) {
	outside := quotedText.ReplaceAllString(src, "")
	if !strings.ContainsAny(outside, "：＝，　［］") {
		return "", false
	}
	eq := "="
	if strings.ContainsAny(outside, "=＝") {
		eq = "" // title：= "…": the colon is in the way
	}
	r := strings.NewReplacer("：", eq, "＝", "=", "，", ", ", "　", " ", "［", "[", "］", "]")
	var b strings.Builder
	last := 0
	for _, q := range quotedText.FindAllStringIndex(src, -1) {
		b.WriteString(r.Replace(src[last:q[0]]))
		b.WriteString(src[q[0]:q[1]])
		last = q[1]
	}
	b.WriteString(r.Replace(src[last:]))
	k, v, found := strings.Cut(b.String(), "=")
	if !found {
		return strings.TrimSpace(b.String()), true
	}
	v = strings.Join(strings.Fields(v), " ")
	v = strings.ReplaceAll(strings.ReplaceAll(v, "[ ", "["), " ,", ",")
	return strings.TrimSpace(k) + " = " + v, true
}

// wholeNumbers are the keys whose value is a whole number.
var wholeNumbers = map[string]bool{"tier": true, "due_soon_days": true}

// wholeNumberProblem, for a key whose value is a whole number written
// with words (tier = 一级, tier = 2级), says how to write the number;
// it returns nothing (zero Texts) for other keys and values.
func wholeNumberProblem(key, value string) (msg, hint diag.Text) {
	n, ok := suggest.WholeNumber(strings.Trim(strings.TrimSpace(value), `"'`))
	if !wholeNumbers[key] || !ok {
		return diag.Text{}, diag.Text{}
	}
	return diag.Msg("invalid TOML: %q is a whole number", key), diag.Msg("write it as a whole number without quotes: %s = %d", key, n)
}

// lastKey is the last part of a dotted key: "history.version" is the
// key version, written so in the file.
func lastKey(k string) string {
	if i := strings.LastIndexByte(k, '.'); i >= 0 {
		return k[i+1:]
	}
	return k
}

// foundValue is what "expected value but found X instead" found, as the
// parser quotes it.
func foundValue(m string) (string, bool) {
	rest, ok := strings.CutPrefix(m, "expected value but found ")
	if !ok {
		return "", false
	}
	return strings.TrimSuffix(rest, " instead"), true
}

// keyLine is the last line at or before line (1-based) that sets key,
// 0 when none does.
func keyLine(text []byte, key string, line int) int {
	lines := bytes.Split(text, []byte("\n"))
	for n := min(line, len(lines)); n >= 1; n-- {
		k, _, ok := bytes.Cut(lines[n-1], []byte("="))
		if ok && strings.Trim(strings.TrimSpace(string(k)), `"'`) == key {
			return n
		}
	}
	return 0
}

// quotedValue is the value written after the first = of a line, without
// a comment at its end.
func quotedValue(src string) string {
	_, value, _ := strings.Cut(src, "=")
	if i := strings.Index(value, " #"); i >= 0 {
		value = value[:i]
	}
	return strings.TrimSpace(value)
}

// listItem is an item of a list written without quotes.
var listItem = regexp.MustCompile(`[^\[\],\s"']+`)

// quoteItems puts the bare items of a list in quotes: [isd, hr] is
// ["isd", "hr"].
func quoteItems(list string) string {
	if !strings.HasSuffix(list, "]") {
		list += "]"
	}
	return listItem.ReplaceAllStringFunc(list, func(s string) string { return `"` + s + `"` })
}

// keyHint says how to write a line that is not key = value.
func keyHint(src string) diag.Text {
	k, v, colon := strings.Cut(strings.TrimSpace(src), ":")
	switch {
	case colon && !strings.ContainsAny(k, " \"'"):
		return diag.Msg("write key = value, not key: value: %s = %s", k, quoteIfBare(strings.TrimSpace(v)))
	}
	if k, v, eq := strings.Cut(strings.TrimSpace(src), "="); eq && spacedKey.MatchString(strings.TrimSpace(k)) {
		// "last reviewed = 2025-06-01": the words of a key joined by _
		return diag.Msg("a key has no spaces; its words are joined by _: %s = %s", strings.Join(strings.Fields(strings.ToLower(k)), "_"), strings.TrimSpace(v))
	}
	if r, _ := utf8.DecodeRuneInString(strings.TrimSpace(src)); r >= utf8.RuneSelf {
		return diag.Msg("the keys are the English field names listed in docs/format.md (id, title, version, owners …); a Chinese name goes in the value: title = \"…\"")
	}
	return diag.Msg("write each setting on its own line as key = value, e.g. title = \"…\"")
}

// spacedKey is a key of English words written with spaces.
var spacedKey = regexp.MustCompile(`^[A-Za-z]+(?: +[A-Za-z]+)+$`)

// quoteIfBare quotes a value that TOML would not read as one.
func quoteIfBare(v string) string {
	if v == "" || strings.ContainsAny(v[:1], `"'[{0123456789`) || v == "true" || v == "false" {
		return v
	}
	return fmt.Sprintf("%q", v)
}
