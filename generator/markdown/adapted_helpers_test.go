package markdown

import (
	"bytes"
	"strconv"
	"strings"
	"testing"
)

// foundAt lists found as code@line, in order: what the table tests of
// Adapt compare with what they want.
func foundAt(found []Foreign) string {
	codes := make([]string, len(found))
	for i, f := range found {
		codes[i] = f.Code + "@" + strconv.Itoa(f.Line)
	}
	return strings.Join(codes, " ")
}

// adaptedAs adapts in and checks that it comes out as out (in itself
// when out is empty) with found's warnings (see foundAt).
func adaptedAs(t *testing.T, name, in, out, found string) []byte {
	t.Helper()
	if out == "" {
		out = in
	}
	body, got := Adapt([]byte(in))
	if string(body) != out {
		t.Errorf("%s: adapted\n%q\nwant\n%q", name, body, out)
	}
	if at := foundAt(got); at != found {
		t.Errorf("%s: found %q, want %q", name, at, found)
	}
	return body
}

// pageOf renders an adapted body as a page shows it.
func pageOf(body []byte) string {
	md := New()
	var html bytes.Buffer
	_ = md.Renderer().Render(&html, body, Parse(md, body))
	return html.String()
}
