package i18n_test

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"

	"ismsgen"
	"ismsgen/generator/i18n"
	"ismsgen/internal/sitetest"
)

// Every message ismsgen prints is put in the site's language by its
// English format (diag.Catalog). This test walks the source for every
// format and hint that reaches a diagnostic or the command line — the
// calls of diag's printf-like functions (Errorf, Warnf, Msg, Usagef,
// Catalog.Sprintf, …) and of every function that passes its own format
// on to one of them — and fails when one has no translation, so that a
// message added later cannot slip through in English. It fails too on a
// translation that nothing uses any more, and on one whose verbs do not
// take the same arguments.
func TestEveryMessageIsTranslated(t *testing.T) {
	src := walkSource(t)
	if len(src.formats) < 100 {
		t.Fatalf("found only %d message formats: the walk misses calls", len(src.formats))
	}
	for _, p := range src.problems {
		t.Error(p)
	}
	for _, lang := range i18n.Languages {
		if lang == "en" {
			continue
		}
		cat := readCatalog(t, lang)
		for _, f := range src.sortedFormats() {
			if trivial(f) {
				continue
			}
			tr, ok := cat[f]
			if !ok {
				t.Errorf("%s: no %s translation of %q in i18n/messages.%s.toml", src.formats[f], lang, f, lang)
				continue
			}
			if err := sameVerbs(f, tr); err != nil {
				t.Errorf("i18n/messages.%s.toml: %q → %q: %v", lang, f, tr, err)
			}
		}
		for f := range cat {
			if _, used := src.formats[f]; !used {
				t.Errorf("i18n/messages.%s.toml: %q is no message of ismsgen's any more: delete it", lang, f)
			}
		}
	}
}

// trivial reports whether a format has nothing to translate: only verbs
// and white space.
func trivial(f string) bool {
	return strings.TrimSpace(verb.ReplaceAllString(f, "")) == ""
}

func readCatalog(t *testing.T, lang string) map[string]string {
	t.Helper()
	if _, err := i18n.Messages(ismsgen.I18n(), lang); err != nil {
		t.Fatal(err)
	}
	data, err := fs.ReadFile(ismsgen.I18n(), "messages."+lang+".toml")
	if err != nil {
		t.Fatal(err)
	}
	m := map[string]string{}
	if err := toml.Unmarshal(data, &m); err != nil {
		t.Fatal(err)
	}
	return m
}

// verb matches one fmt verb, with its flags, width, precision and
// explicit argument index.
var verb = regexp.MustCompile(`%(?:\[(\d+)\])?[-+# 0]*\d*(?:\.\d+)?([a-zA-Z%])`)

// sameVerbs checks that tr formats the arguments that en formats: each
// argument is used, none is missing, and no verb fails.
func sameVerbs(en, tr string) error {
	var args []any
	i := 0
	for _, m := range verb.FindAllStringSubmatch(en, -1) {
		if m[2] == "%" {
			continue
		}
		n := i
		if m[1] != "" {
			n, _ = strconv.Atoi(m[1])
			n--
		}
		for len(args) <= n {
			args = append(args, nil)
		}
		switch m[2] {
		case "d", "x", "X", "o", "b", "c", "U":
			args[n] = 7000 + n
		case "T":
			args[n] = struct{}{}
		default:
			args[n] = fmt.Sprintf("ARG%d", n)
		}
		i = n + 1
	}
	out := fmt.Sprintf(tr, args...)
	if strings.Contains(out, "%!") {
		return fmt.Errorf("the verbs do not fit the arguments: %s", out)
	}
	for n, a := range args {
		if a == nil {
			continue
		}
		if s := fmt.Sprintf(verbOf(en, n), a); !strings.Contains(out, s) && a != (struct{}{}) {
			return fmt.Errorf("argument %d (%s) is not shown", n+1, s)
		}
	}
	return nil
}

// verbOf is the verb with which en formats argument n, without its
// index: what the argument looks like in the output.
func verbOf(en string, n int) string {
	i := 0
	for _, m := range verb.FindAllStringSubmatch(en, -1) {
		if m[2] == "%" {
			continue
		}
		k := i
		if m[1] != "" {
			k, _ = strconv.Atoi(m[1])
			k--
		}
		if k == n {
			return strings.Replace(m[0], "["+m[1]+"]", "", 1)
		}
		i = k + 1
	}
	return "%v"
}

