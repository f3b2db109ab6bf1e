package generator_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"
)

// TestWarningCodesAreDocumented: every warning code the generator's
// source gives (the code of a Warnf, of a diag.New of a Warning, or a
// Code field) has a row in the table of warning codes of
// docs/format.md, which tells a document controller what it means and
// what to do; and the table names no code that nothing gives. Found:
// indented-text was explained in prose only.
func TestWarningCodesAreDocumented(t *testing.T) {
	given := map[string]string{} // code → where
	fset := token.NewFileSet()
	err := filepath.WalkDir(".", func(p string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() || !strings.HasSuffix(p, ".go") || strings.HasSuffix(p, "_test.go") || strings.Contains(p, "testdata") {
			return err
		}
		f, err := parser.ParseFile(fset, p, nil, 0)
		if err != nil {
			return err
		}
		ast.Inspect(f, func(n ast.Node) bool {
			var lit ast.Expr
			switch n := n.(type) {
			case *ast.CallExpr:
				sel, ok := n.Fun.(*ast.SelectorExpr)
				switch {
				case ok && sel.Sel.Name == "Warnf" && len(n.Args) >= 3:
					lit = n.Args[2]
				case ok && sel.Sel.Name == "New" && len(n.Args) >= 4 && isWarning(n.Args[2]):
					lit = n.Args[3]
				}
			case *ast.KeyValueExpr:
				if id, ok := n.Key.(*ast.Ident); ok && id.Name == "Code" {
					lit = n.Value
				}
			}
			if b, ok := lit.(*ast.BasicLit); ok && b.Kind == token.STRING {
				if code, err := strconv.Unquote(b.Value); err == nil && code != "" {
					given[code] = fset.Position(b.Pos()).String()
				}
			}
			return true
		})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	docs, err := os.ReadFile(filepath.Join("..", "docs", "format.md"))
	if err != nil {
		t.Fatal(err)
	}
	_, table, _ := strings.Cut(string(docs), "### Warning codes")
	table, _, _ = strings.Cut(table, "\n### ")
	documented := map[string]bool{}
	for _, m := range regexp.MustCompile("(?m)^\\| (`[a-z0-9-]+`(?:, `[a-z0-9-]+`)*) \\|").FindAllStringSubmatch(table, -1) {
		for _, c := range strings.Split(m[1], ", ") {
			documented[strings.Trim(c, "`")] = true
		}
	}
	if len(given) < 50 || len(documented) < 50 {
		t.Fatalf("found %d codes in the source and %d in docs/format.md: the test no longer reads them", len(given), len(documented))
	}
	var missing, stale []string
	for code, at := range given {
		if !documented[code] {
			missing = append(missing, code+" ("+at+")")
		}
	}
	for code := range documented {
		if _, ok := given[code]; !ok {
			stale = append(stale, code)
		}
	}
	sort.Strings(missing)
	sort.Strings(stale)
	for _, m := range missing {
		t.Errorf("warning %s is not in the table of warning codes of docs/format.md", m)
	}
	for _, s := range stale {
		t.Errorf("docs/format.md documents warning %s, which no Warnf, diag.New or Code field of the source gives", s)
	}
}

// isWarning reports whether e is diag.Warning.
func isWarning(e ast.Expr) bool {
	sel, ok := e.(*ast.SelectorExpr)
	return ok && sel.Sel.Name == "Warning"
}
