package markdown

import (
	"bytes"
	"regexp"
	"strings"

	"ismsgen/generator/diag"
)

// A set written for Jekyll, Hugo, MkDocs or Docusaurus starts each file
// with front matter of its own: YAML between lines "---" (Hugo's TOML
// between lines "+++"). A document controller who writes ismsgen's
// front matter above it leaves that block at the top of the body, where
// CommonMark shows a rule and the keys as a heading or a paragraph.

var (
	// title: x, redirect_from:, "key": 1, and Obsidian's properties,
	// whose names may hold spaces and any letters: Last reviewed: x, 标签:
	yamlKey = regexp.MustCompile(`^["']?[^\s:#'"-][^:]{0,40}?["']?[ \t]*:(?:[ \t]|$)`)
	// title = "x", [params]
	tomlKey = regexp.MustCompile(`^(?:[A-Za-z_][\w.-]*[ \t]*=|\[\[?[\w. -]+\]\]?[ \t]*$)`)
)

// otherFrontMatter is how many of ls, the body's lines from its first
// line that is not blank, a front matter block takes (its fences
// included), its format and its keys at the top level; n is 0 when ls
// do not start with one. Every line between the fences must read as
// front matter: a key, a line indented under one, a list item, a
// comment or a blank line. YAML whose opening line is missing, as
// comply's policies have it (keys from the first line, then "---"), is
// read too when it has two keys or more and no blank line.
func otherFrontMatter(ls [][]byte) (n int, format string, keys []string) {
	open := string(bytes.TrimRight(ls[0], " \t\r"))
	key := yamlKey
	switch format = "YAML"; open {
	case "---":
	case "+++":
		format, key = "TOML", tomlKey
	default:
		return unopenedYAML(ls)
	}
	for i := 1; i < len(ls); i++ {
		line := bytes.TrimRight(ls[i], " \t\r")
		switch {
		case string(line) == open || open == "---" && string(line) == "...":
			if len(keys) == 0 {
				return 0, "", nil
			}
			return i + 1, format, keys
		case len(line) == 0 || line[0] == ' ' || line[0] == '\t' || line[0] == '#' || line[0] == '-' && open == "---":
		case key.Match(line):
			k := string(line)
			if format == "YAML" {
				k, _, _ = strings.Cut(k, ":")
			} else {
				k, _, _ = strings.Cut(k, "=")
			}
			keys = append(keys, strings.Trim(strings.TrimSpace(k), `"'`))
		default:
			return 0, "", nil
		}
	}
	return 0, "", nil
}

// unopenedYAML is otherFrontMatter of YAML without its opening line.
func unopenedYAML(ls [][]byte) (n int, format string, keys []string) {
	for i, l := range ls {
		line := bytes.TrimRight(l, " \t\r")
		switch {
		case string(line) == "---":
			if len(keys) < 2 {
				return 0, "", nil // "Note: x" above "---" is a heading
			}
			return i + 1, "YAML", keys
		case len(line) == 0:
			return 0, "", nil
		case i > 0 && (line[0] == ' ' || line[0] == '\t' || line[0] == '#' || line[0] == '-'):
		case yamlKey.Match(line):
			k, _, _ := strings.Cut(string(line), ":")
			keys = append(keys, strings.Trim(strings.TrimSpace(k), `"'`))
		default:
			return 0, "", nil
		}
	}
	return 0, "", nil
}

// otherFrontMatterFound is the Foreign of a front matter block at line
// at that otherFrontMatter read.
func otherFrontMatterFound(at int, format string, keys []string) Foreign {
	if len(keys) > 6 {
		keys = append(keys[:6:6], "…")
	}
	return Foreign{Line: at, Code: "other-front-matter",
		Message: diag.Msg("the %s front matter at the top of the body (%s) is not shown: only the front matter between the lines +++ at the top of the file is read", format, strings.Join(keys, ", ")),
		Hint:    diag.Msg("move what it says that matters into the front matter above (title = \"…\", approved = …), and remove the block")}
}

// startsOtherFrontMatter reports whether ls start with a front matter
// block.
func startsOtherFrontMatter(ls [][]byte) bool {
	n, _, _ := otherFrontMatter(ls)
	return n > 0
}

// bodyOpensFence reports whether the first line of body that is not
// blank is "---" or "+++", which may open front matter, or a YAML key
// with a line "---" below: mayAdapt looks at no '-', which starts every
// list item and rule.
func bodyOpensFence(body []byte) bool {
	body = bytes.TrimLeft(body, " \t\r\n")
	first, _, _ := bytes.Cut(body, []byte("\n"))
	return bytes.HasPrefix(body, []byte("---")) || bytes.HasPrefix(body, []byte("+++")) ||
		yamlKey.Match(first) && bytes.Contains(body, []byte("\n---"))
}
