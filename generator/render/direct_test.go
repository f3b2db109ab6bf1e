package render

import (
	"reflect"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"ismsgen"
	"ismsgen/generator/i18n"
	"ismsgen/generator/model"
	"ismsgen/generator/reports"
)

// Every direct caller of a method gives what the method gives through
// reflection, of the same type, on receivers of each case it handles.
func TestDirectMethodsAsReflection(t *testing.T) {
	date := model.Date{Year: 2026, Month: 3, Day: 9}
	kept := model.Retention{Period: model.Cycle{N: 3, Unit: model.Years}}
	docs := []*model.Document{{ID: "ISMS-P-001", Status: "draft"}, {ID: "ISMS-P-002", Status: "approved", Approved: date}}
	docs[1].KeepURL()
	var lists []*List
	for _, n := range []int{0, 3, PageSize, PageSize + 1, 9*PageSize + 5} {
		for _, page := range []int{1, 2, 5, 10} {
			for _, own := range []bool{false, true} {
				l := &List{ID: "docs", Kind: "id,title", Rows: make([]ListRow, n), Page: page, Own: own, Single: page == 2, Filters: []string{"tier", "dept"}}
				if l.Page <= l.Pages() {
					lists = append(lists, l)
				}
			}
		}
	}
	receivers := map[reflect.Type][]reflect.Value{}
	add := func(v any) { receivers[reflect.TypeOf(v)] = append(receivers[reflect.TypeOf(v)], reflect.ValueOf(v)) }
	for _, d := range docs {
		add(d)
	}
	for _, l := range lists {
		add(l)
	}
	for _, d := range []model.Date{{}, date} {
		add(d)
		add(&d)
	}
	for _, r := range []model.Retention{{}, kept, {Permanent: true}} {
		add(r)
		add(&r)
	}
	for k, call := range directMethods() {
		if len(receivers[k.Type]) == 0 {
			t.Errorf("%v.%s: no receiver to try", k.Type, k.Name)
		}
		for _, recv := range receivers[k.Type] {
			m := recv.MethodByName(k.Name)
			if !m.IsValid() {
				t.Fatalf("%v has no method %s", k.Type, k.Name)
			}
			want, got := m.Call(nil)[0], call(recv)
			if got.Type() != want.Type() || !reflect.DeepEqual(got.Interface(), want.Interface()) {
				t.Errorf("%v.%s on %#v: %#v (%v), want %#v (%v)", k.Type, k.Name, recv.Interface(), got, got.Type(), want, want.Type())
			}
		}
	}
}

// Every direct caller of a template function gives what the function
// gives through reflection, of the same type.
func TestDirectsAsReflection(t *testing.T) {
	s, err := i18n.Load(ismsgen.I18n(), "zh-CN")
	if err != nil {
		t.Fatal(err)
	}
	cfg := &model.Config{Language: "zh-CN", Departments: []model.Department{{ID: "it", Name: "IT & <Ops>"}}}
	fm := funcs(cfg, s)
	date := model.Date{Year: 2026, Month: 3, Day: 9}
	doc := &model.Document{ID: "ISMS-R-001", Effective: date, Kept: model.Retention{Period: model.Cycle{N: 2, Unit: model.Years}}}
	args := map[reflect.Type][]reflect.Value{}
	add := func(t reflect.Type, vs ...any) {
		for _, v := range vs {
			args[t] = append(args[t], reflect.ValueOf(v))
		}
	}
	add(reflect.TypeFor[model.Date](), model.Date{}, date, date)
	add(reflect.TypeFor[[]string](), []string(nil), []string{"it"}, []string{"it", "x&y", model.AllStaff})
	add(reflect.TypeFor[int](), 0, 7, -3)
	add(reflect.TypeFor[string](), "", "list-row:id", "../")
	add(reflect.TypeFor[[]*model.Document](), []*model.Document(nil), []*model.Document{doc}, []*model.Document{doc, doc})
	add(reflect.TypeFor[model.Retention](), model.Retention{}, doc.Kept, model.Retention{Permanent: true})
	add(reflect.TypeFor[*model.Document](), doc, &model.Document{ID: "X"}, &model.Document{Approved: date, Kept: doc.Kept})
	args[reflect.TypeFor[any]()] = []reflect.Value{reflect.Zero(reflect.TypeFor[any]()), reflect.ValueOf([]string{"a"}), reflect.ValueOf(doc)}
	for name, call := range directs(fm) {
		f := reflect.ValueOf(fm[name])
		for i := range 3 {
			argv := make([]reflect.Value, f.Type().NumIn())
			for j := range argv {
				as := args[f.Type().In(j)]
				if len(as) == 0 {
					t.Fatalf("%s: no argument of type %v to try", name, f.Type().In(j))
				}
				argv[j] = as[i]
			}
			want := f.Call(argv)[0]
			got, err := call(argv)
			if err != nil || got.Type() != want.Type() || !reflect.DeepEqual(got.Interface(), want.Interface()) {
				t.Errorf("%s%v: %#v (%v) %v, want %#v (%v)", name, argv, got, got.Type(), err, want, want.Type())
			}
		}
	}
}

