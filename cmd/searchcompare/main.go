// Command searchcompare compares ismsgen's search with Pagefind on the
// sample site, using the judged queries of
// generator/search/testdata/judged.toml.
//
// Usage (from the repository root; needs Node and npm):
//
//	go run ./cmd/searchcompare [-pagefind 1.6.0] [-scratch DIR] [-keep]
//
// It builds the sample site (isms.toml + content/) with ismsgen into a
// temporary folder, installs Pagefind with npm into the scratch folder
// (outside the repository; default $TMPDIR/searchcompare-pagefind) when
// that version is not there yet, and indexes the document pages
// (docs/**/*.html, the <main> element, language zh-cn) with Pagefind's
// extended build, which segments Chinese. Every judged query then runs
// through Pagefind's own pagefind.js in Node (pagefind-query.mjs, embedded
// here) and through ismsgen's Go ranking (generator.SearchEntries and
// search.NewIndex). It prints, per query, the rank of the first wanted
// document for each engine (or, for no-match queries, how many results
// each returned), then recall@5 and MRR for both and how many no-match
// queries returned anything.
//
// It exits 1 when ismsgen is worse than Pagefind on recall@5 or MRR, or
// returns anything for a no-match query, and 2 when the comparison could
// not be run.
package main

import (
	_ "embed"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"

	"github.com/BurntSushi/toml"

	"ismsgen"
	"ismsgen/generator"
	"ismsgen/generator/model"
	"ismsgen/generator/search"
)

//go:embed pagefind-query.mjs
var queryScript []byte

// judged is one query of judged.toml.
type judged struct {
	Q    string   `toml:"q"`
	Want []string `toml:"want"`
	None bool     `toml:"none"`
	Note string   `toml:"note"`
}

// now is the build date the judged queries assume.
var now = model.Date{Year: 2026, Month: 11, Day: 25}

func main() {
	version := flag.String("pagefind", "1.6.0", "Pagefind version to install from npm")
	scratch := flag.String("scratch", filepath.Join(os.TempDir(), "searchcompare-pagefind"), "folder for the Pagefind install (outside the repository)")
	keep := flag.Bool("keep", false, "keep the built site (its path is printed)")
	flag.Parse()
	code, err := run(*version, *scratch, *keep)
	if err != nil {
		fmt.Fprintln(os.Stderr, "searchcompare:", err)
		os.Exit(2)
	}
	os.Exit(code)
}

