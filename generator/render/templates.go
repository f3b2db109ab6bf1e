package render

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"path"
	"reflect"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"unsafe"

	"ismsgen/generator/i18n"
	"ismsgen/generator/internal/fast"
	"ismsgen/generator/internal/tmplexec"
	"ismsgen/generator/model"
	"ismsgen/generator/reports"
)

// templates holds one parsed template set per page layout. They are never
// executed: each renderer executes its own copies (see layoutSet), so
// that "cached" fragments last one build and no longer.
type templates struct {
	pages   map[string]*template.Template                // "doc.html" → base + partials + page
	funcs   template.FuncMap                             // the functions they were parsed with
	direct  map[string]tmplexec.Direct                   // callers without reflection for some of them
	methods map[tmplexec.MethodKey]tmplexec.DirectMethod // and for some methods of the model
	rows    map[string]map[string]*rowWriter             // page layout → writers of its lists' rows (rowcells.go)
}

// layoutSet is one renderer's copy of a page layout's template set and
// the fragments its "cached" and "cachedRows" calls have made.
type layoutSet struct {
	t         *template.Template
	fast      *tmplexec.Set         // executes t's escaped templates; nil when the fast paths are off
	direct    map[string]*rowWriter // writers of rows by template name; nil when the fast paths are off
	fallbacks *fallbacks            // the renderer's: where tmplexec left a page to html/template

	prepared  sync.Once   // the layout is escaped and folded: see execute
	fastBase  bool        // "base" escaped without an error: tmplexec may run it
	preparing atomic.Bool // "cached" and "cachedRows" refuse to run while the layout is prepared

	mu      sync.Mutex
	frags   map[fragKey]frag      // made by cached
	rows    map[rowsKey]*rowCache // made by cachedRows
	escaped map[string]bool       // templates that html/template has run (and so escaped), by name
}

// maxFragKeys is the most keys a "cached" call may give.
const maxFragKeys = 4

// fragKey is what tells a "cached" fragment apart: its template and its
// keys, a plain string key in strs (keys holding plainKey there), any
// other in keys; a key that is a string is not boxed to be looked up.
type fragKey struct {
	name string
	n    int
	strs [maxFragKeys]string
	keys [maxFragKeys]any
}

// plainKey marks a key of type string, which fragKey.strs holds.
type plainKey struct{}

// set makes v key i.
func (k *fragKey) set(i int, v any) {
	if s, ok := v.(string); ok {
		k.strs[i], k.keys[i] = s, plainKey{}
		return
	}
	k.keys[i] = v
}

// own makes k's strings its own, as kept in a cache: a page's body is
// read from a buffer used again (see bodies.renderPage) and a layout
// could make a key of it.
func (k *fragKey) own() {
	for i := range k.n {
		if k.keys[i] == (plainKey{}) {
			k.strs[i] = strings.Clone(k.strs[i])
		} else {
			k.keys[i] = ownKey(k.keys[i])
		}
	}
}

// frag is a fragment made by "cached", as a string and as a template
// value.
type frag struct {
	html template.HTML
	v    reflect.Value
}

// cached is the template function "cached": {{cached "NAME" DATA KEY...}}
// executes the template NAME with DATA, as {{template "NAME" DATA}} does,
// and returns what it wrote; a later call with the same NAME and KEYs in
// the same build returns that again without executing the template. The
// KEYs (at most four strings, numbers, booleans or pointers) must tell
// apart everything the fragment shows: the site header is keyed by the
// way back to the site root and the section to highlight. Use it in HTML
// text (between tags), where the result is inserted as it is. With the
// fast paths off, every call executes the template.
func (ls *layoutSet) cached(name string, data any, keys ...any) (template.HTML, error) {
	if ls.preparing.Load() {
		return "", errPreparing
	}
	if len(keys) > maxFragKeys {
		return "", fmt.Errorf("cached %q: at most %d keys, not %d", name, maxFragKeys, len(keys))
	}
	k := fragKey{name: name, n: len(keys)}
	for i, v := range keys {
		if !keyKind(v) {
			return "", fmt.Errorf("cached %q: key %d is a %T; keys are strings, numbers, booleans or pointers", name, i+1, v)
		}
		k.set(i, v)
	}
	f, err := ls.keptFragment(k, data)
	return f.html, err
}

