package serve

import (
	"encoding/json"
	"strings"
	"testing"

	"ismsgen/internal/sitetest"
)

// A document's page learns its own file's warnings, at their lines and in
// the site's language; the warnings page lists the site's, each linked to
// its document; a warning that names a document the preview leaves out
// names it nowhere.
func TestWarningsInTheBrowser(t *testing.T) {
	_, base := start(t, sitetest.Sample(t))
	answer := func(query string) warningsAnswer {
		t.Helper()
		status, body := get(t, base+strings.TrimPrefix(WarningsPath, "/")+query)
		if status != 200 {
			t.Fatalf("%s%s: status %d", WarningsPath, query, status)
		}
		var a warningsAnswer
		if err := json.Unmarshal([]byte(body), &a); err != nil {
			t.Fatalf("%s%s: %v in %s", WarningsPath, query, err, body)
		}
		return a
	}
	all := answer("")
	if all.Total == 0 || len(all.Warnings) != all.Total {
		t.Fatalf("the site's warnings: total %d, listed %d", all.Total, len(all.Warnings))
	}
	for _, tc := range []struct {
		page string
		want []string // the page's warnings, in order
	}{
		{"/docs/ISMS-F-005/", []string{`content/tier3/isms-f-005.md:11: 警告：批准人 "王芳" 同时也是编制人`}},
		{"/docs/isms-f-005/v/1.0/", []string{`content/tier3/isms-f-005.md:11: 警告：批准人 "王芳" 同时也是编制人`}},
		{"/docs/ISMS-P-006/", []string{"关于预览未发布的某个文件（草稿或密级高于发布上限的文件）的警告：运行 ismsgen serve 的终端中显示了该警告"}},
		{"/register/", nil},
		{"/docs/NO-SUCH-DOC/", nil},
	} {
		a := answer("?page=" + tc.page)
		var got []string
		for _, w := range a.Warnings {
			got = append(got, w.Text)
		}
		if strings.Join(got, "\n") != strings.Join(tc.want, "\n") || a.Total != all.Total {
			t.Errorf("%s: warnings %q (of %d), want %q (of %d)", tc.page, got, a.Total, tc.want, all.Total)
		}
	}

	status, page := get(t, base+strings.TrimPrefix(WarningsPage, "/"))
	if status != 200 {
		t.Fatalf("%s: status %d", WarningsPage, status)
	}
	for _, want := range []string{`<html lang="zh-CN">`, "个警告</h1>", `isms-f-005.md:11: 警告：批准人 &#34;王芳&#34; 同时也是编制人`, `<a href="/docs/ISMS-F-005/">打开页面</a>`, ScriptPath} {
		if !strings.Contains(page, want) {
			t.Errorf("the warnings page lacks %q", want)
		}
	}
	_, everything := get(t, base+strings.TrimPrefix(WarningsPath, "/"))
	for _, text := range []string{page, everything} {
		if strings.Contains(text, "ISMS-R-005") || strings.Contains(text, "isms-r-005") {
			t.Errorf("the browser is told of ISMS-R-005, which the preview leaves out")
		}
	}
}
