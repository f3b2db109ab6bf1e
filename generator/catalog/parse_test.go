package catalog

import (
	"slices"
	"strings"
	"testing"
)

func TestParseControl(t *testing.T) {
	const ranges = "ISO/IEC 27001:2022 Annex A has controls 5.1–5.37, 6.1–6.8, 7.1–7.14 and 8.1–8.34"
	tests := []struct {
		in, want string
		msg      string   // substring of Message when an error is expected
		hint     []string // substrings of Hint
	}{
		{in: "5.35", want: "5.35"},
		{in: "5.1", want: "5.1"},
		{in: "5.10", want: "5.10"},
		{in: "8.34", want: "8.34"},
		{in: "A.5.35", want: "5.35"},
		{in: "a.5.35", want: "5.35"},
		{in: " 5.35 ", want: "5.35"},
		{in: "\tA.8.1\n", want: "8.1"},

		{in: "A.12.3.1", msg: `"A.12.3.1" is an ISO/IEC 27001:2013 control id`,
			hint: []string{`use "8.13" (Information backup), the ISO/IEC 27001:2022 control that replaces A.12.3.1`}},
		{in: "12.3.1", msg: "ISO/IEC 27001:2013", hint: []string{`"8.13" (Information backup)`}},
		{in: "a.13.2.3", msg: "ISO/IEC 27001:2013", hint: []string{`"5.14" (Information transfer)`}},
		{in: "A12.4.1", msg: "ISO/IEC 27001:2013", hint: []string{`"8.15" (Logging)`}},
		{in: "A.5.1.1", msg: "ISO/IEC 27001:2013", hint: []string{`"5.1" (Policies for information security)`}},
		{in: "A.18.2.3", msg: "ISO/IEC 27001:2013",
			hint: []string{`use "5.36" (Compliance with policies, rules and standards for information security) or "8.8" (Management of technical vulnerabilities), the ISO/IEC 27001:2022 controls that replace A.18.2.3`}},
		{in: "A.12.3", msg: "ISO/IEC 27001:2013 Annex A control objective", hint: []string{`"8.13" (Information backup)`}},

		{in: "5.38", msg: `unknown Annex A control "5.38"`, hint: []string{ranges}},
		{in: "8.35", msg: `unknown Annex A control "8.35"`, hint: []string{ranges}},
		{in: "4.1", msg: `unknown Annex A control "4.1"`, hint: []string{"4.1 (Understanding the organization and its context) is a clause", "list it in clauses", ranges}},
		{in: "9.1", msg: `unknown Annex A control "9.1"`, hint: []string{"9.1 (Monitoring, measurement, analysis and evaluation) is a clause", ranges}},
		{in: "abc", msg: `unknown Annex A control "abc"`, hint: []string{ranges}},
		{in: "A.", msg: `unknown Annex A control "A."`, hint: []string{ranges}},
		{in: "5", msg: `unknown Annex A control "5"`, hint: []string{ranges}},
		{in: "", msg: "empty Annex A control reference", hint: []string{ranges}},
		{in: "   ", msg: "empty Annex A control reference", hint: []string{ranges}},

		{in: "5.3.5", msg: `unknown Annex A control "5.3.5"`, hint: []string{`did you mean "5.35" (Independent review of information security)?`}},
		{in: "A5.35", msg: "unknown Annex A control", hint: []string{`did you mean "5.35"`}},
		{in: "5,35", msg: "unknown Annex A control", hint: []string{`did you mean "5.35"`}},
		{in: "5.035", msg: "unknown Annex A control", hint: []string{`did you mean "5.35"`}},
		{in: "Annex A 8.13", msg: "unknown Annex A control", hint: []string{`did you mean "8.13" (Information backup)?`}},
		{in: "５．３５", msg: "unknown Annex A control", hint: []string{`did you mean "5.35"`}},
		{in: "535", msg: "unknown Annex A control", hint: []string{`did you mean "5.35"`}},
		{in: "5.15（访问控制）", msg: `unknown Annex A control "5.15（访问控制）"`, hint: []string{`did you mean "5.15" (Access control)?`}},
		{in: "A.8.13 Information backup", msg: "unknown Annex A control", hint: []string{`did you mean "8.13" (Information backup)?`}},
		{in: "控制措施 ５．３５", msg: "unknown Annex A control", hint: []string{`did you mean "5.35"`}},
		{in: "5.15和5.16", msg: "unknown Annex A control", hint: []string{ranges}},
		{in: "5.99（不存在）", msg: "unknown Annex A control", hint: []string{ranges}},
	}
	for _, tt := range tests {
		got, err := ParseControl(tt.in)
		if tt.msg == "" {
			if err != nil || got != tt.want {
				t.Errorf("ParseControl(%q) = %q, %v; want %q, nil", tt.in, got, err, tt.want)
			}
			continue
		}
		if err == nil {
			t.Errorf("ParseControl(%q) = %q, nil; want error %q", tt.in, got, tt.msg)
			continue
		}
		if got != "" {
			t.Errorf("ParseControl(%q) returned %q with an error", tt.in, got)
		}
		if !strings.Contains(err.Message.String(), tt.msg) {
			t.Errorf("ParseControl(%q).Message = %q, want it to contain %q", tt.in, err.Message.String(), tt.msg)
		}
		for _, h := range tt.hint {
			if !strings.Contains(err.Hint.String(), h) {
				t.Errorf("ParseControl(%q).Hint = %q, want it to contain %q", tt.in, err.Hint.String(), h)
			}
		}
		if e := err.Error(); !strings.Contains(e, err.Message.String()) || !strings.Contains(e, err.Hint.String()) {
			t.Errorf("ParseControl(%q).Error() = %q lacks message or hint", tt.in, e)
		}
	}
}