// cachedDirect is cached as tmplexec calls it: argv are NAME, DATA and
// the KEYs, and a key that is a string is read without a copy of it in
// an interface (the header's and the footer's keys, on every page).
func (ls *layoutSet) cachedDirect(argv []reflect.Value) (reflect.Value, error) {
	name, keys := argv[0].String(), argv[2:]
	if ls.preparing.Load() {
		return reflect.Value{}, errPreparing
	}
	if len(keys) > maxFragKeys {
		return reflect.Value{}, fmt.Errorf("cached %q: at most %d keys, not %d", name, maxFragKeys, len(keys))
	}
	k := fragKey{name: name, n: len(keys)}
	for i, v := range keys {
		if v.Kind() == reflect.Interface {
			v = v.Elem() // no value for nil
		}
		if v.IsValid() && v.Type() == reflect.TypeFor[string]() {
			k.strs[i], k.keys[i] = v.String(), plainKey{}
			continue
		}
		x := anyOf(v)
		if !keyKind(x) {
			return reflect.Value{}, fmt.Errorf("cached %q: key %d is a %T; keys are strings, numbers, booleans or pointers", name, i+1, x)
		}
		k.keys[i] = x
	}
	f, err := ls.keptFragment(k, anyOf(argv[1]))
	return f.v, err
}

// anyOf is v as the value of a parameter of type any: nil for no value.
func anyOf(v reflect.Value) any {
	if !v.IsValid() || v.Kind() == reflect.Interface && v.IsNil() {
		return nil
	}
	return v.Interface()
}

// keptFragment returns the fragment of k, made with data if it is not
// kept.
func (ls *layoutSet) keptFragment(k fragKey, data any) (frag, error) {
	if !fast.On() {
		h, err := ls.run(k.name, data)
		return frag{template.HTML(h), reflect.ValueOf(template.HTML(h))}, err
	}
	ls.mu.Lock()
	f, ok := ls.frags[k]
	ls.mu.Unlock()
	if ok {
		return f, nil
	}
	h, err := ls.run(k.name, data)
	if err != nil {
		return frag{}, err
	}
	ls.mu.Lock()
	defer ls.mu.Unlock()
	if f, ok := ls.frags[k]; ok { // made meanwhile by another page
		return f, nil
	}
	if ls.frags == nil {
		ls.frags = map[fragKey]frag{}
	}
	k.own()
	f = frag{template.HTML(h), reflect.ValueOf(template.HTML(h))}
	ls.frags[k] = f
	return f, nil
}

type rowsKey struct{ name, rel, kind string }

// rowCache holds the rows cachedRows made for one NAME, REL and KIND: by
// the element itself when it can be compared (a document, a string, a
// struct of such), else by its identity (see appendIdentity).
type rowCache struct {
	mu         sync.RWMutex
	byString   map[string]string // the rows of plain strings, found without a copy of each in an interface
	byValue    map[any]string
	byIdentity map[string]keptRow
}

// keptRow is a row made for an element known by its identity. It keeps
// the element, and so everything the identity points to: no other value
// can take those addresses while the row is cached.
type keptRow struct {
	html string
	keep any
}

// cachedRows is the template function "cachedRows":
// {{cachedRows "NAME" REL KIND LIST}} writes, for every element of LIST,
// what the template NAME writes for rows REL KIND ELEMENT, as
// {{range LIST}}{{template "NAME" (rows REL KIND .)}}{{end}} does; but
// each element's output is made once per build, for each NAME, REL and
// KIND, and repeated from then on (a document listed on twelve
// departments' pages is formatted once). The template must show nothing
// but what REL, KIND and the element say. With the fast paths off, and
// for the rows of a list that rowcells.go writes in Go, every row is
// made anew.
func (ls *layoutSet) cachedRows(name, rel, kind string, list any) (template.HTML, error) {
	return ls.eachRowOf(name, rel, kind, list, fast.On())
}

// eachRow is the template function "eachRow": {{eachRow "NAME" REL KIND
// LIST}} writes what the template NAME writes for rows REL KIND ELEMENT,
// for every element of LIST, as cachedRows does but without keeping the
// rows: for a list whose rows are on no other page. Unlike {{template}},
// it takes the template's name from a value.
func (ls *layoutSet) eachRow(name, rel, kind string, list any) (template.HTML, error) {
	return ls.eachRowOf(name, rel, kind, list, false)
}

// eachRowOf is cachedRows, keeping the rows made when memo is set.
func (ls *layoutSet) eachRowOf(name, rel, kind string, list any, memo bool) (template.HTML, error) {
	b := scratchBufs.Get().(*bytes.Buffer)
	defer putScratch(b)
	b.Reset()
	if err := ls.writeRows(b, name, rel, kind, reflect.ValueOf(list), memo); err != nil {
		return "", err
	}
	return template.HTML(b.String()), nil
}

