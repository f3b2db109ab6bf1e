package markdown

import (
	"bytes"
	"cmp"
	"path"
	"regexp"
	"strings"

	"ismsgen/generator/diag"
)

// Other tools read Markdown of their own that CommonMark shows as other
// text, and sets written for them are full of it: pandoc's title block of
// "%" lines, grid tables drawn with "+---+" and "|", and LaTeX commands
// such as \newpage for its PDF output; MkDocs's admonitions ("!!! note"
// and an indented block, which CommonMark shows as code) and content
// tabs ("=== \"Tab\""); fenced divs (":::"); table-of-contents markers
// ("[TOC]"); the template tags of Hugo ("{{< callout >}}") and of
// GitBook or Jekyll ("{% hint style=\"info\" %}") on lines of their own;
// MDX's import lines ("import Tabs from '@theme/Tabs';").

// Adapt returns body with what other tools write and CommonMark cannot
// show made fit to show, and says at which line it did what (and where
// a reference link's label has no definition or a line of text holds a
// template tag, both shown as written):
//   - a grid table becomes a pipe table, cells of several lines joined,
//     a simple HTML table one of its cells (htmltable.go), and an HTML
//     list a Markdown list of its items (htmllist.go), an HTML paragraph
//     a Markdown one (htmlpara.go);
//   - an admonition, and a Hugo theme's note of a kind or a title
//     (hugocallout.go), becomes a block quote under its title in bold,
//     a content tab its title in bold and its block;
//   - a list marked with letters or roman numerals ("a.", "i."), as
//     pandoc reads it, becomes a numbered one, its indented items
//     nested (letteredlists.go);
//   - a fenced div's fences go, an opening one's name stays in bold;
//   - a '|' in code in a pipe table's line is escaped, as MkDocs
//     keeps such code whole;
//   - an attribute list right after a picture or a link
//     ("![a](a.png){ width="95%" }") goes;
//   - another tool's front matter at the top (YAML between lines "---",
//     TOML between lines "+++"), a title block at the top, a line that
//     is only \newpage or \pagebreak, a table-of-contents marker, a
//     line that is only a template tag and an MDX import line become
//     empty lines.
//
// The number of lines never changes, so every other line keeps its
// number; code blocks are left alone. When there is nothing to do, body
// itself is returned.
func Adapt(body []byte) ([]byte, []Foreign) { return AdaptIn(body, "en") }

// AdaptIn is Adapt for a site in the language lang: an admonition, an
// alert or a fenced div its author gave no title is titled with its kind
// in that language (kindTitle).
func AdaptIn(body []byte, lang string) ([]byte, []Foreign) { return AdaptAt(body, lang, nil) }

// AdaptAt is AdaptIn for a body whose file is known: exists reports
// whether a path from the file's folder names a file or a folder, so
// that a link to one whose path has spaces and no extension
// ("[表单](forms/some folder)") is read as that path; nil when nothing is
// known (a text from git), and such a link is text.
func AdaptAt(body []byte, lang string, exists func(path string) bool) ([]byte, []Foreign) {
	imported := importedComponents(body)
	body, found := adaptText(body, lang, exists)
	found = append(append(found, undefinedReferences(body)...), overflowingRows(body)...)
	found = append(append(found, inlineTemplateTags(body)...), wikiLinks(body)...)
	found = append(append(found, mdBookIncludes(body)...), citations(body)...)
	found = append(found, componentTags(body, imported)...)
	return body, append(found, unclosedFence(body)...)
}

// AdaptText is the body Adapt returns, without the findings of what is
// shown as written: a body read again for its page, whose warnings were
// given when it was first read, needs only the text.
func AdaptText(body []byte) []byte { return AdaptTextIn(body, "en") }

// AdaptTextIn is AdaptText for a site in the language lang (see AdaptIn).
func AdaptTextIn(body []byte, lang string) []byte { return AdaptTextAt(body, lang, nil) }

// AdaptTextAt is AdaptText for a body whose file is known (see AdaptAt).
func AdaptTextAt(body []byte, lang string, exists func(path string) bool) []byte {
	body, _ = adaptText(body, lang, exists)
	return body
}

// adaptText makes the changes of Adapt, and says where.
func adaptText(body []byte, lang string, exists func(string) bool) ([]byte, []Foreign) {
	body, lettered := letteredLists(body)
	body, found := adaptBody(body, lang)
	found = append(lettered, found...)
	body, math := inlineMath(body)
	found = append(found, math...)
	body = docsifyIDs(spanningMDXComments(body))
	body, templated := templateDests(taggedDests(body))
	body, roles := mystRoles(body)
	templated = append(templated, roles...)
	body = escapeCodePipes(dropLinkAttributes(pandocSpans(body)))
	body, spaced := angleSpacedPaths(body, exists)
	body, opened := closedAngles(body)
	spaced = append(spaced, opened...)
	body, fullWidth := halfWidthLinks(body)
	body, spaced2 := joinedLinks(body)
	fullWidth = append(fullWidth, spaced2...)
	body, images := htmlImages(body)
	body, lists := htmlCellLists(body)
	images = append(images, lists...)
	body = htmlLinks(inlineMDXComments(body))
	return body, append(append(append(append(found, templated...), spaced...), fullWidth...), images...)
}

func adaptBody(body []byte, lang string) ([]byte, []Foreign) {
	if !mayAdapt(body) && !bodyOpensFence(body) {
		return body, nil
	}
	ls := bytes.Split(body, []byte("\n"))
	changed, found := adapt(ls, 0, true, lang, 0)
	if !changed {
		return body, found
	}
	return bytes.Join(ls, []byte("\n")), found
}

