package main

import (
	"fmt"
	"io"
	"strings"
)

// printTable prints the figures of each size beside the targets.
func printTable(w io.Writer, rs []*result) {
	fmt.Fprintf(w, "| | target |")
	for _, r := range rs {
		fmt.Fprintf(w, " %s docs |", thousands(int64(r.n)))
	}
	fmt.Fprintf(w, "\n| --- | --- |%s\n", strings.Repeat(" ---: |", len(rs)))
	row := func(name, target string, cell func(r *result) string) {
		fmt.Fprintf(w, "| %s | %s |", name, target)
		for _, r := range rs {
			fmt.Fprintf(w, " %s |", cell(r))
		}
		fmt.Fprintln(w)
	}
	row("largest HTML page", "≤ 1 MB", func(r *result) string {
		return fmt.Sprintf("%s (%s)", kb(r.biggest.size), r.biggest.path)
	})
	row("HTML pages over 1 MB", "0", func(r *result) string { return fmt.Sprint(r.htmlOver) })
	row("most DOM nodes", "≤ 20,000", func(r *result) string {
		p := worst(r.pages, func(p pageRun) float64 { return float64(p.nodes) })
		return fmt.Sprintf("%s (%s)", thousands(int64(p.nodes)), p.path)
	})
	for _, mode := range []string{"file", "http"} {
		row("slowest load, "+mode, "≤ 1.0 s", func(r *result) string {
			p := worst(modePages(r.pages, mode), func(p pageRun) float64 { return p.load })
			return fmt.Sprintf("%s (%s)", ms(p.load), p.path)
		})
		row("slowest first paint, "+mode, "≤ 0.5 s", func(r *result) string {
			p := worst(modePages(r.pages, mode), func(p pageRun) float64 { return p.fcp })
			return fmt.Sprintf("%s (%s)", ms(p.fcp), p.path)
		})
	}
	row("search from a fresh load, slowest", "≤ 0.8 s", func(r *result) string {
		q := worstQuery(r.queries, func(q queryRun) float64 { return q.fresh.ms })
		return fmt.Sprintf("%s (%s %q)", ms(q.fresh.ms), q.mode, q.text)
	})
	row("search typed on a loaded page, slowest", "≤ 0.3 s", func(r *result) string {
		q := worstQuery(r.queries, func(q queryRun) float64 { return q.typed.ms })
		return fmt.Sprintf("%s (%s %q)", ms(q.typed.ms), q.mode, q.text)
	})
	row("bytes of a search from a fresh load (page, scripts, index), most", "≤ 300 KB", func(r *result) string {
		q := worstQuery(httpQueries(r.queries), func(q queryRun) float64 { return float64(q.fresh.bytes) })
		return fmt.Sprintf("%s (%q)", kb(q.fresh.bytes), q.text)
	})
	row("bytes of a search typed on a loaded page, most", "", func(r *result) string {
		q := worstQuery(httpQueries(r.queries), func(q queryRun) float64 { return float64(q.typed.bytes) })
		return fmt.Sprintf("%s (%q)", kb(q.typed.bytes), q.text)
	})
	row("searches that failed", "0", func(r *result) string {
		n := 0
		for _, q := range r.queries {
			if q.err != "" {
				n++
			}
		}
		return fmt.Sprint(n)
	})
	row("register filter, first use (loads the list)", "", func(r *result) string {
		var parts []string
		for _, f := range r.filter {
			if f.err != "" {
				parts = append(parts, f.mode+" —")
				continue
			}
			parts = append(parts, fmt.Sprintf("%s %s, %s", f.mode, ms(f.ms), kb(f.bytes)))
		}
		return strings.Join(parts, "; ")
	})
	row("documents.json", "", func(r *result) string { return kb(r.docsJSON) })
	row("lists/docs.js", "", func(r *result) string { return kb(r.listsDocs) })
	row("whole output", "shrinks", func(r *result) string {
		return fmt.Sprintf("%s in %s files", mb(r.bytes), thousands(r.files))
	})
	row("bytes per published document", "", func(r *result) string {
		return fmt.Sprintf("%s (%s documents)", kb(r.bytes/int64(max(1, r.docs))), thousands(int64(r.docs)))
	})
	row("build: wall, peak RSS", "", func(r *result) string {
		return fmt.Sprintf("%.2f s, %d MiB", r.build.Seconds(), r.buildRSS>>20)
	})
	var failed []string
	for _, r := range rs {
		for _, p := range r.pages {
			if p.err != "" {
				failed = append(failed, fmt.Sprintf("%d %s %s: %s", r.n, p.mode, p.path, p.err))
			}
		}
		for _, q := range r.queries {
			if q.err != "" {
				failed = append(failed, fmt.Sprintf("%d %s search %q: %s", r.n, q.mode, q.text, q.err))
			}
		}
	}
	if len(failed) > 0 {
		fmt.Fprintf(w, "\nnot measured:\n  %s\n", strings.Join(failed, "\n  "))
	}
}

func modePages(ps []pageRun, mode string) []pageRun {
	var out []pageRun
	for _, p := range ps {
		if p.mode == mode && p.err == "" {
			out = append(out, p)
		}
	}
	return out
}

func httpQueries(qs []queryRun) []queryRun {
	var out []queryRun
	for _, q := range qs {
		if q.mode == "http" {
			out = append(out, q)
		}
	}
	return out
}

// worst is the page with the highest value of f.
func worst(ps []pageRun, f func(pageRun) float64) pageRun {
	var w pageRun
	for i, p := range ps {
		if i == 0 || f(p) > f(w) {
			w = p
		}
	}
	return w
}

func worstQuery(qs []queryRun, f func(queryRun) float64) queryRun {
	var w queryRun
	for i, q := range qs {
		if i == 0 || f(q) > f(w) {
			w = q
		}
	}
	return w
}

func ms(v float64) string { return fmt.Sprintf("%.0f ms", v) }
func kb(n int64) string   { return fmt.Sprintf("%.1f KB", float64(n)/1024) }
func mb(n int64) string   { return fmt.Sprintf("%.1f MB", float64(n)/(1<<20)) }

// thousands formats n with commas.
func thousands(n int64) string {
	s := fmt.Sprint(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}