func run(version, scratch string, keep bool) (int, error) {
	if _, err := os.Stat("isms.toml"); err != nil {
		return 0, fmt.Errorf("run from the repository root: %v", err)
	}
	var f struct{ Query []judged }
	md, err := toml.DecodeFile("generator/search/testdata/judged.toml", &f)
	if err != nil {
		return 0, err
	}
	if u := md.Undecoded(); len(u) > 0 {
		return 0, fmt.Errorf("judged.toml: unknown keys %v", u)
	}
	queries := f.Query

	// 1. Build the sample site.
	site, err := os.MkdirTemp("", "searchcompare-site-")
	if err != nil {
		return 0, err
	}
	if keep {
		fmt.Println("site:", site)
	} else {
		defer os.RemoveAll(site)
	}
	opts := generator.Options{
		Source:   ".",
		Dest:     filepath.Join(site, "public"),
		Now:      now,
		Defaults: generator.Defaults{Layouts: ismsgen.Layouts(), Assets: ismsgen.Assets(), I18n: ismsgen.I18n()},
	}
	res, err := generator.Build(opts)
	if err != nil {
		return 0, fmt.Errorf("ismsgen build: %v", err)
	}
	if res.Diagnostics.HasErrors() {
		return 0, fmt.Errorf("ismsgen build failed:\n%v", res.Diagnostics)
	}
	public := opts.Dest

	// 2. Install Pagefind and index the document pages.
	bin, err := installPagefind(scratch, version)
	if err != nil {
		return 0, err
	}
	idx := exec.Command(bin, "--site", public, "--glob", "docs/**/*.html",
		"--root-selector", "main", "--force-language", "zh-cn", "--quiet")
	if out, err := idx.CombinedOutput(); err != nil {
		return 0, fmt.Errorf("pagefind indexing: %v\n%s", err, out)
	}
	got, err := exec.Command(bin, "--version").Output()
	if err != nil {
		return 0, fmt.Errorf("pagefind --version: %v", err)
	}
	pfVersion := strings.TrimSpace(string(got))

	// 3. Pagefind's results, through its own JavaScript in Node.
	pf, err := pagefindResults(site, public, queries)
	if err != nil {
		return 0, err
	}

	// 4. ismsgen's results, through the Go reference ranking.
	es, err := generator.SearchEntries(generator.Options{Source: ".", Now: now, Defaults: opts.Defaults})
	if err != nil {
		return 0, err
	}
	ix := search.NewIndex(es)
	is := make([][]string, len(queries))
	for i, q := range queries {
		for _, r := range ix.Search(q.Q, len(es)+1) {
			is[i] = append(is[i], r.ID)
		}
	}

	// 5. Table and summary.
	fmt.Printf("ismsgen vs %s on %d judged queries (sample site, --now %s)\n\n", pfVersion, len(queries), now)
	fmt.Printf("%-24s %-9s %-9s %s\n", "query", "ismsgen", "pagefind", "wanted (rank ismsgen/pagefind)")
	var a, b stats
	for i, q := range queries {
		if q.None {
			a.none(is[i])
			b.none(pf[i])
			fmt.Printf("%s %-9s %-9s %s\n", pad(quote(q.Q), 24), fmt.Sprintf("%d res", len(is[i])), fmt.Sprintf("%d res", len(pf[i])), "(must find nothing)")
			continue
		}
		ra, rb := a.judge(q.Want, is[i]), b.judge(q.Want, pf[i])
		var per []string
		for _, w := range q.Want {
			per = append(per, fmt.Sprintf("%s %s/%s", w, rank(slices.Index(is[i], w)+1), rank(slices.Index(pf[i], w)+1)))
		}
		mark := ""
		if ra == 0 || (rb > 0 && ra > rb) {
			mark = "  <- ismsgen worse"
		}
		fmt.Printf("%s %-9s %-9s %s%s\n", pad(quote(q.Q), 24), rank(ra), rank(rb), strings.Join(per, ", "), mark)
	}
	fmt.Printf("\n%-10s %-10s %-10s %s\n", "engine", "recall@5", "MRR", "no-match queries returning results")
	fmt.Printf("%-10s %-10.3f %-10.3f %d of %d (%d results)\n", "ismsgen", a.recall(), a.mrr(), a.noneHit, a.noneN, a.noneRes)
	fmt.Printf("%-10s %-10.3f %-10.3f %d of %d (%d results)\n", "pagefind", b.recall(), b.mrr(), b.noneHit, b.noneN, b.noneRes)
	fmt.Println("\nrank: position of the first wanted document in the full result list (- = not found); recall@5: fraction of wanted documents in the first five, averaged over queries; MRR: mean of 1/rank over the judged queries.")

	code := 0
	if a.recall() < b.recall()-1e-9 {
		fmt.Println("FAIL: ismsgen recall@5 is below Pagefind's")
		code = 1
	}
	if a.mrr() < b.mrr()-1e-9 {
		fmt.Println("FAIL: ismsgen MRR is below Pagefind's")
		code = 1
	}
	if a.noneHit > 0 {
		fmt.Println("FAIL: ismsgen returns results for a no-match query")
		code = 1
	}
	if code == 0 {
		fmt.Println("OK: ismsgen is at least as good as Pagefind and finds nothing for the no-match queries")
	}
	return code, nil
}

// stats accumulates one engine's scores.
type stats struct {
	judged                  int
	recallSum, rrSum        float64
	noneN, noneHit, noneRes int
}

// judge scores one judged query and returns the rank of the first wanted
// document (0 when none is found).
func (s *stats) judge(want, got []string) int {
	s.judged++
	found, first := 0, 0
	for _, w := range want {
		i := slices.Index(got, w)
		if i < 0 {
			continue
		}
		if i < 5 {
			found++
		}
		if first == 0 || i+1 < first {
			first = i + 1
		}
	}
	s.recallSum += float64(found) / float64(len(want))
	if first > 0 {
		s.rrSum += 1 / float64(first)
	}
	return first
}

