package history

import "testing"

func TestYAMLHeader(t *testing.T) {
	const head = "---\nid: P-1\ntitle: 访问控制程序\nversion: 1.0\nstatus: approved\n"
	for _, tc := range []struct {
		name, text string
		ok         bool
		class      string
	}{
		{"plain", head + "classification: internal # 内部\nowners: [isd]\nsummary: |\n  多行\n  classification: public\napproved: 2025-01-05\n---\n正文\n", true, "internal"},
		{"quoted", head + "classification: 'confidential'\nauthor: \"张三\"\n---\n", true, "confidential"},
		{"none named", head + "---\n", true, ""},
		{"run on", head + "classification: internal\n  secret\n---\n", false, ""},
		{"run on after a blank", head + "classification: internal\n\n  secret\n---\n", false, ""},
		{"twice", head + "classification: public\nclassification: secret\n---\n", false, ""},
		{"merge key", head + "<<: *defaults\n---\n", false, ""},
		{"alias", head + "classification: *level\n---\n", false, ""},
		{"tag", head + "classification: !!str public\n---\n", false, ""},
		{"block", head + "classification: >\n  public\n---\n", false, ""},
		{"null", head + "classification: ~\n---\n", false, ""},
		{"quoted key", head + "\"classification\": secret\n---\n", false, ""},
		{"escape", head + "classification: \"pub\\x6cic\"\n---\n", false, ""},
		{"open quote of another key", head + "summary: \"a\nclassification: public\"\n---\n", false, ""},
		{"open list of another key", head + "owners: [isd,\nclassification: public]\n---\n", false, ""},
		{"tab", head + "\tclassification: public\n---\n", false, ""},
		{"never closed", head, false, ""},
		{"bad date", head + "effective: 2025/01/05\n---\n", false, ""},
		{"toml", "+++\nid = \"P-1\"\n+++\n", false, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			h, ok := yamlHeader([]byte(tc.text))
			if ok != tc.ok {
				t.Fatalf("ok = %v, want %v", ok, tc.ok)
			}
			if ok && (h.ID != "P-1" || h.Title != "访问控制程序" || h.Version != "1.0" || h.Status != "approved" || h.Classification != tc.class || !h.yaml || h.ok) {
				t.Errorf("header %+v", h)
			}
		})
	}
	if h := readEarlierHeader([]byte(head + "approved: 2025-01-05\neffective: 2025-02-01\n---\n")); h.Effective.String() != "2025-02-01" || h.ok || !h.yaml {
		t.Errorf("readEarlierHeader: %+v", h)
	}
}