func TestParseControlAllIDs(t *testing.T) {
	for _, c := range Controls() {
		for _, in := range []string{c.ID, "A." + c.ID, "a." + c.ID, " " + c.ID + "\t"} {
			if got, err := ParseControl(in); err != nil || got != c.ID {
				t.Errorf("ParseControl(%q) = %q, %v", in, got, err)
			}
		}
	}
	for key, o := range load().old {
		for _, in := range []string{o.ID, key} {
			_, err := ParseControl(in)
			if err == nil || !strings.Contains(err.Message.String(), "2013") || !strings.Contains(err.Hint.String(), `"`+o.MapsTo[0]+`"`) {
				t.Errorf("ParseControl(%q) error = %v", in, err)
			}
		}
	}
}

func TestParseControlAllocs(t *testing.T) {
	for _, in := range []string{"5.35", "A.8.13"} {
		if n := testing.AllocsPerRun(100, func() { _, _ = ParseControl(in) }); n != 0 {
			t.Errorf("ParseControl(%q) allocates %v times", in, n)
		}
	}
}

func TestParseClause(t *testing.T) {
	const ranges = "4 (4.1–4.4), 5 (5.1–5.3), 6 (6.1–6.3), 7 (7.1–7.5), 8 (8.1–8.3), 9 (9.1–9.3) and 10 (10.1–10.2)"
	tests := []struct {
		in, want string
		msg      string
		hint     []string
	}{
		{in: "9.3", want: "9.3"},
		{in: "9.3.2", want: "9.3.2"},
		{in: "4.1", want: "4.1"},
		{in: "10.2", want: "10.2"},
		{in: "6.1.3", want: "6.1.3"},
		{in: "7.5.3", want: "7.5.3"},
		{in: "9", want: "9"},
		{in: " 9.2.2 ", want: "9.2.2"},
		{in: "6.1.3d", want: "6.1.3"},
		{in: "6.1.3 d", want: "6.1.3"},
		{in: "6.1.3(d)", want: "6.1.3"},
		{in: "10.2 f", want: "10.2"},

		{in: "11", msg: `unknown ISO/IEC 27001 clause "11"`, hint: []string{ranges}},
		{in: "3.1", msg: `unknown ISO/IEC 27001 clause "3.1"`, hint: []string{ranges}},
		{in: "9.4", msg: `unknown ISO/IEC 27001 clause "9.4"`, hint: []string{ranges}},
		{in: "6.1.4", msg: "unknown ISO/IEC 27001 clause", hint: []string{ranges}},
		{in: "6.1.3dd", msg: "unknown ISO/IEC 27001 clause", hint: []string{ranges}},
		{in: "d", msg: "unknown ISO/IEC 27001 clause", hint: []string{ranges}},
		{in: "abc", msg: "unknown ISO/IEC 27001 clause", hint: []string{ranges}},
		{in: "", msg: "empty ISO/IEC 27001 clause reference", hint: []string{ranges}},
		{in: "9,3", msg: "unknown ISO/IEC 27001 clause", hint: []string{`did you mean "9.3" (Management review)?`}},
		{in: "5.35", msg: "unknown ISO/IEC 27001 clause", hint: []string{"Annex A control 5.35 (Independent review of information security)", "list it in controls"}},
		{in: "A.9.1", msg: "unknown ISO/IEC 27001 clause", hint: []string{ranges}},
		{in: "A.5.1", msg: "unknown ISO/IEC 27001 clause", hint: []string{"Annex A control 5.1"}},
		{in: "第9.3条", msg: `unknown ISO/IEC 27001 clause "第9.3条"`, hint: []string{`did you mean "9.3" (Management review)?`}},
		{in: "9.2 内部审核", msg: "unknown ISO/IEC 27001 clause", hint: []string{`did you mean "9.2" (Internal audit)?`}},
		{in: "第11条", msg: "unknown ISO/IEC 27001 clause", hint: []string{ranges}},
	}
	for _, tt := range tests {
		got, err := ParseClause(tt.in)
		if tt.msg == "" {
			if err != nil || got != tt.want {
				t.Errorf("ParseClause(%q) = %q, %v; want %q, nil", tt.in, got, err, tt.want)
			}
			continue
		}
		if err == nil {
			t.Errorf("ParseClause(%q) = %q, nil; want error %q", tt.in, got, tt.msg)
			continue
		}
		if !strings.Contains(err.Message.String(), tt.msg) {
			t.Errorf("ParseClause(%q).Message = %q, want it to contain %q", tt.in, err.Message.String(), tt.msg)
		}
		for _, h := range tt.hint {
			if !strings.Contains(err.Hint.String(), h) {
				t.Errorf("ParseClause(%q).Hint = %q, want it to contain %q", tt.in, err.Hint.String(), h)
			}
		}
	}
}

