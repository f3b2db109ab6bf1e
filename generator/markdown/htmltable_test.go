package markdown

import (
	"reflect"
	"testing"
)

// An HTML table is shown as a pipe table whose rows take a line each,
// an HTML paragraph as a paragraph on one line; LinkLines gives back,
// for each row's line (the paragraph's), the line its <tr> was written
// at (its first) and the line of each of its links and pictures, so that
// a link is reported where its author wrote it. A table that stays
// HTML, and the line of dashes, have none.
func TestHTMLTableLinkLines(t *testing.T) {
	for _, tc := range []struct {
		name, in string
		want     map[int][]int
	}{
		{"a header, a row of links on lines of their own, a row of none",
			"Intro.\n\n<table>\n<thead>\n  <tr><th>Step</th><th>See</th></tr>\n</thead>\n  <tr>\n    <td>Report</td>\n    <td>\n      <a href=\"a.md\">A</a>, <a>no link</a>\n      and <img src=\"b.png\" alt=\"b\">\n    </td>\n  </tr>\n  <tr>\n    <td>Close</td><td>-</td>\n  </tr>\n</table>\n",
			map[int][]int{2: {4}, 4: {6, 9, 10}, 5: {13}}},
		{"in an admonition: at the lines of the body",
			"!!! note\n    <table>\n      <tr><td>x</td></tr>\n      <tr>\n        <td><a href=\"c.md\">c</a></td>\n      </tr>\n    </table>\n",
			map[int][]int{1: {2}, 3: {3, 4}}},
		{"an HTML paragraph of links on lines of their own, shown on the line after its opening tag",
			"<p align=\"center\">\n  <a href=\"a.md\">\n    <img src=\"b.png\" alt=\"b\">\n  </a>\n  <a href=\"c.md\">C</a> <a>none</a>\n</p>\n",
			map[int][]int{1: {1, 1, 2, 4}}},
		{"an HTML list whose items' links are on lines of their own, shown a line an item",
			"<ul>\n  <li>\n    One <a href=\"a.md\">a</a>\n  </li>\n  <li>Two <a href=\"b.md\">b</a>\n  and <img src=\"c.png\"></li>\n</ul>\n",
			map[int][]int{0: {1, 2}, 1: {4, 4, 5}}},
		{"on fewer lines than its rows: HTML, left out", "<table><tr><td><a href=\"a.md\">a</a></td></tr><tr><td>b</td></tr></table>\n", nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, found := Adapt([]byte(tc.in))
			if got := LinkLines(found); !reflect.DeepEqual(got, tc.want) {
				t.Errorf("got %v, want %v", got, tc.want)
			}
		})
	}
}
