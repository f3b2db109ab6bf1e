package validate

import (
	"slices"
	"strings"
	"testing"

	"ismsgen/generator/diag"
	"ismsgen/generator/load"
	"ismsgen/generator/model"
)

// record is a valid approved record; tests edit its lines or add tables
// before the closing +++ (line 12 onwards).
const record = `+++
id = "ISMS-R-001"
title = "内部审核报告"
tier = 3
type = "record"
version = "1.0"
status = "approved"
owners = ["hr"]
approver = "总经理"
approved = 2025-03-01
retention = "3 years"
+++
正文
`

// action is one [[actions]] table; rest replaces or adds keys.
func action(id string, rest ...string) string {
	keys := map[string]string{
		"id": `"` + id + `"`, "title": `"整改"`, "source": `"nonconformity"`, "owner": `"it"`, "due": "2025-06-30",
	}
	order := []string{"id", "title", "source", "owner", "due"}
	for _, kv := range rest {
		k, v, _ := strings.Cut(kv, " = ")
		if _, ok := keys[k]; !ok {
			order = append(order, k)
		}
		keys[k] = v
	}
	var b strings.Builder
	b.WriteString("[[actions]]")
	for _, k := range order {
		if keys[k] != "" {
			b.WriteString("\n" + k + " = " + keys[k])
		}
	}
	return b.String()
}

// withHints formats diagnostics as check prints them: "path:line:
// message", then "hint: …" when there is one.
func withHints(l diag.List) []string {
	var out []string
	for _, d := range l {
		s := d.String()
		if d.Hint != "" {
			s += "\nhint: " + d.Hint
		}
		out = append(out, s)
	}
	return out
}

