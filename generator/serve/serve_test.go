package serve

import (
	"encoding/json"
	"ismsgen/internal/sitetest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// An edit reloads the page with the new content; a broken document keeps
// the last good page and reports every error, at its line, on the event
// stream and at /__ismsgen/errors; fixing it clears the errors.
func TestEditBreakFix(t *testing.T) {
	site := sitetest.Sample(t)
	_, base := start(t, site)
	doc := filepath.Join(site, "content", "tier2", "isms-p-009.md")
	page := base + "docs/ISMS-P-009/"

	events := openEvents(t, base)
	events.next(t, "hello", func(ev sse) bool { return ev.kind == "hello" })

	status, body := get(t, page)
	if status != 200 || !strings.Contains(body, "按策划的时间间隔") {
		t.Fatalf("before the edit: %d\n%s", status, body)
	}
	if !strings.Contains(body, `<script src="/__ismsgen/reload.js"`) {
		t.Error("the page lacks the reload script")
	}

	replaceIn(t, doc, "按策划的时间间隔", "按计划的时间间隔（已编辑）")
	events.reloadOf(t, "/docs/ISMS-P-009/")
	if _, body := get(t, page); !strings.Contains(body, "按计划的时间间隔（已编辑）") {
		t.Fatalf("the edit is not on the page:\n%s", body)
	}

	replaceIn(t, doc, "approved = 2025-12-10", "next_reveiw = 2026-12-10\napproved = 2025-12-10")
	ev := events.next(t, "errors", func(ev sse) bool { return ev.kind == KindErrors })
	// In the site's language: the sample speaks Chinese.
	want := `content/tier2/isms-p-009.md:12: 未知字段 "next_reveiw"`
	if errs := ev.errors(t); len(errs) != 1 || errs[0].Text != want || errs[0].Line != 12 {
		t.Errorf("errors event: %+v, want %s", errs, want)
	}
	_, endpoint := get(t, base+"__ismsgen/errors")
	var current struct{ Errors []Problem }
	if err := json.Unmarshal([]byte(endpoint), &current); err != nil || len(current.Errors) != 1 || current.Errors[0].Text != want {
		t.Errorf("/__ismsgen/errors: %v %s", err, endpoint)
	}
	if status, body := get(t, page); status != 200 || !strings.Contains(body, "按计划的时间间隔（已编辑）") {
		t.Errorf("the last good page is not served: %d", status)
	}
	// A page opened now learns the errors when it connects.
	late := openEvents(t, base)
	late.next(t, "errors on connect", func(ev sse) bool { return ev.kind == KindErrors && len(ev.errors(t)) == 1 })

	replaceIn(t, doc, "next_reveiw = 2026-12-10\n", "")
	events.next(t, "errors cleared", func(ev sse) bool { return ev.kind == KindErrors && len(ev.errors(t)) == 0 })
	if _, endpoint := get(t, base+"__ismsgen/errors"); !strings.Contains(endpoint, `"errors":[]`) {
		t.Errorf("/__ismsgen/errors after the fix: %s", endpoint)
	}
}

// The first build may fail: every page then lists the errors, and the site
// appears once they are fixed.
func TestBrokenAtStart(t *testing.T) {
	site := sitetest.Sample(t)
	doc := filepath.Join(site, "content", "tier2", "isms-p-001.md")
	replaceIn(t, doc, "](ISMS-P-002)", "](ISMS-P-902)")
	srv, base := start(t, site)
	if errs := srv.Errors(); len(errs) == 0 || !strings.Contains(errs[0].Text, `链接无效：没有编号为 "ISMS-P-902" 的文件`) || errs[0].Hint != `是否应为 "ISMS-P-002"？` {
		t.Fatalf("errors: %+v", errs)
	}
	status, body := get(t, base+"docs/ISMS-P-001/")
	if status != 503 || !strings.Contains(body, "content/tier2/isms-p-001.md:") || !strings.Contains(body, ScriptPath) ||
		!strings.Contains(body, `<html lang="zh-CN">`) || !strings.Contains(body, "<h1>站点有错误</h1>") {
		t.Fatalf("%d\n%s", status, body)
	}
	events := openEvents(t, base)
	replaceIn(t, doc, "](ISMS-P-902)", "](ISMS-P-002)")
	events.next(t, "a full reload", func(ev sse) bool {
		_, all := ev.reload(t)
		return ev.kind == KindReload && all
	})
	if status, _ := get(t, base+"docs/ISMS-P-001/"); status != 200 {
		t.Errorf("after the fix: %d", status)
	}
}

func TestHTTP(t *testing.T) {
	_, base := start(t, sitetest.Sample(t))
	for _, tc := range []struct {
		path   string
		status int
		want   string
	}{
		{"", 200, ScriptPath},
		{"docs/ISMS-P-009/", 200, "管理评审程序"},
		{"docs/ISMS-P-009/index.html", 200, "管理评审程序"},
		{"no/such/page/", 404, ScriptPath},
		{"docs/ISMS-F-001/", 200, ".docx"},
		{"documents.json", 200, `"ISMS-P-009"`},
		{"__ismsgen/reload.js", 200, "EventSource"},
		{"../../../etc/passwd", 404, ""},
	} {
		status, body := get(t, base+tc.path)
		if status != tc.status || !strings.Contains(body, tc.want) {
			t.Errorf("%s: %d, want %d with %q", tc.path, status, tc.status, tc.want)
		}
	}
	if status, body := get(t, base+"documents.json"); status != 200 || strings.Contains(body, ScriptPath) {
		t.Error("the script is added to something other than a page")
	}
}

// TestSaveWithoutChange: a document saved as it was rebuilds nothing and
// reloads nothing; the next real edit is rebuilt as usual.
func TestSaveWithoutChange(t *testing.T) {
	site := sitetest.Sample(t)
	_, events, nothing := startWatched(t, site, "内容未变")

	file := filepath.Join(site, "content", "tier2", "isms-p-009.md")
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(file, data, 0o644); err != nil {
		t.Fatal(err)
	}
	select {
	case <-nothing:
	case ev := <-events:
		t.Fatalf("a save without a change sent %+v", ev)
	case <-time.After(time.Minute):
		t.Fatal("no log line for a save without a change")
	}

	if err := os.WriteFile(file, append(data, "\n追加段落。\n"...), 0o644); err != nil {
		t.Fatal(err)
	}
	waitReload(t, events, "/docs/ISMS-P-009/")
}

// A broken layout is reported as a build reports it, at its line and
// column with a hint; fixing it brings the site back.
func TestBrokenLayout(t *testing.T) {
	site := sitetest.Sample(t)
	_, base := start(t, site)
	events := openEvents(t, base)
	events.next(t, "hello", func(ev sse) bool { return ev.kind == "hello" })

	writeFile(t, filepath.Join(site, "layouts", "doc.html"), `{{define "main"}}<h1>{{.Data.Doc.Title}}</h1>{{.Data.Doc.Nope}}{{end}}`)
	ev := events.next(t, "errors", func(ev sse) bool { return ev.kind == KindErrors && len(ev.errors(t)) > 0 })
	errs := ev.errors(t)
	want := `layouts/doc.html:1:52: 布局显示 .Data.Doc.Nope，但页面数据中没有字段 Nope（类型 *model.Document）` // the sample's language
	if len(errs) != 1 || errs[0].Text != want || !strings.Contains(errs[0].Hint, "docs/layouts.md") {
		t.Errorf("errors: %+v, want one: %s", errs, want)
	}
	if err := os.Remove(filepath.Join(site, "layouts", "doc.html")); err != nil {
		t.Fatal(err)
	}
	events.next(t, "errors cleared", func(ev sse) bool { return ev.kind == KindErrors && len(ev.errors(t)) == 0 })
}

// The warnings of a saved file are printed under its log line, in the
// site's language, while the file is open: the controller sees what the
// edit got wrong without running check.
func TestSaveShowsWarnings(t *testing.T) {
	site := sitetest.Sample(t)
	_, events, warned := startWatched(t, site, "isms-p-009.md:11: 警告")
	replaceIn(t, filepath.Join(site, "content", "tier2", "isms-p-009.md"), `approver = "管理者代表"`, `approver = "陈静"`)
	waitReload(t, events, "/docs/ISMS-P-009/")
	select {
	case <-warned:
	case <-time.After(wait):
		t.Fatal("the warning of the saved file was not printed")
	}
}
