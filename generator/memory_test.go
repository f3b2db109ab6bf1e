package generator

import (
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"testing"

	"ismsgen"
	"ismsgen/generator/model"
	"ismsgen/internal/sitetest"
)

// TestReadBody: a build lets the bodies go after the link stage and reads
// each again for its page; a file edited in between is an error naming
// it, not a page made of two versions.
func TestReadBody(t *testing.T) {
	site := sitetest.Sample(t)
	opts := Options{Source: site, Now: model.Date{Year: 2026, Month: 11, Day: 25},
		Defaults: Defaults{Layouts: ismsgen.Layouts(), Assets: ismsgen.Assets(), I18n: ismsgen.I18n()}}
	cfg, _, err := Config(opts)
	if cfg == nil {
		t.Fatalf("config: %v", err)
	}
	docs := ReadDocuments(opts, cfg, false)
	var d *model.Document
	for _, c := range docs.Converted {
		if c.Doc.ID == "ISMS-P-009" {
			d = c.Doc
		}
	}
	if d == nil || d.Body != nil {
		t.Fatalf("ISMS-P-009 is %v; want it read, without its body", d)
	}
	body, done, err := docs.Body(d)
	if err != nil || !strings.Contains(string(body), "](") {
		t.Fatalf("readBody: %v, %.80q", err, body)
	}
	want := string(body)
	done()
	// The next bodies are read into the room given back: each is whole.
	for _, c := range docs.Converted {
		again, done, err := docs.Body(c.Doc)
		if err != nil {
			t.Fatal(err)
		}
		if c.Doc == d && string(again) != want {
			t.Errorf("%s read into a buffer used again: %.80q, want %.80q", d.Path, again, want)
		}
		done()
	}

	file := filepath.Join(site, filepath.FromSlash(d.Path))
	src, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(file, append(src, "\nOne more line.\n"...), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, _, err := docs.Body(d); err == nil || !strings.Contains(err.Error(), d.Path) || !strings.Contains(err.Error(), "changed during the build") {
		t.Errorf("readBody of an edited file: %v; want an error naming %s", err, d.Path)
	}
}

// TestFitMemory: the build's heap limit follows what is live and is
// restored afterwards; GOMEMLIMIT in the environment wins.
func TestFitMemory(t *testing.T) {
	before := debug.SetMemoryLimit(-1)
	t.Setenv("GOMEMLIMIT", "")
	mem := planMemory(true)
	mem.rendering()
	during := debug.SetMemoryLimit(-1)
	mem.done()
	if during < 64<<20 || during >= before {
		t.Errorf("the limit during the build is %d bytes, want at least 64 MiB and below the previous %d", during, before)
	}
	if after := debug.SetMemoryLimit(-1); after != before {
		t.Errorf("the limit after the build is %d, want the previous %d", after, before)
	}

	t.Setenv("GOMEMLIMIT", "off")
	mem = planMemory(true)
	mem.rendering()
	if got := debug.SetMemoryLimit(-1); got != before {
		t.Errorf("with GOMEMLIMIT set, the limit became %d", got)
	}
	mem.done()
}

// TestMemoryLimit: the render's heap limit grows with what analysis left
// live, with a floor for small sites.
func TestMemoryLimit(t *testing.T) {
	const mib = 1 << 20
	for _, tc := range []struct{ live, want uint64 }{
		{0, 64 * mib},
		{8 * mib, 64 * mib},
		{24 * mib, 64 * mib},
		{30 * mib, 66 * mib},
		{43 * mib, 118 * mib},    // 10,000 generated documents
		{176 * mib, 650 * mib},   // 50,000
		{1024 * mib, 4042 * mib}, // a site far larger
	} {
		if got := memoryLimit(tc.live); got != tc.want {
			t.Errorf("memoryLimit(%d MiB) = %d MiB, want %d MiB", tc.live/mib, got/mib, tc.want/mib)
		}
	}
}
