// Command benchcompare measures ismsgen against Hugo on the same generated
// document sets, side by side and interleaved, and prints wall time, CPU
// time and peak resident memory with ratios.
//
// Usage (from the repository root):
//
//	go run ./cmd/benchcompare [-sizes 10000,50000] [-runs 3] [-work /dev/shm/benchcompare]
//
// It generates each corpus twice as cmd/gencorpus does (an ismsgen site and
// the equivalent Hugo site, same seed), builds ismsgen from this checkout, and
// runs "ismsgen build" and "hugo" alternately, each into a fresh output
// folder on the work folder (tmpfs by default, as in the reference
// measurements). Hugo comes from Debian: apt-get install -y hugo.
package main

import (
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"syscall"
	"time"

	"ismsgen/internal/corpus"
)

// sample is one measured run.
type sample struct {
	wall time.Duration
	cpu  time.Duration // user + system
	rss  int64         // peak resident set, bytes
}

func main() {
	sizes := flag.String("sizes", "10000,50000", "comma-separated document counts")
	runs := flag.Int("runs", 3, "interleaved runs per tool and size")
	work := flag.String("work", "/dev/shm/benchcompare", "scratch folder (tmpfs recommended)")
	hugo := flag.String("hugo", "hugo", "the hugo binary")
	flag.Parse()
	if err := run(*sizes, *runs, *work, *hugo); err != nil {
		fmt.Fprintln(os.Stderr, "benchcompare:", err)
		os.Exit(1)
	}
}

func run(sizes string, runs int, work, hugo string) error {
	if err := os.MkdirAll(work, 0o755); err != nil {
		return err
	}
	bin := filepath.Join(work, "ismsgen")
	if out, err := exec.Command("go", "build", "-o", bin, "./cmd/ismsgen").CombinedOutput(); err != nil {
		return fmt.Errorf("go build: %v\n%s", err, out)
	}
	hugoVersion, err := exec.Command(hugo, "version").Output()
	if err != nil {
		return fmt.Errorf("%s not found (apt-get install -y hugo): %v", hugo, err)
	}
	fmt.Printf("hugo: %s", hugoVersion)
	type row struct {
		n           int
		ism, hug    sample // medians
		ismPerThous float64
	}
	var rows []row
	for _, field := range strings.Split(sizes, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(field))
		if err != nil {
			return fmt.Errorf("bad size %q", field)
		}
		site := filepath.Join(work, fmt.Sprintf("ismsgen-%d", n))
		hsite := filepath.Join(work, fmt.Sprintf("hugo-%d", n))
		if err := generate(site, corpus.Options{Docs: n}); err != nil {
			return err
		}
		if err := generate(hsite, corpus.Options{Docs: n, Hugo: true}); err != nil {
			return err
		}
		var ism, hug []sample
		for i := 0; i < runs; i++ {
			out := filepath.Join(work, "out-ismsgen")
			os.RemoveAll(out)
			s, err := measure(bin, "build", "--source", site, "--dest", out, "--now", "2026-11-25")
			if err != nil {
				return err
			}
			ism = append(ism, s)
			hout := filepath.Join(work, "out-hugo")
			os.RemoveAll(hout)
			s, err = measure(hugo, "--quiet", "--source", hsite, "--destination", hout)
			if err != nil {
				return err
			}
			hug = append(hug, s)
			fmt.Printf("n=%d run %d: ismsgen %.2fs %s, hugo %.2fs %s\n", n, i+1, ism[i].wall.Seconds(), mib(ism[i].rss), hug[i].wall.Seconds(), mib(hug[i].rss))
		}
		r := row{n: n, ism: median(ism), hug: median(hug)}
		r.ismPerThous = float64(r.ism.rss) / float64(n) * 1000 / (1 << 20)
		rows = append(rows, r)
	}
	fmt.Println()
	fmt.Println("| docs | ismsgen wall | ismsgen CPU | ismsgen peak RSS | Hugo wall | Hugo CPU | Hugo peak RSS | wall ratio | RSS ratio | ismsgen MiB per 1,000 docs |")
	fmt.Println("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
	for _, r := range rows {
		fmt.Printf("| %d | %.2f s | %.2f s | %s | %.2f s | %.2f s | %s | %.2f | %.3f | %.1f |\n",
			r.n, r.ism.wall.Seconds(), r.ism.cpu.Seconds(), mib(r.ism.rss),
			r.hug.wall.Seconds(), r.hug.cpu.Seconds(), mib(r.hug.rss),
			r.ism.wall.Seconds()/r.hug.wall.Seconds(), float64(r.ism.rss)/float64(r.hug.rss), r.ismPerThous)
	}
	if len(rows) >= 2 {
		a, b := rows[0], rows[len(rows)-1]
		fmt.Printf("\nscaling: ismsgen %d→%d docs: time ×%.2f (docs ×%.1f)\n", a.n, b.n, b.ism.wall.Seconds()/a.ism.wall.Seconds(), float64(b.n)/float64(a.n))
	}
	return nil
}

// generate writes a corpus into dir unless an earlier run left it there
// complete: the same options give the same corpus.
func generate(dir string, o corpus.Options) error {
	done := filepath.Join(dir, ".complete")
	if _, err := os.Stat(done); err == nil {
		return nil
	}
	if err := os.RemoveAll(dir); err != nil {
		return err
	}
	if _, err := corpus.Generate(dir, o); err != nil {
		return fmt.Errorf("gencorpus: %v", err)
	}
	return os.WriteFile(done, nil, 0o644)
}

// measure runs a command and reads its wall time and, from the kernel's
// accounting of the finished child, CPU time and peak resident memory.
func measure(name string, args ...string) (sample, error) {
	cmd := exec.Command(name, args...)
	start := time.Now()
	if out, err := cmd.CombinedOutput(); err != nil {
		return sample{}, fmt.Errorf("%s %v: %v\n%s", name, args, err, tail(out))
	}
	wall := time.Since(start)
	ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage)
	if !ok {
		return sample{}, fmt.Errorf("no resource usage for %s", name)
	}
	cpu := time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
	return sample{wall: wall, cpu: cpu, rss: ru.Maxrss * 1024}, nil
}

func median(s []sample) sample {
	walls := make([]sample, len(s))
	copy(walls, s)
	sort.Slice(walls, func(i, j int) bool { return walls[i].wall < walls[j].wall })
	m := walls[len(walls)/2]
	rss := make([]int64, len(s))
	for i, x := range s {
		rss[i] = x.rss
	}
	sort.Slice(rss, func(i, j int) bool { return rss[i] < rss[j] })
	m.rss = rss[len(rss)/2]
	return m
}

func mib(b int64) string { return fmt.Sprintf("%.0f MiB", float64(b)/(1<<20)) }

func tail(b []byte) string {
	lines := strings.Split(strings.TrimSpace(string(b)), "\n")
	if len(lines) > 5 {
		lines = lines[len(lines)-5:]
	}
	return strings.Join(lines, "\n")
}
