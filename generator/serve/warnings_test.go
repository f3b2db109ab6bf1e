package serve

import (
	"encoding/json"
	"fmt"
	"path/filepath"
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

// The warnings of the documents a preview leaves out (a draft without
// --drafts, one above the ceiling, a file of its bundle) are neither
// listed nor counted: the browser sees the same warnings, and the same
// total, as without those documents, though each has warnings of its
// own (the terminal shows them).
func TestWarningsOfLeftOutUncounted(t *testing.T) {
	answer := func(base string) warningsAnswer {
		t.Helper()
		_, body := get(t, base+strings.TrimPrefix(WarningsPath, "/"))
		var a warningsAnswer
		if err := json.Unmarshal([]byte(body), &a); err != nil {
			t.Fatalf("%v in %s", err, body)
		}
		return a
	}
	_, base := start(t, sitetest.Sample(t))
	want := answer(base)

	site := sitetest.Copy(t, sitetest.Sample(t))
	front := func(id, status, class string) string {
		return "+++\nid = \"" + id + "\"\ntitle = \"草稿表\"\ntier = 3\ntype = \"form\"\nversion = \"0.1\"\nstatus = \"" + status +
			"\"\nowners = [\"hr\"]\nauthor = \"李雷\"\napprover = \"韩梅\"\napproved = 2025-02-10\nclassification = \"" + class + "\"\n+++\n\n见 [[培训记录表]]。\n"
	}
	writeFile(t, filepath.Join(site, "content/tier3/isms-f-097.md"), front("ISMS-F-097", "draft", "internal"))
	writeFile(t, filepath.Join(site, "content/tier3/isms-f-098.md"), front("ISMS-F-098", "approved", "secret"))
	writeFile(t, filepath.Join(site, "content/tier3/ISMS-F-099/index.md"), front("ISMS-F-099", "review", "internal"))
	writeFile(t, filepath.Join(site, "content/tier3/ISMS-F-099/page.html"), "<p>x</p>\n") // skipped, with a warning
	srv, base := start(t, site)
	got := answer(base)
	if got.Total != len(got.Warnings) || got.Total != want.Total {
		t.Errorf("with three left-out documents that have warnings: total %d, listed %d; want %d, as without them", got.Total, len(got.Warnings), want.Total)
	}
	var terminal int
	srv.hub.warnings(func(s *warningSet) { terminal = len(s.all) })
	if terminal <= want.Total {
		t.Errorf("the left-out documents have no warnings of their own (%d in all): the test tests nothing", terminal)
	}
	if a, b := mustJSON(t, got.Warnings), mustJSON(t, want.Warnings); a != b {
		t.Errorf("the warnings listed differ:\n%s\nwant\n%s", a, b)
	}
	_, page := get(t, base+strings.TrimPrefix(WarningsPage, "/"))
	if heading := fmt.Sprintf("%d 个警告</h1>", want.Total); !strings.Contains(page, heading) {
		t.Errorf("the warnings page lacks %q", heading)
	}
}

func mustJSON(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// A wiki link's hint names the document of that name, as a build's does
// (link.WikiHints): serve puts the files' warnings together itself.
func TestWarningsWikiHint(t *testing.T) {
	site := sitetest.Copy(t, sitetest.Sample(t))
	writeFile(t, filepath.Join(site, "content/tier3/isms-f-097.md"), "+++\nid = \"ISMS-F-097\"\ntitle = \"登记表\"\ntier = 3\ntype = \"form\"\nversion = \"1.0\"\nstatus = \"approved\"\nowners = [\"hr\"]\nauthor = \"李雷\"\napprover = \"韩梅\"\napproved = 2025-02-10\nclassification = \"internal\"\n+++\n\n见 [[培训记录表]]。\n")
	_, base := start(t, site)
	_, body := get(t, base+strings.TrimPrefix(WarningsPath, "/")+"?page=/docs/ISMS-F-097/")
	var a warningsAnswer
	if err := json.Unmarshal([]byte(body), &a); err != nil {
		t.Fatalf("%v in %s", err, body)
	}
	want := "请写成 [培训记录表](ISMS-F-005)：这个名称指的应是 ISMS-F-005（content/tier3/isms-f-005.md）"
	if len(a.Warnings) != 1 || a.Warnings[0].Hint != want {
		t.Errorf("the page's warnings: %+v\nwant one with the hint %q", a.Warnings, want)
	}
}
