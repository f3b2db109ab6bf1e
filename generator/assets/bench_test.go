package assets

import (
	"fmt"
	"strings"
	"testing"
	"testing/fstest"
)

// BenchmarkSiteStylesheet bundles a site's stylesheet of 5,000 rules:
// the same rule again and again, and rules of the same declarations
// whose selectors differ only in their class names (a rule for each
// department, each icon), which esbuild's syntax minifier compared each
// with every other (seconds at 5,000 rules, a minute at 20,000).
func BenchmarkSiteStylesheet(b *testing.B) {
	for _, tc := range []struct {
		name string
		rule func(i int) string
	}{
		{"identical", func(int) string { return ".note { color: red; margin: 0 1px; }\n" }},
		{"same-declarations", func(i int) string { return fmt.Sprintf(".dept-%d { color: red; }\n.icon-%d { color: blue; }\n", i, i) }},
	} {
		b.Run(tc.name, func(b *testing.B) {
			var css strings.Builder
			for i := range 5000 {
				css.WriteString(tc.rule(i))
			}
			src := fstest.MapFS{CSSEntry: &fstest.MapFile{Data: []byte(css.String())}}
			for b.Loop() {
				if bundle, diags := Build(src); bundle == nil || len(diags) > 0 {
					b.Fatal(diags)
				}
			}
		})
	}
}