// The label functions give the interface string of the key prefix +
// value, or the value when there is none, in both languages.
func TestLabels(t *testing.T) {
	for _, lang := range []string{"en", "zh-CN"} {
		s, err := i18n.Load(ismsgen.I18n(), lang)
		if err != nil {
			t.Fatal(err)
		}
		fm := funcs(&model.Config{Language: lang}, s)
		want := func(prefix, v string) string {
			if s.Has(prefix + v) {
				return s.T(prefix + v)
			}
			return v
		}
		for name, prefix := range map[string]string{"status": "status.", "doctype": "type.", "class": "class.", "source": "action.source.", "state": "review.", "tier": "tier."} {
			values := []string{"", "nope", prefix, "approved.one"}
			for _, k := range s.Keys() {
				if rest, ok := strings.CutPrefix(k, prefix); ok {
					values = append(values, rest)
				}
			}
			for _, v := range values {
				var got string
				switch f := fm[name].(type) {
				case func(string) string:
					got = f(v)
				case func(any) string:
					got = f(v)
					if st := f(reports.State(v)); st != got {
						t.Errorf("%s %s(State %q) = %q, want %q", lang, name, v, st, got)
					}
				case func(int) string:
					n, err := strconv.Atoi(v)
					if err != nil {
						continue
					}
					got = f(n)
				}
				if w := want(prefix, v); got != w {
					t.Errorf("%s %s(%q) = %q, want %q", lang, name, v, got, w)
				}
			}
		}
	}
}

// A date table gives what its function gives for every date, those that
// share a slot too (the days of thirty years), while renderers read and
// fill it at once (go test -race).
func TestDateTable(t *testing.T) {
	calls := atomic.Int64{}
	date := func(d model.Date) string { calls.Add(1); return orDash(d.String()) }
	tab := newDateTable(date)
	var dates []model.Date
	for y := 2000; y < 2030; y++ {
		for m := time.January; m <= time.December; m++ {
			for _, day := range []int{1, 9, 28} {
				dates = append(dates, model.Date{Year: y, Month: m, Day: day})
			}
		}
	}
	dates = append(dates, model.Date{}, model.Date{Year: -1, Month: 13, Day: 40})
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			for range 3 {
				for _, d := range dates {
					want := orDash(d.String())
					if got, v := tab.text(d), tab.slot(d).v; got != want || v.Interface() != want {
						t.Errorf("%v: %q and %v, want %q", d, got, v, want)
					}
				}
			}
		})
	}
	wg.Wait()
	// The dates of a year have slots of their own: read again, they
	// are not made again.
	tab, year := newDateTable(date), dates[:36]
	for _, d := range year {
		tab.text(d)
	}
	made := calls.Load()
	for _, d := range year {
		tab.text(d)
		tab.slot(d)
	}
	if n := calls.Load() - made; n != 0 {
		t.Errorf("a year's dates read again: %d made again, want none", n)
	}
}

// depts joins the departments' names with the language's separator, a
// dash for none, one department as well as many, and gives the same
// again when it has kept it; retention too.
func TestDepts(t *testing.T) {
	for lang, sep := range map[string]string{"en": ", ", "zh-CN": "、"} {
		s, err := i18n.Load(ismsgen.I18n(), lang)
		if err != nil {
			t.Fatal(err)
		}
		cfg := &model.Config{Language: lang, Departments: []model.Department{{ID: "it", Name: "IT & <Ops>"}, {ID: "hr", Name: "HR"}}}
		depts := funcs(cfg, s)["depts"].(func([]string) string)
		all := s.T("field.all_staff")
		for _, c := range []struct {
			ids  []string
			want string
		}{
			{nil, "—"}, {[]string{}, "—"}, {[]string{""}, "—"}, {[]string{"it"}, "IT & <Ops>"}, {[]string{"x&y"}, "x&y"},
			{[]string{model.AllStaff}, all}, {[]string{"it", "hr"}, "IT & <Ops>" + sep + "HR"}, {[]string{"", ""}, sep},
			{[]string{"ab", "c"}, "ab" + sep + "c"}, {[]string{"a", "bc"}, "a" + sep + "bc"}, {[]string{"a", "bc", ""}, "a" + sep + "bc" + sep},
			{[]string{"hr", "it"}, "HR" + sep + "IT & <Ops>"}, {[]string{strings.Repeat("x", 300), "it"}, strings.Repeat("x", 300) + sep + "IT & <Ops>"},
		} {
			for range 2 { // made, then kept
				if got := depts(c.ids); got != c.want {
					t.Errorf("%s: depts(%q) = %q, want %q", lang, c.ids, got, c.want)
				}
			}
		}
		retention := funcs(cfg, s)["retention"].(func(model.Retention) string)
		for _, r := range []model.Retention{{}, {Permanent: true}, {Period: model.Cycle{N: 3, Unit: model.Years}}, {Period: model.Cycle{N: 3, Unit: model.Months}}} {
			for range 2 {
				if got, want := retention(r), reports.RetentionText(s, r); got != want {
					t.Errorf("%s: retention(%v) = %q, want %q", lang, r, got, want)
				}
			}
		}
	}
}
