package render

import (
	"fmt"
	"strings"
	"testing"

	"ismsgen/generator/model"
)

func TestListPages(t *testing.T) {
	rows := func(n int) []ListRow {
		out := make([]ListRow, n)
		for i := range out {
			out[i] = ListRow{Doc: &model.Document{ID: fmt.Sprint(i)}}
		}
		return out
	}
	pager := func(l *List) string {
		var b []string
		for _, p := range l.Pager() {
			switch {
			case p.Label == "":
				b = append(b, "…")
			case p.Current:
				b = append(b, "["+p.Label+"]")
			default:
				b = append(b, p.Label+"="+p.Href)
			}
		}
		return strings.Join(b, " ")
	}
	tests := []struct {
		rows, page  int
		single, own bool
		pages       int
		from, to    int
		pager       string
		prev, next  string
	}{
		{rows: 0, page: 1, pages: 1, from: 0, to: 0, pager: "[1]"},
		{rows: 100, page: 1, pages: 1, from: 1, to: 100, pager: "[1]"},
		{rows: 101, page: 1, pages: 2, from: 1, to: 100, pager: "[1] 2=in-force-2.html", next: "in-force-2.html"},
		{rows: 101, page: 2, pages: 2, from: 101, to: 101, pager: "1=./#list-in-force [2]", prev: "./#list-in-force"},
		{rows: 101, page: 2, single: true, pages: 2, from: 101, to: 101, pager: "1=./ [2]", prev: "./"},
		{rows: 101, page: 1, own: true, pages: 2, from: 1, to: 100, pager: "[1] 2=in-force-2.html", next: "in-force-2.html"},
		{rows: 101, page: 2, own: true, pages: 2, from: 101, to: 101, pager: "1=in-force-1.html [2]", prev: "in-force-1.html"},
		{rows: 1000, page: 5, pages: 10, from: 401, to: 500,
			pager: "1=./#list-in-force … 3=in-force-3.html 4=in-force-4.html [5] 6=in-force-6.html 7=in-force-7.html … 10=in-force-10.html",
			prev:  "in-force-4.html", next: "in-force-6.html"},
		{rows: 1000, page: 10, pages: 10, from: 901, to: 1000,
			pager: "1=./#list-in-force … 8=in-force-8.html 9=in-force-9.html [10]", prev: "in-force-9.html"},
	}
	for _, tt := range tests {
		l := &List{ID: "in-force", Rows: rows(tt.rows), Page: tt.page, Single: tt.single, Own: tt.own}
		name := fmt.Sprintf("%d rows, page %d, single %v, own %v", tt.rows, tt.page, tt.single, tt.own)
		if l.Pages() != tt.pages || l.From() != tt.from || l.To() != tt.to {
			t.Errorf("%s: pages %d rows %d–%d, want %d, %d–%d", name, l.Pages(), l.From(), l.To(), tt.pages, tt.from, tt.to)
		}
		if got := pager(l); got != tt.pager {
			t.Errorf("%s: pager\n got %s\nwant %s", name, got, tt.pager)
		}
		if l.Prev() != tt.prev || l.Next() != tt.next {
			t.Errorf("%s: prev %q next %q, want %q %q", name, l.Prev(), l.Next(), tt.prev, tt.next)
		}
		if n, want := len(l.PageRows()), tt.to-tt.from+1; n != want && (tt.rows > 0 || n != 0) {
			t.Errorf("%s: %d rows on the page", name, n)
		}
	}
}