func TestClauses(t *testing.T) {
	cs := Clauses()
	var ids []string
	for i, c := range cs {
		ids = append(ids, c.ID)
		if c.Title == "" || c.TitleZH == "" {
			t.Errorf("clause %s lacks a title", c.ID)
		}
		if i > 0 && CompareIDs(cs[i-1].ID, c.ID) >= 0 {
			t.Errorf("clause %s comes after %s", c.ID, cs[i-1].ID)
		}
		if got, err := ParseClause(c.ID); err != nil || got != c.ID {
			t.Errorf("ParseClause(%q) = %q, %v", c.ID, got, err)
		}
	}
	for _, id := range []string{"4", "4.1", "6.1.1", "6.1.2", "6.1.3", "6.3", "7.5.1", "7.5.2", "7.5.3",
		"9.2.1", "9.2.2", "9.3.1", "9.3.2", "9.3.3", "10", "10.1", "10.2"} {
		if !slices.Contains(ids, id) {
			t.Errorf("clause %s missing", id)
		}
	}
	if len(cs) != 41 {
		t.Errorf("%d clauses, want 41: %v", len(cs), ids)
	}
	if cs[len(cs)-1].TitleZH != "不符合及纠正措施" || cs[1].TitleZH != "理解组织及其环境" {
		t.Errorf("first/last clause titles: %+v %+v", cs[1], cs[len(cs)-1])
	}
}

func TestRequirements(t *testing.T) {
	rs := Requirements()
	var keys []string
	for i, r := range rs {
		keys = append(keys, r.Key)
		if r.Kind != "maintain" && r.Kind != "retain" {
			t.Errorf("requirement %s has kind %q", r.Key, r.Kind)
		}
		if _, err := ParseClause(r.Clause); err != nil {
			t.Errorf("requirement %s: clause %q: %v", r.Key, r.Clause, err)
		}
		if i > 0 && CompareIDs(rs[i-1].Key, r.Key) >= 0 {
			t.Errorf("requirement %s comes after %s", r.Key, rs[i-1].Key)
		}
		if r.Title == "" || r.TitleZH == "" {
			t.Errorf("requirement %s lacks a title", r.Key)
		}
		if r.SoA != (r.Key == "6.1.3d") {
			t.Errorf("requirement %s: SoA = %v", r.Key, r.SoA)
		}
	}
	want := []string{"4.3", "5.2", "6.1.2", "6.1.3", "6.1.3d", "6.2", "7.2", "8.1", "8.2", "8.3", "9.1", "9.2", "9.3", "10.2"}
	if !slices.Equal(keys, want) {
		t.Errorf("requirement keys = %v, want %v", keys, want)
	}
}

