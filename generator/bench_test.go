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
	"os"
	"path/filepath"
	"strconv"
	"sync"
	"syscall"
	"testing"
	"time"

	"ismsgen/generator"
	"ismsgen/generator/assets"
	"ismsgen/generator/i18n"
	"ismsgen/generator/internal/overlay"
	"ismsgen/generator/link"
	"ismsgen/generator/load"
	"ismsgen/generator/model"
	"ismsgen/generator/render"
	"ismsgen/generator/reports"
	"ismsgen/generator/search"
	"ismsgen/generator/validate"
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

// stages holds the result of every stage, computed once per corpus, as
// the input of the next stage's benchmark.
type stages struct {
	src      *load.Source
	cfg      *model.Config
	docs     []*model.Document
	site     *model.Site
	data     *reports.Data
	strings  *i18n.Strings
	bundle   *assets.Bundle
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
		s := &stages{}
		src, d := load.Site(site)
		if d.HasErrors() {
			benchErr = "load: " + d.Errors()[0].String()
			return
		}
		s.src = src
		cfg, d := validate.Config(src.Config)
		if cfg == nil {
			benchErr = "config: " + d.Errors()[0].String()
			return
		}
		s.cfg = cfg
		docs, d := validate.Documents(cfg, src.Docs)
		if d.HasErrors() {
			benchErr = "validate: " + d.Errors()[0].String()
			return
		}
		s.docs = docs
		s.site, d = link.Site(cfg, docs, link.Options{Now: now})
		if d.HasErrors() {
			benchErr = "link: " + d.Errors()[0].String()
			return
		}
		s.data = reports.Compute(s.site)
		var err error
		if s.strings, err = i18n.Load(defaults().I18n, cfg.Language); err != nil {
			benchErr = err.Error()
			return
		}
		bundle, d := assets.Build(overlay.New(filepath.Join(site, "assets"), defaults().Assets))
		if d.HasErrors() {
			benchErr = "assets: " + d.Errors()[0].String()
			return
		}
		s.bundle = bundle
		s.files = &memOutput{files: map[string][]byte{}}
		s.rendered, err = render.Site(s.renderInput(site), s.files)
		if err != nil {
			benchErr = err.Error()
			return
		}
		if err := generator.Derived(s.site, s.data, s.rendered, s.strings, s.files); err != nil {
			benchErr = err.Error()
			return
		}
		s.entries, err = generator.SearchEntries(generator.Options{Source: site, Now: now, Defaults: defaults()})
		if err != nil {
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

func (s *stages) renderInput(site string) render.Input {
	return render.Input{
		Site: s.site, Reports: s.data, Assets: s.bundle, Strings: s.strings,
		Layouts: overlay.New(filepath.Join(site, "layouts"), defaults().Layouts),
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

func (m *memOutput) Copy(rel, from string) error {
	data, err := os.ReadFile(from)
	if err != nil {
		return err
	}
	return m.File(rel, data)
}

// discardOutput keeps nothing.
type discardOutput struct{}

func (discardOutput) File(string, []byte) error { return nil }
func (discardOutput) Copy(string, string) error { return nil }

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

func BenchmarkLoad(b *testing.B) {
	site := benchSite(b)
	b.ReportAllocs()
	start := startCPU(b)
	n := 0
	for b.Loop() {
		src, _ := load.Site(site)
		n = len(src.Docs)
	}
	perDoc(b, n, start)
}

func BenchmarkValidate(b *testing.B) {
	s := prepareStages(b)
	benchStage(b, len(s.src.Docs), func() error {
		cfg, _ := validate.Config(s.src.Config)
		validate.Documents(cfg, s.src.Docs)
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
		docs, _ := validate.Documents(s.cfg, s.src.Docs) // link fills in each document's Graph
		start += cpuTime() - paused                      // not the link stage's CPU time either
		b.StartTimer()
		link.Site(s.cfg, docs, link.Options{Now: now})
	}
	perDoc(b, len(s.docs), start)
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
	in := s.renderInput(benchSite(b))
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
	r, err := render.New(s.renderInput(benchSite(b)))
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
		return generator.Derived(s.site, s.data, s.rendered, s.strings, discardOutput{})
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
