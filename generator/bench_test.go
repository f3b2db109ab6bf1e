package generator_test

// Benchmarks of each pipeline stage on a generated document set.
//
//	go test ./generator -run '^$' -bench . -benchmem
//	ISMSGEN_BENCH_DOCS=10000 go test ./generator -run '^$' -bench Build -cpuprofile cpu.out -memprofile mem.out
//
// The corpus is generated as cmd/gencorpus does, ISMSGEN_BENCH_DOCS
// documents (default 1000), once into the temporary folder and reused;
// ISMSGEN_BENCH_SITE names an existing site instead.

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"sync"
	"syscall"
	"testing"
	"time"

	"ismsgen/generator"
	"ismsgen/generator/diag"
	"ismsgen/generator/internal/safefile"
	"ismsgen/generator/model"
	"ismsgen/generator/render"
	"ismsgen/generator/reports"
	"ismsgen/generator/search"
	"ismsgen/generator/write"
	"ismsgen/internal/corpus"
)

// benchSite returns the folder of the benchmark corpus, generating it on
// first use.
func benchSite(b *testing.B) string {
	b.Helper()
	if site := os.Getenv("ISMSGEN_BENCH_SITE"); site != "" {
		return site
	}
	n := 1000
	if v := os.Getenv("ISMSGEN_BENCH_DOCS"); v != "" {
		var err error
		if n, err = strconv.Atoi(v); err != nil || n <= 0 {
			b.Fatalf("ISMSGEN_BENCH_DOCS=%q: want a positive number", v)
		}
	}
	site := filepath.Join(os.TempDir(), "ismsgen-corpus-"+strconv.Itoa(n))
	done := filepath.Join(site, ".complete") // the same N always gives the same corpus
	if _, err := os.Stat(done); err == nil {
		return site
	}
	_ = os.RemoveAll(site)
	if _, err := corpus.Generate(site, corpus.Options{Docs: n}); err != nil {
		b.Fatalf("gencorpus: %v", err)
	}
	if err := os.WriteFile(done, nil, 0o644); err != nil {
		b.Fatal(err)
	}
	return site
}

// stages holds the result of every stage, computed once per corpus with
// the stage functions the build runs, as the input of the next stage's
// benchmark.
type stages struct {
	opts     generator.Options
	cfg      *model.Config
	docs     *generator.Documents // with their bodies
	site     *model.Site
	data     *reports.Data
	theme    *generator.Theme
	entries  []search.Entry
	rendered *render.Result
	files    *memOutput // every file of the site
}

var (
	benchOnce  sync.Once
	benchCache *stages
	benchErr   string
)

func prepareStages(b *testing.B) *stages {
	b.Helper()
	site := benchSite(b)
	benchOnce.Do(func() {
		s := &stages{opts: generator.Options{Source: site, Now: now, Defaults: defaults()}}
		var diags diag.List
		s.cfg, diags, _ = generator.Config(s.opts)
		if s.cfg == nil {
			benchErr = fmt.Sprint("config: ", diags.Errors())
			return
		}
		s.docs = generator.ReadDocuments(s.opts, s.cfg, true)
		site, d := generator.Link(s.opts, s.cfg, s.docs.Converted, &s.docs.Files)
		if s.site = site; site == nil {
			benchErr = fmt.Sprint("documents: ", append(s.docs.Diags, d...).Errors())
			return
		}
		s.data = reports.Compute(s.site)
		if s.theme, d = generator.Layouts(s.opts, s.cfg); s.theme == nil {
			benchErr = fmt.Sprint("layouts: ", d)
			return
		}
		if s.theme.Assets, d = generator.Assets(s.opts); d.HasErrors() {
			benchErr = fmt.Sprint("assets: ", d)
			return
		}
		s.files = &memOutput{files: map[string][]byte{}}
		var err error
		if s.rendered, err = render.Site(s.renderInput(), s.files); err != nil {
			benchErr = err.Error()
			return
		}
		if err := generator.Derived(s.site, s.data, s.rendered, s.theme.Strings, s.files); err != nil {
			benchErr = err.Error()
			return
		}
		if s.entries, err = generator.SearchEntries(s.opts); err != nil {
			benchErr = err.Error()
			return
		}
		benchCache = s
	})
	if benchCache == nil {
		b.Fatal(benchErr)
	}
	return benchCache
}

func (s *stages) renderInput() render.Input {
	t := s.theme
	return render.Input{
		Site: s.site, Reports: s.data, Assets: t.Assets, Strings: t.Strings, Layouts: t.Layouts, Parsed: t.Parsed,
	}
}

// memOutput keeps every file in memory.
type memOutput struct {
	mu    sync.Mutex
	files map[string][]byte
	bytes int64
}

func (m *memOutput) File(rel string, data []byte) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.files[rel] = append([]byte(nil), data...)
	m.bytes += int64(len(data))
	return nil
}

func (m *memOutput) Copy(rel string, a model.Attachment) error {
	data, err := safefile.Read(a.Source, a.Size, a.SHA256)
	if err != nil {
		return err
	}
	return m.File(rel, data)
}

// discardOutput keeps nothing.
type discardOutput struct{}

func (discardOutput) File(string, []byte) error           { return nil }
func (discardOutput) Copy(string, model.Attachment) error { return nil }