// streamRows is the tmplexec.Stream of cachedRows (memo) or eachRow: the
// rows are written into the page itself, and the list is read as it is
// given, without a copy of it in an interface.
func (ls *layoutSet) streamRows(memo bool) tmplexec.Stream {
	return func(w tmplexec.Writer, argv []reflect.Value) error {
		list := argv[3]
		if list.Kind() == reflect.Interface {
			list = list.Elem() // no value for nil
		}
		name, rel, kind := argv[0].String(), argv[1].String(), argv[2].String()
		if b, ok := w.(*bytes.Buffer); ok {
			return ls.writeRows(b, name, rel, kind, list, memo)
		}
		b := scratchBufs.Get().(*bytes.Buffer)
		defer putScratch(b)
		b.Reset()
		err := ls.writeRows(b, name, rel, kind, list, memo)
		if err == nil {
			w.WriteString(b.String())
		}
		return err
	}
}

// writeRows writes the rows of the list v to b, keeping those made when
// memo is set.
func (ls *layoutSet) writeRows(b *bytes.Buffer, name, rel, kind string, v reflect.Value, memo bool) error {
	if ls.preparing.Load() {
		return errPreparing
	}
	if !v.IsValid() {
		return nil
	}
	if v.Kind() != reflect.Slice && v.Kind() != reflect.Array {
		return fmt.Errorf("cachedRows %q: %v is not a list", name, v.Type())
	}
	if ls.direct[name] != nil && v.Type().Elem() == reflect.TypeFor[ListRow]() {
		// Rows written in Go are made again rather than kept: making one
		// costs about what finding it would, and a large site's lists
		// would keep tens of megabytes of them to the end.
		memo = false
	}
	if !memo {
		if w := ls.direct[name]; w != nil && v.Kind() == reflect.Slice && v.Type().Elem() == reflect.TypeFor[ListRow]() {
			// The rows as a []ListRow, without a reflect.Value for each.
			rows := unsafe.Slice((*ListRow)(v.UnsafePointer()), v.Len())
			for i := range rows {
				n := b.Len()
				if w.write(b, rel, &rows[i]) {
					continue
				}
				b.Truncate(n)
				if err := ls.runInto(b, name, Rows{Rel: rel, Kind: kind, Rows: rows[i]}); err != nil {
					return err
				}
			}
			return nil
		}
		for i := range v.Len() {
			if err := ls.appendRow(b, name, rel, kind, v.Index(i)); err != nil {
				return err
			}
		}
		return nil
	}
	rk := rowsKey{name, rel, kind}
	ls.mu.Lock()
	rc := ls.rows[rk]
	if rc == nil {
		if ls.rows == nil {
			ls.rows = map[rowsKey]*rowCache{}
		}
		rc = &rowCache{byString: map[string]string{}, byValue: map[any]string{}, byIdentity: map[string]keptRow{}}
		ls.rows[rk] = rc
	}
	ls.mu.Unlock()
	byValue := safelyComparable(v.Type().Elem())
	ofInterfaces := v.Type().Elem().Kind() == reflect.Interface
	var id []byte
	for i := range v.Len() {
		e := v.Index(i)
		if s, ok := plainString(e); ok {
			rc.mu.RLock()
			row, ok := rc.byString[s]
			rc.mu.RUnlock()
			if !ok {
				var err error
				if row, err = ls.row(name, rel, kind, e, nil); err != nil {
					return err
				}
				rc.mu.Lock()
				rc.byString[strings.Clone(s)] = row
				rc.mu.Unlock()
			}
			b.WriteString(row)
			continue
		}
		var elem any // made only where needed: for a struct known by identity, a copy on the heap
		useValue := byValue || ofInterfaces && e.Elem().IsValid() && safelyComparable(e.Elem().Type())
		if useValue {
			elem = e.Interface()
		} else {
			var ok bool
			if id, ok = appendIdentity(id[:0], e); !ok {
				return fmt.Errorf("cachedRows %q: the elements of a %v cannot be told apart; pass a list of pointers, or of values without maps, functions, channels or interfaces in them", name, v.Type())
			}
		}
		var row string
		var ok bool
		rc.mu.RLock()
		if useValue {
			row, ok = rc.byValue[elem]
		} else {
			var kr keptRow
			kr, ok = rc.byIdentity[string(id)]
			row = kr.html
		}
		rc.mu.RUnlock()
		if !ok {
			if elem == nil {
				elem = e.Interface() // kept with the row
			}
			var err error
			if row, err = ls.row(name, rel, kind, e, elem); err != nil {
				return err
			}
			rc.mu.Lock()
			if useValue {
				rc.byValue[elem] = row
			} else {
				rc.byIdentity[string(id)] = keptRow{html: row, keep: elem}
			}
			rc.mu.Unlock()
		}
		b.WriteString(row)
	}
	return nil
}