// mayAdapt reports whether a line of body may start with what adapt
// changes: '+' (a grid table), "--" (a pandoc table's dashes), '%' (a title block), '\\' (a LaTeX
// command), '!', '?' or '=' (an admonition or a content tab), ':' (a
// fenced div), '<' (an HTML table, list, paragraph, <pre>, frame or <br>), '[', '{' or '*' (a table-of-contents marker), '#' and
// no space (a heading written so), "{{" or
// "{%" (a template tag), "import " (an MDX import). One pass
// over the lines' first characters: most bodies have none of them.
func mayAdapt(body []byte) bool {
	if mayHoldTag(body, isPreTag) {
		return true // <pre> anywhere in a line
	}
	for rest := body; len(rest) > 0; {
		line := bytes.TrimLeft(rest, " \t")
		if len(rest) > len(line) && mayIndentProse(rest) {
			return true // Chinese text indented as code
		}
		if len(line) > 1 && opensContainerEmbed(line) {
			return true // a frame or a player after a list item's marker or a quote's '>'
		}
		if len(line) > 1 {
			switch c, d := line[0], line[1]; c {
			case '%', '\\':
				return true
			case '$':
				if d == '$' {
					return true
				}
			case '`', '~':
				if diagramFence(line) != "" || bytes.HasPrefix(bytes.TrimLeft(line, "`~ \t"), []byte("{")) {
					return true // a diagram, or MyST's directive
				}
			case '#':
				if headingWithoutSpace(line) > 0 {
					return true
				}
			case '+':
				if d == '-' || d == '=' || d == ':' {
					return true
				}
			case '!', '?', ':':
				if d == c {
					return true
				}
			case '=':
				if bytes.HasPrefix(line, []byte("=== ")) || bytes.HasPrefix(line, []byte("===+")) {
					return true
				}
			case '[':
				if d == 'T' || d == 't' || d == '[' {
					return true
				}
			case '{', '*':
				if d == ':' || c == '{' && (d == '{' || d == '%' || d == '/') || bytes.HasPrefix(line, []byte("* TOC")) || c == '*' && d == '[' {
					return true
				}
			case '>':
				if bytes.Contains(line[:min(len(line), 16)], []byte("[!")) {
					return true
				}
			case 'i':
				if bytes.HasPrefix(rest, []byte("import ")) {
					return true
				}
			case 'e':
				if bytes.HasPrefix(rest, []byte("export")) {
					return true
				}
			case '(':
				if bytes.HasPrefix(rest, []byte("(")) && mystTarget.Match(firstLine(rest)) {
					return true
				}
			case '-':
				if d == '-' && mayBeDashes(line) {
					return true
				}
			case '<':
				if opensTable(line) || opensList(line) || opensParagraph(line) != "" || opensDetails(line) || hasTag(line, "pre") || opensHeading(line) != "" || opensEmbed(line) != "" || len(line) > 3 && bytes.EqualFold(line[:3], []byte("<br")) || markdownInside(firstLine(line)) != "" || markdownOneLine(bytes.TrimSpace(firstLine(line))) != nil {
					return true
				}
			}
		}
		i := bytes.IndexByte(rest, '\n')
		if i < 0 {
			break
		}
		rest = rest[i+1:]
	}
	return false
}

