package browsertest

import (
	"bytes"
	"context"
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"ismsgen"
	"ismsgen/generator"
	"ismsgen/generator/serve"
	"ismsgen/internal/sitetest"
)

// edit returns an action that replaces old with new in a file: the
// change serve sees, made from inside a chromedp action so that the test
// can wait for the page load it causes.
func edit(path, old, new string) chromedp.Action[chromedp.Void] {
	return func(ctx context.Context, _ *chromedp.Target) (chromedp.Void, error) {
		data, err := os.ReadFile(path)
		if err != nil {
			return chromedp.Void{}, err
		}
		return chromedp.Void{}, os.WriteFile(path, bytes.Replace(data, []byte(old), []byte(new), 1), 0o644)
	}
}

// TestServeReloadsOpenPages: with ismsgen serve, an open page reloads by
// itself after its document is edited; a broken document shows the error
// overlay over the last good page; fixing it removes the overlay.
func TestServeReloadsOpenPages(t *testing.T) {
	needBrowser(t)
	site := sitetest.Sample(t)
	srv, err := serve.New(serve.Options{Options: generator.Options{
		Source: site, Now: now,
		Defaults: generator.Defaults{Layouts: ismsgen.Layouts(), Assets: ismsgen.Assets(), I18n: ismsgen.I18n()},
	}})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { srv.Close() })
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	go srv.Serve(l)

	tb := newTab(t)
	// The warnings of the page's document, behind a button in a corner;
	// the list of the site's on a page of its own; none of it printed.
	tb.open(t, serve.URL(l)+"docs/ISMS-F-005/")
	if err := tb.poll(`() => { const b = document.querySelector("#ismsgen-warnings button"); return b && b.innerText.includes("本文件有 1 个警告"); }`, 10*time.Second); err != nil {
		t.Fatalf("no button with the document's warnings: %v", err)
	}
	if eval[bool](t, tb, `document.getElementById("ismsgen-warnings-list").checkVisibility()`) {
		t.Error("the warnings are open before the button is pressed")
	}
	tb.do(t, "open the warnings", chromedp.Click(chromedp.CSS(`#ismsgen-warnings button`)))
	if got := eval[string](t, tb, `document.getElementById("ismsgen-warnings-list").innerText`); !strings.Contains(got, `isms-f-005.md:11: 警告：批准人 "王芳" 同时也是编制人`) ||
		!eval[bool](t, tb, `document.querySelector("#ismsgen-warnings button").getAttribute("aria-expanded") === "true"`) {
		t.Errorf("the opened list is not the document's warning at its line: %q", got)
	}
	if eval[bool](t, tb, `window.dispatchEvent(new Event("beforeprint")), document.getElementById("ismsgen-warnings").checkVisibility()`) {
		t.Error("the warnings would be printed")
	}
	if !eval[bool](t, tb, `window.dispatchEvent(new Event("afterprint")), document.getElementById("ismsgen-warnings").checkVisibility()`) {
		t.Error("the warnings stay hidden after printing")
	}
	tb.follow(t, "open the site's warnings", chromedp.Click(chromedp.CSS(`#ismsgen-warnings-list a`)))
	if got := eval[string](t, tb, `document.querySelector("h1").innerText + " " + location.pathname`); !strings.HasSuffix(got, "个警告 /__ismsgen/warnings/") {
		t.Errorf("the link leads to %q, not the site's warnings", got)
	}

	doc := filepath.Join(site, "content", "tier2", "isms-p-009.md")
	tb.open(t, serve.URL(l)+"docs/ISMS-P-009/")
	if err := tb.poll(`() => document.body.innerText.includes("按策划的时间间隔")`, 10*time.Second); err != nil {
		t.Fatalf("the page does not show the document: %v", err)
	}

	tb.follow(t, "edit the document", edit(doc, "按策划的时间间隔", "按浏览器测试的时间间隔"))
	if err := tb.poll(`() => document.body.innerText.includes("按浏览器测试的时间间隔")`, 10*time.Second); err != nil {
		t.Fatalf("after the reload the page lacks the edit: %v", err)
	}

	if _, err := edit(doc, "approved = 2025-12-10", "next_reveiw = 2026-12-10\napproved = 2025-12-10")(tb.ctx, nil); err != nil {
		t.Fatal(err)
	}
	if err := tb.poll(`() => { const o = document.getElementById("ismsgen-errors"); return o && o.innerText.includes('isms-p-009.md:12: 未知字段 "next_reveiw"') && o.innerText.includes("重新生成失败"); }`, 10*time.Second); err != nil {
		t.Fatalf("no error overlay in the site's language with the error at its line: %v", err)
	}
	if !eval[bool](t, tb, `document.body.innerText.includes("按浏览器测试的时间间隔")`) {
		t.Error("the last good page is gone under the overlay")
	}

	if _, err := edit(doc, "next_reveiw = 2026-12-10\n", "")(tb.ctx, nil); err != nil {
		t.Fatal(err)
	}
	if err := tb.poll(`() => !document.getElementById("ismsgen-errors")`, 10*time.Second); err != nil {
		t.Fatalf("the overlay stays after the fix: %v", err)
	}
	if errs, _ := tb.recorded(); len(errs) > 0 {
		t.Errorf("console errors: %v", errs)
	}
}
