package markdown

import (
	"bytes"
	"regexp"
	"strconv"
	"strings"

	"ismsgen/generator/diag"
)

// Hugo's themes write a note as a shortcode around its text: Hextra's
// {{< callout type="info" >}}, the Book theme's {{< hint warning >}},
// Relearn's and hugo-notice's {{% notice note "标题" %}}, Docsy's
// {{% alert title="注意" color="warning" %}}, LoveIt's
// {{< admonition tip "标题" >}}, each closed by {{< /name >}}; GitBook
// writes {% hint style="info" %} … {% endhint %}, and Hexo's themes {%
// note warning 标题 %} … {% endnote %}. Such a
// note whose tag gives its kind or its title is shown as an admonition
// is: a block quote under its title in bold (the kind in the site's
// language when there is no title). One with neither
// ({{< callout emoji="⚠️" >}}) or never closed stays a template tag: its
// lines are left out, its text shown.

// calloutNames are the shortcodes of notes; those that name a kind are
// their own kind ({{< warning >}}).
var calloutNames = map[string]bool{
	"callout": true, "hint": true, "notice": true, "alert": true, "admonition": true,
	"note": true, "tip": true, "info": true, "warning": true, "caution": true, "danger": true, "important": true,
}

var (
	// {{< name args >}}, {{%- name args -%}}: a shortcode's opening tag
	shortcodeOpen = regexp.MustCompile(`^\{\{[<%]-?\s*([A-Za-z][\w-]*)((?:\s[^{}]*?)?)\s*-?[>%]\}\}$`)
	// {{< /name >}}: its closing tag
	shortcodeClose = regexp.MustCompile(`^\{\{[<%]-?\s*/\s*([A-Za-z][\w-]*)\s*-?[>%]\}\}$`)
	// {% name args %}, {%- name args -%}: a Liquid or Nunjucks tag's
	// opening tag (GitBook's, Hexo's), and {% endname %}, its closing one
	liquidOpen  = regexp.MustCompile(`^\{%-?\s*([A-Za-z][\w-]*)((?:\s[^{}]*?)?)\s*-?%\}$`)
	liquidClose = regexp.MustCompile(`^\{%-?\s*end([A-Za-z][\w-]*)\s*-?%\}$`)
	// a shortcode's argument: name="value" or a value, quoted or not
	shortcodeArg = regexp.MustCompile("(?:([A-Za-z][\\w-]*)=)?(\"(?:[^\"\\\\]|\\\\.)*\"|`[^`]*`|'[^']*'|[^\\s\"'`]+)")
)

// maxCalloutDepth bounds the notes and admonitions one note is shown
// in, as block quotes: a quote in more of them is read only as deep as
// the nesting limit lets it (see Limit).
const maxCalloutDepth = 4

// calloutTitle is the title that the opening tag trimmed of a note
// gives it in the language lang: the title written
// (title="…", or the argument after its kind, or its one argument when
// that is no lower-case name), else its kind (its name when that is a
// kind, else the first argument or its type, kind, style, color or
// context) when kindTitle knows it; "" when trimmed opens no note or
// gives neither.
func calloutTitle(trimmed []byte, lang string) (title string) {
	m := calloutOpen(trimmed)
	if m == nil || !calloutNames[strings.ToLower(string(m[1]))] {
		return ""
	}
	name := string(m[1])
	kind := ""
	var positional []string
	for _, a := range shortcodeArg.FindAllSubmatch(m[2], -1) {
		value := unquoteArg(string(a[2]))
		switch strings.ToLower(string(a[1])) {
		case "":
			positional = append(positional, value)
		case "title":
			title = value
		case "type", "kind", "style", "color", "context":
			kind = value
		}
	}
	switch n := strings.ToLower(name); {
	case n == "note" && len(positional) > 0 && kind == "" && (chineseKinds[strings.ToLower(positional[0])] != "" || positional[0] == "default" || positional[0] == "primary"):
		kind = positional[0] // Hexo's {% note info 标题 %}: its class, then its title
		if title == "" && len(positional) > 1 {
			title = positional[1]
		}
	case n != "callout" && n != "hint" && n != "notice" && n != "alert" && n != "admonition":
		kind = name // {{< warning "标题" >}}
		if title == "" && len(positional) > 0 {
			title = positional[0]
		}
	case len(positional) > 0 && kind == "" && chineseKinds[strings.ToLower(positional[0])] != "":
		kind = positional[0] // {{< hint warning "标题" >}}
		if title == "" && len(positional) > 1 {
			title = positional[1]
		}
	case len(positional) > 0 && title == "" && !calloutWord.MatchString(positional[0]):
		title = positional[0] // {{< callout "标题" >}}, not an icon's name ({{< alert "circle-info" >}})
	}
	if title = strings.TrimSpace(title); title == "" && chineseKinds[strings.ToLower(kind)] != "" {
		title = kindTitle(kind, lang)
	}
	return title
}