// adapt adapts the lines ls in place, the first of which is line first
// of the body; top says that they start the body, where a title block
// may be; lang is the site's language; depth is the number of blocks
// adapted into block quotes that hold them. It reports whether it
// changed any.
func adapt(ls [][]byte, first int, top bool, lang string, depth int) (changed bool, found []Foreign) {
	var code fence  // the fence of the open code block
	inMath := false // between lines $$
	var items listItems
	components := map[string]bool{} // the names MDX import lines gave
	var notes map[int]int           // the closing line of each Hugo theme's note (calloutEnds), once one is met
	var script []byte               // the end tag of the open <script>, <style>, <pre> or <textarea> block, or of a comment
	htmlFrom := -1                  // the first line of the open HTML block that ends at a blank line, or -1
	unclosedPre := -1               // the last line that a <pre> not closed was read to
	var wrappers wrapperEnds        // the closing line of each wrapper of Markdown, once one is met
	var tabs map[string]string      // the label of each tab's value, as a <Tabs values={[…]}> gives them
	var divs []bool                 // the fenced divs open, each true when it holds VuePress's tabs
	lastAbbreviation := -2          // the line of the last abbreviation read
	for i := 0; i < len(ls); i++ {
		line := bytes.TrimRight(ls[i], "\r")
		trimmed := bytes.TrimSpace(line)
		if code.holds(line) {
			continue
		}
		if script != nil {
			if bytes.Contains(bytes.ToLower(line), script) {
				script = nil
			} else if mdxImport.Match(trimmed) && !bytes.Equal(script, commentEnd) {
				// VitePress's <script setup> imports the components
				// whose tags the page holds: left out as MDX's are
				for _, name := range importedNames(trimmed) {
					components[name] = true
				}
				found = append(found, mdxImportFound(first+i, trimmed))
			}
			continue
		}
		if i > unclosedPre && mayHoldTag(line, isPreTag) && indentOf(line) < items.code() && (htmlFrom < 0 || layoutOnly(ls[htmlFrom:i])) {
			// shown as a fenced code block when it fits in its lines,
			// else as code in them
			p, ok := readPre(ls, i)
			var from int
			var out [][]byte
			var f Foreign
			if !ok {
				unclosedPre = p.last // read once, however many <pre> it holds
			} else if from, out, f = preFence(ls, i, p); out == nil {
				from = i
				out, f = preSpans(ls, i, p)
			}
			if out != nil {
				if htmlFrom >= 0 {
					for k := htmlFrom; k < i; k++ {
						ls[k] = nil // its wrapper's tags (see the HTML blocks below)
					}
					htmlFrom = -1
				}
				if f.Line = first + i; len(found) == 0 || found[len(found)-1].Line != f.Line || found[len(found)-1].Code != f.Code {
					found = append(found, f) // once a line
				}
				copy(ls[from:], out)
				i = from + len(out) - 1
				if preIndex(ls[i]) >= 0 {
					i-- // another <pre> on its last line
				}
				top, changed = false, true
				continue
			}
		}
		if end := scriptEnd(trimmed); end != nil && indentOf(line) < items.code() {
			// left out whole, with its warning: its other lines are no
			// Markdown
			if !bytes.Contains(bytes.ToLower(trimmed), end) {
				script = end
			}
			top = false
			continue
		}
		items.see(line, len(trimmed) == 0)
		blankAbove := i == 0 || len(bytes.TrimSpace(ls[i-1])) == 0
		if len(trimmed) == 0 {
			htmlFrom = -1
		}
		if len(line) > 3 && (line[0] == '`' || line[0] == '~') && bytes.IndexByte(line, '{') >= 0 {
			// MyST's directive: a note, a picture, a code block
			if n, f := mystDirective(ls[i:], lang); n == 0 && f.Code != "" {
				f.Line = first + i // shown as code: read as a fence below
				found = append(found, f)
			} else if n != 0 {
				f.Line = first + i
				found = append(found, f)
				changed, top = true, false
				if n < 0 {
					i-- // its lines, read again as a fenced code block
				} else {
					i += n - 1
				}
				continue
			}
		}
		if f, ok := openFence(bytes.TrimLeft(line, " ")); ok && indentOf(line) < items.code() {
			htmlFrom = -1
			if lang := diagramFence(trimmed); lang != "" {
				found = append(found, diagramFound(first+i, lang))
			}
			code, top = f.in(items.column), false
			continue
		}
		if len(trimmed) == 0 {
			continue
		}
		at := first + i
		switch {
		case top && startsOtherFrontMatter(ls[i:]):
			n, format, keys := otherFrontMatter(ls[i:])
			found = append(found, otherFrontMatterFound(at, format, keys))
			for j := i; j < i+n; j++ {
				ls[j] = nil
			}
			i += n - 1
			changed = true
		case top && titleLine(line):
			n := 1
			for i+n < len(ls) && (titleLine(ls[i+n]) || len(ls[i+n]) > 0 && ls[i+n][0] == ' ') {
				n++
			}
			found = append(found, Foreign{Line: at, Code: "pandoc-title",
				Message: diag.Msg("the pandoc title block (lines starting with %%) is not shown: the page shows the document's title"),
				Hint:    diag.Msg("remove the %% lines; the title, author and date belong in the front matter (title, author, approved)")})
			for j := i; j < i+n; j++ {
				ls[j] = nil
			}
			i += n - 1
			changed = true
		case trimmed[0] == '#' && indentOf(line) < 4 && headingWithoutSpace(trimmed) > 0:
			n := headingWithoutSpace(trimmed)
			at0 := len(line) - len(bytes.TrimLeft(line, " "))
			fixed := append(append(append([]byte{}, line[:at0+n]...), ' '), line[at0+n:]...)
			fixed = spaceBeforeClosing(fixed, n)
			found = append(found, Foreign{Line: at, Code: "heading-space",
				Message: diag.Msg("the heading %s has no space after its #: it is read as a heading, as Typora and MkDocs read it (GitHub shows it as text)", string(trimmed)),
				Hint:    diag.Msg("write a space after the #: %s", string(fixed[at0:]))})
			ls[i] = fixed
			changed = true
		case trimmed[0] == '$' && bytes.HasPrefix(trimmed, []byte("$$")) && indentOf(line) < items.code():
			if !inMath {
				found = append(found, mathFound(at))
			}
			// "$$" alone opens or closes a block; "$$x$$" is one line
			if len(trimmed) == 2 || !bytes.HasSuffix(trimmed[2:], []byte("$$")) {
				inMath = !inMath
			}
			if end := mathEnd(ls, i); end >= 0 && inMath == (end > i) {
				// shown as written: no "[a](b)" in it is a link, no
				// "\\" loses a backslash, no "_" or "*" emphasises
				for j := i; j <= end; j++ {
					ls[j] = literal(ls[j])
				}
				i, inMath, changed = end, false, true
			}
		case trimmed[0] == '\\' && latexCommand.Match(trimmed):
			found = append(found, Foreign{Line: at, Code: "latex",
				Message: diag.Msg("the LaTeX command %s is not shown: it is for pandoc's PDF output", string(trimmed)),
				Hint:    diag.Msg("remove it: a printed page breaks where it must")})
			ls[i] = nil
			changed = true
		case visualIndent(line) >= items.code() && (blankAbove || visualIndent(ls[i-1]) < items.code() && atxLevel(bytes.TrimLeft(ls[i-1], " ")) > 0) && chineseStart(trimmed):
			// Chinese paragraphs indented as code (首行缩进): shown as
			// paragraphs
			n := indentedProse(ls[i:], items.code())
			if n == 0 {
				break
			}
			for j := i; j < i+n; j++ {
				if t := bytes.TrimLeft(ls[j], " \t"); len(bytes.TrimSpace(t)) > 0 {
					ls[j] = indentBy(items.column, t)
				}
			}
			found = append(found, indentedProseFound(at))
			i += n - 1
			changed = true
		case trimmed[0] == '<' && indentOf(line) < items.code() && markdownOneLine(trimmed) != nil:
			// <figcaption markdown>Our [plan]</figcaption>: its tags
			// only lay out the Markdown they hold on their line
			ls[i] = append(line[:len(line)-len(bytes.TrimLeft(line, " \t")):len(line)-len(bytes.TrimLeft(line, " \t"))], markdownOneLine(trimmed)...)
			changed = true
		case trimmed[0] == '<' && indentOf(line) < items.code() && markdownInside(trimmed) != "" && wrappers.of(ls, i, markdownInside(trimmed)) > 0:
			// <div class="code-example" markdown="1"> … </div>: its
			// tags only lay out the Markdown it holds, which is shown
			// (an HTML block would leave it out, text and all)
			ls[i+wrappers.of(ls, i, markdownInside(trimmed))] = nil
			ls[i] = nil
			changed = true
		case trimmed[0] == '<' && indentOf(line) < 4 && componentTag(trimmed, components, tabs) != nil:
			// an imported component's tag alone on its line (<Tabs>,
			// <TabItem value="a" label="Linux">, </Tabs>): left out, as
			// the import's warning says; a tab's label or a title stays
			tabs = tabLabels(trimmed, tabs)
			ls[i] = componentTag(trimmed, components, tabs)
			changed = true
		case trimmed[0] == '<' && indentOf(line) < 4 && len(components) > 0 && componentLines(ls[i:], components) > 0:
			// such a tag written over several lines (<Tabs, then
			// values={[ {label: 'A', value: 'a'}, … ]}>): read as if on
			// one, its other lines left empty
			n := componentLines(ls[i:], components)
			tag := joinedTag(ls[i : i+n])
			tabs = tabLabels(tag, tabs)
			ls[i] = componentTag(tag, components, tabs)
			for j := i + 1; j < i+n; j++ {
				ls[j] = nil
			}
			i += n - 1
			changed = true
		case trimmed[0] == '<' && indentOf(line) < items.code():
			if htmlFrom >= 0 && !layoutOnly(ls[htmlFrom:i]) {
				break // in an HTML block that holds more: left out whole, with its warning
			}
			n, out, f := htmlBlock(ls[i:], trimmed, blankAbove)
			if out == nil {
				break // left to the HTML block's own warning
			}
			if htmlFrom >= 0 {
				// the tags of its wrapper ("<div align="center">") lay
				// out what it holds, and go: they would make an HTML
				// block of it, left out whole
				for k := htmlFrom; k < i; k++ {
					ls[k] = nil
				}
				htmlFrom = -1
			}
			if f.Code != "" { // else nothing is lost: no warning
				f.Line = at
				found = append(found, f)
			}
			copy(ls[i:i+n], out)
			i += n - 1
			changed, top = true, false
			continue
		case indentOf(line) < items.code() && opensContainerEmbed(trimmed):
			// a frame or a player right after a list item's marker or a
			// quote's '>': left out alone, as at the margin, the lines
			// of the item or the quote under it shown
			n, out, name := containerEmbed(ls[i:], blankAbove)
			if n == 0 {
				break
			}
			found = append(found, embedFound(at, name))
			copy(ls[i:i+n], out)
			i += n - 1
			changed, top = true, false
		case trimmed[0] == '-' && indentOf(line) < 4 && len(trimmed) > 1 && trimmed[1] == '-' && dashRuns(line) != nil:
			// a pandoc table: its header above this line of dashes, or
			// its first line here
			from := i
			n, table := 0, [][]byte(nil)
			if i > 0 && len(bytes.TrimSpace(ls[i-1])) > 0 && (i == 1 || len(bytes.TrimSpace(ls[i-2])) == 0) {
				from = i - 1
				n, table = pandocTable(ls[from:], true)
			}
			if table == nil && (i == 0 || len(bytes.TrimSpace(ls[i-1])) == 0) {
				from = i
				n, table = pandocTable(ls[from:], false)
			}
			if table == nil {
				break
			}
			found = append(found, Foreign{Line: first + from, Code: "pandoc-table",
				Message: diag.Msg("a pandoc table (columns under lines of dashes) is shown as a table whose cells of several lines are joined into one"),
				Hint:    diag.Msg("write it as a pipe table, which shows the same everywhere: | a | b |, then | --- | --- |, one line per row")})
			copy(ls[from:from+n], table)
			i = from + n - 1
			changed = true
		case trimmed[0] == '+' && gridBorder.Match(line):
			n, table := gridTable(ls[i:])
			if n == 0 {
				break
			}
			f := Foreign{Line: at, Code: "grid-table",
				Message: diag.Msg("a pandoc grid table is shown as a table whose cells of several lines are joined into one"),
				Hint:    diag.Msg("write it as a pipe table, which shows the same everywhere: | a | b |, then | --- | --- |, one line per row")}
			if table == nil {
				f.Message = diag.Msg("a pandoc grid table is shown as text: its rows do not split into the same cells")
			} else {
				for j := range n {
					ls[i+j] = nil
					if j < len(table) {
						ls[i+j] = table[j]
					}
				}
				changed = true
			}
			found = append(found, f)
			i += n - 1
		case (trimmed[0] == '!' || trimmed[0] == '?' || trimmed[0] == '=') && (indentOf(line) < 4 || indentOf(line) < items.code()):
			// in a list item too, indented with its text, as MkDocs
			// writes it: shown in the item, its lines as indented
			ind, pad := 0, 0
			if indentOf(line) >= 4 {
				ind, pad = indentOf(line), items.column
			}
			m := admonition.FindSubmatch(line[pad:])
			tab := false
			if m == nil {
				if m = contentTab.FindSubmatch(line[pad:]); m == nil {
					break
				}
				tab = true
			}
			n := blockAfter(ls[i+1:], ind)
			inner := make([][]byte, n)
			for j := range n {
				l := ls[i+1+j]
				inner[j] = dedent(l[min(ind, indentOf(l)):])
			}
			inner = outdent(inner)
			_, more := adapt(inner, at+1, false, lang, depth+1)
			title := string(m[2])
			if !tab && m[2] == nil {
				title = kindTitle(string(m[1]), lang)
			}
			found = append(found, adapted(at, tab, string(line[ind:]), title))
			found = append(found, more...)
			ls[i] = indentBy(pad, bold(title, !tab))
			for j := range n {
				ls[i+1+j] = indentBy(pad, quoted(inner[j], !tab))
			}
			i += n
			changed = true
		case trimmed[0] == '@' && indentOf(line) == 0 && len(divs) > 0 && divs[len(divs)-1] && vuepressTab.Match(trimmed):
			// a tab of VuePress's ::: tabs or ::: code-tabs: its title
			// in bold above its text, as a content tab's
			title := string(vuepressTab.FindSubmatch(trimmed)[1])
			ls[i] = bold(title, false)
			found = append(found, Foreign{Line: at, Code: "content-tab",
				Message: diag.Msg("the content tab %s is shown as its title in bold above its text", string(trimmed)),
				Hint:    diag.Msg("write the title in bold or as a heading in place of the @tab line: **%s**", title)})
			changed = true
		case trimmed[0] == '*' && indentOf(line) < 4 && abbreviation.Match(trimmed):
			// Python-Markdown's (MkDocs's) abbreviation, "*[HTML]: Hyper
			// Text Markup Language": a tooltip over each HTML in the
			// text there; here a line of a list of abbreviations, where
			// it was a line of text starting "*[HTML]:"
			m := abbreviation.FindSubmatch(trimmed)
			ls[i] = []byte("- **" + string(m[1]) + "**: " + string(m[2]))
			if i-1 != lastAbbreviation { // once a block of them
				found = append(found, Foreign{Line: at, Code: "abbreviation",
					Message: diag.Msg("the abbreviation %s is shown in a list of abbreviations, with the lines of them right under it: pages show no tooltip over the word in the text", string(trimmed)),
					Hint:    diag.Msg("write the abbreviations as a list (- **%s**: %s) or a table, or spell the word out where it is first used", string(m[1]), string(m[2]))})
			}
			lastAbbreviation, changed = i, true
		case trimmed[0] == ':' && fencedDiv.Match(trimmed):
			if name := divKind(trimmed); name == "" {
				if len(divs) > 0 {
					divs = divs[:len(divs)-1]
				}
			} else {
				divs = append(divs, name == "tabs" || name == "code-tabs")
			}
			ls[i] = bold(divName(trimmed, lang), false)
			found = append(found, Foreign{Line: at, Code: "fenced-div",
				Message: diag.Msg("the fenced div's line %s is not shown: its text is, and its name in bold", string(trimmed)),
				Hint:    diag.Msg("leave out the ::: lines, or write a block quote: > **Note:** …")})
			changed = true
		case trimmed[0] == '{' && indentOf(line) < 4 && bytes.HasPrefix(trimmed, []byte("{/*")):
			// an MDX comment, left out as an HTML comment is: on this
			// line, or on the lines to the one it closes at its end
			n := mdxCommentLines(ls[i:])
			if n == 0 {
				break
			}
			for j := i; j < i+n; j++ {
				ls[j] = nil
			}
			i += n - 1
			changed = true
		case trimmed[0] == '{' && indentOf(line) < 4 && templateTag.Match(trimmed):
			if notes == nil && depth < maxCalloutDepth {
				notes = calloutEnds(ls)
			}
			if n, more := callout(ls[i:], notes[i]-i, at, lang, depth); n > 0 {
				// a theme's note of a kind or a title: shown as an
				// admonition is
				found = append(found, more...)
				i += n - 1
				changed = true
				break
			}
			// the text between an opening and a closing tag stays; of
			// what the tag's own attributes say, a tab's or a code
			// block's title is shown in bold, an embedded page or a
			// file as a link, and anything else goes
			kept, f := keptOfTag(trimmed)
			ls[i] = kept
			f.Line = at
			found = append(found, f)
			changed = true
		case trimmed[0] == 'e' && len(line) == len(bytes.TrimLeft(line, " \t")) && blankAbove && mdxExport.Match(trimmed):
			// MDX's export of a component or a value, to the blank line
			// that ends it: code for a page that runs it, which one here
			// does not
			n := 1
			for i+n < len(ls) && len(bytes.TrimSpace(ls[i+n])) > 0 {
				n++
			}
			for j := i; j < i+n; j++ {
				ls[j] = nil
			}
			found = append(found, Foreign{Line: at, Code: "mdx-import",
				Message: diag.Msg("the line %s is not shown, nor its lines up to the blank line after it: it exports a component or a value for MDX (Docusaurus), which a page here does not run", string(trimmed)),
				Hint:    diag.Msg("remove the export, and write what the page showed of it in Markdown")})
			i += n - 1
			changed = true
		case trimmed[0] == 'i' && len(line) == len(bytes.TrimLeft(line, " \t")) && mdxImport.Match(trimmed):
			ls[i] = nil
			for _, name := range importedNames(trimmed) {
				components[name] = true
			}
			found = append(found, mdxImportFound(at, trimmed))
			changed = true
		case trimmed[0] == '(' && len(line) == len(trimmed) && mystTarget.Match(trimmed):
			// MyST's target, "(access-rules)=": the id of what follows,
			// a heading's own id when a heading does, else an anchor
			id := mystTarget.FindSubmatch(trimmed)[1]
			next := i + 1
			for next < len(ls) && len(bytes.TrimSpace(ls[next])) == 0 {
				next++
			}
			if next < len(ls) && atxLevel(ls[next]) > 0 && !bytes.Contains(ls[next], []byte("{#")) {
				ls[next] = append(append(append(withoutClosingHashes(ls[next]), " {#"...), id...), '}')
				ls[i] = nil
			} else {
				ls[i] = append(append([]byte(`<span id="`), id...), `"></span>`...)
			}
			changed = true
		case trimmed[0] == '{' && indentOf(line) < 4 && blockAttributes.Match(trimmed):
			// kramdown's attributes of the block above ("{: .no_toc }"):
			// its style, which pages set themselves
			ls[i] = nil
			changed = true
		case trimmed[0] == '>' && indentOf(line) < 4 && githubAlert.Match(trimmed):
			// GitHub's alert: a block quote under its kind, as an
			// admonition is shown
			m := githubAlert.FindSubmatch(trimmed)
			title := strings.TrimSpace(string(m[2]))
			if title == "" {
				title = kindTitle(strings.ToLower(string(m[1])), lang)
			}
			ls[i] = append(bytes.Repeat([]byte(">"), bytes.Count(trimmed[:bytes.IndexByte(trimmed, '[')], []byte(">"))-1), bold(title, true)...)
			changed = true
		case (trimmed[0] == '[' || trimmed[0] == '{' || trimmed[0] == '*') && tocMarker.Match(trimmed):
			ls[i] = nil
			found = append(found, Foreign{Line: at, Code: "toc-marker",
				Message: diag.Msg("the table-of-contents marker %s is not shown: the page shows its own table of contents", string(trimmed)),
				Hint:    diag.Msg("remove the marker")})
			changed = true
		}
		if htmlFrom < 0 && indentOf(line) < items.code() && htmlStart(trimmed, blankAbove) {
			htmlFrom = i
		}
		top = false
	}
	return changed, found
}