func TestFulfils(t *testing.T) {
	req := map[string]Requirement{}
	for _, r := range Requirements() {
		req[r.Key] = r
	}
	tests := []struct {
		key     string
		clauses []string
		docType string
		want    bool
	}{
		{"9.2", []string{"9.2"}, "procedure", true},
		{"9.2", []string{"9.2.2"}, "record", true},
		{"9.2", []string{"9.2.1", "4.3"}, "procedure", true},
		{"9.2", []string{"9.3"}, "procedure", false},
		{"9.2", []string{"9"}, "procedure", false},
		{"9.2", nil, "procedure", false},
		{"9.3", []string{"9.3.3"}, "record", true},
		{"4.3", []string{"4.3"}, "manual", true},
		{"4.3", []string{"4.31"}, "manual", false},
		{"10.2", []string{"10.1"}, "procedure", false},
		{"10.2", []string{"10.2"}, "procedure", true},
		{"6.1.3d", nil, "soa", true},
		{"6.1.3d", []string{"6.1.3"}, "procedure", true},
		{"6.1.3d", []string{"6.1.2"}, "procedure", false},
		{"6.1.3", nil, "soa", false},
		{"6.1.3", []string{"6.1.3"}, "procedure", true},
		{"6.1.2", []string{"6.1"}, "procedure", false},
		{"8.1", []string{"8.13"}, "record", false},
	}
	for _, tt := range tests {
		r, ok := req[tt.key]
		if !ok {
			t.Fatalf("no requirement %q", tt.key)
		}
		if got := r.Fulfils(tt.clauses, tt.docType); got != tt.want {
			t.Errorf("requirement %s .Fulfils(%q, %q) = %v, want %v", tt.key, tt.clauses, tt.docType, got, tt.want)
		}
	}
}

func TestCompareIDs(t *testing.T) {
	tests := []struct {
		a, b string
		want int
	}{
		{"5.2", "5.10", -1},
		{"5.10", "5.2", 1},
		{"5.10", "5.10", 0},
		{"5.37", "6.1", -1},
		{"8.34", "8.4", 1},
		{"9.2", "9.2.1", -1},
		{"9.2.2", "9.3", -1},
		{"9.3.3", "10.1", -1},
		{"9", "10", -1},
		{"10", "9.3", 1},
		{"6.1.3", "6.1.3d", -1},
		{"6.1.3d", "6.2", -1},
		{"5.05", "5.5", -1}, // equal numbers: ordered as strings, never 0
		{"5.5", "5.05", 1},
		{"", "5.1", -1},
		{"", "", 0},
	}
	for _, tt := range tests {
		if got := CompareIDs(tt.a, tt.b); got != tt.want {
			t.Errorf("CompareIDs(%q, %q) = %d, want %d", tt.a, tt.b, got, tt.want)
		}
	}
	ids := []string{"10.2", "5.10", "8.1", "5.2", "9.2.2", "5.1", "9.2", "6.1.3d", "6.1.3"}
	slices.SortFunc(ids, CompareIDs)
	want := []string{"5.1", "5.2", "5.10", "6.1.3", "6.1.3d", "8.1", "9.2", "9.2.2", "10.2"}
	if !slices.Equal(ids, want) {
		t.Errorf("sorted = %v, want %v", ids, want)
	}
}

func FuzzParseControl(f *testing.F) {
	for _, s := range []string{"5.35", "A.5.35", " a.8.1 ", "A.12.3.1", "5.3.5", "5,35", "５．３５", "", "abc", "9.1", "A.9.1"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		id, err := ParseControl(s)
		if err != nil {
			if id != "" || err.Message.IsZero() || err.Hint.IsZero() {
				t.Fatalf("ParseControl(%q) = %q, %+v", s, id, err)
			}
		} else {
			if again, err := ParseControl(id); err != nil || again != id {
				t.Fatalf("ParseControl(%q) = %q, but ParseControl(%q) = %q, %v", s, id, id, again, err)
			}
			if _, ok := Lookup(id); !ok {
				t.Fatalf("ParseControl(%q) = %q, which Lookup does not know", s, id)
			}
		}
		if cid, cerr := ParseClause(s); cerr == nil {
			if again, err := ParseClause(cid); err != nil || again != cid {
				t.Fatalf("ParseClause(%q) = %q, but ParseClause(%q) = %q, %v", s, cid, cid, again, err)
			}
		} else if cid != "" || cerr.Hint.IsZero() {
			t.Fatalf("ParseClause(%q) = %q, %+v", s, cid, cerr)
		}
		if c := CompareIDs(s, s); c != 0 {
			t.Fatalf("CompareIDs(%q, %q) = %d", s, s, c)
		}
		if a, b := CompareIDs(s, id), CompareIDs(id, s); a != -b {
			t.Fatalf("CompareIDs(%q, %q) = %d but reversed %d", s, id, a, b)
		}
	})
}
