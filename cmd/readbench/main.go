// Command readbench measures how fast the pages of a large site read in a
// browser: it generates corpora of N documents (as cmd/gencorpus does),
// builds each with ismsgen, opens the largest page of every kind in
// headless Chromium (chromedp, Debian's chromium) from file:// and over
// http, runs searches, filters a list, and prints a table of the figures
// beside the targets of issue 23.
//
// Usage (from the repository root):
//
//	go run ./cmd/readbench [-sizes 10000,50000] [-runs 3] [-work DIR] [-ismsgen BIN] [-v]
//
// -ismsgen measures a binary built elsewhere (an earlier version, for a
// before-and-after table) instead of one built from this checkout. The
// corpora are kept in the work folder and made again only when missing.
//
// Every page and every query is measured -runs times (3), each with a
// cold cache in a new tab, one at a time, and the median run counts: load is the load event, FCP the first contentful paint,
// both from the page's navigation start; a search from a fresh load runs
// from navigation start to the first result shown (search/?q=), a typed
// search from the input event on a loaded page to the first result in
// the header box's list; bytes are what the browser received over http
// for that page or query. Nodes are every node of the document (elements,
// text, comments). The machine's load average is printed with the
// figures: above 3 on a 2-core machine they are not worth comparing.
package main

import (
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
)

func main() {
	sizes := flag.String("sizes", "10000,50000", "comma-separated document counts")
	work := flag.String("work", filepath.Join(os.TempDir(), "readbench"), "scratch folder for the corpora and the sites")
	bin := flag.String("ismsgen", "", "the ismsgen binary to measure (default: built from this checkout)")
	chromium := flag.String("chromium", "", "the browser (default: chromium on $PATH, or /usr/bin/chromium)")
	verbose := flag.Bool("v", false, "print every page and query measured")
	runs := flag.Int("runs", 3, "measure each page and query this many times and keep the median")
	flag.Parse()
	if err := run(*sizes, *work, *bin, *chromium, *runs, *verbose); err != nil {
		fmt.Fprintln(os.Stderr, "readbench:", err)
		os.Exit(1)
	}
}

func run(sizes, work, bin, chromium string, runs int, verbose bool) error {
	if err := os.MkdirAll(work, 0o755); err != nil {
		return err
	}
	if bin == "" {
		bin = filepath.Join(work, "ismsgen")
		if out, err := exec.Command("go", "build", "-o", bin, "./cmd/ismsgen").CombinedOutput(); err != nil {
			return fmt.Errorf("go build: %v\n%s", err, out)
		}
	}
	b, err := startBrowser(chromium)
	if err != nil {
		return err
	}
	defer b.close()
	b.runs = runs
	fmt.Printf("load average before: %s\n", loadAverage())
	var results []*result
	for _, field := range strings.Split(sizes, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(field))
		if err != nil || n < 1 {
			return fmt.Errorf("bad size %q", field)
		}
		r, err := measureSize(b, bin, work, n, verbose)
		if err != nil {
			return err
		}
		results = append(results, r)
	}
	fmt.Printf("load average after: %s\n\n", loadAverage())
	printTable(os.Stdout, results)
	return nil
}

// loadAverage is the first three fields of /proc/loadavg.
func loadAverage() string {
	data, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "unknown"
	}
	f := strings.Fields(string(data))
	if len(f) < 3 {
		return "unknown"
	}
	return strings.Join(f[:3], " ")
}