// plainString is e, or the value in it, when that is of type string.
func plainString(e reflect.Value) (string, bool) {
	if e.Kind() == reflect.Interface {
		e = e.Elem()
	}
	if e.IsValid() && e.Type() == reflect.TypeFor[string]() {
		return e.String(), true
	}
	return "", false
}

// row makes the row of element e (elem, when not nil, is e.Interface()):
// with its rowWriter where it has one, else with the template name.
func (ls *layoutSet) row(name, rel, kind string, e reflect.Value, elem any) (string, error) {
	if w := ls.direct[name]; w != nil && e.CanAddr() {
		if r, ok := e.Addr().Interface().(*ListRow); ok {
			b := scratchBufs.Get().(*bytes.Buffer)
			defer scratchBufs.Put(b)
			b.Reset()
			if w.write(b, rel, r) {
				return b.String(), nil
			}
		}
	}
	if elem == nil {
		elem = e.Interface()
	}
	return ls.run(name, Rows{Rel: rel, Kind: kind, Rows: elem})
}

// appendRow writes the row of element e to b, as row makes it.
func (ls *layoutSet) appendRow(b *bytes.Buffer, name, rel, kind string, e reflect.Value) error {
	if w := ls.direct[name]; w != nil && e.CanAddr() {
		if r, ok := e.Addr().Interface().(*ListRow); ok {
			n := b.Len()
			if w.write(b, rel, r) {
				return nil
			}
			b.Truncate(n)
		}
	}
	return ls.runInto(b, name, Rows{Rel: rel, Kind: kind, Rows: e.Interface()})
}

// safelyComparable reports whether values of t can be compared without a panic:
// no interfaces, slices, maps or functions inside.
func safelyComparable(t reflect.Type) bool {
	switch t.Kind() {
	case reflect.Interface, reflect.Slice, reflect.Map, reflect.Func:
		return false
	case reflect.Array:
		return safelyComparable(t.Elem())
	case reflect.Struct:
		for i := range t.NumField() {
			if !safelyComparable(t.Field(i).Type) {
				return false
			}
		}
	}
	return t.Comparable()
}

// appendIdentity appends to b what tells a value apart from every other
// value of its type in one build: its numbers and strings, the addresses
// its pointers hold, and the start and length of its lists (which are not
// changed while pages are rendered). Two copies of a value have the same
// identity. It fails for maps, functions, channels and interfaces.
func appendIdentity(b []byte, v reflect.Value) ([]byte, bool) {
	switch v.Kind() {
	case reflect.String:
		b = strconv.AppendInt(b, int64(v.Len()), 10)
		return append(append(b, ':'), v.String()...), true
	case reflect.Bool:
		return strconv.AppendBool(b, v.Bool()), true
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return strconv.AppendInt(b, v.Int(), 10), true
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return strconv.AppendUint(b, v.Uint(), 10), true
	case reflect.Float32, reflect.Float64:
		return strconv.AppendFloat(b, v.Float(), 'g', -1, 64), true
	case reflect.Pointer, reflect.UnsafePointer:
		return strconv.AppendUint(b, uint64(v.Pointer()), 16), true
	case reflect.Slice:
		b = strconv.AppendUint(b, uint64(v.Pointer()), 16)
		return strconv.AppendInt(append(b, '+'), int64(v.Len()), 10), true
	case reflect.Array:
		for i := range v.Len() {
			var ok bool
			if b, ok = appendIdentity(append(b, ','), v.Index(i)); !ok {
				return nil, false
			}
		}
		return b, true
	case reflect.Struct:
		for i := range v.NumField() {
			var ok bool
			if b, ok = appendIdentity(append(b, ','), v.Field(i)); !ok {
				return nil, false
			}
		}
		return append(b, ';'), true
	}
	return nil, false
}

