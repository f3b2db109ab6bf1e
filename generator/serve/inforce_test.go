package serve

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"ismsgen/generator/internal/gitfixture"
)

// inForceText is a document's text; its body names the version.
func inForceText(id, version, status, links string) string {
	return fmt.Sprintf("+++\nid = %q\ntitle = \"Title of %s\"\ntier = 2\nversion = %q\nstatus = %q\nowners = [\"isd\"]\nauthor = \"Author\"\napprover = \"Approver\"\napproved = 2026-01-01\n\n[[history]]\nversion = \"1.0\"\ndate = 2026-01-01\nsummary = \"First.\"\n+++\n\nThe text of version %s.%s\n",
		id, id, version, status, version, links)
}

// A draft saved while serving without --drafts keeps the version in
// force on the site, as a build does: from the first build, on a save of
// a published document as a draft, on a save of the draft, and on a save
// of a file of its bundle in place (which the version then leaves out).
func TestServeKeepsVersionInForce(t *testing.T) {
	r := gitfixture.New(t)
	write := r.MustWrite
	write("isms.toml", "title = \"T\"\nlanguage = \"en\"\n[[departments]]\nid = \"isd\"\n")
	write("content/p1.md", inForceText("P-1", "1.0", "approved", ""))
	write("content/p2.md", inForceText("P-2", "1.0", "approved", ""))
	write("content/p3/index.md", inForceText("P-3", "1.0", "approved", " [Checklist](list.txt)"))
	write("content/p3/list.txt", "The checklist.\n")
	if _, err := r.Commit("2026-01-01T10:00:00+08:00", "Controller", "approve 1.0"); err != nil {
		t.Fatal(err)
	}
	write("content/p1.md", inForceText("P-1", "1.1", "draft", " Quagga one."))
	write("content/p3/index.md", inForceText("P-3", "1.1", "draft", " [Checklist](list.txt)"))
	opts := testOptions(r.Dir)
	rebuilt := make(chan struct{}, 1)
	opts.Log = lineWatch{"updated", rebuilt}
	srv, base := startWith(t, opts)
	settle(t, srv)
	// save writes a file and waits for the rebuild it makes.
	save := func(name, text string) {
		t.Helper()
		select {
		case <-rebuilt: // the last rebuild's
		default:
		}
		write(name, text)
		select {
		case <-rebuilt:
		case <-time.After(wait):
			t.Fatalf("no rebuild after %s was saved", name)
		}
		settle(t, srv)
	}
	check := func(step string, served map[string]string, gone ...string) {
		t.Helper()
		for page, text := range served {
			if code, body := get(t, base+page); code != 200 || !strings.Contains(body, text) {
				t.Errorf("%s: %s is %d, without %q:\n%s", step, page, code, text, body)
			}
		}
		for _, page := range gone {
			if code, _ := get(t, base+page); code != 404 {
				t.Errorf("%s: %s is %d, not 404", step, page, code)
			}
		}
		for _, page := range []string{"docs/P-1/", "docs/P-2/", "docs/P-3/", "search.json"} {
			if _, body := get(t, base+page); strings.Contains(body, "Quagga") {
				t.Errorf("%s: %s holds the draft's Quagga", step, page)
			}
		}
		compareWithBuild(t, step, srv, r.Dir)
	}
	check("first build", map[string]string{"docs/P-1/": "The text of version 1.0.", "docs/P-3/list.txt": "The checklist."})

	save("content/p2.md", inForceText("P-2", "1.1", "draft", " Quagga two."))
	check("published document saved as a draft", map[string]string{"docs/P-2/": "The text of version 1.0."})

	save("content/p1.md", inForceText("P-1", "1.2", "draft", " Quagga three."))
	check("draft saved", map[string]string{"docs/P-1/": "The text of version 1.0."})

	save("content/p3/list.txt", "The Quagga checklist.\n")
	check("a bundle's file saved in place", map[string]string{"docs/P-3/": "Checklist"}, "docs/P-3/list.txt")
}
