package main

import (
	"encoding/json"
	"fmt"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"syscall"
	"time"

	"ismsgen/internal/corpus"
)

// result is what was measured of one site.
type result struct {
	n        int
	docs     int // published
	build    time.Duration
	buildRSS int64 // bytes

	files, bytes int64 // the whole output
	docsJSON     int64
	listsDocs    int64    // lists/docs.js, 0 when there is none
	htmlOver     int      // HTML pages over 1 MB
	biggest      htmlPage // the largest HTML page

	pages   []pageRun // the largest page of each kind, file:// and http
	queries []queryRun
	filter  []filterRun
}

// htmlPage is an HTML page of the output: its path (site-relative) and size.
type htmlPage struct {
	path string
	size int64
}

// measureSize generates (or reuses) the corpus of n documents, builds it
// and measures the site.
func measureSize(b *browser, bin, work string, n int, verbose bool) (*result, error) {
	src := filepath.Join(work, fmt.Sprintf("corpus-%d", n))
	if _, err := os.Stat(filepath.Join(src, "isms.toml")); err != nil {
		os.RemoveAll(src)
		fmt.Printf("generating %d documents in %s\n", n, src)
		if _, err := corpus.Generate(src, corpus.Options{Docs: n}); err != nil {
			return nil, err
		}
	}
	dest := filepath.Join(work, fmt.Sprintf("site-%d", n))
	os.RemoveAll(dest)
	r := &result{n: n}
	start := time.Now()
	cmd := exec.Command(bin, "build", "--source", src, "--dest", dest, "--now", "2026-12-06")
	if out, err := cmd.CombinedOutput(); err != nil {
		return nil, fmt.Errorf("build %s: %v\n%s", src, err, out)
	}
	r.build = time.Since(start)
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		r.buildRSS = ru.Maxrss * 1024
	}
	fmt.Printf("n=%d: built in %.2fs, peak %d MiB\n", n, r.build.Seconds(), r.buildRSS>>20)

	ids, err := publishedIDs(dest)
	if err != nil {
		return nil, err
	}
	r.docs = len(ids)
	kinds, err := r.walk(dest)
	if err != nil {
		return nil, err
	}
	srv := httptest.NewServer(http.FileServer(http.Dir(dest)))
	defer srv.Close()

	at := func(mode, path string) string {
		if mode == "file" {
			return fileURL(dest, path)
		}
		return srv.URL + "/" + path
	}
	for _, p := range kinds {
		for _, mode := range []string{"file", "http"} {
			pr, err := medianRun(b.runs, func() (pageRun, error) { return b.loadPage(at(mode, p.path)) },
				func(r pageRun) float64 { return r.load + r.fcp })
			pr.htmlPage, pr.mode = p, mode
			if err != nil {
				pr.err = err.Error()
			}
			r.pages = append(r.pages, pr)
			if verbose {
				fmt.Printf("  %-5s %-48s %8.1f KB  load %6.0f ms  FCP %5.0f ms  %6d nodes  %s\n",
					mode, p.path, float64(p.size)/1024, pr.load, pr.fcp, pr.nodes, pr.err)
			}
		}
	}

	id := ids[len(ids)/2]
	part := id[strings.Index(id, "-")+1:] // "P-0042" of "ISMS-P-0042"
	for _, q := range []query{{"1 Han character", "管"}, {"2 Han characters", "管理"}, {"English prefix", "backu"},
		{"English word", "backup"}, {"document number", id}, {"part of a number", part}, {"word with hyphens", "go-live"}} {
		for _, mode := range []string{"file", "http"} {
			fresh, err := medianRun(b.runs, func() (searchRun, error) { return b.freshSearch(at(mode, "search/?q="+url.QueryEscape(q.text))) },
				func(r searchRun) float64 { return r.ms })
			qr := queryRun{query: q, mode: mode, fresh: fresh}
			if err != nil {
				qr.err = err.Error()
			}
			typed, err := medianRun(b.runs, func() (searchRun, error) { return b.typedSearch(at(mode, ""), q.text) },
				func(r searchRun) float64 { return r.ms })
			qr.typed = typed
			if err != nil && qr.err == "" {
				qr.err = err.Error()
			}
			r.queries = append(r.queries, qr)
			if verbose {
				fmt.Printf("  %-5s %-18s %-14q fresh %5.0f ms %7.1f KB   typed %5.0f ms %7.1f KB  %d hits %s\n", mode, q.name, q.text,
					fresh.ms, float64(fresh.bytes)/1024, typed.ms, float64(typed.bytes)/1024, fresh.hits, qr.err)
			}
		}
	}

	for _, mode := range []string{"file", "http"} {
		f, err := medianRun(b.runs, func() (filterRun, error) { return b.filterList(at(mode, "register/"), part) },
			func(r filterRun) float64 { return r.ms })
		f.mode = mode
		if err != nil {
			f.err = err.Error()
		}
		r.filter = append(r.filter, f)
		if verbose {
			fmt.Printf("  %-5s register filter %q: %.0f ms, %d rows shown, %.1f KB %s\n", mode, part, f.ms, f.rows, float64(f.bytes)/1024, f.err)
		}
	}
	return r, nil
}

