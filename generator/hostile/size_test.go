package hostile_test

import (
	"fmt"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"ismsgen/generator"
)

// repeat is strings.Repeat for building bodies.
func repeat(s string, n int) string { return strings.Repeat(s, n) }

// hugeBodies are the bodies of the size tests, each in a site of its own.
func hugeBodies() map[string]string {
	var table strings.Builder
	table.WriteString("| no | control | owner |\n| --- | --- | --- |\n")
	for i := range 100_000 {
		fmt.Fprintf(&table, "| %d | 控制项 %d | hr |\n", i, i)
	}
	var para strings.Builder
	for para.Len() < 5<<20 {
		fmt.Fprintf(&para, "## 第 %d 节\n\n信息安全管理体系文件 ISMS document text, paragraph %d. [链接](H-P-001) *emphasis* `code`.\n\n", para.Len(), para.Len())
	}
	var indented, growing strings.Builder
	for i := range 2_000 {
		indented.WriteString(repeat("  ", i) + "- item\n")
		growing.WriteString(repeat(">", i) + " quote\n\n")
	}
	return map[string]string{
		"2,000-deep list by indentation": indented.String(),
		"2,000 quotes growing by one":    growing.String(),
		"5 MB document":                  para.String(),
		"100,000-row table":              table.String(),
		"10,000-deep list on one line":   repeat("- ", 10_000) + "deep\n",
		"10,000-deep ordered list":       repeat("1. ", 10_000) + "deep\n",
		"10,000-deep block quote":        repeat(">", 10_000) + " deep\n",
		"10,000-deep quote, many lines":  repeat(repeat("> ", 10_000)+"line\n", 500),
		"10,000-deep mixed nesting":      repeat("> - ", 5_000) + "deep\n",
		"quotes after a list item fence": "- a\n  ```\n" + repeat(repeat(">", 10_000)+" deep\n", 50),
		"10,000 nested emphasis":         repeat("*", 10_000) + "x" + repeat("*", 10_000) + "\n",
		"10,000 nested brackets":         repeat("[", 10_000) + "x" + repeat("](H-P-001)", 10_000) + "\n",
		"10,000 open brackets":           repeat("[a](", 10_000) + "\n",
		"50,000 identical headings":      repeat("## 同一标题\n\n", 50_000),
		"50,000 links":                   repeat("[](H-P-001) ", 50_000) + "\n",
		"50,000 footnotes":               repeat("x[^1] ", 50_000) + "\n\n[^1]: note\n",
		"1 MB single line":               repeat("长", 350_000) + "\n",
		"10,000 backticks":               repeat("`", 10_000) + "x\n",
		"20,000 code spans, long link":   repeat("`a` ", 20_000) + "[" + repeat("x", 50_000) + "](H-P-001)\n",
		"100,000 list items":             repeat("- item\n", 100_000),
	}
}

const (
	nestWarning = "content/tier2/huge.md:12: warning: block quotes or lists nested more deeply than ismsgen renders; the deeper markers are shown as text"
	linkWarning = "content/tier2/huge.md:12: warning: link destinations too long to scan; the rest are shown as text"
)

// hugeWarnings are the warnings about huge.md; nil for none.
var hugeWarnings = map[string][]string{
	"10,000-deep list on one line":   {nestWarning},
	"10,000-deep ordered list":       {nestWarning},
	"10,000-deep block quote":        {nestWarning},
	"10,000-deep quote, many lines":  {nestWarning + " (and on 499 more lines)"},
	"10,000-deep mixed nesting":      {nestWarning},
	"quotes after a list item fence": {strings.Replace(nestWarning, ":12:", ":14:", 1) + " (and on 49 more lines)"},
	"2,000 quotes growing by one":    {strings.Replace(nestWarning, ":12:", ":78:", 1) + " (and on 1966 more lines)"},
	"2,000-deep list by indentation": {"content/tier2/huge.md:77: warning: the line is indented more deeply than ismsgen renders; the extra indentation is dropped (and on 1934 more lines)"},
	"10,000 open brackets":           {linkWarning},
}

// Very large and very deeply nested documents build (or fail with a clear
// error) without crashing, overflowing the stack or exhausting memory.
// Time and memory are logged, not asserted; memory is asserted only
// against a bound far above what a sane build needs.
func TestHugeDocuments(t *testing.T) {
	if testing.Short() {
		t.Skip("slow")
	}
	bodies := hugeBodies()
	for _, name := range sortedKeys(bodies) {
		t.Run(name, func(t *testing.T) {
			files := good()
			files["content/tier2/huge.md"] = doc("H-P-099", "Huge", "", bodies[name])
			site := writeSite(t, files)
			runtime.GC()
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			start := time.Now()
			res, err := generator.Build(options(site, filepath.Join(site, "public")))
			elapsed := time.Since(start)
			runtime.ReadMemStats(&after)
			if err != nil {
				t.Fatal(err)
			}
			t.Logf("%s: %.1f MB in, %s, %d MB allocated, heap grew to %d MB, %d errors, %d warnings",
				name, float64(len(bodies[name]))/(1<<20), elapsed.Round(time.Millisecond),
				(after.TotalAlloc-before.TotalAlloc)>>20, after.HeapSys>>20, len(res.Diagnostics.Errors()), len(res.Diagnostics.Warnings()))
			for _, d := range res.Diagnostics.Errors() {
				t.Errorf("%s", d)
			}
			var got []string
			for _, d := range res.Diagnostics.Warnings() {
				if d.File == "content/tier2/huge.md" {
					got = append(got, d.String())
				}
			}
			sameLines(t, got, hugeWarnings[name])
			if after.HeapSys > 4<<30 {
				t.Errorf("the heap grew to %d MB", after.HeapSys>>20)
			}
		})
	}
}