// commentEnd ends an HTML comment, and the HTML block that one starts.
var commentEnd = []byte("-->")

// layoutOnly reports whether lines hold only tags that lay out what
// follows them (layoutTags: "<div align="center">", "<center>") and
// comments of a line.
func layoutOnly(lines [][]byte) bool {
	for _, l := range lines {
		t := bytes.TrimSpace(l)
		if len(t) > 0 && !layoutTags.Match(t) && !(bytes.HasPrefix(t, []byte("<!--")) && bytes.HasSuffix(t, commentEnd)) {
			return false
		}
	}
	return true
}

var (
	// import Tabs from '@theme/Tabs'; import {A, B} from "./x.mdx"; import './style.css'
	// export const Highlight = …, export default function …, export { x }: MDX's exports
	mdxExport = regexp.MustCompile(`^export[ \t]+(?:(?:const|let|var|function|class|default)\b|async[ \t]+function\b|\{)|^export[ \t]*\{`)
	// (an import of a file alone, for what it does, names a path: "./x.css",
	// "@site/x"; Go's import "fmt" in a listing that is not fenced is no MDX)
	mdxImport = regexp.MustCompile(`^import[ \t]+(?:[\w$*{}, \t]+[ \t]+from[ \t]+(?:'[^']+'|"[^"]+")|(?:'[^']*[./][^']*'|"[^"]*[./][^"]*"));?[ \t]*$`)
	// the names between import and from
	importClause = regexp.MustCompile(`^import[ \t]+(.*?)[ \t]+from[ \t]`)
	// <Tabs>, <TabItem value="a" label="Linux" default>, </Tabs>, <Repo />: one JSX tag alone
	jsxTag = regexp.MustCompile(`^</?([A-Za-z][\w.]*)((?:\s[^<>]*)?)/?>$`)
	// label="…", title='…' among a tag's attributes
	jsxLabel = regexp.MustCompile(`(?:^|\s)(label|title)=(?:"([^"]*)"|'([^']*)')`)
	// !!! note, ??? tip "Title", ???+ warning inline end "", with {attributes}
	admonition = regexp.MustCompile(`^ {0,3}(?:!!!|\?\?\?\+?)[ \t]+([A-Za-z][\w-]*)(?:[ \t]+[A-Za-z][\w-]*)*(?:[ \t]+"(.*)")?[ \t]*(?:\{[^}]*\})?[ \t]*$`)
	// {/* a comment */}, MDX's, of one line or several
	mdxComment = regexp.MustCompile(`(?s)\{/\*.*?\*/\}`)
	// === "Tab", ===+ "Tab"
	contentTab = regexp.MustCompile(`^ {0,3}===\+?[ \t]+()"(.*)"[ \t]*$`)
	fencedDiv  = regexp.MustCompile(`^:{3,}(\s.*|[A-Za-z{].*)?$`)
	// Python-Markdown's abbreviation: "*[HTML]: Hyper Text Markup Language"
	abbreviation = regexp.MustCompile(`^\*\[([^\[\]]+)\]:[ \t]*(\S.*?)[ \t]*$`)
	// VuePress's tab in a ::: tabs or ::: code-tabs div: "@tab pnpm",
	// "@tab:active 中文", "@tab Linux#linux" (its id after '#')
	vuepressTab = regexp.MustCompile(`^@tab(?::active)?[ \t]+([^#\n]*[^#\s])(?:#\S*)?[ \t]*$`)
	// {{< callout emoji="!" >}}, {{% /notice %}}, {% hint style="info" %}, {%- endhint -%}: one tag alone on its line
	templateTag = regexp.MustCompile(`^(?:\{\{[<%][^{}]*[>%]\}\}|\{%[^{}]*%\})$`)
	// {: .no_toc }, {:#id .class key="v"}: kramdown's attributes of a block, alone on a line
	blockAttributes = regexp.MustCompile(`^\{:[ \t]*(?:[#.][\w-]+|[\w-]+=(?:"[^"]*"|'[^']*'|[^\s}"']+))(?:[ \t]+(?:[#.][\w-]+|[\w-]+=(?:"[^"]*"|'[^']*'|[^\s}"']+)))*[ \t]*\}$`)
	// (access-rules)=: MyST's target, the id of what follows
	mystTarget = regexp.MustCompile(`^\(([A-Za-z0-9_][\w.:-]*)\)=$`)
	// > [!NOTE], >> [!warning]: GitHub's alerts
	// and Obsidian's callouts, of any kind, folded or not, with a title:
	// > [!info] 适用范围, > [!faq]- Why?
	githubAlert = regexp.MustCompile(`^(?:>[ \t]?)+\[!([A-Za-z][\w-]*)\][+-]?(?:[ \t]+(.*?))?[ \t]*$`)
	tocMarker   = regexp.MustCompile(`^(\[TOC\]|\[\[_?TOC_?\]\]|\[toc\]|\[\[toc\]\]|\{:toc\}|\{:\s*toc\s*\}|\* TOC)$`)
)

