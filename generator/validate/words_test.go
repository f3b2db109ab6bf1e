package validate

import (
	"slices"
	"strings"
	"testing"
)

// A type, status or classification written in the words of a document control procedure
// or of another tool is an error whose hint names the value it means.
func TestValuesInOtherWords(t *testing.T) {
	const p = "content/a.md"
	for _, tc := range []struct {
		name, key, line string
		want            []string
	}{
		{"type in Chinese", "type", `type = "程序文件"`, []string{p + `:5: unknown document type "程序文件"` + "\n" +
			`hint: did you mean "procedure"? type is one of: manual, policy, procedure, standard, guideline, plan, form, record, soa, external`}},
		{"type in English", "type", `type = "Records"`, []string{p + `:5: unknown document type "Records"` + "\n" +
			`hint: did you mean "record"? type is one of: manual, policy, procedure, standard, guideline, plan, form, record, soa, external`}},
		{"type unknown", "type", `type = "memo"`, []string{p + `:5: unknown document type "memo"` + "\n" +
			`hint: type is one of: manual, policy, procedure, standard, guideline, plan, form, record, soa, external`}},
		{"status in Chinese", "status", `status = "已发布"`, []string{p + `:7: unknown status "已发布"` + "\n" +
			`hint: did you mean "approved"? status is one of: draft, review, approved, obsolete`}},
		{"status of another tool", "status", `status = "Withdrawn"`, []string{p + `:7: unknown status "Withdrawn"` + "\n" +
			`hint: did you mean "obsolete"? status is one of: draft, review, approved, obsolete`}},
		{"classification in Chinese", "classification", `classification = "内部"`, []string{p + `:11: unknown classification level "内部"` + "\n" +
			`hint: did you mean "internal"? use one of the classification_levels in isms.toml: public, internal, confidential`}},
		{"status capitalised", "status", `status = "Approved"`, []string{p + `:7: unknown status "Approved"` + "\n" +
			`hint: did you mean "approved"? status is one of: draft, review, approved, obsolete`}},
		{"status misspelt", "status", `status = "aproved "`, []string{p + `:7: unknown status "aproved"` + "\n" +
			`hint: did you mean "approved"? status is one of: draft, review, approved, obsolete`}},
		{"status unknown", "status", `status = "blue"`, []string{p + `:7: unknown status "blue"` + "\n" +
			`hint: status is one of: draft, review, approved, obsolete`}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, diags := validateOne(t, edit(good, tc.key, tc.line))
			if got := withHints(diags); !slices.Equal(got, tc.want) {
				t.Errorf("diagnostics:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tc.want, "\n"))
			}
		})
	}
}

// A date written as a system exports it (with a time, as its digits) is
// an error whose hint writes that very day (so is one in Chinese numerals,
// as official documents date themselves), not an example date that a
// hurried author would copy as the approval date.
func TestDateHintNamesTheDayWritten(t *testing.T) {
	const p = "content/a.md"
	const hint = "hint: dates are written year-month-day with hyphens and no quotes: approved = 2024-06-15"
	for _, tc := range []struct{ line, msg string }{
		{"approved = 2024-06-15T10:00:00", `:10: "approved" must be a date without a time`},
		{"approved = 2024-06-15 10:00:00+08:00", `:10: "approved" must be a date without a time`},
		{"approved = 20240615", `:10: "approved" must be a date, not a number`},
		{`approved = "20240615"`, `:10: "approved": "20240615" is not a date in the form YYYY-MM-DD`},
		{`approved = "2024-06-15 10:00"`, `:10: "approved": "2024-06-15 10:00" is not a date in the form YYYY-MM-DD`},
		{`approved = "二〇二四年六月十五日"`, `:10: "approved": "二〇二四年六月十五日" is not a date in the form YYYY-MM-DD`},
	} {
		_, diags := validateOne(t, edit(good, "approved", tc.line))
		want := []string{p + tc.msg + "\n" + hint}
		if got := withHints(diags); !slices.Equal(got, want) {
			t.Errorf("%s:\n%s\nwant:\n%s", tc.line, strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
	}
}

// A required key written with a capital or a typo ("Title", "approvr")
// is one mistake, told at its line with the key it means, not also a
// required key missing, nor a document without a status.
func TestRequiredKeyMisspeltIsOneError(t *testing.T) {
	for _, tc := range []struct{ key, line, want string }{
		{"title", `Title = "访问控制程序"`, `content/a.md:3: unknown key "Title"`},
		{"tier", `Tier = 2`, `content/a.md:4: unknown key "Tier"`},
		{"owners", `owner = ["hr"]`, `content/a.md:8: unknown key "owner"`},
		{"status", `Status = "approved"`, `content/a.md:7: unknown key "Status"`},
		{"approver", `approvr = "总经理"`, `content/a.md:9: unknown key "approvr"`},
		{"approved", `aproved = 2025-03-01`, `content/a.md:10: unknown key "aproved"`},
	} {
		_, diags := validateOne(t, edit(good, tc.key, tc.line))
		var got []string
		for _, d := range diags {
			got = append(got, d.String())
		}
		if len(got) != 1 || got[0] != tc.want {
			t.Errorf("%s:\n%s\nwant:\n%s", tc.line, strings.Join(got, "\n"), tc.want)
		}
	}
}