// keyKind reports whether v can be a key of "cached": a value whose
// comparison cannot panic.
// ownKey is a key as kept in a cache: a string with bytes of its own,
// since a page's body is read from a buffer used again (see
// bodies.renderPage) and a layout could make a key of it.
func ownKey(v any) any {
	if v == nil {
		return nil
	}
	rv := reflect.ValueOf(v)
	if rv.Kind() != reflect.String {
		return v
	}
	own := reflect.New(rv.Type()).Elem()
	own.SetString(strings.Clone(rv.String()))
	return own.Interface()
}

func keyKind(v any) bool {
	if v == nil {
		return true
	}
	switch reflect.TypeOf(v).Kind() {
	case reflect.String, reflect.Bool, reflect.Pointer,
		reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr,
		reflect.Float32, reflect.Float64:
		return true
	}
	return false
}

// Parsed is a layouts overlay parsed for one configuration and one set of
// interface strings; renderers execute copies of it, never it.
type Parsed struct{ tpl *templates }

// ParseLayouts parses the layouts overlay for cfg and s, as New does: a
// layout's syntax error is reported here. builtin is the embedded layouts
// the overlay lies on: the rows of a list whose cells are still theirs
// are written in Go (rowcells.go); nil writes every row by its template.
func ParseLayouts(layouts, builtin fs.FS, cfg *model.Config, s *i18n.Strings) (*Parsed, error) {
	tpl, err := parseTemplates(layouts, builtin, cfg, s)
	if err != nil {
		return nil, err
	}
	return &Parsed{tpl}, nil
}

// parseTemplates reads base.html, partials/*.html and every other *.html
// of the layouts overlay. It parses every file, so that all their syntax
// errors are reported at once (joined *LayoutErrors).
func parseTemplates(layouts, builtin fs.FS, cfg *model.Config, s *i18n.Strings) (*templates, error) {
	fm := funcs(cfg, s)
	common := template.New("").Funcs(fm)
	names, err := fs.Glob(layouts, "*.html")
	if err != nil {
		return nil, err
	}
	partials, err := fs.Glob(layouts, "partials/*.html")
	if err != nil {
		return nil, err
	}
	var errs []error
	for _, p := range append([]string{"base.html"}, partials...) {
		errs = append(errs, parseInto(common, layouts, p))
	}
	// The rows of each kind of list, made of the cells of partials/list.html.
	if _, err := common.New("list rows").Parse(rowTemplates()); err != nil {
		errs = append(errs, &LayoutError{"partials/list.html", err})
	}
	t := &templates{pages: map[string]*template.Template{}, funcs: fm, direct: directs(fm), methods: directMethods(),
		rows: map[string]map[string]*rowWriter{}}
	var ref map[string]string // nil: no row writers
	if builtin != nil && fast.On() {
		var err error
		if ref, err = builtinTrees(builtin, fm); err != nil {
			return nil, err
		}
	}
	for _, name := range names {
		if name == "base.html" {
			continue
		}
		own := template.New("").Funcs(fm)
		if err := parseInto(own, layouts, name); err != nil {
			errs = append(errs, err)
			continue
		}
		page, err := pageSet(byName{own: own, shared: common}, fm)
		if err != nil {
			return nil, &LayoutError{name, err}
		}
		if fast.On() {
			if ref != nil {
				t.rows[name] = rowWriters(page, ref, fm)
			}
			for _, tt := range page.Templates() {
				if tt.Tree != nil {
					foldStrings(tt.Tree.Root, s)
				}
			}
		}
		t.pages[name] = page
	}
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	return t, nil
}

func parseInto(t *template.Template, layouts fs.FS, name string) error {
	data, err := fs.ReadFile(layouts, name)
	if err != nil {
		return &LayoutError{name, err}
	}
	// A byte-order mark, as some editors on Windows save, is no text
	// of the layout's.
	if _, err := t.New(name).Parse(strings.TrimPrefix(string(data), "\ufeff")); err != nil {
		return &LayoutError{name, err}
	}
	return nil
}

