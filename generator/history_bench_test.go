package generator_test

// BenchmarkHistory compares a build of a generated corpus from its git
// history with the same build of the same files outside git:
//
//	ISMSGEN_BENCH_DOCS=10000 go test ./generator -run '^$' -bench History -benchtime 3x
//
// The corpus is cmd/gencorpus's with -git-commits 5 -git-share 0.2 (an
// initial commit and 5 commits that each revise a fifth of the
// documents), ISMSGEN_BENCH_DOCS documents (default 1000), generated once
// into the temporary folder; its files are copied beside it, outside git.
// Each build runs as the command runs it (FitMemory) in a process of its
// own, so that its peak memory (maximum resident set) is its own; the
// git processes the build starts are reported apart (git-peak-MiB). The
// metrics are the mean wall time and CPU time of a build and the largest
// peak, with history and without, and their ratios.

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"syscall"
	"testing"
	"time"

	"ismsgen/generator"
	"ismsgen/internal/corpus"
)

// historyCorpus returns the folder of the git corpus and of its copy
// outside git, generating them on first use.
func historyCorpus(b *testing.B) (withGit, plain string) {
	b.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		b.Skip("git is not installed")
	}
	n := 1000
	if v := os.Getenv("ISMSGEN_BENCH_DOCS"); v != "" {
		var err error
		if n, err = strconv.Atoi(v); err != nil || n <= 0 {
			b.Fatalf("ISMSGEN_BENCH_DOCS=%q: want a positive number", v)
		}
	}
	root := filepath.Join(os.TempDir(), "ismsgen-history-corpus-"+strconv.Itoa(n))
	withGit, plain = filepath.Join(root, "git"), filepath.Join(root, "plain")
	done := filepath.Join(root, ".complete")
	if _, err := os.Stat(done); err == nil {
		return withGit, plain
	}
	_ = os.RemoveAll(root)
	if _, err := corpus.Generate(withGit, corpus.Options{Docs: n, GitCommits: 5, GitShare: 0.2}); err != nil {
		b.Fatal(err)
	}
	if err := os.CopyFS(filepath.Join(plain, "content"), os.DirFS(filepath.Join(withGit, "content"))); err != nil {
		b.Fatal(err)
	}
	config, err := os.ReadFile(filepath.Join(withGit, "isms.toml"))
	if err == nil {
		err = os.WriteFile(filepath.Join(plain, "isms.toml"), config, 0o644)
	}
	if err != nil {
		b.Fatal(err)
	}
	if err := os.WriteFile(done, nil, 0o644); err != nil {
		b.Fatal(err)
	}
	return withGit, plain
}

// childBuild is what one build in its own process measured.
type childBuild struct {
	Wall, CPU       time.Duration
	PeakKB, GitKB   int64
	Pages, Warnings int
}

// TestHistoryBenchChild is the process of one build of BenchmarkHistory;
// it does nothing unless the benchmark started it.
func TestHistoryBenchChild(t *testing.T) {
	source := os.Getenv("ISMSGEN_HISTORY_BENCH_SOURCE")
	if source == "" {
		t.Skip("run by BenchmarkHistory")
	}
	start := time.Now()
	res, err := generator.Build(generator.Options{
		Source: source, Dest: os.Getenv("ISMSGEN_HISTORY_BENCH_DEST"), Now: now, Defaults: defaults(), FitMemory: true,
	})
	if err != nil || res.Diagnostics.HasErrors() {
		t.Fatalf("build: %v %v", err, res.Diagnostics.Errors())
	}
	var self, children syscall.Rusage
	_ = syscall.Getrusage(syscall.RUSAGE_SELF, &self)
	_ = syscall.Getrusage(syscall.RUSAGE_CHILDREN, &children)
	out, _ := json.Marshal(childBuild{
		Wall: time.Since(start), CPU: time.Duration(self.Utime.Nano() + self.Stime.Nano()),
		PeakKB: self.Maxrss, GitKB: children.Maxrss, Pages: res.Pages, Warnings: len(res.Diagnostics.Warnings()),
	})
	if err := os.WriteFile(os.Getenv("ISMSGEN_HISTORY_BENCH_OUT"), out, 0o644); err != nil {
		t.Fatal(err)
	}
}

func BenchmarkHistory(b *testing.B) {
	withGit, plain := historyCorpus(b)
	tmp := b.TempDir()
	run := func(source string) childBuild {
		out := filepath.Join(tmp, "result.json")
		// Each build writes into a folder of its own that does not exist
		// yet: a build that replaced the other kind's output would be
		// timed removing it (the history build's is 2.6 times as many
		// files), and the two would not be the same build.
		dest := filepath.Join(tmp, "public")
		defer os.RemoveAll(dest)
		cmd := exec.Command(os.Args[0], "-test.run=^TestHistoryBenchChild$", "-test.count=1")
		cmd.Env = append(os.Environ(),
			"ISMSGEN_HISTORY_BENCH_SOURCE="+source, "ISMSGEN_HISTORY_BENCH_DEST="+dest,
			"ISMSGEN_HISTORY_BENCH_OUT="+out)
		if msg, err := cmd.CombinedOutput(); err != nil {
			b.Fatalf("build of %s: %v\n%s", source, err, msg)
		}
		data, err := os.ReadFile(out)
		if err != nil {
			b.Fatal(err)
		}
		var r childBuild
		if err := json.Unmarshal(data, &r); err != nil {
			b.Fatal(err)
		}
		return r
	}
	var git, nogit childBuild
	n := 0
	for b.Loop() {
		// One of each per iteration, in turn, so that both see the same
		// state of the machine.
		p, g := run(plain), run(withGit)
		nogit.Wall, nogit.CPU, nogit.PeakKB = nogit.Wall+p.Wall, nogit.CPU+p.CPU, max(nogit.PeakKB, p.PeakKB)
		git.Wall, git.CPU, git.PeakKB, git.GitKB = git.Wall+g.Wall, git.CPU+g.CPU, max(git.PeakKB, g.PeakKB), max(git.GitKB, g.GitKB)
		git.Pages, nogit.Pages = g.Pages, p.Pages
		n++
	}
	mean := func(d time.Duration) float64 { return d.Seconds() / float64(n) }
	b.ReportMetric(mean(git.Wall), "git-s/build")
	b.ReportMetric(mean(nogit.Wall), "plain-s/build")
	b.ReportMetric(mean(git.Wall)/mean(nogit.Wall), "time-ratio")
	b.ReportMetric(mean(git.CPU)/mean(nogit.CPU), "cpu-ratio")
	b.ReportMetric(float64(git.PeakKB)/1024, "git-peak-MiB")
	b.ReportMetric(float64(nogit.PeakKB)/1024, "plain-peak-MiB")
	b.ReportMetric(float64(git.PeakKB)/float64(nogit.PeakKB), "peak-ratio")
	b.ReportMetric(float64(git.GitKB)/1024, "gitproc-peak-MiB")
	b.ReportMetric(float64(git.Pages), "git-pages")
	b.ReportMetric(float64(nogit.Pages), "plain-pages")
}
