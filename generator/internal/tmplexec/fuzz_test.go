package tmplexec

import (
	"errors"
	"fmt"
	"html/template"
	"strings"
	"testing"
)

// FuzzTemplates compares Execute with html/template on template sources
// made from the fuzzer's bytes (see gen): text in every escaping context,
// actions, pipelines, variables, if, with, range, break, template calls
// and the functions and builtins, over the test page. Where Execute
// writes a page it must be html/template's, twice over (the second run
// reads the names' cached lookups); where html/template fails, Execute
// must leave the page to it.
func FuzzTemplates(f *testing.F) {
	for _, seed := range []string{
		"", "\x01\x02\x03", "\x04\x00\x05\x01\x06", "\x02\x03\x04\x05\x06\x07\x08\x09",
		"\x05\x05\x02\x01\x00\x03\x01\x02\x07\x01", "\xff\xfe\xfd\xfc\xfb\xfa", "\x03\x01\x04\x01\x05\x09\x02\x06",
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, plan []byte) {
		src := genTemplate(plan)
		tmpl, err := template.New("page").Funcs(testFuncs).Parse(src)
		if err != nil {
			return // the generator makes some that text/template refuses
		}
		data := testPage() // one: a page may print its pointers
		var want strings.Builder
		werr := tmpl.Execute(&want, data)
		set := New(tmpl, testFuncs, nil)
		for range 2 {
			var got strings.Builder
			err := set.Execute(&got, "page", data)
			switch {
			case err != nil && !errors.Is(err, errFallback):
				t.Fatalf("%s: %v", src, err)
			case err == nil && werr != nil:
				t.Fatalf("%s: html/template fails (%v), but Execute wrote %q", src, werr, got.String())
			case err == nil && got.String() != want.String():
				t.Fatalf("%s:\n got %q\nwant %q", src, got.String(), want.String())
			}
		}
	})
}

// gen writes a template source, each choice taken from the next byte of
// its plan (0 once the plan is used up, which closes what is open).
type gen struct {
	plan  []byte
	b     strings.Builder
	vars  []string // the variables in scope, innermost last
	defs  int      // the templates defined so far: d0, d1, …
	loops int      // the ranges open around the text being written
}

func genTemplate(plan []byte) string {
	g := &gen{plan: plan}
	var defs strings.Builder
	for range g.pick(3) {
		// Each defined template may call those defined before it, never
		// itself: no recursion.
		g.b.Reset()
		g.content(2)
		fmt.Fprintf(&defs, `{{define "d%d"}}%s{{end}}`, g.defs, g.b.String())
		g.defs++
	}
	g.b.Reset()
	g.content(3)
	return g.b.String() + defs.String()
}

func (g *gen) pick(n int) int {
	if len(g.plan) == 0 {
		return 0
	}
	c := int(g.plan[0]) % n
	g.plan = g.plan[1:]
	return c
}

func (g *gen) one(choices ...string) string { return choices[g.pick(len(choices))] }

// texts open and close the contexts html/template escapes differently.
var texts = []string{
	"<p>", "</p>", " a&amp;b ", "表", `<a href="`, `<a href="/q?x=`, `&amp;y=`, `">`, `<p title='`, `'>`,
	"<title>", "</title>", "<textarea>", "</textarea>", "<script>", "</script>", `<p style="color:`,
	"<!-- c -->", "\n", `<img alt=`, `>`, `<a href="/d/`,
}

