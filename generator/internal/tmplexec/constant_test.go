package tmplexec

import (
	"html/template"
	"strings"
	"testing"
	"text/template/parse"
)

// TestUnsafeInText: html/template's escapers for text, quoted attributes
// and RCDATA leave a character as it is exactly when it is not one of
// unsafeInText, which EscapedConstant relies on.
func TestUnsafeInText(t *testing.T) {
	tpl := template.Must(template.New("x").Parse(`<p title="{{.}}">{{.}}</p><textarea>{{.}}</textarea>`))
	chars := []string{"中", "é", "\u00a0", "\u2028", "\U0001F600"}
	for c := range 0x80 {
		chars = append(chars, string(rune(c)))
	}
	for _, c := range chars {
		var b strings.Builder
		if err := tpl.Execute(&b, c); err != nil {
			t.Fatal(err)
		}
		kept := b.String() == `<p title="`+c+`">`+c+`</p><textarea>`+c+`</textarea>`
		if unsafe := strings.Contains(unsafeInText, c); kept == unsafe {
			t.Errorf("%q: kept by the escapers %v, in unsafeInText %v", c, kept, unsafe)
		}
	}
}

func TestEscapedConstant(t *testing.T) {
	for _, tc := range []struct {
		src  string
		want string
		ok   bool
	}{
		{`{{"编号" | ` + htmlEscaper + `}}`, "编号", true},
		{`{{"a" | ` + attrEscaper + ` | ` + htmlEscaper + `}}`, "a", true},
		{`{{"a" | ` + rcdataEscaper + `}}`, "a", true},
		{`{{"a < b" | ` + htmlEscaper + `}}`, "", false},
		{`{{"R&D" | ` + attrEscaper + `}}`, "", false},
		{`{{"docs/" | ` + urlFilter + ` | ` + attrEscaper + `}}`, "", false},
		{`{{"x"}}`, "", false},
		{`{{.Title | ` + htmlEscaper + `}}`, "", false},
		{`{{$x := "a" | ` + htmlEscaper + `}}`, "", false},
	} {
		fn := func(...any) string { return "" }
		trees, err := parse.Parse("t", tc.src, "", "", map[string]any{
			htmlEscaper: fn, attrEscaper: fn, rcdataEscaper: fn, urlFilter: fn,
		})
		if err != nil {
			t.Fatalf("%s: %v", tc.src, err)
		}
		action := trees["t"].Root.Nodes[0].(*parse.ActionNode)
		got, ok := EscapedConstant(action)
		if got != tc.want || ok != tc.ok {
			t.Errorf("EscapedConstant(%s) = %q, %v; want %q, %v", tc.src, got, ok, tc.want, tc.ok)
		}
	}
}