func (s *stats) none(got []string) {
	s.noneN++
	if len(got) > 0 {
		s.noneHit++
		s.noneRes += len(got)
	}
}

func (s *stats) recall() float64 { return s.recallSum / float64(max(s.judged, 1)) }
func (s *stats) mrr() float64    { return s.rrSum / float64(max(s.judged, 1)) }

func rank(r int) string {
	if r <= 0 {
		return "-"
	}
	return fmt.Sprint(r)
}

// pad pads s with spaces to n terminal columns, counting CJK and
// full-width characters as two.
func pad(s string, n int) string {
	w := 0
	for _, r := range s {
		w++
		if r >= 0x1100 && (r <= 0x115f || (r >= 0x2e80 && r <= 0xa4cf) || (r >= 0xac00 && r <= 0xd7a3) || (r >= 0xf900 && r <= 0xfaff) || (r >= 0xfe30 && r <= 0xfe4f) || (r >= 0xff00 && r <= 0xff60) || (r >= 0xffe0 && r <= 0xffe6)) {
			w++
		}
	}
	if w >= n {
		return s
	}
	return s + strings.Repeat(" ", n-w)
}

func quote(q string) string {
	s := fmt.Sprintf("%q", q)
	if r := []rune(s); len(r) > 22 {
		s = string(r[:21]) + "…"
	}
	return s
}

// installPagefind installs the pagefind npm package (which brings the
// platform binary, extended build included, as an optional dependency)
// into scratch unless that version is there already, and returns the path
// of its launcher.
func installPagefind(scratch, version string) (string, error) {
	bin := filepath.Join(scratch, "node_modules", ".bin", "pagefind")
	if out, err := exec.Command(bin, "--version").Output(); err == nil && strings.TrimSpace(string(out)) == "pagefind "+version {
		return bin, nil
	}
	if err := os.MkdirAll(scratch, 0o755); err != nil {
		return "", err
	}
	fmt.Fprintf(os.Stderr, "installing pagefind@%s into %s\n", version, scratch)
	cmd := exec.Command("npm", "install", "--prefix", scratch, "--no-audit", "--no-fund", "pagefind@"+version)
	if out, err := cmd.CombinedOutput(); err != nil {
		return "", fmt.Errorf("npm install pagefind@%s: %v\n%s", version, err, out)
	}
	// The launcher prefers pagefind_extended when it is installed; make sure
	// it is, since only the extended build segments Chinese.
	ext, _ := filepath.Glob(filepath.Join(scratch, "node_modules", "@pagefind", "*", "bin", "pagefind_extended*"))
	if len(ext) == 0 {
		return "", fmt.Errorf("pagefind@%s installed without the extended binary (node_modules/@pagefind/*/bin/pagefind_extended)", version)
	}
	return bin, nil
}

var docURL = regexp.MustCompile(`docs/([^/]+)/`)

// pagefindResults runs every query through pagefind.js in Node and maps
// each result URL back to a document id.
func pagefindResults(work, public string, queries []judged) ([][]string, error) {
	script := filepath.Join(work, "pagefind-query.mjs")
	if err := os.WriteFile(script, queryScript, 0o644); err != nil {
		return nil, err
	}
	qs := make([]string, len(queries))
	for i, q := range queries {
		qs[i] = q.Q
	}
	in, _ := json.Marshal(qs)
	cmd := exec.Command("node", script, public)
	cmd.Stdin = strings.NewReader(string(in))
	cmd.Stderr = os.Stderr
	out, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("node pagefind-query.mjs: %v", err)
	}
	var urls [][]string
	if err := json.Unmarshal(out, &urls); err != nil {
		return nil, fmt.Errorf("pagefind results: %v", err)
	}
	if len(urls) != len(queries) {
		return nil, fmt.Errorf("pagefind answered %d of %d queries", len(urls), len(queries))
	}
	ids := make([][]string, len(urls))
	for i, us := range urls {
		ids[i] = []string{}
		for _, u := range us {
			m := docURL.FindStringSubmatch(u)
			if m == nil {
				return nil, fmt.Errorf("pagefind result %q is not a document page", u)
			}
			ids[i] = append(ids[i], m[1])
		}
	}
	return ids, nil
}
