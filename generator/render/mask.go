package render

import (
	"regexp"
	"strings"

	"ismsgen/generator/markdown"
	"ismsgen/generator/model"
)

// idRun is a run of the characters of an id, with the escapes that
// Markdown and URLs allow in it ("QZ&#45;1", "QZ\-1", "QZ%2D1").
var idRun = regexp.MustCompile(`(?:[A-Za-z0-9._-]|&#[0-9]{1,7};|&#[xX][0-9A-Fa-f]{1,6};|&[A-Za-z][A-Za-z0-9]{1,31};|\\[-!-/:-@\[-` + "`" + `{-~]|%[0-9A-Fa-f]{2})+`)

// mask replaces each id of a document this build leaves out, written in
// any of the ways a link may write it, by the placeholder of a link to
// one: the pages that show a document's Markdown and front matter as
// written (what changed between two versions, a version that no longer
// parses) must not show them, as no other page does.
func (r *renderer) mask(text string) string {
	left := r.in.Site.LeftOut
	if len(left) == 0 {
		return text
	}
	return idRun.ReplaceAllStringFunc(text, func(run string) string {
		for s := run; s != ""; s = s[:len(s)-1] {
			if id, _, _ := strings.Cut(markdown.Unescape(s), "#"); left[model.FoldID(id)] {
				return r.bodies.withheld + run[len(s):]
			}
			if last := s[len(s)-1]; last != '.' && last != '-' && last != '_' {
				break // only a full stop, a dash or an underscore may follow an id in a run
			}
		}
		return run
	})
}