func (g *gen) content(depth int) {
	for n := g.pick(4) + 1; n > 0 && len(g.plan) > 0; n-- {
		switch k := g.pick(10); {
		case k < 2:
			g.b.WriteString(g.one(texts...))
		case k < 4:
			g.b.WriteString(g.one("{{", "{{- ") + g.pipeline(2) + g.one("}}", " -}}"))
		case k == 4 && depth > 0:
			g.b.WriteString("{{if " + g.pipeline(1) + "}}")
			g.content(depth - 1)
			switch g.pick(3) {
			case 1:
				g.b.WriteString("{{else if " + g.pipeline(1) + "}}")
				g.content(depth - 1)
			case 2:
				g.b.WriteString("{{else}}")
				g.content(depth - 1)
			}
			g.b.WriteString("{{end}}")
		case k == 5 && depth > 0:
			g.scope(depth, "with", g.one("", "$w := "))
		case k == 6 && depth > 0:
			g.loops++
			g.scope(depth, "range", g.one("", "$e := ", "$i, $e := "))
			g.loops--
		case k == 7 && g.defs > 0:
			g.b.WriteString(fmt.Sprintf(`{{template "d%d" %s}}`, g.pick(g.defs), g.pipeline(1)))
		case k == 8:
			if g.loops > 0 && g.pick(2) == 0 {
				g.b.WriteString(g.one("{{break}}", "{{continue}}"))
				break
			}
			g.b.WriteString("{{$v := " + g.pipeline(1) + "}}")
			g.vars = append(g.vars, "$v") // to the end of the enclosing block, as text/template scopes it
		default:
			g.b.WriteString("{{/* c */}}")
		}
	}
}

// scope writes a with or range block whose declaration (decl, or none)
// names variables for its body.
func (g *gen) scope(depth int, kw, decl string) {
	mark := len(g.vars)
	g.b.WriteString("{{" + kw + " " + decl + g.pipeline(1) + "}}")
	for _, v := range strings.Split(strings.TrimSuffix(decl, " := "), ", ") {
		if v != "" {
			g.vars = append(g.vars, v)
		}
	}
	g.content(depth - 1)
	g.vars = g.vars[:mark]
	if g.pick(2) == 1 {
		g.b.WriteString("{{else}}")
		g.content(depth - 1)
	}
	g.b.WriteString("{{end}}")
	g.vars = g.vars[:mark]
}

// operands are the values a command may start from.
var operands = []string{
	".", "$", ".ID", ".Title", ".Status", ".Count", ".Tags", ".Items", ".Vals", ".First", ".First.Parent.Title",
	".None", ".Map", ".Map.k", ".Data", ".Data.Safe", ".Data.Link", ".Any", ".Kind", ".N", ".U", ".F", ".Rel", ".Empty",
	".Err", "$.Rel", "$.Items", ".First.Label", ".First.URL", ".Nested", ".Label",
	`"x<y>&'\"+"`, `"draft"`, `"表单"`, `"%v|%s"`, "2", "-1", "0x1F", "1.5", "true", "nil", "'a'",
}

// maxStages bounds the functions a pipeline passes its value through:
// js or html applied to its own output doubles its backslashes or
// ampersands, and a plan of a thousand such stages made html/template,
// the reference, write without end.
const maxStages = 6

// pipeline writes a pipeline of at most depth levels of parentheses.
func (g *gen) pipeline(depth int) string {
	p := g.command(depth)
	for n := 0; n < maxStages && g.pick(4) == 1; n++ { // 0, as at the end of the plan, stops
		p += " | " + g.one("upper", `printf "%v"`, "show", "len", "html", "urlquery", "print", `t "k"`, "not", `pair "a"`, "js")
	}
	return p
}

func (g *gen) command(depth int) string {
	arg := func() string {
		if depth > 0 && g.pick(5) == 1 {
			return "(" + g.pipeline(depth-1) + ")"
		}
		if len(g.vars) > 0 && g.pick(4) == 0 {
			v := g.vars[g.pick(len(g.vars))]
			return v + g.one("", ".ID", ".Title")
		}
		return g.one(operands...)
	}
	switch g.pick(3) {
	case 0:
		return arg()
	case 1:
		return g.one("upper", "tier", "show", "len", "not", "html", "js", "print", "slice", "t", "fail") + " " + arg()
	}
	return g.one("eq", "ne", "and", "or", "pair", "add", "index", "printf", "list", "t") + " " + arg() + " " + arg()
}
