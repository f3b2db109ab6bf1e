package browsertest

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"ismsgen"
	"ismsgen/generator"
)

// The English site: language = "en", departments whose names hold what
// a filter's value and an address must carry (spaces, '/', quotes, '&',
// '#', '%', '?', '+', emoji, full-width forms, no name at all), and
// englishDocs documents: a list's page and one more row.
const englishDocs = 101

var englishDepartments = [][2]string{
	{"sales", "Sales and Marketing"}, {"rnd", "R&D / QA"}, {"quote", `The "Quote" <Team>`},
	{"hash", "Team #1 100% ?+"}, {"emoji", "Security 🔒 Team"}, {"fw", "ＩＴ部（全角）"}, {"noname", ""},
}

var (
	englishOnce sync.Once
	english     *site
	englishErr  string
)

// englishSite builds the English site once and serves it on loopback.
func englishSite(t *testing.T) *site {
	t.Helper()
	needBrowser(t)
	englishOnce.Do(func() {
		src, err := os.MkdirTemp("", "ismsgen-english-")
		if err != nil {
			englishErr = err.Error()
			return
		}
		englishTemp = src
		var config strings.Builder
		config.WriteString("title = \"Document centre\"\norganisation = \"Example Org\"\nlanguage = \"en\"\nbase_url = \"https://isms.example.com/\"\ndefault_review_cycle = \"12 months\"\n")
		for _, d := range englishDepartments {
			fmt.Fprintf(&config, "\n[[departments]]\nid = %q\nname = %q\n", d[0], d[1])
		}
		files := map[string]string{"isms.toml": config.String()}
		for k := range englishDocs {
			files[fmt.Sprintf("content/qa-p-%03d.md", k)] = fmt.Sprintf("+++\nid = \"QA-P-%03d\"\ntitle = \"Procedure %d\"\ntier = %d\ntype = \"procedure\"\nversion = \"1.%d\"\nstatus = \"approved\"\nowners = [%q]\napprover = \"Chief executive\"\napproved = 2026-%02d-01\ndistribution = [\"all\"]\n+++\n\n## Scope\n\nBackup text %d.\n",
				k, k, 1+k%3, k, englishDepartments[k%len(englishDepartments)][0], 1+k%9, k)
		}
		files["content/qa-p-001.md"] += "\nSee [the first procedure](QA-P-000).\n"
		for name, text := range files {
			p := filepath.Join(src, filepath.FromSlash(name))
			if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
				englishErr = err.Error()
				return
			}
			if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
				englishErr = err.Error()
				return
			}
		}
		dest := filepath.Join(src, "public")
		res, err := generator.Build(generator.Options{
			Source: src, Dest: dest, Now: now,
			Defaults: generator.Defaults{Layouts: ismsgen.Layouts(), Assets: ismsgen.Assets(), I18n: ismsgen.I18n()},
		})
		if err == nil && res.Diagnostics.HasErrors() {
			err = fmt.Errorf("%v", res.Diagnostics.Errors())
		}
		if err != nil {
			englishErr = "build the English site: " + err.Error()
			return
		}
		srv := httptest.NewServer(http.FileServer(http.Dir(dest)))
		english = &site{dir: dest, root: srv.URL + "/", server: srv}
	})
	if english == nil {
		t.Fatal(englishErr)
	}
	return english
}

var englishTemp string

func closeEnglish() {
	if english != nil {
		english.server.Close()
	}
	if englishTemp != "" {
		os.RemoveAll(englishTemp)
	}
}

// TestEnglishSearchCounts: on an English site the search page counts in
// English, "1 document found" for one.
func TestEnglishSearchCounts(t *testing.T) {
	t.Parallel()
	s := englishSite(t)
	tb := newTab(t)
	for query, want := range map[string]string{
		"QA-P-007": "1 document found", "procedure": "101 documents found", "zzqxw": "No document matches “zzqxw”",
	} {
		tb.open(t, s.root+q(query))
		if err := tb.poll(`(want) => document.getElementById("search-status").textContent === want`, tabTimeout/4, want); err != nil {
			t.Errorf("search %q: the status says %q, want %q (%v)", query, eval[string](t, tb, `document.getElementById("search-status").textContent`), want, err)
		}
	}
	errs, _ := tb.recorded()
	for _, e := range errs {
		t.Error(e)
	}
}

// TestEnglishPrintedReference: printed, a link to another document
// carries the document's number in the site's parentheses: " (QA-P-000)"
// in English, not the full-width ones of Chinese text.
func TestEnglishPrintedReference(t *testing.T) {
	t.Parallel()
	s := englishSite(t)
	tb := newTab(t)
	tb.open(t, s.root+"docs/QA-P-001/")
	if _, err := chromedp.Call(tb.ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"}); err != nil {
		t.Fatal(err)
	}
	after := eval[string](t, tb, `(() => { const a = document.querySelector(".doc-body a[data-doc]"); return a ? getComputedStyle(a, "::after").content : "no link"; })()`)
	if after != `" (QA-P-000)"` {
		t.Errorf("printed, the reference is followed by %s, want \" (QA-P-000)\"", after)
	}
}

// TestEnglishListDepartments: the register filters by each department,
// whatever its name holds; the address keeps the filter and restores it;
// the list of a page and one row pages to its last row, with and without
// the script.
func TestEnglishListDepartments(t *testing.T) {
	t.Parallel()
	s := englishSite(t)
	tb := newTab(t)
	for _, d := range englishDepartments {
		name := d[1]
		if name == "" {
			name = d[0]
		}
		tb.open(t, s.root+"register/")
		tb.do(t, "filter by "+name, chromedp.Evaluate[chromedp.Void](`(() => { const s = document.getElementById("docs-dept"); s.value = `+jsString(d[0])+`; s.dispatchEvent(new Event("change")); })()`))
		owners := `(name) => { const c = [...document.querySelectorAll("#list-docs tbody td:nth-child(5)")]; return c.length > 0 && c.every(td => td.textContent === name) && document.getElementById("docs-dept").selectedOptions[0].textContent === name; }`
		if err := tb.poll(owners, tabTimeout/3, name); err != nil {
			t.Errorf("filter by %q: %v", name, err)
			continue
		}
		href := eval[string](t, tb, `location.href`)
		tb.open(t, href)
		if err := tb.poll(owners, tabTimeout/3, name); err != nil {
			t.Errorf("%s does not show the department %q again: %v", href, name, err)
		}
	}
	// Page 2 holds the last row: in place, and on its own page.
	tb.open(t, s.root+"register/")
	tb.do(t, "next page", chromedp.Click(chromedp.CSS(`#list-docs .pager a[rel=next]`)))
	if err := tb.poll(`() => document.querySelectorAll("#list-docs tbody tr").length === 1`, tabTimeout/3); err != nil {
		t.Errorf("page 2 shows %d rows, want 1: %v", eval[int](t, tb, `document.querySelectorAll("#list-docs tbody tr").length`), err)
	}
	errs, _ := tb.recorded()
	for _, e := range errs {
		t.Error(e)
	}
}
