package markdown

import (
	"strings"
	"testing"
)

func TestFromPandoc(t *testing.T) {
	for _, tc := range []struct {
		name, in, out string
		found         []string // code@line
	}{
		{"nothing to do", "# A\n\n50% of the staff.\n", "# A\n\n50% of the staff.\n", nil},
		{"title block at the top", "\n% Access Policy\n% Jane Doe\n  and Ann Roe\n% 2024-01-01\n\n# Purpose\n", "\n\n\n\n\n\n# Purpose\n", []string{"pandoc-title@1"}},
		{"not a title block below text", "Text.\n\n% not a title\n", "Text.\n\n% not a title\n", nil},
		{"latex page breaks", "a\n\n\\pagebreak \n\n  \\newpage\n\n```\n\\newpage\n```\n", "a\n\n\n\n\n\n```\n\\newpage\n```\n", []string{"latex@2", "latex@4"}},
		{"grid table with a header and cells of several lines",
			"+-----+:-----:+\n| **A** | B |\n| a2  |   |\n+=====+:=====:+\n| 1   | two   |\n|     | lines |\n+-----+-------+\n|     |       |\n+-----+-------+\nafter\n",
			"| **A** a2 | B |\n| --- | :---: |\n| 1 | two lines |\n\n\n\n\n\n\nafter\n", []string{"grid-table@0"}},
		{"grid table without a header", "  +---+---+\n  | a | b |\n  +---+---+\n", "  |  |  |\n  | --- | --- |\n  | a | b |\n", []string{"grid-table@0"}},
		{"grid table whose cells hold a pipe: text", "+---+---+\n| a | b|c |\n+---+---+\n", "+---+---+\n| a | b|c |\n+---+---+\n", []string{"grid-table@0"}},
		{"a border alone is no table", "+---+\n\ntext\n", "+---+\n\ntext\n", nil},
		{"in code, nothing", "```\n+---+\n| a |\n+---+\n```\n", "```\n+---+\n| a |\n+---+\n```\n", nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			out, found := FromPandoc([]byte(tc.in))
			if string(out) != tc.out {
				t.Errorf("got\n%q\nwant\n%q", out, tc.out)
			}
			if strings.Count(string(out), "\n") != strings.Count(tc.in, "\n") {
				t.Errorf("the number of lines changed")
			}
			var got []string
			for _, f := range found {
				got = append(got, f.Code+"@"+itoa(f.Line))
			}
			if strings.Join(got, " ") != strings.Join(tc.found, " ") {
				t.Errorf("found %v, want %v", got, tc.found)
			}
		})
	}
}

func FuzzFromPandoc(f *testing.F) {
	for _, s := range []string{"+---+\n| a |\n+===+\n| b |\n+---+\n", "% t\n% a\n", "\\newpage\n", "```\n+--+\n"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		out, _ := FromPandoc([]byte(in))
		if strings.Count(string(out), "\n") != strings.Count(in, "\n") {
			t.Errorf("%q → %q: the number of lines changed", in, out)
		}
	})
}
