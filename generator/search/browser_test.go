package search

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/evanw/esbuild/pkg/api"
)

// nodeHarness bundles testdata/agree.ts (which imports the browser code,
// assets/js/search.ts) with esbuild's Go API and returns the script's path.
// It skips the test when Node.js is not installed.
func nodeHarness(t testing.TB) (node, script string) {
	t.Helper()
	node, err := exec.LookPath("node")
	if err != nil {
		t.Skip("node not installed: the browser code is not run")
	}
	out := filepath.Join(t.TempDir(), "agree.mjs")
	r := api.Build(api.BuildOptions{
		EntryPoints: []string{"testdata/agree.ts"},
		Bundle:      true,
		Platform:    api.PlatformNode,
		Format:      api.FormatESModule,
		Outfile:     out,
		Write:       true,
		LogLevel:    api.LogLevelSilent,
	})
	for _, m := range r.Errors {
		t.Errorf("esbuild: %s at %v", m.Text, m.Location)
	}
	if len(r.Errors) > 0 {
		t.FailNow()
	}
	return node, out
}

func writeFiles(t testing.TB, dir string, files []File) {
	t.Helper()
	for _, f := range files {
		p := filepath.Join(dir, filepath.FromSlash(f.Path))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// TestBrowserAgrees runs the browser's ranking and snippets (search.ts) in
// Node.js on Build's files and checks they equal Index.Search's.
func TestBrowserAgrees(t *testing.T) {
	node, script := nodeHarness(t)
	t.Run("chunks of a small site", func(t *testing.T) { browserAgrees(t, node, script) })
	t.Run("chunks of a large site", func(t *testing.T) {
		smallChunks(t)
		browserAgrees(t, node, script)
	})
}

func browserAgrees(t *testing.T, node, script string) {
	es := append(append(append(handEntries(), titleEntries()...), hyphenEntries()...), syntheticEntries(400, 1500)...)
	es = append(es, digitlessIDs()...)
	if sample, err := sampleEntries("../../content"); err == nil {
		have := map[string]bool{}
		for _, e := range es {
			have[e.ID] = true
		}
		for _, e := range sample {
			if !have[e.ID] {
				es = append(es, e)
			}
		}
	}
	site := t.TempDir()
	writeFiles(t, site, Build(es))
	queries := []string{"备份", "PR-002", "P-009", "ISMS-PR-002", "isms-p", "access", "控制程序", "信息安全事件",
		"管理评审", "备份 access", "xyzzy", "量子", "销", "s", "A.5.15", "云服务 audit", "ＩＳＭＳ－Ｐ－０００９",
		"風險", "信息安全 risk assessment", "r-01", "2022", "データ", "is", "ac", "isms-", "in", "re", "信息安全管理",
		"ISMS-P-0001", "isms-p-00", "ab", "安全", "安",
		"Access Control Procedure", "access control", "事件管理程序", "变更审批", "5.15", "a.5.15", "A.9.1.1", "8.1", "a.8",
		"access-control", "acc-control", "access-cont", "back-up", "ISO-27001", "e-mail", "two-factor", "ｔｗｏ－ｆａｃｔｏｒ",
		"A.5.1-A.5.3", "信息-安全", "访问-control", "-access", "access-", "H-P-001", "h-p-00", "isms-p-00", "a-b-c-d-e-f-g-h-i",
		"x.y_z-access", "access-control-procedure-request-form", "备份 back-up", strings.Repeat("long", 9) + "-word",
		"SOA", "soa", "ISMS-SOA", "isms-so", "Applicability", "soa-x"}
	for _, q := range judgedQueries(t) {
		queries = append(queries, q.Q)
	}
	qfile := filepath.Join(t.TempDir(), "q.json")
	data, _ := json.Marshal(queries)
	if err := os.WriteFile(qfile, data, 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(node, script, site, qfile, "20")
	cmd.Stderr = os.Stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("node: %v", err)
	}
	var got []struct {
		Q    string
		Hits []Result
	}
	if err := json.Unmarshal(out, &got); err != nil {
		t.Fatalf("node output: %v\n%.500s", err, out)
	}
	ix := NewIndex(es)
	for i, q := range queries {
		want := ix.Search(q, 20)
		var b []Result
		for _, h := range got[i].Hits {
			b = append(b, Result{ID: h.ID, Score: h.Score, Snippet: h.Snippet})
		}
		for j := range want {
			want[j].URL, want[j].Title = "", ""
		}
		if len(b) != len(want) {
			t.Errorf("%q: Go found %d, browser %d\nGo      %v\nbrowser %v", q, len(want), len(b), ids(want), ids(b))
			continue
		}
		for j := range want {
			if want[j] != b[j] {
				t.Errorf("%q result %d:\nGo      %+v\nbrowser %+v", q, j, want[j], b[j])
				break
			}
		}
	}
}

// TestBrowserTiming10k builds the index of 10,000 documents and times, in
// Node.js, loading it and answering a first query. Set
// ISMS_SEARCH_CORPUS=DIR/content to use a generated corpus
// (go run ./cmd/gencorpus 10000 DIR) instead of synthetic documents. It takes
// seconds, so it runs only when ISMS_SEARCH_TIMING=1 or
// ISMS_SEARCH_CORPUS is set.
func TestBrowserTiming10k(t *testing.T) {
	if os.Getenv("ISMS_SEARCH_TIMING") == "" && os.Getenv("ISMS_SEARCH_CORPUS") == "" {
		t.Skip("set ISMS_SEARCH_TIMING=1 to time loading and querying 10,000 documents in Node.js")
	}
	node, script := nodeHarness(t)
	var es []Entry
	if dir := os.Getenv("ISMS_SEARCH_CORPUS"); dir != "" {
		var err error
		if es, err = sampleEntries(dir); err != nil {
			t.Fatal(err)
		}
	} else {
		es = syntheticEntries(10000, 3000)
	}
	site := t.TempDir()
	files := Build(es)
	writeFiles(t, site, files)
	size := 0
	for _, f := range files {
		if !strings.HasPrefix(f.Path, "search/d/") {
			size += len(f.Data)
		}
	}
	t.Logf("%d documents, %d files, %d bytes of index without texts", len(es), len(files), size)
	args := []string{script, site, "time", "备份", "信息安全事件", "access control", "PR-002", "ISMS-P-0009", "xyzzy", "in", "信", "20", "isms-"}
	out, err := exec.Command(node, args...).CombinedOutput()
	if err != nil {
		t.Fatalf("node: %v\n%s", err, out)
	}
	for line := range strings.Lines(string(out)) {
		var r struct {
			Q       string
			Hits    int
			TotalMs float64
		}
		if err := json.Unmarshal([]byte(line), &r); err != nil {
			t.Fatalf("node output %q: %v", line, err)
		}
		t.Logf("%s", strings.TrimSpace(line))
		if r.TotalMs > 300 {
			t.Errorf("%q: load and first query took %.0f ms", r.Q, r.TotalMs)
		}
	}
}

// digitlessIDs are documents whose ids hold no digit, which the browser
// finds in its map of ids only after their words' chunks.
func digitlessIDs() []Entry {
	e := func(id, title string) Entry {
		return Entry{ID: id, Title: title, URL: "docs/" + id + "/", Tier: 1, Type: "record", Status: "approved",
			Version: "1.0", Text: "The controls that apply, and why: see the SOA."}
	}
	return []Entry{e("SOA", "Statement of Applicability"), e("ISMS-SOA", "Statement of Applicability, old form")}
}

// TestBrowserReads: the browser reads an id with hyphens from its own
// chunk, not from its words' ("isms" has a posting for every document)
// nor its joined form's; a word with hyphens that no id field holds
// reads those too, for its words apart. A one-word query reads the map
// of ids when it holds a digit or an id field holds it, not otherwise.
func TestBrowserReads(t *testing.T) {
	node, script := nodeHarness(t)
	smallChunks(t)
	es := append(syntheticEntries(400, 1500), digitlessIDs()...)
	site := t.TempDir()
	files := Build(es)
	writeFiles(t, site, files)
	var meta struct{ W [][2]any }
	for _, f := range files {
		if f.Path == "search/index.js" {
			head := dataPrefix + `"i"]=`
			if err := json.Unmarshal(f.Data[len(head):len(f.Data)-2], &meta); err != nil {
				t.Fatal(err)
			}
		}
	}
	// chunk is the file of the vocabulary that holds tok.
	chunk := func(tok string) string {
		k := 0
		for i, d := range meta.W {
			if d[0].(string) <= tok {
				k = i
			}
		}
		return fmt.Sprintf("w/%d.js", k)
	}
	id := es[7].ID // ISMS-P-0007
	out, err := exec.Command(node, script, site, "reads", id, "ISMS-P-9999", "backup", "soa", "ISMS-SOA").Output()
	if err != nil {
		t.Fatalf("node: %v", err)
	}
	reads := map[string][]string{}
	for line := range strings.Lines(string(out)) {
		var r struct {
			Q     string
			Reads []string
		}
		if err := json.Unmarshal([]byte(line), &r); err != nil {
			t.Fatalf("node output %q: %v", line, err)
		}
		reads[r.Q] = r.Reads
	}
	own := chunk(strings.ToLower(id))
	if !slices.Contains(reads[id], own) {
		t.Errorf("%s reads %v, not its own chunk %s", id, reads[id], own)
	}
	forms := []string{chunk("isms"), chunk("p"), chunk("ismsp0007")}
	for _, c := range forms {
		if c != own && slices.Contains(reads[id], c) {
			t.Errorf("%s reads %v: %s holds its words or joined form", id, reads[id], c)
		}
	}
	if forms[0] == own {
		t.Errorf("isms is in the chunk of %s: the test shows nothing", id)
	}
	for _, c := range forms[:2] {
		if !slices.Contains(reads["ISMS-P-9999"], c) {
			t.Errorf("ISMS-P-9999 reads %v, not %s, which holds its words", reads["ISMS-P-9999"], c)
		}
	}
	for q, want := range map[string]bool{id: true, "ISMS-P-9999": true, "backup": false, "soa": true, "ISMS-SOA": true} {
		ids := slices.ContainsFunc(reads[q], func(f string) bool { return strings.HasPrefix(f, "i/") })
		if ids != want {
			t.Errorf("%s reads %v: the map of ids %v, want %v", q, reads[q], ids, want)
		}
	}
}