// calloutOpen is the match of shortcodeOpen or liquidOpen in trimmed,
// the tag's name and arguments, or nil; a Liquid tag whose name starts
// with "end" closes one.
func calloutOpen(trimmed []byte) [][]byte {
	if m := shortcodeOpen.FindSubmatch(trimmed); m != nil {
		return m
	}
	if m := liquidOpen.FindSubmatch(trimmed); m != nil && !bytes.HasPrefix(bytes.ToLower(m[1]), []byte("end")) {
		return m
	}
	return nil
}

// calloutClose is the name of the note that trimmed closes, or nil.
func calloutClose(trimmed []byte) []byte {
	if m := shortcodeClose.FindSubmatch(trimmed); m != nil {
		return m[1]
	}
	if m := liquidClose.FindSubmatch(trimmed); m != nil {
		return m[1]
	}
	return nil
}

// calloutWord is a positional argument that is a name (an icon's, a
// style's), no title.
var calloutWord = regexp.MustCompile(`^[a-z][a-z0-9-]*$`)

// unquoteArg is a shortcode's argument without its quotes.
func unquoteArg(s string) string {
	switch {
	case len(s) >= 2 && s[0] == '"':
		if u, err := strconv.Unquote(s); err == nil {
			return u
		}
		return s[1 : len(s)-1]
	case len(s) >= 2 && (s[0] == '`' || s[0] == '\''):
		return s[1 : len(s)-1]
	}
	return s
}

// calloutEnds maps the index in ls of each line that opens a note of a
// Hugo theme (a tag of calloutNames alone on the line) to that of the
// line that closes it, notes of its name within it closed first, fenced
// code passed over: a note never closed is not in it. One reading of
// ls, however many notes it opens.
func calloutEnds(ls [][]byte) map[int]int {
	var code fence
	open := map[string][]int{} // by name, the notes open at a line
	ends := map[int]int{}
	for i, l := range ls {
		line := bytes.TrimRight(l, "\r")
		if code.holds(line) {
			continue
		}
		if f, ok := openFence(bytes.TrimLeft(line, " ")); ok {
			code = f
			continue
		}
		trimmed := bytes.TrimSpace(line)
		if !bytes.HasPrefix(trimmed, []byte("{{")) && !bytes.HasPrefix(trimmed, []byte("{%")) {
			continue
		}
		if closed := calloutClose(trimmed); closed != nil {
			name := strings.ToLower(string(closed))
			if s := open[name]; len(s) > 0 {
				ends[s[len(s)-1]] = i
				open[name] = s[:len(s)-1]
			}
		} else if m := calloutOpen(trimmed); m != nil && calloutNames[strings.ToLower(string(m[1]))] {
			name := strings.ToLower(string(m[1]))
			open[name] = append(open[name], i)
		}
	}
	return ends
}

// callout shows the note that ls[0] opens and ls[end] closes, at line
// at of the body and in depth block quotes, as a block quote under its
// title in bold, its lines adapted as the body's are: it returns the
// number of lines it took (0 when ls[0] opens no note of a kind or a
// title, end is not after it, or the note would be too deep) and the
// warnings of it and of its lines.
func callout(ls [][]byte, end, at int, lang string, depth int) (int, []Foreign) {
	if end <= 0 || depth >= maxCalloutDepth {
		return 0, nil
	}
	line := bytes.TrimRight(ls[0], "\r")
	trimmed := bytes.TrimSpace(line)
	title := calloutTitle(trimmed, lang)
	if title == "" {
		return 0, nil
	}
	indent := indentOf(line)
	inner := make([][]byte, end-1)
	for j := range inner {
		l := ls[1+j]
		inner[j] = l[min(indent, indentOf(l)):]
	}
	found := []Foreign{{Line: at, Code: "admonition",
		Message: diag.Msg("the note %s is shown as a block quote under its title in bold: it is written for a theme of Hugo", string(trimmed)),
		Hint:    diag.Msg("write it as a block quote: > **%s** …", title)}}
	if bytes.HasPrefix(trimmed, []byte("{%")) {
		found[0].Message = diag.Msg("the note %s is shown as a block quote under its title in bold: it is written for GitBook or a theme of Hexo", string(trimmed))
	}
	_, more := adapt(inner, at+1, false, lang, depth+1)
	found = append(found, more...)
	prefix := line[:indent:indent]
	ls[0] = append(prefix, bold(title, true)...)
	for j, l := range inner {
		ls[1+j] = append(prefix, quoted(l, true)...)
	}
	ls[end] = nil
	return end + 1, found
}
