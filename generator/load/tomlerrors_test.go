package load

import (
	"bytes"
	"strings"
	"testing"
)

// The TOML mistakes people make are errors at the line of the mistake
// that say what is wrong in ismsgen's words, with the line as it should
// be written.
func TestTOMLMistakes(t *testing.T) {
	for _, tc := range []struct{ name, fm, want string }{
		{"unclosed quote", "version = \"2.2\ntitle = \"x\"",
			"x.md:3: invalid TOML: the quotes around the value of \"version\" are not closed on its line\n" +
				"    hint: close the quotes on the same line: version = \"2.2\" (a text of several lines goes between \"\"\" and \"\"\")"},
		{"bare version", "version = 2.2.1",
			"x.md:3: invalid TOML: the value of \"version\" needs quotes\n    hint: write it in quotes: version = \"2.2.1\""},
		{"bare Chinese title", "title = 文件控制程序 # 新",
			"x.md:3: invalid TOML: the value of \"title\" needs quotes\n    hint: write it in quotes: title = \"文件控制程序\""},
		{"bare word", "status = approved",
			"x.md:3: invalid TOML: the value of \"status\" needs quotes\n    hint: write it in quotes: status = \"approved\""},
		{"bare version letter", "version = V1.0",
			"hint: write it in quotes: version = \"V1.0\""},
		{"bare list items", "owners = [isd, hr]",
			"x.md:3: invalid TOML: the items of the list \"owners\" need quotes\n    hint: write each item in quotes: owners = [\"isd\", \"hr\"]"},
		{"list left open", "owners = [\"isd\"\nstatus = \"approved\"",
			"x.md:3: invalid TOML: the list of \"owners\" is not closed with ]\n    hint: end the list on the line it starts: owners = [\"a\", \"b\"]"},
		{"list without a comma", "owners = [\"isd\" \"hr\"]\nstatus = \"approved\"",
			"x.md:3: invalid TOML: the items of the list \"owners\" need a comma between them\n    hint: separate the items with commas: owners = [\"isd\", \"hr\"]"},
		{"list open at the end", "status = \"approved\"\nowners = [\"isd\", \"hr\"",
			"x.md:4: invalid TOML: the list of \"owners\" is not closed with ]"},
		{"key twice", "title = \"a\"\nversion = \"1\"\ntitle = \"b\"",
			"x.md:5: invalid TOML: \"title\" is written twice\n    hint: each key appears once: keep the line that is right, this one or line 3"},
		{"Chinese key", "标题 = \"x\"",
			"x.md:3: invalid TOML: each line is key = value\n    hint: the keys are the English field names listed in docs/format.md"},
		{"YAML line", "title: 文件",
			"x.md:3: invalid TOML: each line is key = value\n    hint: write key = value, not key: value: title = \"文件\""},
		{"full-width equals", "title＝\"x\"",
			"hint: write = , : [ ] and spaces half-width, as in English: title = \"x\""},
		{"key with spaces", "last reviewed = 2025-06-01",
			"x.md:3: invalid TOML: each line is key = value\n    hint: a key has no spaces; its words are joined by _: last_reviewed = 2025-06-01"},
		{"no equals", "title \"x\"",
			"hint: write each setting on its own line as key = value"},
		{"no value", "title =",
			"x.md:3: invalid TOML: \"title\" has no value\n    hint: write its value after =, e.g. title = \"…\", or delete the line"},
		{"curly quotes", "title = “文件”",
			"x.md:3: invalid TOML: the value of \"title\" is in typographic quotation marks\n    hint: use straight double quotes: title = \"文件\""},
		{"capital True", "draft = True",
			"x.md:3: invalid TOML: True is not a value\n    hint: true and false are written in small letters: draft = true"},
		{"text after the value", "title = 2026 计划",
			"x.md:3: invalid TOML: the value on this line is followed by more text\n    hint: put the whole value in quotes, title = \"2026 计划\", or start a comment with #"},
		{"a tier with a word after it", "tier = 2级",
			"x.md:3: invalid TOML: \"tier\" is a whole number\n    hint: write it as a whole number without quotes: tier = 2"},
		{"a tier in Chinese", "tier = 一级",
			"x.md:3: invalid TOML: \"tier\" is a whole number\n    hint: write it as a whole number without quotes: tier = 1"},
		{"backslash", "title = \"C:\\docs\"",
			"x.md:3: invalid TOML: a backslash in the value of \"title\" starts an escape such as \\n\n    hint: write a backslash as \\\\, or put the value in single quotes: title = 'C:\\docs'"},
		{"dates keep their hint", "approved = 2025-13-01",
			"x.md:3: invalid TOML: 2025-13-01 is not a real date\n    hint: correct the date: the month is 01 to 12 and the day 01 to 31"},
		{"a table and a list of tables", "[history]\nversion = \"1.0\"\n[[history]]\nversion = \"1.1\"",
			"x.md:5: invalid TOML: \"history\" is written both as [history] and as [[history]]\n    hint: write every entry as [[history]], with two brackets on each side"},
		{"a list of tables and a table", "[[history]]\nversion = \"1.0\"\n[history]\nversion = \"1.1\"",
			"x.md:5: invalid TOML: \"history\" is written both as [history] and as [[history]]\n    hint: write every entry as [[history]], with two brackets on each side"},
		{"a full-width colon", "title：= \"文件：控制\"",
			"x.md:3: invalid TOML: the line has full-width punctuation or spaces, which TOML does not read\n    hint: write = , : [ ] and spaces half-width, as in English: title = \"文件：控制\""},
		{"a full-width colon for =", "title：\"文件\"",
			"hint: write = , : [ ] and spaces half-width, as in English: title = \"文件\""},
		{"a full-width comma", "controls = [\"5.33\"，\"8.10\"]",
			"hint: write = , : [ ] and spaces half-width, as in English: controls = [\"5.33\", \"8.10\"]"},
		{"full-width spaces", "title　=　\"文件\"",
			"hint: write = , : [ ] and spaces half-width, as in English: title = \"文件\""},
		{"two commas in a list", "owners = [\"isd\",, \"hr\"]",
			"x.md:3: invalid TOML: the list of \"owners\" has a comma with no item before it\n    hint: write one comma between two items: owners = [\"isd\", \"hr\"]"},
		{"a comma first in a list", "controls = [, \"5.1\"]",
			"hint: write one comma between two items: controls = [\"5.1\"]"},
		{"a year in two digits", "approved = 25-03-01",
			"x.md:3: invalid TOML: the date of \"approved\" is not written year-month-day\n    hint: dates are written year-month-day with hyphens and no quotes: approved = 2025-03-01"},
		{"a date with a time that is not one", "next_review = 2026-03-01T25:00",
			"x.md:3: invalid TOML: the date of \"next_review\" is not written year-month-day\n    hint: dates are written year-month-day with hyphens and no quotes: next_review = 2026-03-01"},
		{"a date with a letter after it", "approved = 2025-3-01T",
			"hint: dates are written year-month-day with hyphens and no quotes: approved = 2025-03-01"},
		{"a tier with a leading zero", "tier = 02",
			"x.md:3: invalid TOML: \"tier\" is a whole number\n    hint: write it as a whole number without quotes: tier = 2"},
		{"a version with a leading zero", "version = 01",
			"x.md:3: invalid TOML: the value of \"version\" needs quotes\n    hint: write it in quotes: version = \"01\""},
		{"other errors keep the parser's words", "training = {title = \"x\"",
			"x.md:3: invalid TOML: expected a comma or an inline table terminator"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			src := "+++\nid = \"X-1\"\n" + tc.fm + "\n+++\nbody\n"
			_, diags := ParseDocument("x.md", []byte(src))
			var b bytes.Buffer
			diags.Print(&b, nil)
			if len(diags) != 1 || !strings.Contains(b.String(), tc.want) {
				t.Errorf("%q:\n%s\nwant %q", tc.fm, b.String(), tc.want)
			}
		})
	}
}