// medianRun measures runs times and returns the run whose key is the
// median (the first error ends it).
func medianRun[T any](runs int, measure func() (T, error), key func(T) float64) (T, error) {
	var all []T
	for range max(1, runs) {
		r, err := measure()
		if err != nil {
			return r, err
		}
		all = append(all, r)
	}
	sort.SliceStable(all, func(i, j int) bool { return key(all[i]) < key(all[j]) })
	return all[len(all)/2], nil
}

// publishedIDs reads the ids of documents.json.
func publishedIDs(dest string) ([]string, error) {
	data, err := os.ReadFile(filepath.Join(dest, "documents.json"))
	if err != nil {
		return nil, err
	}
	var v struct{ Documents []struct{ ID string } }
	if err := json.Unmarshal(data, &v); err != nil {
		return nil, err
	}
	var ids []string
	for _, d := range v.Documents {
		ids = append(ids, d.ID)
	}
	if len(ids) == 0 {
		return nil, fmt.Errorf("%s publishes no document", dest)
	}
	sort.Strings(ids)
	return ids, nil
}

// A page's kind is its path with the parts that name one of many (a
// document, a department, a control, a tier) replaced, and for a list's
// later page, its list too: the kinds of a site do not grow with it.
var (
	kindOne  = regexp.MustCompile(`^(docs|distribution|owners|controls|tiers)/[^/]+/`)
	kindPage = regexp.MustCompile(`[^/]+-\d+\.html$`)
)

func kindOf(path string) string {
	k := kindOne.ReplaceAllString(path, "$1/*/")
	return kindPage.ReplaceAllString(k, "*-N.html")
}

// walk sums the output and returns the largest HTML page of each kind.
func (r *result) walk(dest string) ([]htmlPage, error) {
	largest := map[string]htmlPage{}
	err := filepath.WalkDir(dest, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		rel := filepath.ToSlash(strings.TrimPrefix(p, dest+string(filepath.Separator)))
		r.files++
		r.bytes += info.Size()
		switch rel {
		case "documents.json":
			r.docsJSON = info.Size()
		case "lists/docs.js":
			r.listsDocs = info.Size()
		}
		if !strings.HasSuffix(rel, ".html") {
			return nil
		}
		if info.Size() > 1<<20 {
			r.htmlOver++
		}
		pg := htmlPage{strings.TrimSuffix(rel, "index.html"), info.Size()}
		if pg.size > r.biggest.size {
			r.biggest = pg
		}
		if k := kindOf(pg.path); pg.size > largest[k].size {
			largest[k] = pg
		}
		return nil
	})
	var out []htmlPage
	for _, p := range largest {
		out = append(out, p)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].path < out[j].path })
	return out, err
}
