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
//
// Beside each ismsgen build it builds a real-world-shaped corpus of the
// same size (gencorpus -shape real: file links, images in bundle folders,
// more tables and code; -real=false leaves it out), and prints the build
// time per KiB of Markdown of both and their ratio, which should be at
// most 1.5.
package main

import (
	"flag"
	"fmt"
	"io/fs"
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
	withReal := flag.Bool("real", true, "also build the real-world-shaped corpus and compare the time per KiB")
	flag.Parse()
	if err := run(*sizes, *runs, *work, *hugo, *withReal); err != nil {
		fmt.Fprintln(os.Stderr, "benchcompare:", err)
		os.Exit(1)
	}
}

func run(sizes string, runs int, work, hugo string, withReal bool) error {
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
		plain, real perKiB
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
		rsite := filepath.Join(work, fmt.Sprintf("ismsgen-real-%d", n))
		var realErr error
		if withReal {
			if err := generate(rsite, corpus.Options{Docs: n, Shape: corpus.Real}); err != nil {
				return err
			}
		}
		var ism, hug, shaped []sample
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
			fmt.Printf("n=%d run %d: ismsgen %.2fs %s, hugo %.2fs %s", n, i+1, ism[i].wall.Seconds(), mib(ism[i].rss), hug[i].wall.Seconds(), mib(hug[i].rss))
			if withReal && realErr == nil {
				os.RemoveAll(out)
				if s, realErr = measure(bin, "build", "--source", rsite, "--dest", out, "--now", "2026-11-25"); realErr == nil {
					shaped = append(shaped, s)
					fmt.Printf(", ismsgen real-shaped %.2fs %s", s.wall.Seconds(), mib(s.rss))
				}
			}
			fmt.Println()
		}
		r := row{n: n, ism: median(ism), hug: median(hug)}
		r.ismPerThous = float64(r.ism.rss) / float64(n) * 1000 / (1 << 20)
		if r.plain, err = newPerKiB(site, r.ism, nil); err != nil {
			return err
		}
		if withReal {
			var m sample
			if realErr == nil {
				m = median(shaped)
			}
			if r.real, err = newPerKiB(rsite, m, realErr); err != nil {
				return err
			}
		}
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
	if !withReal {
		return nil
	}
	fmt.Println()
	fmt.Println("| docs | corpus | Markdown | ismsgen wall | ismsgen CPU | wall per KiB | CPU per KiB | per KiB ÷ plain (wall, CPU) |")
	fmt.Println("| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: |")
	for _, r := range rows {
		fmt.Println(r.plain.row(r.n, "plain", perKiB{}))
		fmt.Println(r.real.row(r.n, "real-shaped", r.plain))
	}
	fmt.Println("\nA real-world-shaped corpus should build within 1.5 times the plain corpus's time per KiB.")
	return nil
}

// perKiB is the build time of a corpus per KiB of its Markdown.
type perKiB struct {
	kib       float64
	s         sample
	err       error   // the build failed
	wall, cpu float64 // ms per KiB
}

func newPerKiB(site string, s sample, buildErr error) (perKiB, error) {
	b, err := markdownBytes(site)
	p := perKiB{kib: float64(b) / 1024, s: s, err: buildErr}
	p.wall = float64(s.wall.Microseconds()) / 1000 / p.kib
	p.cpu = float64(s.cpu.Microseconds()) / 1000 / p.kib
	return p, err
}

// row is the corpus's line of the per-KiB table; against, if set, the
// plain corpus's figures the ratio is taken of.
func (p perKiB) row(n int, name string, against perKiB) string {
	head := fmt.Sprintf("| %d | %s | %.1f MiB |", n, name, p.kib/1024)
	if p.err != nil {
		msg := strings.TrimSpace(p.err.Error())
		return head + fmt.Sprintf(" the build failed: %s | | | | |", msg[strings.LastIndex(msg, "\n")+1:])
	}
	ratio := "1"
	if against.kib > 0 {
		ratio = fmt.Sprintf("×%.2f, ×%.2f", p.wall/against.wall, p.cpu/against.cpu)
	}
	return head + fmt.Sprintf(" %.2f s | %.2f s | %.3f ms | %.3f ms | %s |", p.s.wall.Seconds(), p.s.cpu.Seconds(), p.wall, p.cpu, ratio)
}

// markdownBytes adds up the sizes of the Markdown files under
// site/content.
func markdownBytes(site string) (int64, error) {
	var n int64
	err := filepath.WalkDir(filepath.Join(site, "content"), func(p string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() || !strings.HasSuffix(p, ".md") {
			return err
		}
		info, err := e.Info()
		if err == nil {
			n += info.Size()
		}
		return err
	})
	return n, err
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