// source is what the walk found.
type source struct {
	root     string
	formats  map[string]string // format → where it is first used
	problems []string
}

// where is a position as path:line:col under the root.
func (s *source) where(fset *token.FileSet, at token.Pos) string {
	p := fset.Position(at)
	if rel, err := filepath.Rel(s.root, p.Filename); err == nil {
		p.Filename = filepath.ToSlash(rel)
	}
	return p.String()
}

func (s *source) sortedFormats() []string {
	out := make([]string, 0, len(s.formats))
	for f := range s.formats {
		out = append(out, f)
	}
	slices.Sort(out)
	return out
}

// entry is a printf-like function whose format becomes a message.
type entry struct {
	format, hint int // argument indexes; hint -1 when it takes none
}

type file struct {
	pkg     string // folder, relative to the root
	path    string
	ast     *ast.File
	imports map[string]string // name → folder of an ismsgen package, or the import path
}

const module = "ismsgen"

// walkSource parses every Go file of the module but the tests, finds the
// entries and checks their calls.
func walkSource(t *testing.T) *source {
	t.Helper()
	root := sitetest.Root()
	fset := token.NewFileSet()
	var files []*file
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		name := d.Name()
		if d.IsDir() {
			if p != root && (strings.HasPrefix(name, ".") || name == "testdata" || name == "public" || name == "node_modules") {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(name, ".go") || strings.HasSuffix(name, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(fset, p, nil, parser.SkipObjectResolution)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, p)
		fl := &file{pkg: filepath.ToSlash(filepath.Dir(rel)), path: filepath.ToSlash(rel), ast: f, imports: map[string]string{}}
		for _, im := range f.Imports {
			path, _ := strconv.Unquote(im.Path.Value)
			name := path[strings.LastIndex(path, "/")+1:]
			if im.Name != nil {
				name = im.Name.Name
			}
			if rest, ok := strings.CutPrefix(path, module+"/"); ok {
				path = rest
			}
			fl.imports[name] = path
		}
		files = append(files, fl)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}

	// The entries: diag's printf-like functions, then every function
	// that passes its format on to an entry, until no more are found.
	funcs := map[string]entry{}   // "pkg.Name" → entry
	methods := map[string]entry{} // method name → entry
	for _, f := range files {
		if f.pkg != "generator/diag" {
			continue
		}
		for _, decl := range f.ast.Decls {
			if fd, ok := decl.(*ast.FuncDecl); ok {
				if e, ok := printfLike(fd); ok {
					add(funcs, methods, f, fd, e)
				}
			}
		}
	}
	for changed := true; changed; {
		changed = false
		for _, f := range files {
			for _, decl := range f.ast.Decls {
				fd, ok := decl.(*ast.FuncDecl)
				if !ok || fd.Body == nil || isEntry(funcs, methods, f, fd) {
					continue
				}
				e, ok := printfLike(fd)
				if !ok || !passesFormat(fd, f, funcs, methods) {
					continue
				}
				add(funcs, methods, f, fd, e)
				changed = true
			}
		}
	}

	src := &source{root: root, formats: map[string]string{}}
	for _, f := range files {
		consts := constants(f, files)
		ast.Inspect(f.ast, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.CallExpr:
				if e, ok := callee(n, f, funcs, methods); ok {
					src.call(fset, f, n, e, consts)
				}
				if f.pkg == "cmd/ismsgen" {
					src.printed(fset, n)
				}
			case *ast.CompositeLit:
				src.diagnosticLiteral(fset, f, n)
			case *ast.AssignStmt:
				for i, l := range n.Lhs {
					if isIdent(l, "hint") && i < len(n.Rhs) {
						src.hintValue(fset, n.Rhs[i])
					}
				}
			case *ast.ValueSpec:
				for i, name := range n.Names {
					if name.Name == "hint" && i < len(n.Values) {
						src.hintValue(fset, n.Values[i])
					}
				}
			}
			return true
		})
	}
	return src
}