// perDoc reports the number of documents and the CPU time (user and
// system, all threads) per operation since the benchmark began: on a busy
// machine the wall time per operation says little, the CPU time more.
func perDoc(b *testing.B, n int, start time.Duration) {
	b.ReportMetric(float64(n), "docs")
	if cpu := cpuTime(); cpu >= 0 && b.N > 0 {
		b.ReportMetric((cpu-start).Seconds()/float64(b.N), "cpu-s/op")
	}
}

// benchStage runs op as the benchmark's operation and reports its CPU
// time for a site of docs documents.
func benchStage(b *testing.B, docs int, op func() error) {
	b.ReportAllocs()
	start := startCPU(b)
	for b.Loop() {
		if err := op(); err != nil {
			b.Fatal(err)
		}
	}
	perDoc(b, docs, start)
}

// startCPU returns the CPU time used so far, for perDoc to report the
// difference. It also resets the timer, after the corpus and the inputs
// are ready.
func startCPU(b *testing.B) time.Duration {
	b.ResetTimer()
	return cpuTime()
}

func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return -1
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// BenchmarkRead reads, converts and scans every document file, as the
// build does (its bodies let go).
func BenchmarkRead(b *testing.B) {
	s := prepareStages(b)
	benchStage(b, len(s.docs.Converted), func() error {
		generator.ReadDocuments(s.opts, s.cfg, false)
		return nil
	})
}

func BenchmarkLink(b *testing.B) {
	s := prepareStages(b)
	b.ReportAllocs()
	start := startCPU(b)
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		paused := cpuTime()
		fresh := make([]generator.Converted, len(s.docs.Converted)) // link fills in each document's Graph
		for i, c := range s.docs.Converted {
			d := *c.Doc
			fresh[i] = generator.Converted{Doc: &d, Scan: c.Scan}
		}
		start += cpuTime() - paused // not the link stage's CPU time either
		b.StartTimer()
		generator.Link(s.opts, s.cfg, fresh, &s.docs.Files)
	}
	perDoc(b, len(s.site.Docs), start)
}

func BenchmarkReports(b *testing.B) {
	s := prepareStages(b)
	benchStage(b, len(s.site.Docs), func() error {
		reports.Compute(s.site)
		return nil
	})
}

// BenchmarkRender renders every page (document pages and site pages) into
// an output that keeps nothing.
func BenchmarkRender(b *testing.B) {
	s := prepareStages(b)
	in := s.renderInput()
	benchStage(b, len(s.site.Docs), func() error {
		_, err := render.Site(in, discardOutput{})
		return err
	})
}

// BenchmarkRenderDocuments and BenchmarkRenderSitePages split
// BenchmarkRender in two.
func BenchmarkRenderDocuments(b *testing.B) {
	benchRenderer(b, func(r *render.Renderer, s *stages) error {
		_, err := r.Documents(s.site.Docs, discardOutput{})
		return err
	})
}

func BenchmarkRenderSitePages(b *testing.B) {
	benchRenderer(b, func(r *render.Renderer, _ *stages) error {
		_, err := r.SitePages(discardOutput{})
		return err
	})
}

// benchRenderer times run on one renderer of the corpus.
func benchRenderer(b *testing.B, run func(*render.Renderer, *stages) error) {
	s := prepareStages(b)
	r, err := render.New(s.renderInput())
	if err != nil {
		b.Fatal(err)
	}
	benchStage(b, len(s.site.Docs), func() error { return run(r, s) })
}

// BenchmarkSearch builds the search index files.
func BenchmarkSearch(b *testing.B) {
	s := prepareStages(b)
	benchStage(b, len(s.entries), func() error {
		search.Build(s.entries)
		return nil
	})
}

// BenchmarkDerived makes the search index and the machine-readable files
// from a rendered site.
func BenchmarkDerived(b *testing.B) {
	s := prepareStages(b)
	benchStage(b, len(s.site.Docs), func() error {
		return generator.Derived(s.site, s.data, s.rendered, s.theme.Strings, discardOutput{})
	})
}

// BenchmarkWrite writes every file of the site into a new output folder
// and swaps it in.
func BenchmarkWrite(b *testing.B) {
	s := prepareStages(b)
	dest := filepath.Join(b.TempDir(), "public")
	b.ReportAllocs()
	b.ResetTimer()
	b.SetBytes(s.files.bytes)
	for b.Loop() {
		tx, err := write.Begin(dest)
		if err != nil {
			b.Fatal(err)
		}
		for rel, data := range s.files.files {
			if err := tx.File(rel, data); err != nil {
				b.Fatal(err)
			}
		}
		if err := tx.Commit(); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(len(s.files.files)), "files")
}

// BenchmarkBuild is the whole build, as ismsgen build runs it.
func BenchmarkBuild(b *testing.B) {
	site := benchSite(b)
	dest := filepath.Join(b.TempDir(), "public")
	b.ReportAllocs()
	start := startCPU(b)
	docs := 0
	for b.Loop() {
		res, err := generator.Build(generator.Options{Source: site, Dest: dest, Now: now, Defaults: defaults()})
		if err != nil {
			b.Fatal(err)
		}
		if res.Diagnostics.HasErrors() {
			b.Fatal(res.Diagnostics.Errors()[0].String())
		}
		docs = len(res.Site.Docs)
	}
	perDoc(b, docs, start)
}
