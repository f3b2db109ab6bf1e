package serve

import (
	"bytes"
	"ismsgen/internal/sitetest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"ismsgen/generator"
)

// After every kind of change the watcher handles, the served site is
// exactly what a full build of the same files makes: incremental rebuilds
// leave nothing stale and miss nothing.
func TestIncrementalMatchesBuild(t *testing.T) {
	site := sitetest.Sample(t)
	srv, base := start(t, site)
	events := openEvents(t, base)
	path := func(rel string) string { return filepath.Join(site, filepath.FromSlash(rel)) }
	steps := []struct {
		name   string
		change func()
		page   string // a page the change must reload; "" for none, or failed
	}{
		{"body", func() {
			replaceIn(t, path("content/tier2/isms-p-009.md"), "按策划的时间间隔", "按计划的时间间隔")
		}, "/docs/ISMS-P-009/"},
		{"title of a document others link to", func() {
			replaceIn(t, path("content/tier2/isms-p-004.md"), `title = "内部审核程序"`, `title = "内部审核管理程序"`)
		}, "/docs/ISMS-P-010/"},
		{"new document in a new folder", func() {
			writeFile(t, path("content/tier2/extra/more/isms-p-099.md"), newDoc)
		}, "/docs/ISMS-P-099/"},
		{"editor saves through a temporary file and a rename", func() {
			data, err := os.ReadFile(path("content/tier2/isms-p-010.md"))
			if err != nil {
				t.Fatal(err)
			}
			writeFile(t, path("content/tier2/.isms-p-010.md.swp"), "swap")
			tmp := path("content/tier2/isms-p-010.md.tmp~")
			writeFile(t, tmp, string(bytes.Replace(data, []byte("纠正措施"), []byte("纠正和预防措施"), 1)))
			if err := os.Rename(tmp, path("content/tier2/isms-p-010.md")); err != nil {
				t.Fatal(err)
			}
		}, "/docs/ISMS-P-010/"},
		{"attachment added to a bundle", func() {
			writeFile(t, path("content/tier3/ISMS-F-001/checklist.txt"), "检查表")
		}, "/docs/ISMS-F-001/"},
		{"a picture in no bundle, and a link to another document's file", func() {
			writeFile(t, path("content/tier2/img/flow.png"), "PNG")
			replaceIn(t, path("content/tier2/isms-p-009.md"), "按计划的时间间隔", "按计划的时间间隔（![流程](img/flow.png)，见[内部审核](isms-p-004.md)）")
		}, "/docs/ISMS-P-009/"},
		{"document becomes a draft", func() {
			replaceIn(t, path("content/tier2/isms-p-004.md"), `status = "approved"`, `status = "draft"`)
		}, "/docs/ISMS-P-004/"},
		{"document deleted", func() {
			if err := os.Remove(path("content/tier2/extra/more/isms-p-099.md")); err != nil {
				t.Fatal(err)
			}
		}, "/docs/ISMS-P-099/"},
		{"folder renamed", func() {
			if err := os.Rename(path("content/tier3/ISMS-F-001"), path("content/tier3/ISMS-F-001-new")); err != nil {
				t.Fatal(err)
			}
		}, ""}, // the same page, its attachment read from elsewhere
		{"layout added", func() {
			data, err := os.ReadFile(filepath.Join("..", "..", "layouts", "404.html"))
			if err != nil {
				t.Fatal(err)
			}
			writeFile(t, path("layouts/404.html"), strings.Replace(string(data), "<h1>", `<h1 class="own">`, 1))
		}, "/404.html"},
		{"layout changed", func() {
			replaceIn(t, path("layouts/404.html"), `class="own"`, `class="own changed"`)
		}, "/404.html"},
		{"isms.toml changed", func() {
			replaceIn(t, path("isms.toml"), `title = "ISMS 文件中心"`, `title = "ISMS 文件中心（测试）"`)
		}, "/"},
		{"site's own stylesheet", func() {
			data, err := os.ReadFile(filepath.Join("..", "..", "assets", "css", "print.css"))
			if err != nil {
				t.Fatal(err)
			}
			writeFile(t, path("assets/css/print.css"), string(data)+"\n.own { color: red; }\n")
		}, "/"},
		{"document broken", func() {
			replaceIn(t, path("content/tier2/isms-p-009.md"), "approved = ", "approvedd = ")
		}, failed},
		{"layout changed while a document is broken", func() {
			replaceIn(t, path("layouts/404.html"), `class="own changed"`, `class="own changed again"`)
		}, failed},
		{"document fixed", func() {
			replaceIn(t, path("content/tier2/isms-p-009.md"), "approvedd = ", "approved = ")
		}, "/404.html"},
	}
	for _, step := range steps {
		step.change()
		if step.page == failed {
			events.next(t, step.name+": errors", func(ev sse) bool { return ev.kind == KindErrors && len(ev.errors(t)) > 0 })
			continue
		}
		events.reloadOf(t, step.page)
		settle(t, srv)
		compareWithBuild(t, step.name, srv, site)
		events.seen = srv.store.current() // the background's reload of this step's site pages is no answer to the next
	}
	if _, body := get(t, base+"no-such-page"); !strings.Contains(body, `class="own changed again"`) {
		t.Errorf("the site's own layout is not used:\n%s", body)
	}
}

// failed is the page of a step whose rebuild fails.
const failed = "failed"

const newDoc = `+++
id = "ISMS-P-099"
title = "新增程序"
tier = 2
version = "1.0"
status = "approved"
owners = ["isd"]
approver = "管理者代表"
approved = 2026-01-05
parent = "ISMS-M-001"
+++

## 1 目的

见[](ISMS-P-009)。
`

// compareWithBuild builds the site from scratch and compares every file
// with what the server serves.
func compareWithBuild(t *testing.T, step string, srv *Server, site string) {
	t.Helper()
	out := newMemOut()
	res, err := generator.Run(testOptions(site).Options, out)
	if err != nil || res.Diagnostics.HasErrors() {
		t.Fatalf("%s: build: %v %v", step, err, res.Diagnostics.Errors())
	}
	srv.store.mu.RLock()
	served := srv.store.files
	defer srv.store.mu.RUnlock()
	var missing, extra, differ []string
	for key, want := range out.files {
		got, ok := served[key]
		switch {
		case !ok:
			missing = append(missing, key)
		case !got.same(want):
			differ = append(differ, key)
		}
	}
	for key := range served {
		if _, ok := out.files[key]; !ok {
			extra = append(extra, key)
		}
	}
	slices.Sort(missing)
	slices.Sort(extra)
	slices.Sort(differ)
	if len(missing)+len(extra)+len(differ) > 0 {
		t.Errorf("%s: the served site differs from a build:\nmissing %v\nextra %v\ndiffer %v", step, missing, extra, differ)
	}
}
