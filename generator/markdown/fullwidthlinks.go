package markdown

import (
	"bytes"
	"path"
	"regexp"
	"strings"

	"ismsgen/generator/diag"
	"ismsgen/generator/internal/filetype"
)

// A Chinese input method types parentheses full-width: "[访问控制程序]
// （ISMS-P-009）", or the closing one alone, "(ISMS-P-009）". CommonMark
// shows such a link as text, brackets and all, and the author meant a
// link. fullWidthLink is one whose destination reads as an id, a path
// or an address, so that "[注]（见附件）" stays text.
var fullWidthLink = regexp.MustCompile(`\]([（(])([A-Za-z0-9.][^()（）\s<>"'，。；]*)([）)])`)

// linkLike is a destination that names something: an id with a digit,
// a path with a folder or an extension, or an address.
var linkLike = regexp.MustCompile(`^(?:[A-Za-z0-9._-]*[0-9][A-Za-z0-9._-]*|[^#]*/[^#]*|[^#]*\.[A-Za-z0-9]{1,5}|https?:.*|mailto:.*)(?:#.*)?$`)

// mayHaveFullWidthLink reports whether line may hold what fullWidthLink
// finds with a full-width parenthesis.
func mayHaveFullWidthLink(line []byte) bool {
	return bytes.Contains(line, []byte("]（")) || bytes.Contains(line, []byte("](")) && bytes.Contains(line, []byte("）"))
}

// halfWidthLinks returns body with the parentheses of each link that
// fullWidthLink finds written half-width, and a Foreign at each line;
// code is left alone.
func halfWidthLinks(body []byte) ([]byte, []Foreign) {
	if !bytes.Contains(body, []byte("）")) && !bytes.Contains(body, []byte("（")) {
		return body, nil // most bodies: no split into lines, no regexp
	}
	var found []Foreign
	body = textLines(body, mayHaveFullWidthLink, func(n int, line []byte, spans [][2]int) []byte {
		ms := fullWidthLink.FindAllSubmatchIndex(line, -1)
		var edits []edit
		for j := len(ms) - 1; j >= 0; j-- {
			m := ms[j]
			open, close := string(line[m[2]:m[3]]), string(line[m[6]:m[7]])
			text := bytes.LastIndexByte(line[:m[0]], '[')
			if (open == "(" && close == ")") || text < 0 || inSpan(spans, m[0]) || !linkLike.Match(line[m[4]:m[5]]) ||
				bytes.IndexByte(line[text+1:m[0]], ']') >= 0 {
				// a wiki link's "]]" is no link's "]": "[[两步验证]]（2FA）" is text
				continue
			}
			written := string(line[text:m[1]])
			fixed := string(line[text:m[2]]) + "(" + string(line[m[4]:m[5]]) + ")"
			edits = append(edits, edit{m[2], m[1], []byte("(" + string(line[m[4]:m[5]]) + ")")})
			found = append(found, Foreign{Line: n, Code: "fullwidth-link",
				Message: diag.Msg("the link %s is written with a full-width parenthesis, which CommonMark shows as text: it is read as the link it is meant to be", written),
				Hint:    diag.Msg("write its parentheses half-width: %s", fixed)})
		}
		return spliced(line, edits)
	})
	return body, found
}

// "[访问控制程序] (ISMS-P-009)", a space between the text and the
// destination, is text in CommonMark too, brackets and all; the author
// meant a link ("![图] (a.png)": a picture). spaceSplitLink is one whose
// destination reads as an id, a path or an address (linkLike), so that
// "[注] (见附件)" stays text, and whose text is no task list's box
// ("- [x] (ISMS-P-009) done").
var spaceSplitLink = regexp.MustCompile(`\][ \t]+\(([A-Za-z0-9.][^()\s<>"']*)\)`)