// printfLike reports whether fd ends with (format string, args ...any),
// and where its format and its hint are.
func printfLike(fd *ast.FuncDecl) (entry, bool) {
	var names []string
	var types []ast.Expr
	for _, p := range fd.Type.Params.List {
		for _, n := range p.Names {
			names = append(names, n.Name)
			types = append(types, p.Type)
		}
	}
	k := len(names)
	if k < 2 || names[k-2] != "format" || !isIdent(types[k-2], "string") {
		return entry{}, false
	}
	if el, ok := types[k-1].(*ast.Ellipsis); !ok || !(isIdent(el.Elt, "any") || isEmptyInterface(el.Elt)) {
		return entry{}, false
	}
	return entry{format: k - 2, hint: slices.Index(names, "hint")}, true
}

func isIdent(e ast.Expr, name string) bool {
	id, ok := e.(*ast.Ident)
	return ok && id.Name == name
}

func isEmptyInterface(e ast.Expr) bool {
	it, ok := e.(*ast.InterfaceType)
	return ok && len(it.Methods.List) == 0
}

func add(funcs, methods map[string]entry, f *file, fd *ast.FuncDecl, e entry) {
	if fd.Recv != nil {
		methods[fd.Name.Name] = e
	} else {
		funcs[f.pkg+"."+fd.Name.Name] = e
	}
}

func isEntry(funcs, methods map[string]entry, f *file, fd *ast.FuncDecl) bool {
	if fd.Recv != nil {
		_, ok := methods[fd.Name.Name]
		return ok
	}
	_, ok := funcs[f.pkg+"."+fd.Name.Name]
	return ok
}

// passesFormat reports whether fd's body calls an entry with fd's own
// format parameter as the format.
func passesFormat(fd *ast.FuncDecl, f *file, funcs, methods map[string]entry) bool {
	found := false
	ast.Inspect(fd.Body, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok || found {
			return !found
		}
		if e, ok := callee(call, f, funcs, methods); ok && e.format < len(call.Args) && isIdent(call.Args[e.format], "format") {
			found = true
		}
		return true
	})
	return found
}

// callee finds the entry that call calls, if it calls one.
func callee(call *ast.CallExpr, f *file, funcs, methods map[string]entry) (entry, bool) {
	switch fn := call.Fun.(type) {
	case *ast.Ident:
		e, ok := funcs[f.pkg+"."+fn.Name]
		return e, ok
	case *ast.SelectorExpr:
		if x, ok := fn.X.(*ast.Ident); ok {
			if path, isPkg := f.imports[x.Name]; isPkg {
				e, ok := funcs[path+"."+fn.Sel.Name]
				return e, ok
			}
		}
		e, ok := methods[fn.Sel.Name]
		return e, ok
	}
	return entry{}, false
}

// constants are the string constants of f's package, by name.
func constants(f *file, files []*file) map[string]string {
	out := map[string]string{}
	for _, g := range files {
		if g.pkg != f.pkg {
			continue
		}
		for _, decl := range g.ast.Decls {
			gd, ok := decl.(*ast.GenDecl)
			if !ok || gd.Tok != token.CONST {
				continue
			}
			for _, spec := range gd.Specs {
				vs := spec.(*ast.ValueSpec)
				for i, n := range vs.Names {
					if i < len(vs.Values) {
						if s, ok := literal(vs.Values[i], nil); ok {
							out[n.Name] = s
						}
					}
				}
			}
		}
	}
	return out
}

// literal is the value of a constant string expression: a literal, a
// named constant or a sum of them.
func literal(e ast.Expr, consts map[string]string) (string, bool) {
	switch e := e.(type) {
	case *ast.BasicLit:
		if e.Kind == token.STRING {
			s, err := strconv.Unquote(e.Value)
			return s, err == nil
		}
	case *ast.Ident:
		s, ok := consts[e.Name]
		return s, ok
	case *ast.BinaryExpr:
		if e.Op == token.ADD {
			a, ok1 := literal(e.X, consts)
			b, ok2 := literal(e.Y, consts)
			return a + b, ok1 && ok2
		}
	case *ast.ParenExpr:
		return literal(e.X, consts)
	}
	return "", false
}

