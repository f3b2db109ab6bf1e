package browsertest

import (
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"ismsgen"
	"ismsgen/generator"
)

// TestNotFoundAtDepth: behind a web server that answers every missing
// path with 404.html, as error_page 404 /404.html does, the page at a
// nested missing address is styled, breaks no rule of its policy, and
// its links go home and to the search by base_url.
func TestNotFoundAtDepth(t *testing.T) {
	t.Parallel()
	needBrowser(t)
	dest := filepath.Join(t.TempDir(), "public")
	files := http.StripPrefix(strings.TrimSuffix(prefix, "/"), http.FileServer(http.Dir(dest)))
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		rel := strings.TrimPrefix(r.URL.Path, prefix)
		if st, err := os.Stat(filepath.Join(dest, filepath.FromSlash(rel))); err == nil && (!st.IsDir() || exists(filepath.Join(dest, rel, "index.html"))) {
			files.ServeHTTP(w, r)
			return
		}
		page, _ := os.ReadFile(filepath.Join(dest, "404.html"))
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.WriteHeader(http.StatusNotFound)
		_, _ = w.Write(page)
	}))
	defer srv.Close()
	base := srv.URL + prefix
	res, err := generator.Build(generator.Options{
		Source: repoRoot, Dest: dest, Now: now, BaseURL: base,
		Defaults: generator.Defaults{Layouts: ismsgen.Layouts(), Assets: ismsgen.Assets(), I18n: ismsgen.I18n()},
	})
	if err != nil || res.Diagnostics.HasErrors() {
		t.Fatalf("build: %v %v", err, res.Diagnostics.Errors())
	}

	tb := newTab(t)
	tb.open(t, base+"docs/NO-SUCH-DOC/v/1.0/")
	if bg := eval[string](t, tb, `getComputedStyle(document.querySelector(".site-header")).backgroundColor`); bg == "" || bg == "rgba(0, 0, 0, 0)" {
		t.Errorf("the header has no background (%q): the page's style did not apply", bg)
	}
	links := eval[[]string](t, tb, `[...document.querySelectorAll("main a")].map(a => a.href)`)
	if len(links) != 2 || links[0] != base || links[1] != base+"search/" {
		t.Errorf("links %v, want %s and %ssearch/", links, base, base)
	}
	// The one error is the page's own status; a style the policy refused
	// or a file the page asked for would add more.
	if errs, reqs := tb.recorded(); len(errs) != 1 || !strings.Contains(errs[0], "404") || len(reqs) != 1 {
		t.Errorf("errors %v, requests %v: want only the page and its 404", errs, reqs)
	}
	tb.follow(t, "follow the home link", chromedp.Click(chromedp.CSS("main a")))
	if title := eval[string](t, tb, `document.querySelector("h1") && location.href`); title != base {
		t.Errorf("the home link led to %q", title)
	}
}

func exists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}
