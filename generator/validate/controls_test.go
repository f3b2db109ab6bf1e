package validate

import (
	"fmt"
	"strings"
	"testing"

	"ismsgen/generator/diag"
	"ismsgen/generator/load"
	"ismsgen/generator/model"
)

// validateOne validates one document at content/a.md and returns it (nil
// when it has no id) with every diagnostic, hints included.
func validateOne(t *testing.T, text string) (*model.Document, diag.List) {
	t.Helper()
	cf, all := load.ParseConfig("isms.toml", []byte(testConfig))
	cfg, d := Config(cf)
	all.Add(d...)
	f, d := load.ParseDocument("content/a.md", []byte(text))
	all.Add(d...)
	if cfg == nil || f == nil {
		t.Fatalf("did not load: %v", all)
	}
	docs, d := documents(cfg, []*load.Doc{{File: f}})
	all.Add(d...)
	all.Sort()
	if len(docs) != 1 {
		return nil, all
	}
	return docs[0], all
}

// soaDoc is good turned into a Statement of Applicability with entries.
func soaDoc(entries ...string) string {
	return edit(edit(good, "type", `type = "soa"`), "x", strings.Join(entries, "\n"))
}

// entry is one [[applicability]] table.
func entry(control, rest string) string {
	s := fmt.Sprintf("[[applicability]]\ncontrol = %q", control)
	if rest != "" {
		s += "\n" + rest
	}
	return s
}

func TestControlReferences(t *testing.T) {
	const p = "content/a.md"
	for _, tc := range []struct {
		name     string
		doc      string
		controls string   // the document's controls, or its SoA entries as id=applicable
		want     []string // "path:line: message", then optionally "hint: …" parts the hint must contain
	}{
		{"2022 ids, with and without A.", edit(good, "controls", `controls = ["5.35", "A.5.36", "a.8.13", "5.35"]`), "5.35 5.36 8.13", nil},
		{"unknown id at the controls line", edit(good, "controls", `controls = ["5.1", "5.99"]`), "5.1",
			[]string{p + `:11: unknown Annex A control "5.99"`, "hint: 5.1–5.37"}},
		{"2013 id names the 2022 control", edit(good, "controls", `controls = ["A.12.3.1"]`), "",
			[]string{p + `:11: "A.12.3.1" is an ISO/IEC 27001:2013 control id (A.12.3.1 Information backup), not an ISO/IEC 27001:2022 Annex A control`, `hint: use "8.13" (Information backup)`}},
		{"2013 id without A.", edit(good, "controls", `controls = ["9.4.2"]`), "",
			[]string{p + `:11: "9.4.2" is an ISO/IEC 27001:2013 control id (A.9.4.2 Secure log-on procedures), not an ISO/IEC 27001:2022 Annex A control`, `hint: use "8.5" (Secure authentication)`}},
		{"valid SoA entries", soaDoc(entry("5.1", "applicable = true"), entry("A.7.6", "applicable = false\njustification = \"no secure areas\"")), "5.1=true 7.6=false", nil},
		{"SoA entry with a 2013 id", soaDoc(entry("A.11.1.1", "applicable = true")), "",
			[]string{p + `:12: "A.11.1.1" is an ISO/IEC 27001:2013 control id (A.11.1.1 Physical security perimeter), not an ISO/IEC 27001:2022 Annex A control`, `hint: use "7.1"`}},
		{"SoA entry with an unknown id", soaDoc(entry("5.1", "applicable = true"), entry("5.38", "applicable = true")), "5.1=true",
			[]string{p + `:15: unknown Annex A control "5.38"`}},
		{"SoA lists a control twice, once with A.", soaDoc(entry("5.1", "applicable = true"), entry("A.5.1", "applicable = false\njustification = \"x\"")), "5.1=true",
			[]string{p + `:15: control 5.1 is listed twice in the Statement of Applicability`, "hint: the first entry is at line 12"}},
		{"excluded without justification", soaDoc(entry("8.30", "applicable = false")), "8.30=false",
			[]string{p + `:12: control 8.30 is excluded without a justification`, "hint: ISO/IEC 27001 6.1.3 d requires a justification"}},
		{"a blank justification is none", soaDoc(entry("8.30", "applicable = false\njustification = \"  \"")), "8.30=false",
			[]string{p + `:12: control 8.30 is excluded without a justification`}},
		{"applicable missing", soaDoc(entry("5.1", "")), "5.1=false", // an error: the build stops
			[]string{p + `:12: SoA entry for "5.1" does not say whether the control is applicable`}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d, diags := validateOne(t, tc.doc)
			var got []string
			for _, x := range diags {
				got = append(got, x.String())
			}
			var wantMsgs, wantHints []string
			for _, w := range tc.want {
				if h, ok := strings.CutPrefix(w, "hint: "); ok {
					wantHints = append(wantHints, h)
				} else {
					wantMsgs = append(wantMsgs, w)
				}
			}
			if strings.Join(got, "\n") != strings.Join(wantMsgs, "\n") {
				t.Errorf("got:\n  %s\nwant:\n  %s", strings.Join(got, "\n  "), strings.Join(wantMsgs, "\n  "))
			}
			for _, h := range wantHints {
				if len(diags) == 0 || !strings.Contains(diags[0].Hint, h) {
					t.Errorf("hint does not contain %q: %v", h, diags)
				}
			}
			if d == nil {
				t.Fatal("no document")
			}
			var ids []string
			if d.Type == model.TypeSoA {
				for _, a := range d.Applicability {
					ids = append(ids, fmt.Sprintf("%s=%t", a.Control, a.Applicable))
				}
			} else {
				ids = d.Controls
			}
			if g := strings.Join(ids, " "); g != tc.controls {
				t.Errorf("controls %q, want %q", g, tc.controls)
			}
		})
	}
}

func TestSoACount(t *testing.T) {
	soa := func(id, extra string) string { return edit(doc(id, extra), "type", `type = "soa"`) }
	for _, tc := range []struct {
		name string
		docs map[string]string
		want []string
	}{
		{"an obsolete SoA beside the current one", map[string]string{
			"content/a.md": edit(soa("SOA-1", ""), "status", `status = "obsolete"`), "content/b.md": soa("SOA-2", "")}, nil},
		{"three current SoAs: the later two are reported", map[string]string{
			"content/a.md": soa("SOA-1", ""), "content/b.md": soa("SOA-2", ""), "content/c.md": soa("SOA-3", "")},
			[]string{`content/b.md:5: a second current Statement of Applicability; SOA-1 is one too`, `content/c.md:5: a second current Statement of Applicability; SOA-1 is one too`}},
		{"a draft SoA replacing the approved one", map[string]string{
			"content/a.md": soa("SOA-1", ""), "content/b.md": edit(edit(edit(soa("SOA-2", `supersedes = ["SOA-1"]`), "status", `status = "draft"`), "approver", ""), "approved", "")}, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := run(t, testConfig, tc.docs)
			if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("got:\n  %s\nwant:\n  %s", strings.Join(got, "\n  "), strings.Join(tc.want, "\n  "))
			}
		})
	}
}