// joinedLinks returns body with the space of each link that
// spaceSplitLink finds left out, and a Foreign at each line; code is
// left alone.
func joinedLinks(body []byte) ([]byte, []Foreign) {
	if !bytes.Contains(body, []byte("] (")) && !bytes.Contains(body, []byte("]\t(")) {
		return body, nil // most bodies: no split into lines, no regexp
	}
	var found []Foreign
	body = textLines(body, func(line []byte) bool {
		return bytes.Contains(line, []byte("] (")) || bytes.Contains(line, []byte("]\t("))
	}, func(n int, line []byte, spans [][2]int) []byte {
		ms := spaceSplitLink.FindAllSubmatchIndex(line, -1)
		var edits []edit
		for j := len(ms) - 1; j >= 0; j-- {
			m := ms[j]
			text := bytes.LastIndexByte(line[:m[0]], '[')
			if text < 0 || inSpan(spans, m[0]) || !linkLike.Match(line[m[2]:m[3]]) || taskBox(line, text, m[0]) ||
				text > 0 && (line[text-1] == '\\' || line[text-1] == ']') || bytes.IndexByte(line[text+1:m[0]], ']') >= 0 {
				continue
			}
			// a picture, "![图] (a.png)", unless its '!' is escaped
			picture := text > 0 && line[text-1] == '!' && (text == 1 || line[text-2] != '\\')
			from := text
			if picture {
				from--
			}
			written := string(line[from:m[1]])
			fixed := string(line[from:m[0]+1]) + string(line[m[2]-1:m[1]])
			edits = append(edits, edit{m[0] + 1, m[2] - 1, nil})
			f := Foreign{Line: n, Code: "link-space",
				Message: diag.Msg("the link %s has a space between ] and (, which CommonMark shows as text: it is read as the link it is meant to be", written),
				Hint:    diag.Msg("leave out the space: %s", fixed)}
			if picture {
				f.Message = diag.Msg("the picture %s has a space between ] and (, which CommonMark shows as text: it is shown as the picture it is meant to be", written)
			}
			found = append(found, f)
		}
		return spacedSplitLinks(n, spliced(line, edits), spans, &found)
	})
	return body, found
}

// spaceSplitSpaced is a link with a space before its "(" whose
// destination has spaces too ("![图] (img/a b.png)"): spacedPath's, after
// "] (".
var spaceSplitSpaced = regexp.MustCompile(`\][ \t]+\((` + spacedDest + `)\)`)

// spacedSplitLinks is line n with the space of each link that
// spaceSplitSpaced finds left out and its destination written in angle
// brackets, "![图](<img/a b.png>)", and a Foreign of each in found. Only
// a picture, a folder's path, an address or a path to a file of a kind
// a page links to is taken for one: "[注] (见 附件 1.2)" stays text.
func spacedSplitLinks(n int, line []byte, spans [][2]int, found *[]Foreign) []byte {
	if !bytes.Contains(line, []byte("] ")) && !bytes.Contains(line, []byte("]\t")) {
		return line
	}
	ms := spaceSplitSpaced.FindAllSubmatchIndex(line, -1)
	var edits []edit
	for j := len(ms) - 1; j >= 0; j-- {
		m := ms[j]
		text := bytes.LastIndexByte(line[:m[0]], '[')
		if text < 0 || inSpan(spans, m[0]) || taskBox(line, text, m[0]) ||
			text > 0 && (line[text-1] == '\\' || line[text-1] == ']') || bytes.IndexByte(line[text+1:m[0]], ']') >= 0 {
			continue
		}
		dest := line[m[2]:m[3]]
		picture := text > 0 && line[text-1] == '!' && (text == 1 || line[text-2] != '\\')
		if !picture && !namedFile(dest) {
			continue
		}
		from := text
		if picture {
			from--
		}
		written := string(line[from:m[1]])
		fixed := string(line[from:m[0]+1]) + "(<" + string(dest) + ">)"
		edits = append(edits, edit{m[0] + 1, m[1], []byte("(<" + string(dest) + ">)")})
		f := Foreign{Line: n, Code: "link-space",
			Message: diag.Msg("the link %s has a space between ] and ( and spaces in its path, which CommonMark shows as text: it is read as the link it is meant to be", written),
			Hint:    diag.Msg("leave out the space and write the path in angle brackets: %s", fixed)}
		if picture {
			f.Message = diag.Msg("the picture %s has a space between ] and ( and spaces in its path, which CommonMark shows as text: it is shown as the picture it is meant to be", written)
		}
		*found = append(*found, f)
	}
	return spliced(line, edits)
}

// namedFile reports whether a destination with spaces is a folder's
// path, an address, or a path to a Markdown file or to a file of a kind
// ismsgen publishes, fragment aside.
func namedFile(dest []byte) bool {
	p, _, _ := strings.Cut(string(dest), "#")
	if strings.HasSuffix(p, "/") || spacedAddress.MatchString(p) {
		return true
	}
	switch strings.ToLower(path.Ext(p)) {
	case ".md", ".markdown":
		return true
	}
	_, ok := filetype.ContentType(p)
	return ok
}

// taskBox reports whether the brackets from open to closing are a task
// list's box ("- [ ]", "* [x]") at the start of a list item.
func taskBox(line []byte, open, closing int) bool {
	box := line[open+1 : closing]
	if len(box) != 1 || box[0] != ' ' && box[0] != 'x' && box[0] != 'X' {
		return false
	}
	before := bytes.TrimRight(line[:open], " \t")
	return len(before) > 0 && len(bytes.Trim(before, " \t-*+0123456789.)")) == 0
}