// templateTagFound is the Foreign of a template tag alone on line at,
// left out.
func templateTagFound(at int, trimmed []byte) Foreign {
	return Foreign{Line: at, Code: "template-tag",
		Message: diag.Msg("the template tag %s is not shown, nor what its attributes say: it is written for Hugo, GitBook or Jekyll; the text between tags is shown", string(trimmed)),
		Hint:    diag.Msg("remove the tag's line: write a note as a block quote (> **Note:** …), a link as [text](path), a picture as ![text](path)")}
}

// templateAttribute is an attribute of a template tag, its value in
// quotes.
var templateAttribute = regexp.MustCompile(`(?:^|\s)([a-z]+)=(?:"([^"]*)"|'([^']*)')`)

// keptOfTag is the line to show in place of a template tag alone on its
// line, trimmed (nil for none), and the warning that says so, without its
// line. What its attributes say that a reader should see is kept: the
// page GitBook embeds ({% embed url="…" %}) or the file it offers
// ({% file src="…" %}) as a link, the picture of Hugo's
// {{< figure src="…" >}} (linked to its link, its title, caption and
// attribution under it), the title of a tab or a code block
// ({% tab title="…" %}, {{< tab header="…" >}}) in bold; anything else
// goes.
func keptOfTag(trimmed []byte) ([]byte, Foreign) {
	inner := bytes.Trim(trimmed, "{}%<>/- \t")
	name, _, _ := bytes.Cut(inner, []byte(" "))
	attrs := map[string]string{}
	for _, m := range templateAttribute.FindAllSubmatch(inner, -1) {
		if v := strings.TrimSpace(string(m[2]) + string(m[3])); v != "" {
			attrs[string(m[1])] = v
		}
	}
	linked := func(link string) ([]byte, Foreign) {
		return []byte(link), Foreign{Code: "template-tag",
			Message: diag.Msg("the template tag %s is not shown, a link to what it names in its place: it is written for Hugo, GitBook or Jekyll; the text between tags is shown", string(trimmed)),
			Hint:    diag.Msg("write the link in Markdown, %s, and remove the tag's line", link)}
	}
	switch v := attrs["url"] + attrs["src"]; {
	case string(name) == "embed" && attrs["url"] != "" || string(name) == "file" && attrs["src"] != "":
		if strings.HasPrefix(v, "http://") || strings.HasPrefix(v, "https://") {
			return linked("<" + v + ">")
		}
		return linked("[" + strings.ReplaceAll(path.Base(v), "]", `\]`) + "](<" + v + ">)")
	case string(name) == "figure" && attrs["src"] != "":
		alt := cmp.Or(attrs["alt"], attrs["title"], attrs["caption"])
		fig := "![" + strings.ReplaceAll(alt, "]", `\]`) + "](<" + v + ">)"
		if attrs["link"] != "" {
			fig = "[" + fig + "](<" + attrs["link"] + ">)" // the picture links to it, as Hugo's does
		}
		return linked(fig + figureCaption(attrs))
	case attrs["title"] != "" || attrs["header"] != "":
		return bold(cmp.Or(attrs["title"], attrs["header"]), false), Foreign{Code: "template-tag",
			Message: diag.Msg("the template tag %s is not shown, its title in bold in its place: it is written for Hugo, GitBook or Jekyll; the text between tags is shown", string(trimmed)),
			Hint:    diag.Msg("write the title as a bold line or a heading, and remove the tag's line")}
	}
	return nil, templateTagFound(0, trimmed)
}