// Every line TOML cannot read is reported at once, not only the first:
// a date written with slashes is written so on every date line. What
// may be the knock-on of a line read as empty is not reported.
func TestEverySyntaxError(t *testing.T) {
	for _, tc := range []struct {
		name, fm string
		want     []string
	}{
		{"two dates", "approved = 2025/05/10\ntitle = \"x\"\nnext_review = 2026/05/10",
			[]string{"x.md:3: invalid TOML: the date of \"approved\"", "x.md:5: invalid TOML: the date of \"next_review\""}},
		{"a quote left open and a full-width colon", "title = \"x\nowners：[\"isd\"]",
			[]string{"x.md:3: invalid TOML: the quotes around the value of \"title\" are not closed on its line", "x.md:4: invalid TOML: the line has full-width punctuation"}},
		{"a table header and what follows", "[[history]\nversion = \"1.0\"\n[[history]]\nversion = \"1.1\"",
			[]string{"x.md:3: invalid TOML"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			src := "+++\nid = \"X-1\"\n" + tc.fm + "\n+++\nbody\n"
			_, diags := ParseDocument("x.md", []byte(src))
			if len(diags) != len(tc.want) {
				t.Fatalf("%d diagnostics, want %d:\n%v", len(diags), len(tc.want), diags)
			}
			for i, d := range diags {
				if !strings.HasPrefix(d.String(), tc.want[i]) {
					t.Errorf("%s\nwant %s…", d, tc.want[i])
				}
			}
		})
	}
}