func funcs(cfg *model.Config, s *i18n.Strings) template.FuncMap {
	labels := labelsOf(s, "status.", "type.", "tier.", "class.", "review.", "action.source.")
	// label returns the function that gives the label of a value, or
	// the value when it has none: the string of key prefix + value.
	label := func(prefix string) func(string) string {
		m := labels[prefix]
		return func(v string) string {
			if l, ok := m[v]; ok {
				return l
			}
			return v
		}
	}
	reviewLabel, tierLabel := label("review."), label("tier.")
	var joined textCache[string] // depts of more than one department, by their ids (see depts)
	retention := &textCache[model.Retention]{f: func(r model.Retention) string { return reports.RetentionText(s, r) }}
	deptName := func(id string) string {
		if id == model.AllStaff {
			return s.T("field.all_staff")
		}
		if d, ok := cfg.Department(id); ok {
			return d.Name
		}
		return id
	}
	sep := ", "
	if cfg.IsChinese() {
		sep = "、"
	}
	return template.FuncMap{
		"t":       s.T,
		"status":  label("status."),
		"doctype": label("type."),
		"tier":    func(v int) string { return tierLabel(strconv.Itoa(v)) },
		"class":   label("class."),
		"state": func(v any) string {
			if st, ok := v.(reports.State); ok { // what fmt prints for it, without fmt
				return reviewLabel(string(st))
			}
			return reviewLabel(fmt.Sprint(v))
		},
		"dept":     deptName,
		"date":     newDateTable(func(d model.Date) string { return orDash(d.String()) }).text, // direct.go
		"orDash":   orDash,
		"bytes":    humanBytes,
		"add":      func(a, b int) int { return a + b },
		"neg":      func(a int) int { return -a },
		"lower":    strings.ToLower,
		"basename": path.Base,
		"depts": func(ids []string) string {
			if len(ids) == 1 { // most documents have one owner: its name, without a list and a join
				return orDash(deptName(ids[0]))
			}
			// A document's distribution is, most often, that of many
			// others: its text is kept by its ids, each after its length.
			var room [128]byte
			key := room[:0]
			for _, id := range ids {
				key = append(binary.AppendUvarint(key, uint64(len(id))), id...)
			}
			if m := joined.made.Load(); m != nil {
				if s, ok := (*m)[string(key)]; ok {
					return s
				}
			}
			names := make([]string, len(ids))
			for i, id := range ids {
				names[i] = deptName(id)
			}
			text := orDash(strings.Join(names, sep))
			joined.keep(string(key), text)
			return text
		},
		"retention":     retention.get,
		"disposal":      func(d *model.Document) model.Date { return d.Kept.Disposal(d.Dated()) },
		"source":        label("action.source."),
		"navItems":      navItems,
		"docList":       docList,
		"docLinks":      docLinks,
		"tierNumbers":   func() []int { return []int{1, 2, 3} },
		"columns":       listColumns(s),
		"pageSize":      func() int { return PageSize },
		"departments":   func() []model.Department { return cfg.Departments },
		"statuses":      func() []string { return model.Statuses },
		"doctypes":      func() []string { return model.Types },
		"actionSources": func() []string { return model.ActionSources },
		"reviewStates":  func() []reports.State { return reviewStates },
		"rows":          rows,
		"join":          func(list []string) string { return orDash(strings.Join(list, sep)) },

		"catalogTitle": catalogTitle(cfg), // controlpages.go

		// Each renderer binds "cached" to its own copy of the layouts
		// (layoutSet.cached); this one only lets the layouts parse.
		"cached": func(name string, data any, keys ...any) (template.HTML, error) {
			return "", fmt.Errorf("cached %q: the layouts were executed without a renderer", name)
		},
		"cachedRows": func(name, rel, kind string, list any) (template.HTML, error) {
			return "", fmt.Errorf("cachedRows %q: the layouts were executed without a renderer", name)
		},
		"eachRow": func(name, rel, kind string, list any) (template.HTML, error) {
			return "", fmt.Errorf("eachRow %q: the layouts were executed without a renderer", name)
		},
		"actionPage": func(any) string { return "" },
	}
}

// labelsOf returns, for each prefix, the interface strings whose keys
// start with it, by the rest of the key: the layouts' labels ("status."
// + a status) are looked up hundreds of thousands of times, and the key
// made for each lookup was a new string.
func labelsOf(s *i18n.Strings, prefixes ...string) map[string]map[string]string {
	out := map[string]map[string]string{}
	for _, p := range prefixes {
		out[p] = map[string]string{}
	}
	for _, k := range s.Keys() {
		for _, p := range prefixes {
			if rest, ok := strings.CutPrefix(k, p); ok {
				out[p][rest] = s.T(k)
			}
		}
	}
	return out
}

func orDash(s string) string {
	if s == "" {
		return "—"
	}
	return s
}

func humanBytes(n int64) string {
	switch {
	case n < 1024:
		return fmt.Sprintf("%d B", n)
	case n < 1024*1024:
		return fmt.Sprintf("%.1f KB", float64(n)/1024)
	default:
		return fmt.Sprintf("%.1f MB", float64(n)/1024/1024)
	}
}
