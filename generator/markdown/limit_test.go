package markdown

import (
	"strings"
	"testing"
)

func TestLimitNesting(t *testing.T) {
	deep := func(m string, n int) string { return strings.Repeat(m, n) }
	for _, tc := range []struct {
		name, in, want string
		lines          []int
	}{
		{"shallow is untouched", "> > - 1. x\n  - y\n", "> > - 1. x\n  - y\n", nil},
		{"quotes", deep(">", 40) + " x\n", deep(">", 32) + `\` + deep(">", 8) + " x\n", []int{0}},
		{"spaced quotes", "a\n" + deep("> ", 33) + "x", "a\n" + deep("> ", 32) + `\> x`, []int{1}},
		{"bullets", deep("- ", 33) + "x\n", deep("- ", 32) + `\- x` + "\n", []int{0}},
		{"ordered", deep("12. ", 33) + "x\n", deep("12. ", 32) + `12\. x` + "\n", []int{0}},
		{"mixed", deep("> * ", 17) + "x\n", deep("> * ", 16) + `\> * x` + "\n", []int{0}},
		{"indentation", deep(" ", 200) + "- x\n", deep(" ", MaxIndent) + "- x\n", []int{0}},
		{"not markers", deep("-", 100) + "\n" + deep("1.", 50) + "\n", deep("-", 100) + "\n" + deep("1.", 50) + "\n", nil},
		{"fenced code is code", "```\n" + deep("> ", 40) + "\n```\n" + deep("> ", 40), "```\n" + deep("> ", 40) + "\n```\n" + deep("> ", 32) + `\> ` + deep("> ", 7), []int{3}},
		// Where goldmark may have ended a fence that the line reader
		// cannot follow, every line is text: a list item's end closes
		// its fence, a blank line an HTML block.
		{"a list item's fence", "- a\n  ```\n" + deep(">", 40) + "\n", "- a\n  ```\n" + deep(">", 32) + `\` + deep(">", 8) + "\n", []int{2}},
		{"a fence in HTML", "<div>\n```\n\n" + deep(">", 40) + "\n", "<div>\n```\n\n" + deep(">", 32) + `\` + deep(">", 8) + "\n", []int{3}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, limited := LimitNesting([]byte(tc.in))
			if string(got) != tc.want {
				t.Errorf("got  %q\nwant %q", got, tc.want)
			}
			var lines []int
			for _, l := range limited {
				lines = append(lines, l.Line)
			}
			if strings.Count(string(got), "\n") != strings.Count(tc.in, "\n") {
				t.Error("the number of lines changed")
			}
			if len(lines) != len(tc.lines) || len(lines) > 0 && lines[0] != tc.lines[0] {
				t.Errorf("limited lines %v, want %v", lines, tc.lines)
			}
		})
	}
}

func FuzzLimitNesting(f *testing.F) {
	for _, s := range []string{"> > x", "- - - x", "```\n> x\n```", strings.Repeat("> ", 40), strings.Repeat("> ", 40) + "[a](" + strings.Repeat("x", 300) + ")"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		out, limited := LimitNesting([]byte(src))
		if strings.Count(string(out), "\n") != strings.Count(src, "\n") {
			t.Fatal("the number of lines changed")
		}
		if len(limited) == 0 && string(out) != src {
			t.Fatal("changed without saying so")
		}
		again, more := LimitNesting(out)
		if len(more) != 0 || string(again) != string(out) {
			t.Fatalf("not idempotent: %q → %q", out, again)
		}
		// Limit is LimitNesting and then LimitLinks in one reading.
		both, all := Limit([]byte(src))
		links, linked := LimitLinks(out)
		if string(both) != string(links) || len(all) != len(limited)+len(linked) {
			t.Fatalf("Limit(%q) = %q, %d lines; LimitLinks(LimitNesting) = %q, %d", src, both, len(all), links, len(limited)+len(linked))
		}
	})
}

// naiveLinkLine is limitLinkLine written the obvious, quadratic way: it
// runs goldmark's own scan (parser.parseLinkDestination) from every "](".
func naiveLinkLine(line []byte, long int) []byte {
	isPunct := func(c byte) bool {
		return c >= '!' && c <= '/' || c >= ':' && c <= '@' || c >= '[' && c <= '`' || c >= '{' && c <= '~'
	}
	escaped := make([]bool, len(line))
	for i := 0; i+1 < len(line); i++ {
		if line[i] == '\\' && isPunct(line[i+1]) {
			escaped[i+1] = true
			i++
		}
	}
	var out []byte
	copied := 0
	for p := 1; p < len(line); p++ {
		if line[p] != '(' || escaped[p] || line[p-1] != ']' || escaped[p-1] {
			continue
		}
		s := p + 1
		for s < len(line) && (line[s] == ' ' || line[s] == '\t') {
			s++
		}
		rest := line[s:]
		i := 0
		if len(rest) > 0 && rest[0] == '<' {
			i = 1
			for i < len(rest) {
				if rest[i] == '\\' && i < len(rest)-1 && isPunct(rest[i+1]) {
					i += 2
					continue
				} else if rest[i] == '>' {
					break
				}
				i++
			}
			i = min(i, len(rest)) // the cost: up to the ">" or the end
		} else {
			opened := 0
			for i < len(rest) {
				c := rest[i]
				if c == '\\' && i < len(rest)-1 && isPunct(rest[i+1]) {
					i += 2
					continue
				} else if c == '(' {
					opened++
				} else if c == ')' {
					opened--
					if opened < 0 {
						break
					}
				} else if c == ' ' || c == '\t' || c == '\n' || c == '\r' {
					break
				}
				i++
			}
		}
		if i > long {
			out = append(append(out, line[copied:p]...), '\\')
			copied = p
		}
	}
	if out == nil {
		return nil
	}
	return append(out, line[copied:]...)
}

func FuzzLimitLinkLine(f *testing.F) {
	for _, s := range []string{"[a](b) [c](<d>)", "[a]([a]([a](", `[a](\(x\)) [b](((y)))`, "[a]( <x\\>y>", "[a](x y)"} {
		f.Add(s, 2)
	}
	f.Fuzz(func(t *testing.T, line string, long int) {
		long = max(0, long%8)
		if strings.ContainsRune(line, '\n') {
			return
		}
		budget := 0
		got := limitLinkLine([]byte(line), &budget, long)
		want := naiveLinkLine([]byte(line), long)
		if string(got) != string(want) {
			t.Fatalf("limitLinkLine(%q, %d) = %q, want %q", line, long, got, want)
		}
	})
}

func TestLimitLinks(t *testing.T) {
	hostile := strings.Repeat("[a](", 20_000) + "\n"
	out, limited := LimitLinks([]byte(hostile))
	if len(limited) != 1 || limited[0].Line != 0 {
		t.Fatalf("limited = %v", limited)
	}
	if !strings.Contains(string(out), `[a]\(`) || strings.Count(string(out), "\n") != 1 {
		t.Errorf("nothing escaped")
	}
	for _, ok := range []string{
		"[x](ISMS-P-001) 中文[y](https://example.com/" + strings.Repeat("a", 300) + ")\n",
		"```\n" + hostile + "```\n",
	} {
		if got, l := LimitLinks([]byte(ok)); string(got) != ok || l != nil {
			t.Errorf("changed %.40q", ok)
		}
	}
}
