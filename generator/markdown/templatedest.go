package markdown

import (
	"bytes"
	"regexp"
	"strings"

	"ismsgen/generator/diag"
)

// Hugo names a page in a link by a shortcode ("[范围]({{< relref
// "scope.md#第二章" >}})") and Jekyll prefixes an address with the site's
// base ("![图]({{ site.baseurl }}/img/a.png)"). Pages here run no
// templates: the link would show as text, or name a file called "{{
// site.baseurl }}". Each is read as the path it stands for, with a
// warning; a path from the site's root then gets the error that names
// the relative path to write.
var (
	hugoRefDest = regexp.MustCompile(`\]\([ \t]*(\{\{[<%][ \t]*(?:rel)?ref[ \t]+"([^"\n]+)"[ \t]*[>%]\}\})[ \t]*\)`)
	// Jekyll's {% link docs/x.md %}, a path from the site's root, with
	// the site's base before it or not, and a fragment after it
	jekyllLinkDest = regexp.MustCompile(`\]\([ \t]*((?:\{\{-?[ \t]*site\.(?:url|baseurl)[ \t]*-?\}\})*\{%-?[ \t]*link[ \t]+([^\s%{}()]+)[ \t]*-?%\})([^()\s]*)\)`)
	// a reference's definition to either: "[x]: {% link docs/x.md %}#a",
	// "[y]: {{ site.baseurl }}/img/y.png"
	jekyllRefDest = regexp.MustCompile(`^( {0,3}\[[^\]\n]+\]:[ \t]*)((?:\{\{-?[ \t]*site\.(?:url|baseurl)[ \t]*-?\}\})*(?:\{%-?[ \t]*link[ \t]+([^\s%{}()]+)[ \t]*-?%\}|\{\{-?[ \t]*site\.baseurl[ \t]*-?\}\}))(\S*)[ \t]*$`)
	siteBaseDest  = regexp.MustCompile(`\]\([ \t]*((?:\{\{-?[ \t]*site\.url[ \t]*-?\}\})?\{\{-?[ \t]*(?:site\.baseurl|\.Site\.BaseURL)[ \t]*-?\}\})/*(/[^()\s]*|)\)`)
)

// templateDests returns body with such destinations written as the
// paths they stand for, and where it did so.
func templateDests(body []byte) ([]byte, []Foreign) {
	if !bytes.Contains(body, []byte("]({")) && !bytes.Contains(body, []byte("]( {")) && !bytes.Contains(body, []byte("]: {")) {
		return body, nil
	}
	var found []Foreign
	body = textLines(body, holdingTag, func(n int, line []byte, spans [][2]int) []byte {
		if m := jekyllRefDest.FindSubmatchIndex(line); m != nil {
			tag, path := string(line[m[4]:m[5]]), "/"+strings.TrimLeft(string(line[m[8]:m[9]]), "/")
			if m[6] >= 0 {
				path = "/" + strings.TrimLeft(string(line[m[6]:m[7]]), "/") + string(line[m[8]:m[9]])
			}
			found = append(found, Foreign{Line: n, Code: "template-tag",
				Message: diag.Msg("the template tag %s in a link's address is read as the path it stands for, %s: pages here run no templates", tag, path),
				Hint:    diag.Msg("write the path itself, relative to this document, as the error at this line gives it (not %s, from the site's root)", path)})
			return append(line[:m[3]:m[3]], path...)
		}
		for _, re := range []*regexp.Regexp{hugoRefDest, jekyllLinkDest, siteBaseDest} {
			ms := re.FindAllSubmatchIndex(line, -1)
			var edits []edit
			for j := len(ms) - 1; j >= 0; j-- {
				m := ms[j]
				if inSpan(spans, m[0]) {
					continue
				}
				tag, path := string(line[m[2]:m[3]]), string(line[m[4]:m[5]])
				if path == "" {
					path = "/"
				}
				if re == jekyllLinkDest {
					// from the site's root, the fragment after the tag
					path = "/" + strings.TrimLeft(path, "/") + string(line[m[6]:m[7]])
				}
				dest := "](" + path + ")"
				if bytes.ContainsAny([]byte(path), " <>") {
					dest = "](<" + path + ">)"
				}
				edits = append(edits, edit{m[0], m[1], []byte(dest)})
				hint := diag.Msg("write the path itself, relative to this document: [text](%s)", path)
				if strings.HasPrefix(path, "/") {
					// not the path to write: the error of the path
					// from the root names the relative one
					hint = diag.Msg("write the path itself, relative to this document, as the error at this line gives it (not %s, from the site's root)", path)
				}
				found = append(found, Foreign{Line: n, Code: "template-tag",
					Message: diag.Msg("the template tag %s in a link's address is read as the path it stands for, %s: pages here run no templates", tag, path),
					Hint:    hint})
			}
			line = spliced(line, edits)
		}
		return line
	})
	return body, found
}

// holdingTag reports whether line holds the start of a template tag.
func holdingTag(line []byte) bool {
	return bytes.Contains(line, []byte("{{")) || bytes.Contains(line, []byte("{%"))
}