// figureCaption is what Hugo's figure shows under its picture, after a
// line break: its title in bold, its caption (Markdown, as Hugo reads
// it) and its attribution, linked to attrlink; "" when it has none.
func figureCaption(attrs map[string]string) string {
	var parts []string
	if t := attrs["title"]; t != "" {
		parts = append(parts, string(bold(t, false)))
	}
	if c := attrs["caption"]; c != "" {
		parts = append(parts, c)
	}
	if a := attrs["attr"]; a != "" {
		if l := attrs["attrlink"]; l != "" {
			a = "[" + strings.NewReplacer("[", `\[`, "]", `\]`).Replace(a) + "](<" + l + ">)"
		}
		parts = append(parts, a)
	}
	if len(parts) == 0 {
		return ""
	}
	return "<br>" + strings.Join(parts, " ")
}

// inlineMDXComments leaves out the MDX comments ({/* … */}) within a
// line of text, as an HTML comment there is; those in code spans stay.
func inlineMDXComments(body []byte) []byte {
	if !bytes.Contains(body, []byte("{/*")) {
		return body
	}
	return textLines(body, holding("{/*"), func(_ int, line []byte, spans [][2]int) []byte {
		var out []byte
		last := 0
		for _, m := range mdxComment.FindAllIndex(line, -1) {
			if inSpan(spans, m[0]) {
				continue
			}
			out = append(out, line[last:m[0]]...)
			last = m[1]
		}
		if out == nil && last == 0 {
			return line
		}
		return append(out, line[last:]...)
	})
}

// maxCommentLines bounds the lines an MDX comment is looked for in, so
// that many lines opening one that never closes take no longer than
// reading the body a few times.
const maxCommentLines = 200

// mdxCommentLines is how many of ls an MDX comment ({/* … */}) that
// opens the first takes, when it closes at the end of one of them and
// nothing but other such comments is on them; else 0.
func mdxCommentLines(ls [][]byte) int {
	var text []byte
	for n, l := range ls {
		if n > 0 {
			text = append(text, '\n')
		}
		text = append(text, bytes.TrimSpace(bytes.TrimRight(l, "\r"))...)
		if bytes.HasSuffix(text, []byte("*/}")) {
			if len(bytes.TrimSpace(mdxComment.ReplaceAll(text, nil))) == 0 {
				return n + 1
			}
		}
		if n == maxCommentLines {
			return 0
		}
	}
	return 0
}

// importedNames are the names an MDX import line gives its components:
// Tabs in "import Tabs from '@theme/Tabs'", A and C in
// "import {A, B as C} from './x'"; none for "import './x.css'".
func importedNames(line []byte) []string {
	m := importClause.FindSubmatch(line)
	if m == nil {
		return nil
	}
	var names []string
	fields := strings.Fields(strings.NewReplacer("{", " ", "}", " ", ",", " ").Replace(string(m[1])))
	for k := 0; k < len(fields); k++ {
		switch {
		case fields[k] == "as" && k+1 < len(fields) && len(names) > 0:
			names[len(names)-1] = fields[k+1]
			k++
		case fields[k] == "*":
			names = append(names, "")
		default:
			names = append(names, fields[k])
		}
	}
	return names
}

// componentTag is what a line that holds only a tag of one of the
// components shows: the value of its label or title in bold, or an
// empty line; nil when the line is something else.
//
// A tab without a label of its own (<TabItem value="a">) shows the label
// that tabs, read from the <Tabs values={[…]}> above it, gives its value.
func componentTag(line []byte, components map[string]bool, tabs map[string]string) []byte {
	if len(components) == 0 {
		return nil
	}
	m := jsxTag.FindSubmatch(line)
	if m == nil || !components[string(m[1])] {
		return nil
	}
	for _, a := range jsxLabel.FindAllSubmatch(m[2], -1) {
		text := a[2]
		if text == nil {
			text = a[3]
		}
		if t := strings.TrimSpace(string(text)); t != "" {
			return bold(t, false)
		}
	}
	if v := jsxValue.FindSubmatch(m[2]); v != nil {
		if t := strings.TrimSpace(tabs[string(v[1])+string(v[2])]); t != "" {
			return bold(t, false)
		}
	}
	return []byte{}
}