func (s *source) use(fset *token.FileSet, at token.Pos, text string) {
	if _, seen := s.formats[text]; !seen {
		s.formats[text] = s.where(fset, at)
	}
}

func (s *source) problem(fset *token.FileSet, at token.Pos, format string, args ...any) {
	s.problems = append(s.problems, s.where(fset, at)+": "+fmt.Sprintf(format, args...))
}

// call checks one call of an entry: its format is a constant (or the
// format parameter it passes on), and its hint a constant, a Text or a
// value made elsewhere, never a string formatted in place.
func (s *source) call(fset *token.FileSet, f *file, call *ast.CallExpr, e entry, consts map[string]string) {
	if e.format >= len(call.Args) {
		return
	}
	arg := call.Args[e.format]
	if str, ok := literal(arg, consts); ok {
		s.use(fset, arg.Pos(), str)
	} else if !isIdent(arg, "format") {
		s.problem(fset, arg.Pos(), "the format of a message must be a constant, so that it can be translated")
	}
	if e.hint < 0 || e.hint >= len(call.Args) {
		return
	}
	hint := call.Args[e.hint]
	if str, ok := literal(hint, consts); ok {
		if str != "" {
			s.use(fset, hint.Pos(), str)
		}
		return
	}
	if c, ok := hint.(*ast.CallExpr); ok {
		if sel, ok := c.Fun.(*ast.SelectorExpr); ok && isIdent(sel.X, "fmt") {
			s.problem(fset, hint.Pos(), "a hint formatted with fmt cannot be translated: write diag.Msg(format, args...)")
		}
	}
	if b, ok := hint.(*ast.BinaryExpr); ok && b.Op == token.ADD {
		s.problem(fset, hint.Pos(), "a hint joined with + cannot be translated: write diag.Msg(format, args...)")
	}
}

// hintValue collects a constant given to a variable named hint, which
// a call then passes on.
func (s *source) hintValue(fset *token.FileSet, e ast.Expr) {
	if str, ok := literal(e, nil); ok && str != "" {
		s.use(fset, e.Pos(), str)
	}
}

// diagnosticLiteral checks a diag.Diagnostic written as a literal: a
// constant Message or Hint is looked up whole.
func (s *source) diagnosticLiteral(fset *token.FileSet, f *file, lit *ast.CompositeLit) {
	sel, ok := lit.Type.(*ast.SelectorExpr)
	if !ok || !isIdent(sel.X, "diag") || sel.Sel.Name != "Diagnostic" {
		return
	}
	for _, el := range lit.Elts {
		kv, ok := el.(*ast.KeyValueExpr)
		if !ok || !(isIdent(kv.Key, "Message") || isIdent(kv.Key, "Hint")) {
			continue
		}
		if str, ok := literal(kv.Value, nil); ok && str != "" {
			s.use(fset, kv.Value.Pos(), str)
		}
		if c, ok := kv.Value.(*ast.CallExpr); ok {
			if sel, ok := c.Fun.(*ast.SelectorExpr); ok && isIdent(sel.X, "fmt") {
				s.problem(fset, kv.Value.Pos(), "a message formatted with fmt cannot be translated: make the diagnostic with diag.New")
			}
		}
	}
}

// stripped is a printed string without the verbs and the program's name.
var stripped = regexp.MustCompile(`%(?:\[\d+\])?[-+# 0]*\d*(?:\.\d+)?[a-zA-Z%]|ismsgen|\\n`)

// printed checks that the command line prints no English words of its
// own with fmt: they go through the catalog.
func (s *source) printed(fset *token.FileSet, call *ast.CallExpr) {
	sel, ok := call.Fun.(*ast.SelectorExpr)
	if !ok || !isIdent(sel.X, "fmt") || !strings.HasPrefix(sel.Sel.Name, "Fprint") && !strings.HasPrefix(sel.Sel.Name, "Print") {
		return
	}
	for _, a := range call.Args {
		if str, ok := literal(a, nil); ok && regexp.MustCompile(`[A-Za-z]`).MatchString(stripped.ReplaceAllString(str, "")) {
			s.problem(fset, a.Pos(), "the command line prints %q in English: print it through the catalog (say, or c.Sprintf)", str)
		}
	}
}
