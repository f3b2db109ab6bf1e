package browsertest

import (
	"archive/zip"
	"bytes"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"ismsgen"
	"ismsgen/generator"
	"ismsgen/generator/history/demo"
	"ismsgen/generator/model"
)

// The pages of the git history — an earlier version, what changed (in a
// version, and since the current one was approved), a
// withdrawn document, the document page with its banner and 变更履历, and
// a page of the audit evidence pack opened from a file — load cleanly
// and pass axe-core, in the light and the dark colour scheme.
func TestHistoryPages(t *testing.T) {
	t.Parallel()
	needBrowser(t)
	if _, err := exec.LookPath("git"); err != nil {
		missing(t, "git is not installed")
	}
	src, err := axeSource()
	if err != nil {
		missing(t, err.Error())
	}
	source := filepath.Join(t.TempDir(), "site")
	if err := demo.Write(source); err != nil {
		t.Fatal(err)
	}
	day := model.Date{Year: 2026, Month: 3, Day: 2}
	dest := buildSite(t, source, day)
	srv := httptest.NewServer(http.FileServer(http.Dir(dest)))
	defer srv.Close()

	var pack bytes.Buffer
	res, err := generator.Pack(generator.Options{Source: source, AsOf: day,
		Defaults: generator.Defaults{Layouts: ismsgen.Layouts(), Assets: ismsgen.Assets(), I18n: ismsgen.I18n()}}, &pack)
	if err != nil || res.Diagnostics.HasErrors() {
		t.Fatalf("pack: %v", err)
	}
	packDir := t.TempDir()
	z, err := zip.NewReader(bytes.NewReader(pack.Bytes()), int64(pack.Len()))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range z.File {
		r, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		var b bytes.Buffer
		_, _ = b.ReadFrom(r)
		p := filepath.Join(packDir, filepath.FromSlash(f.Name))
		_ = os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}

	pages := []string{
		srv.URL + "/docs/ISMS-P-001/",
		srv.URL + "/docs/ISMS-P-001/v/1.1/",
		srv.URL + "/docs/ISMS-P-001/changes/1.1/",
		srv.URL + "/docs/ISMS-P-001/since-approval/",
		srv.URL + "/docs/ISMS-P-009/",
		srv.URL + "/docs/ISMS-P-009/v/1.0/",
		srv.URL + "/docs/ISMS-P-040/",
		fileURL(packDir, "documents/ISMS-P-001.html"),
		fileURL(packDir, "documents/since-approval/ISMS-P-001.html"),
		fileURL(packDir, "register.html"),
	}
	for _, scheme := range []string{"light", "dark"} {
		tb := newTab(t)
		axeInstall(t, tb, src)
		if _, err := chromedp.Call(tb.ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
			Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: scheme}},
		}); err != nil {
			t.Fatal(err)
		}
		var rules []string
		if scheme == "dark" {
			rules = []string{"color-contrast", "link-in-text-block"}
		}
		for _, u := range pages {
			tb.reset()
			tb.open(t, u)
			eval[chromedp.Void](t, tb, `0`)
			errs, reqs := tb.recorded()
			for _, e := range errs {
				// axe-core itself is injected into the pack's pages, whose
				// policy allows no script: that refusal is the point.
				if !(strings.HasPrefix(u, "file:") && strings.Contains(e, "script")) {
					t.Errorf("%s: %s", u, e)
				}
			}
			base := srv.URL + "/"
			if strings.HasPrefix(u, "file:") {
				base = "file://"
			}
			for _, r := range offsite(reqs, base) {
				t.Errorf("%s requests %s, outside the site", u, r)
			}
			if !strings.HasPrefix(u, "file:") {
				axeReport(t, scheme+", "+u, axeRun(t, tb, rules...))
			}
		}
	}
}