var (
	// the start of a component's tag that does not end on its line
	jsxOpen = regexp.MustCompile(`^<([A-Za-z][\w.]*)(?:\s|$)`)
	// value="a" among a tag's attributes
	jsxValue = regexp.MustCompile(`(?:^|\s)value=(?:"([^"]*)"|'([^']*)')`)
	// one tab of <Tabs values={[…]}>: {label: 'A', value: 'a'}, either first
	tabValue = regexp.MustCompile(`\{\s*(label|value)\s*:\s*(?:'([^']*)'|"([^"]*)")\s*,\s*(label|value)\s*:\s*(?:'([^']*)'|"([^"]*)")\s*,?\s*\}`)
)

// componentLines is the number of lines, from ls[0], of a tag of one of
// components that does not end on its first line but on a later one,
// its braces closed ("<Tabs", "  values={[", "  ]}>"); 0 when ls[0]
// starts none, or the tag does not end before a blank line.
func componentLines(ls [][]byte, components map[string]bool) int {
	first := bytes.TrimSpace(ls[0])
	if m := jsxOpen.FindSubmatch(first); m == nil || !components[string(m[1])] || jsxTag.Match(first) {
		return 0
	}
	depth := bytes.Count(first, []byte("{")) - bytes.Count(first, []byte("}"))
	for k := 1; k < len(ls) && k < 64; k++ {
		t := bytes.TrimSpace(ls[k])
		if len(t) == 0 || t[0] == '<' {
			return 0
		}
		depth += bytes.Count(t, []byte("{")) - bytes.Count(t, []byte("}"))
		if depth == 0 && bytes.HasSuffix(t, []byte(">")) {
			if jsxTag.Match(joinedTag(ls[:k+1])) {
				return k + 1
			}
			return 0
		}
	}
	return 0
}

// joinedTag is the lines of a tag on one line.
func joinedTag(ls [][]byte) []byte {
	var out []byte
	for k, l := range ls {
		if k > 0 {
			out = append(out, ' ')
		}
		out = append(out, bytes.TrimSpace(l)...)
	}
	return out
}

// tabLabels adds to tabs the label of each tab's value that a tag's
// values={[{label: 'A', value: 'a'}, …]} gives (Docusaurus's Tabs).
func tabLabels(tag []byte, tabs map[string]string) map[string]string {
	if !bytes.Contains(tag, []byte("values=")) {
		return tabs
	}
	for _, m := range tabValue.FindAllSubmatch(tag, -1) {
		if string(m[1]) == string(m[4]) {
			continue
		}
		label, value := string(m[2])+string(m[3]), string(m[5])+string(m[6])
		if string(m[1]) == "value" {
			label, value = value, label
		}
		if tabs == nil {
			tabs = map[string]string{}
		}
		tabs[value] = label
	}
	return tabs
}

// spaceBeforeClosing puts a space before the closing run of a heading
// closed as it opened with no space before it ("## 1 配置##"), which
// Typora and MkDocs leave out as CommonMark does only after a space; a
// shorter run ("## 语言C#") is text.
func spaceBeforeClosing(line []byte, n int) []byte {
	end := len(bytes.TrimRight(line, " \t"))
	run := end - len(bytes.TrimRight(line[:end], "#"))
	if run != n || end-run < 1 || line[end-run-1] == ' ' || line[end-run-1] == '\t' {
		return line
	}
	return append(append(append([]byte{}, line[:end-run]...), ' '), line[end-run:]...)
}

// divKind is the name of the kind of a fenced div's opening line, in
// lower case, without its id or title ("::: code-tabs#shell" is
// "code-tabs"); "" for a closing line.
func divKind(line []byte) string {
	rest := strings.TrimSpace(strings.TrimLeft(string(line), ":"))
	if rest == "" {
		return ""
	}
	end := strings.IndexAny(rest, " \t#[{")
	if end == 0 {
		return "div"
	}
	if end > 0 {
		rest = rest[:end]
	}
	return strings.ToLower(rest)
}

// divName is what a fenced div's opening line shows in bold: the title
// written after its name ("::: tip 自定义标题", "::: details 点击查看",
// Docusaurus's ":::note[标题]"), as VuePress and Docusaurus show it in
// place of the name; else the name, the first class of its attributes
// ("{.note}") or its first word, as kindTitle shows it in the site's
// language lang; "" for a closing line.
func divName(line []byte, lang string) string {
	rest := strings.TrimSpace(strings.TrimLeft(string(line), ":"))
	if m := trailingColons.FindStringIndex(rest); m != nil && m[0] > 0 {
		rest = rest[:m[0]] // pandoc's colons after the name: "::: Warning ::::::"
	}
	name := ""
	if attrs, ok := strings.CutPrefix(rest, "{"); ok {
		attrs, after, _ := strings.Cut(attrs, "}")
		rest = strings.TrimSpace(after)
		for _, f := range strings.Fields(attrs) {
			if class, ok := strings.CutPrefix(f, "."); ok && class != "" {
				name = class
				break
			}
		}
		if f := strings.Fields(attrs); name == "" && len(f) == 1 && directiveName.MatchString(f[0]) {
			name = f[0] // MyST's directive, ":::{tip}"
		}
	} else {
		name, rest, _ = strings.Cut(rest, " ")
		if n, title, ok := strings.Cut(name, "["); ok && strings.HasSuffix(title, "]") && rest == "" {
			name, rest = n, strings.TrimSuffix(title, "]")
		}
		rest = strings.TrimSpace(rest)
		if n, _, ok := strings.Cut(name, "#"); ok && n != "" {
			name = n // VuePress's id of a group of tabs, "code-tabs#shell"
		}
	}
	if rest != "" {
		return rest
	}
	return kindTitle(name, lang)
}

// trailingColons are the colons pandoc allows after a fenced div's
// name or attributes, after a space.
var trailingColons = regexp.MustCompile(`[ \t]+:{3,}[ \t]*$`)

// directiveName is the name of a MyST directive in braces: "tip",
// "admonition", "code-block".
var directiveName = regexp.MustCompile(`^[A-Za-z][\w-]*$`)

// adapted is the Foreign of an admonition or a content tab.
func adapted(at int, tab bool, line, title string) Foreign {
	line = strings.TrimSpace(line)
	if tab {
		return Foreign{Line: at, Code: "content-tab",
			Message: diag.Msg("the content tab %s is shown as its title in bold above its text", line),
			Hint:    diag.Msg("write the title as a heading or in bold, and its text without indenting it")}
	}
	return Foreign{Line: at, Code: "admonition",
		Message: diag.Msg("the admonition %s is shown as a block quote under its title in bold", line),
		Hint:    diag.Msg("write it as a block quote: > **%s** …", strings.TrimSpace(strings.ReplaceAll(title, "**", "")))}
}

// blockAfter is how many of ls belong to an indented block: the lines
// indented by four spaces or a tab past indent, and the blank lines
// between them.
func blockAfter(ls [][]byte, indent int) int {
	n := 0
	for i, l := range ls {
		l = bytes.TrimRight(l, "\r")
		switch {
		case len(bytes.TrimSpace(l)) == 0:
			continue
		case indentOf(l) >= indent && (bytes.HasPrefix(l[indent:], []byte("    ")) || bytes.HasPrefix(l[indent:], []byte("\t"))):
			n = i + 1
		default:
			return n
		}
	}
	return n
}