func TestRetention(t *testing.T) {
	const p = "content/a.md"
	const hint = `hint: write how long the record is kept, e.g. retention = "3 years", or retention = "permanent"`
	const longTerm = `hint: write retention = "permanent" if the record is kept for ever, else how long, e.g. retention = "10 years"`
	for _, tc := range []struct {
		value string
		want  model.Retention
		diags []string
	}{
		{`"3 years"`, model.Retention{Period: model.Cycle{N: 3, Unit: model.Years}}, nil},
		{`"1 year"`, model.Retention{Period: model.Cycle{N: 1, Unit: model.Years}}, nil},
		{`"18 months"`, model.Retention{Period: model.Cycle{N: 18, Unit: model.Months}}, nil},
		{`"90 days"`, model.Retention{Period: model.Cycle{N: 90, Unit: model.Days}}, nil},
		{`"6个月"`, model.Retention{Period: model.Cycle{N: 6, Unit: model.Months}}, nil},
		{`"3年"`, model.Retention{Period: model.Cycle{N: 3, Unit: model.Years}}, nil},
		{`"permanent"`, model.Retention{Permanent: true}, nil},
		{`"Permanent"`, model.Retention{Permanent: true}, nil},
		{`"永久"`, model.Retention{Permanent: true}, nil},
		{`" 永久 "`, model.Retention{Permanent: true}, nil},
		{`"forever-ish"`, model.Retention{}, []string{p + `:11: retention "forever-ish" is not "N days", "N months", "N years" or "permanent"` + "\n" + hint}},
		{`"3"`, model.Retention{}, []string{p + `:11: retention "3" is not "N days", "N months", "N years" or "permanent"` + "\nhint: did you mean \"3 years\"? " + hint[len("hint: "):]}},
		{`"三年"`, model.Retention{}, []string{p + `:11: retention "三年" is not "N days", "N months", "N years" or "permanent"` + "\nhint: did you mean \"3 years\"? " + hint[len("hint: "):]}},
		{`"3 yrs"`, model.Retention{}, []string{p + `:11: retention "3 yrs" is not "N days", "N months", "N years" or "permanent"` + "\nhint: did you mean \"3 years\"? " + hint[len("hint: "):]}},
		{`"36 个月"`, model.Retention{Period: model.Cycle{N: 36, Unit: model.Months}}, nil},
		{`"永久保存"`, model.Retention{Permanent: true}, nil},
		{`"0 years"`, model.Retention{Period: model.Cycle{N: 0, Unit: model.Years}}, nil},
		{`"0 days"`, model.Retention{Period: model.Cycle{N: 0, Unit: model.Days}}, nil},
		{`"-1 days"`, model.Retention{}, []string{p + `:11: retention "-1 days" is not "N days", "N months", "N years" or "permanent"` + "\n" + hint}},
		{`"3 weeks"`, model.Retention{}, []string{p + `:11: retention "3 weeks" is not "N days", "N months", "N years" or "permanent"` + "\nhint: did you mean \"21 days\"? " + hint[len("hint: "):]}},
		{`"长期"`, model.Retention{}, []string{p + `:11: retention "长期" is not "N days", "N months", "N years" or "permanent"` + "\n" + longTerm}},
		{`"long-term"`, model.Retention{}, []string{p + `:11: retention "long-term" is not "N days", "N months", "N years" or "permanent"` + "\n" + longTerm}},
		{`""`, model.Retention{}, []string{p + `:11: retention "" is not "N days", "N months", "N years" or "permanent"` + "\n" + hint}},
		{`3`, model.Retention{}, []string{p + `:11: "retention" must be a string, not a number` + "\n" + `hint: write it in quotes, with its unit: retention = "3 years"`}},
	} {
		t.Run(tc.value, func(t *testing.T) {
			d, diags := validateOne(t, edit(record, "retention", "retention = "+tc.value))
			if got := withHints(diags); !slices.Equal(got, tc.diags) {
				t.Errorf("diagnostics:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tc.diags, "\n"))
			}
			if d != nil && d.Kept != tc.want {
				t.Errorf("Kept = %+v, want %+v", d.Kept, tc.want)
			}
		})
	}
}

func TestExternalDocuments(t *testing.T) {
	const p = "content/a.md"
	ext := edit(edit(edit(record, "type", `type = "external"`), "retention", ""), "approver", "")
	for _, tc := range []struct {
		name  string
		doc   string
		diags []string
	}{
		{"complete, approved without an approver", ext + "", []string{
			p + `:5: warning: external document without issuer, edition, acquired` + "\n" +
				"hint: an external document says who issued it (issuer), which edition is in use (edition) and when it was obtained (acquired = YYYY-MM-DD)"}},
		{"every field", edit(edit(edit(edit(ext, "issuer", `issuer = "国家市场监督管理总局"`), "edition", `edition = "GB/T 22080-2025"`), "acquired", "acquired = 2025-08-01"), "replaced_by", `replaced_by = "—"`), nil},
		{"no acquisition date", edit(edit(ext, "issuer", `issuer = "TC260"`), "edition", `edition = "2025"`), []string{
			p + `:5: warning: external document without acquired` + "\n" +
				"hint: an external document says who issued it (issuer), which edition is in use (edition) and when it was obtained (acquired = YYYY-MM-DD)"}},
		{"a bad acquisition date", edit(edit(edit(ext, "issuer", `issuer = "TC260"`), "edition", `edition = "2025"`), "acquired", `acquired = "2025-02-30"`), []string{
			p + `:12: "acquired": 2025-02-30 is not a real date` + "\n" + `hint: correct the date: 2025-02 has 28 days`}},
		{"issuer and edition empty, as a form leaves them: missing", edit(edit(edit(ext, "issuer", `issuer = ""`), "edition", `edition = "  "`), "acquired", "acquired = 2025-08-01"), []string{
			p + `:5: warning: external document without issuer, edition` + "\n" +
				"hint: an external document says who issued it (issuer), which edition is in use (edition) and when it was obtained (acquired = YYYY-MM-DD)"}},
		{"issuer on a procedure", edit(good, "issuer", `issuer = "TC260"`), []string{
			p + `:11: issuer is a field of external documents, and this document is of type "procedure"` + "\n" +
				`hint: set type = "external" for a law, a standard or a customer's requirements, or remove issuer`}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, diags := validateOne(t, tc.doc)
			if got := withHints(diags); !slices.Equal(got, tc.diags) {
				t.Errorf("diagnostics:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tc.diags, "\n"))
			}
		})
	}
}

func TestActions(t *testing.T) {
	const p = "content/a.md"
	for _, tc := range []struct {
		name  string
		doc   string
		diags []string
	}{
		{"valid", edit(record, "x", action("NC-1", `documents = ["ISMS-R-001"]`, `clause = "10.2"`, "closed = 2025-06-01", `evidence = "ISMS-R-001"`)), nil},
		{"a control as the clause, a web address as evidence", edit(record, "x", action("NC-1", `clause = "A.5.18"`, `evidence = "https://oa.example.com/flow/7"`)), nil},
		{"missing id, title, source, owner and due", edit(record, "x", "[[actions]]\ndocuments = []"), []string{
			p + `:12: action #1 has no due date` + "\nhint: add due = YYYY-MM-DD, the date by which the action is to be done",
			p + `:12: missing required key "actions[1].id"` + "\n" + `hint: add id = "…"`,
			p + `:12: missing required key "actions[1].owner"` + "\n" + `hint: add owner = "…"`,
			p + `:12: missing required key "actions[1].source"` + "\n" + `hint: add source = "…"`,
			p + `:12: missing required key "actions[1].title"` + "\n" + `hint: add title = "…"`,
		}},
		{"unknown source", edit(record, "x", action("NC-1", `source = "complaint"`)), []string{
			p + `:15: unknown action source "complaint"` + "\nhint: source is one of: nonconformity, management-review, audit, incident, other"}},
		{"source nonconformaty", edit(record, "x", action("NC-1", `source = "nonconformaty"`)), []string{
			p + `:15: unknown action source "nonconformaty"` + "\nhint: did you mean \"nonconformity\"? source is one of: nonconformity, management-review, audit, incident, other"}},
		{"source 不符合项", edit(record, "x", action("NC-1", `source = "不符合项"`)), []string{
			p + `:15: unknown action source "不符合项"` + "\nhint: did you mean \"nonconformity\"? source is one of: nonconformity, management-review, audit, incident, other"}},
		{"source Audit", edit(record, "x", action("NC-1", `source = "Audit"`)), []string{
			p + `:15: unknown action source "Audit"` + "\nhint: did you mean \"audit\"? source is one of: nonconformity, management-review, audit, incident, other"}},
		{"source 管理评审", edit(record, "x", action("NC-1", `source = "管理评审"`)), []string{
			p + `:15: unknown action source "管理评审"` + "\nhint: did you mean \"management-review\"? source is one of: nonconformity, management-review, audit, incident, other"}},
		{"source 内审", edit(record, "x", action("NC-1", `source = "内审"`)), []string{
			p + `:15: unknown action source "内审"` + "\nhint: did you mean \"audit\"? source is one of: nonconformity, management-review, audit, incident, other"}},
		{"source 安全事件", edit(record, "x", action("NC-1", `source = "安全事件"`)), []string{
			p + `:15: unknown action source "安全事件"` + "\nhint: did you mean \"incident\"? source is one of: nonconformity, management-review, audit, incident, other"}},
		{"unknown owner", edit(record, "x", action("NC-1", `owner = "ti"`)), []string{
			p + `:16: unknown department "ti" in owner` + "\n" + `hint: did you mean "it"? departments are defined in isms.toml as [[departments]]: hr, it`}},
		{"owner as a list", edit(record, "x", action("NC-1", `owner = ["it"]`)), []string{
			p + `:16: "actions[1].owner" must be a string, not a list` + "\n" + `hint: write one value in quotes, without brackets: owner = "it"`}},
		{"due not a date", edit(record, "x", action("NC-1", `due = "next month"`)), []string{
			p + `:17: "actions[1].due": "next month" is not a date in the form YYYY-MM-DD` + "\n" + `hint: write a date as due = 2025-03-01 (or "2025-03-01")`}},
		{"closed on a date that does not exist", edit(record, "x", action("NC-1", `closed = "2025-02-29"`)), []string{
			p + `:18: "actions[1].closed": 2025-02-29 is not a real date` + "\n" + `hint: correct the date: 2025-02 has 28 days`}},
		{"closed before the record's date", edit(record, "x", action("NC-1", "closed = 2025-02-15")), []string{
			p + `:18: warning: action NC-1 is closed on 2025-02-15, before 2025-03-01, the date of its record` + "\n" +
				`hint: an action is closed on or after the day its record raised it: correct closed = YYYY-MM-DD, the day the action was done, or the record's date (approved, effective) if that is the one that is wrong`}},
		{"closed on the record's date", edit(record, "x", action("NC-1", "closed = 2025-03-01")), nil},
		{"closed before an effective date after approval", edit(edit(record, "effective", "effective = 2025-03-10"), "x", action("NC-1", "closed = 2025-03-05")), []string{
			p + `:19: warning: action NC-1 is closed on 2025-03-05, before 2025-03-10, the date of its record` + "\n" +
				`hint: an action is closed on or after the day its record raised it: correct closed = YYYY-MM-DD, the day the action was done, or the record's date (approved, effective) if that is the one that is wrong`}},
		{"closed on a leap day", edit(edit(record, "approved", "approved = 2024-01-10"), "x", action("NC-1", `closed = "2024-02-29"`)), nil},
		{"unknown clause", edit(record, "x", action("NC-1", `clause = "11.1"`)), []string{
			p + `:18: action NC-1: unknown ISO/IEC 27001 clause "11.1"` + "\n" + "hint: ISO/IEC 27001:2022 has clauses 4 (4.1–4.4), 5 (5.1–5.3), 6 (6.1–6.3), 7 (7.1–7.5), 8 (8.1–8.3), 9 (9.1–9.3) and 10 (10.1–10.2), with sub-clauses such as 6.1.2 and 9.2.2"}},
		{"unknown key", edit(record, "x", action("NC-1", `deadline = 2025-07-01`)), []string{
			p + `:18: unknown key "actions[1].deadline"` + "\n" + `hint: the keys of [[actions]] are: id, title, source, clause, documents, owner, due, closed, evidence`}},
		{"unknown document, with a suggestion", edit(record, "x", action("NC-1", `documents = ["ISMS-R-01"]`)), []string{
			p + `:18: action NC-1 names document "ISMS-R-01", but no document has that id` + "\n" + `hint: did you mean "ISMS-R-001"?`}},
		{"evidence that names no document", edit(record, "x", action("NC-1", `evidence = "ISMS-R-0001"`)), []string{
			p + `:18: warning: evidence "ISMS-R-0001" of action NC-1 is neither a document id nor a web address: it is shown as text` + "\n" +
				`hint: did you mean "ISMS-R-001"? give the id of the document that shows the action was taken, or an https:// address`}},
		{"a file path as evidence", edit(record, "x", action("NC-1", `evidence = "evidence/scan.pdf"`)), []string{
			p + `:18: warning: evidence "evidence/scan.pdf" of action NC-1 is neither a document id nor a web address: it is shown as text` + "\n" +
				`hint: the site does not publish files named by a path: give the id of the document that shows the action was taken (a file attached to a document is published with it), or an https:// address`}},
		{"script address as evidence", edit(record, "x", action("NC-1", `evidence = "javascript:alert(1)"`)), []string{
			p + `:18: "actions[1].evidence": "javascript:alert(1)" is not a web address ismsgen will link to` + "\nhint: use an https:// address"}},
		{"two actions with one id, ignoring case", edit(record, "x", action("NC-1")+"\n"+action("nc-1")), []string{
			p + `:19: duplicate action id "nc-1": also used at content/a.md:13` + "\nhint: give each action its own id, e.g. the number of the nonconformity or decision"}},
		{"actions on a procedure", edit(good, "x", action("NC-1")), []string{
			p + `:11: [[actions]] in a document of type "procedure"` + "\n" +
				`hint: actions are raised by records (type = "record"): an audit report, a management review, an incident report`}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, diags := validateOne(t, tc.doc)
			if got := withHints(diags); !slices.Equal(got, tc.diags) {
				t.Errorf("diagnostics:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tc.diags, "\n"))
			}
		})
	}
}

// Action ids are unique in the whole site, not only in one record.
func TestActionIDsUniqueInSite(t *testing.T) {
	other := edit(edit(record, "id", `id = "ISMS-R-002"`), "x", action("NC-7"))
	got := run(t, testConfig, map[string]string{
		"content/a.md": edit(record, "x", action("NC-7")),
		"content/b.md": other,
	})
	want := []string{`content/b.md:13: duplicate action id "NC-7": also used at content/a.md:13`}
	if !slices.Equal(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestManagementReviewCycle(t *testing.T) {
	for _, tc := range []struct {
		line string
		want model.Cycle
		errs []string
	}{
		{"", model.Cycle{N: 12, Unit: model.Months}, nil},
		{`management_review_cycle = "6 months"`, model.Cycle{N: 6, Unit: model.Months}, nil},
		{`management_review_cycle = "yearly"`, model.Cycle{N: 12, Unit: model.Months}, []string{`isms.toml:1: "management_review_cycle": "yearly" is not a period like "12 months", "2 years" or "90 days"`}},
		{`management_review_cycle = "每年"`, model.Cycle{N: 12, Unit: model.Months}, []string{`isms.toml:1: "management_review_cycle": "每年" is not a period like "12 months", "2 years" or "90 days"` +
			"\nhint: did you mean \"12 months\"? write \"12 months\", \"2 years\" or \"90 days\""}},
		{`management_review_cycle = "1 yr"`, model.Cycle{N: 12, Unit: model.Months}, []string{`isms.toml:1: "management_review_cycle": "1 yr" is not a period like "12 months", "2 years" or "90 days"` +
			"\nhint: did you mean \"1 year\"? write \"12 months\", \"2 years\" or \"90 days\""}},
		{`management_review_cycle = "12个月"`, model.Cycle{N: 12, Unit: model.Months}, nil},
	} {
		cf, all := load.ParseConfig("isms.toml", []byte(tc.line+"\n"+testConfig))
		cfg, d := Config(cf)
		all.Add(d...)
		got := lines(all)
		if strings.Contains(strings.Join(tc.errs, ""), "\nhint: ") {
			got = withHints(all)
		}
		if !slices.Equal(got, tc.errs) {
			t.Errorf("%s: %q, want %q", tc.line, got, tc.errs)
		}
		if cfg.ManagementReviewCycle != tc.want {
			t.Errorf("%s: cycle %v, want %v", tc.line, cfg.ManagementReviewCycle, tc.want)
		}
	}
}

// A department written by its name, as people read it in isms.toml,
// where its id belongs: the hint names the id.
func TestDepartmentByName(t *testing.T) {
	const p = "content/a.md"
	const list = "departments are defined in isms.toml as [[departments]]: hr, it"
	for _, tc := range []struct {
		name  string
		doc   string
		diags []string
	}{
		{"owners", edit(good, "owners", `owners = ["人力资源部"]`), []string{
			p + `:8: unknown department "人力资源部" in owners` + "\nhint: did you mean \"hr\"? " + list}},
		{"distribution", edit(good, "distribution", `distribution = ["信息技术部 "]`), []string{
			p + `:11: unknown department "信息技术部" in distribution` + "\nhint: did you mean \"it\"? " + list + `, or "all" for every member of staff`}},
		{"an action's owner", edit(record, "x", "[[actions]]\nid = \"CA-1\"\ntitle = \"t\"\nsource = \"audit\"\nowner = \"信息技术部\"\ndue = 2025-06-01"), []string{
			p + `:16: unknown department "信息技术部" in owner` + "\nhint: did you mean \"it\"? " + list}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, diags := validateOne(t, tc.doc)
			if got := withHints(diags); !slices.Equal(got, tc.diags) {
				t.Errorf("diagnostics:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tc.diags, "\n"))
			}
		})
	}
}

// A period written as a bare number gets a hint with its unit: "12"
// alone is no period either.
func TestPeriodAsNumber(t *testing.T) {
	const p = "content/a.md"
	for _, tc := range []struct {
		name  string
		doc   string
		diags []string
	}{
		{"review_cycle", edit(good, "review_cycle", "review_cycle = 12"), []string{
			p + `:11: "review_cycle" must be a string, not a number` + "\nhint: write it in quotes, with its unit: review_cycle = \"12 months\""}},
		{"retention", edit(record, "retention", "retention = 3"), []string{
			p + `:11: "retention" must be a string, not a number` + "\nhint: write it in quotes, with its unit: retention = \"3 years\""}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, diags := validateOne(t, tc.doc)
			if got := withHints(diags); !slices.Equal(got, tc.diags) {
				t.Errorf("diagnostics:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tc.diags, "\n"))
			}
		})
	}
}

// A list written as one string, or as a number, gets a hint that writes
// the list the author meant.
func TestListWrittenAsOneValue(t *testing.T) {
	const p = "content/a.md"
	for _, tc := range []struct {
		line  string
		diags []string
	}{
		{`clauses = "9.3, 9.2"`, []string{p + `:11: "clauses" must be a list of strings` + "\n" + `hint: write a list: clauses = ["9.3", "9.2"]`}},
		{`clauses = "9.3、9.2"`, []string{p + `:11: "clauses" must be a list of strings` + "\n" + `hint: write a list: clauses = ["9.3", "9.2"]`}},
		{`clauses = "9.3"`, []string{p + `:11: "clauses" must be a list of strings` + "\n" + `hint: write a list: clauses = ["9.3"]`}},
		{`clauses = 9.3`, []string{p + `:11: "clauses" must be a list of strings, not a decimal number` + "\n" + `hint: write a list: clauses = ["9.3"]`}},
		{`clauses = [9.3, "9.2"]`, []string{p + `:11: "clauses" must be a list of strings; 9.3 is a decimal number` + "\n" + `hint: put every item in quotes: clauses = ["9.3", "9.2"]`}},
	} {
		t.Run(tc.line, func(t *testing.T) {
			_, diags := validateOne(t, edit(record, "retention", tc.line))
			if got := withHints(diags); !slices.Equal(got, tc.diags) {
				t.Errorf("diagnostics:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tc.diags, "\n"))
			}
		})
	}
}
