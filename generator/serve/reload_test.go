package serve

import (
	"os"
	"path/filepath"
	"slices"
	"testing"

	"ismsgen/internal/sitetest"
)

// Issue 24: one save reloads a page that shows the document once, not
// once for the document's page and again when the list pages follow.
func TestOneSaveReloadsOnce(t *testing.T) {
	site := sitetest.Sample(t)
	srv, events, _ := startWatched(t, site, "\x00")
	file := filepath.Join(site, "content", "tier2", "isms-p-009.md")
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(file, append(data, "\n追加一段。\n"...), 0o644); err != nil {
		t.Fatal(err)
	}
	waitReload(t, events, "/docs/ISMS-P-009/")
	settle(t, srv)
	for {
		select {
		case ev := <-events:
			if ev.Kind == KindReload && (ev.All || slices.Contains(ev.Pages, "/docs/ISMS-P-009/")) {
				t.Errorf("a second reload of the document's page: %+v", ev)
			}
		default:
			return
		}
	}
}

// A page that connects after a rebuild of other pages is not stale: only
// a change of its own since the build it shows reloads it (issue 24: one
// save reloaded the document twice, when the list pages followed while
// the page was reloading).
func TestStaleOnlyForItsOwnChanges(t *testing.T) {
	st := newStore()
	st.apply(update{"doc:A": {"docs/A/index.html": {data: []byte("a1")}}}, 0)
	_, built, _ := st.apply(update{"doc:A": {"docs/A/index.html": {data: []byte("a2")}}}, 0)
	st.apply(update{"site": {"register/index.html": {data: []byte("r2")}}}, 0)
	if st.changedSince("docs/A/index.html", built) {
		t.Error("the document's page is stale after a rebuild of the register only")
	}
	if !st.changedSince("register/index.html", built) || !st.changedSince("docs/A/index.html", built-1) {
		t.Error("a page that changed since is not stale")
	}
}