// mdxImportFound is the Foreign of an import line at line at.
func mdxImportFound(at int, trimmed []byte) Foreign {
	return Foreign{Line: at, Code: "mdx-import",
		Message: diag.Msg("the line %s is not shown: it imports a component for MDX (Docusaurus), which a page here does not run; a line that holds only one of its tags is left out too, its label or title kept in bold", string(trimmed)),
		Hint:    diag.Msg("remove the import line, and write what the component showed in Markdown")}
}

// scriptEnd is the end tag of the HTML block that trimmed opens when it
// is one that runs to its end tag, blank lines and all (CommonMark's
// first kind: <script>, <style>, <pre>, <textarea>); nil for any other.
func scriptEnd(trimmed []byte) []byte {
	if len(trimmed) < 4 || trimmed[0] != '<' {
		return nil
	}
	if bytes.HasPrefix(trimmed, []byte("<!--")) {
		return commentEnd // a comment, CommonMark's second kind
	}
	for _, name := range []string{"script", "style", "pre", "textarea"} {
		if hasTag(trimmed, name) || len(trimmed) == len(name)+1 && bytes.EqualFold(trimmed[1:], []byte(name)) {
			return []byte("</" + name + ">")
		}
	}
	return nil
}

// indentBy is line after pad spaces, a line that is not blank.
func indentBy(pad int, line []byte) []byte {
	if pad == 0 || len(line) == 0 {
		return line
	}
	return append(bytes.Repeat([]byte(" "), pad), line...)
}

// dedent takes one level of indentation (four spaces or a tab) off line.
func dedent(line []byte) []byte {
	switch {
	case bytes.HasPrefix(line, []byte("\t")):
		return line[1:]
	case bytes.HasPrefix(line, []byte("    ")):
		return line[4:]
	}
	return bytes.TrimLeft(line, " ")
}

// outdent takes off ls the spaces that all their lines that are not
// blank start with, when the lines hold a fence: a block indented twice
// under its admonition ("!!! tip", then lines of eight spaces with
// "```bash" among them) is text and fenced code, as MkDocs shows it,
// not code whose fences show (the first joined to the title's
// paragraph). Without a fence, such a block is code in MkDocs too.
func outdent(ls [][]byte) [][]byte {
	least, fenced := -1, false
	for _, l := range ls {
		if len(bytes.TrimSpace(l)) == 0 {
			continue
		}
		n := indentOf(l)
		if least < 0 || n < least {
			least = n
		}
		_, ok := openFence(bytes.TrimLeft(l, " "))
		fenced = fenced || ok
	}
	if least <= 0 || !fenced {
		return ls
	}
	for j, l := range ls {
		ls[j] = l[min(least, indentOf(l)):]
	}
	return ls
}

func indentOf(line []byte) int { return len(line) - len(bytes.TrimLeft(line, " ")) }

// bold is a line of s in bold, in a block quote when quote is set.
func bold(s string, quote bool) []byte {
	var b []byte
	if quote {
		b = append(b, '>')
	}
	if s = strings.TrimSpace(s); strings.Count(s, "**")%2 == 0 {
		s = strings.ReplaceAll(s, "**", "") // bold in a title all bold already
	}
	if s != "" {
		if quote {
			b = append(b, ' ')
		}
		b = append(b, "**"+strings.ReplaceAll(s, "*", `\*`)+"**"...)
	}
	return b
}

// quoted is line in a block quote when quote is set, else line.
func quoted(line []byte, quote bool) []byte {
	if !quote {
		return line
	}
	if len(bytes.TrimSpace(line)) == 0 {
		return []byte(">")
	}
	return append([]byte("> "), line...)
}

// mayBeDashes reports whether the line at the start of rest (which runs
// on to the end of the body) is a pandoc table's line of dashes: two
// runs or more, or one long run (a multiline table's border).
func mayBeDashes(rest []byte) bool {
	if i := bytes.IndexByte(rest, '\n'); i >= 0 {
		rest = rest[:i]
	}
	runs := dashRuns(rest)
	return len(runs) >= 2 || len(runs) == 1 && runs[0][1]-runs[0][0] >= 10
}

// listItems follows, line by line, the column at which the text of the
// list item that the lines are in starts (0 outside lists): a line is
// indented code only from four columns past it. An HTML block in the
// item "10. …", whose text starts in column 4, is the item's.
type listItems struct {
	column int  // where the text of the innermost item starts
	blank  bool // the line before was blank
}

// see reads the next line outside code.
func (l *listItems) see(line []byte, blank bool) {
	if blank {
		l.blank = true
		return
	}
	ind := indentOf(line)
	switch c := itemColumn(line); {
	case c > 0 && ind < l.code():
		l.column = c
	case l.blank && ind < l.column:
		// The item has ended; the line is in an item at most as deep as
		// its indent (read as exactly so: lines deeper are taken for
		// code no later than they may be).
		l.column = ind
	}
	l.blank = false
}

// code is the column from which a line in the item is indented code.
func (l *listItems) code() int { return l.column + 4 }

// itemColumn is the column at which the text of the list item that line
// opens starts ("- ", "10. ", "3) " and their indent), or 0 when line
// opens none.
func itemColumn(line []byte) int {
	i := indentOf(line)
	if thematicBreak(line[i:]) {
		return 0 // "* * *", "- - -": a rule, no item
	}
	j := i
	switch {
	case j < len(line) && (line[j] == '-' || line[j] == '*' || line[j] == '+'):
		j++
	default:
		for j < len(line) && j-i < 9 && line[j] >= '0' && line[j] <= '9' {
			j++
		}
		if j == i || j == len(line) || line[j] != '.' && line[j] != ')' {
			return 0
		}
		j++
	}
	spaces := 0
	for j+spaces < len(line) && line[j+spaces] == ' ' {
		spaces++
	}
	switch {
	case j+spaces == len(line):
		return j + 1 // an item with nothing on its first line
	case spaces == 0:
		return 0 // "-1", "1.5": no item
	case spaces > 4:
		return j + 1 // its text is indented code
	}
	return j + spaces
}

// thematicBreak reports whether s (without its indent) is a rule: three
// or more of one of - * _, with only spaces or tabs between them.
func thematicBreak(s []byte) bool {
	if len(s) == 0 || s[0] != '-' && s[0] != '*' && s[0] != '_' {
		return false
	}
	n := 0
	for _, c := range s {
		switch {
		case c == s[0]:
			n++
		case c != ' ' && c != '\t':
			return false
		}
	}
	return n >= 3
}

// withoutClosingHashes is an ATX heading's line without its closing run
// of '#' ("## Scope ##") and the spaces at its end; "## C#" keeps its
// '#', which no space comes before.
func withoutClosingHashes(line []byte) []byte {
	t := bytes.TrimRight(line, " \t\r")
	if h := bytes.TrimRight(t, "#"); len(h) < len(t) && len(h) > 0 && (h[len(h)-1] == ' ' || h[len(h)-1] == '\t') {
		t = bytes.TrimRight(h, " \t")
	}
	return bytes.Clone(t)
}
