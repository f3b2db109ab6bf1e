package hostile_test

import (
	"crypto/sha256"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"syscall"
	"testing"
)

var (
	binOnce sync.Once
	binPath string
	binErr  error
	binDir  string
)

// ismsgenBinary builds cmd/ismsgen once per test run.
func ismsgenBinary(t *testing.T) string {
	t.Helper()
	binOnce.Do(func() {
		binDir, binErr = os.MkdirTemp("", "ismsgen-bin-")
		if binErr != nil {
			return
		}
		binPath = filepath.Join(binDir, "ismsgen")
		out, err := exec.Command(filepath.Join(runtime.GOROOT(), "bin", "go"), "build", "-o", binPath, "ismsgen/cmd/ismsgen").CombinedOutput()
		if err != nil {
			binErr = errors.New(string(out))
		}
	})
	if binErr != nil {
		t.Fatalf("go build ./cmd/ismsgen: %v", binErr)
	}
	return binPath
}

func TestMain(m *testing.M) {
	code := m.Run()
	if binDir != "" {
		os.RemoveAll(binDir)
	}
	os.Exit(code)
}

// hashTree hashes every file below root, keyed by slash path.
func hashTree(t *testing.T, root string) map[string][32]byte {
	t.Helper()
	out := map[string][32]byte{}
	for name, data := range readTree(t, root) {
		out[name] = sha256.Sum256(data)
	}
	return out
}

func sameHashes(a, b map[string][32]byte) (string, bool) {
	for name, h := range a {
		if g, ok := b[name]; !ok {
			return name + " missing", false
		} else if g != h {
			return name + " differs", false
		}
	}
	for name := range b {
		if _, ok := a[name]; !ok {
			return name + " appeared", false
		}
	}
	return "", true
}

// A build killed with SIGKILL at any moment — while loading, as soon as
// its temporary folder appears, after a few pages, a third, two thirds,
// once the search index is written, just before the swap — leaves the
// previous output byte-identical (or, killed after the swap, the complete
// new one), and the next build leaves no temporary folder behind.
func TestKilledBuild(t *testing.T) {
	if testing.Short() {
		t.Skip("slow")
	}
	bin := ismsgenBinary(t)
	const n = 1200
	site := writeSite(t, corpus(n, 1))
	dest := filepath.Join(site, "public")
	build := func(env ...string) {
		t.Helper()
		cmd := exec.Command(bin, "build", "--source", site, "--now", "2026-11-25")
		cmd.Env = append(os.Environ(), env...)
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("build: %v\n%s", err, out)
		}
	}
	build()
	old := hashTree(t, dest)
	docs := 0
	for name := range old {
		if strings.HasPrefix(name, "docs/") && strings.HasSuffix(name, "/index.html") {
			docs++
		}
	}
	t.Logf("%d files, %d document pages", len(old), docs)
	// A copy of the previous output, put back after a try whose build
	// finished before its kill, so that the next try starts as the
	// others do.
	previous := filepath.Join(t.TempDir(), "previous")
	if err := os.CopyFS(previous, os.DirFS(dest)); err != nil {
		t.Fatal(err)
	}

	// The next edition: every document changes. Its complete output,
	// built elsewhere with one thread, is what a build that was not killed
	// in time may leave.
	for name, text := range corpus(n, 2) {
		writeFile(t, filepath.Join(site, filepath.FromSlash(name)), text)
	}
	other := filepath.Join(t.TempDir(), "out")
	cmd := exec.Command(bin, "build", "--source", site, "--dest", other, "--now", "2026-11-25")
	cmd.Env = append(os.Environ(), "GOMAXPROCS=1")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	next := hashTree(t, other)

	stale := map[string]bool{} // left by the build killed before; not this one's
	tmpDir := func() string {
		matches, _ := filepath.Glob(filepath.Join(site, ".ismsgen-tmp-public-*"))
		for _, m := range matches {
			if !strings.HasSuffix(m, "-old") && !stale[m] {
				if _, err := os.Stat(filepath.Join(m, ".ismsgen-output")); err == nil {
					return m
				}
			}
		}
		return ""
	}
	count := func(dir string) int {
		entries, _ := os.ReadDir(filepath.Join(dir, "docs"))
		return len(entries)
	}
	exists := func(name string) func(string) bool {
		return func(tmp string) bool {
			_, err := os.Stat(filepath.Join(tmp, name))
			return err == nil
		}
	}
	points := []struct {
		name    string
		reached func(tmp string) bool // nil: at once
		after   string                // the output then: "previous", "new" or "either"
	}{
		{"while loading", nil, "previous"},
		{"temporary folder created", func(string) bool { return true }, "previous"},
		{"a few pages", func(tmp string) bool { return count(tmp) >= 10 }, "previous"},
		{"a third of the pages", func(tmp string) bool { return count(tmp) >= docs/3 }, "previous"},
		{"two thirds of the pages", func(tmp string) bool { return count(tmp) >= 2*docs/3 }, "previous"},
		// The exports are written while the pages are rendered, and the
		// search index last, just before the swap: a kill then may come
		// before or after it, never in the middle.
		{"reports written", exists("feed.xml"), "either"},
		{"search index written", exists("search/index.js"), "either"},
		{"while the old output is removed", afterSwap(count, docs), "new"},
	}
	missed, aimed := 0, 0 // the tries meant to kill a build before its swap, and those it outran
	for _, p := range points {
		clear(stale)
		matches, _ := filepath.Glob(filepath.Join(site, ".ismsgen-tmp-public-*"))
		for _, m := range matches {
			stale[m] = true
		}
		cmd := exec.Command(bin, "build", "--source", site, "--now", "2026-11-25")
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		done := make(chan error, 1)
		go func() { done <- cmd.Wait() }()
		var waitErr error
		exited := false
		tmp := "" // this build's temporary folder, once seen
		if p.reached != nil {
			// Poll until the point is reached; the loop ends at the latest
			// when the build does.
		poll:
			for {
				select {
				case waitErr = <-done:
					exited = true
					break poll
				default:
				}
				if tmp == "" {
					tmp = tmpDir()
				}
				if tmp != "" && p.reached(tmp) {
					break
				}
				runtime.Gosched()
			}
		}
		if !exited {
			_ = cmd.Process.Kill()
			waitErr = <-done
		}
		var exit *exec.ExitError
		killed := errors.As(waitErr, &exit) && exit.Sys().(syscall.WaitStatus).Signaled()
		now := hashTree(t, dest)
		if p.after == "previous" && p.reached != nil {
			aimed++
		}
		if !killed && p.after == "previous" {
			if waitErr != nil || p.reached == nil {
				t.Errorf("%s: the build was not killed (%v)", p.name, waitErr)
			} else if why, ok := sameHashes(next, now); !ok {
				t.Errorf("%s: the build finished before its kill, and its output is not the new one (%s)", p.name, why)
			}
			// The poll, starved of the CPU on a busy machine, saw the
			// point only once the build was done: this try checks the
			// finished build alone, and most others must be killed in
			// time (below).
			missed++
			t.Logf("%s: the build finished before its kill", p.name)
			if err := os.RemoveAll(dest); err != nil {
				t.Fatal(err)
			}
			if err := os.CopyFS(dest, os.DirFS(previous)); err != nil {
				t.Fatal(err)
			}
			continue
		}
		state := "neither the previous nor the new one"
		if _, ok := sameHashes(old, now); ok {
			state = "previous"
		} else if _, ok := sameHashes(next, now); ok {
			state = "new"
		}
		if state != p.after && (p.after != "either" || !strings.Contains("previous new", state)) {
			_, why := sameHashes(old, now)
			t.Errorf("killed %s: the output is %s, want %s (%v)", p.name, state, p.after, why)
		}
		t.Logf("killed %s: %s output; temporary folders now: %v", p.name, state, leftovers(t, site))
	}

	if 2*missed > aimed {
		t.Errorf("%d of %d builds finished before the kill meant to stop them: the points come too late to test a killed build", missed, aimed)
	}
	build("GOMAXPROCS=8")
	if l := leftovers(t, site); len(l) > 0 {
		t.Errorf("temporary folders left after a normal build: %v", l)
	}
	if why, ok := sameHashes(next, hashTree(t, dest)); !ok {
		t.Errorf("the output after the normal build is not the new one (GOMAXPROCS 1 and 8 differ?): %s", why)
	}
}

// afterSwap is reached once the temporary folder is complete and then
// loses documents: after the swap it holds the previous output, which the
// build is deleting.
func afterSwap(count func(string) int, docs int) func(string) bool {
	full := false
	return func(tmp string) bool {
		n := count(tmp)
		if n >= docs {
			if _, err := os.Stat(filepath.Join(tmp, "feed.xml")); err == nil {
				full = true
			}
		}
		return full && n < docs
	}
}

// A build stopped with SIGINT (Ctrl-C) or SIGTERM at any moment — at
// once, as its temporary folder appears, after some of the pages, once
// the reports or the search index are written, while the old output is
// removed — leaves no temporary folder, dies of the signal (or, signalled
// as it ends, finishes), and leaves --dest complete: the previous output
// or the new one. Twenty tries, each signal at every point.
func TestSignalledBuild(t *testing.T) {
	if testing.Short() {
		t.Skip("slow")
	}
	bin := ismsgenBinary(t)
	const n = 600
	site := writeSite(t, corpus(n, 1))
	dest := filepath.Join(site, "public")
	build := func() {
		t.Helper()
		if out, err := exec.Command(bin, "build", "--source", site, "--now", "2026-11-25").CombinedOutput(); err != nil {
			t.Fatalf("build: %v\n%s", err, out)
		}
	}
	build()
	old := hashTree(t, dest)
	docs := 0
	for name := range old {
		if strings.HasPrefix(name, "docs/") && strings.HasSuffix(name, "/index.html") {
			docs++
		}
	}
	for name, text := range corpus(n, 2) {
		writeFile(t, filepath.Join(site, filepath.FromSlash(name)), text)
	}

	tmpDir := func() string {
		matches, _ := filepath.Glob(filepath.Join(site, ".ismsgen-tmp-public-*"))
		for _, m := range matches {
			if _, err := os.Stat(filepath.Join(m, ".ismsgen-output")); err == nil && !strings.HasSuffix(m, "-old") {
				return m
			}
		}
		return ""
	}
	count := func(dir string) int {
		entries, _ := os.ReadDir(filepath.Join(dir, "docs"))
		return len(entries)
	}
	exists := func(name string) func(string) bool {
		return func(tmp string) bool {
			_, err := os.Stat(filepath.Join(tmp, name))
			return err == nil
		}
	}
	points := []struct {
		name    string
		reached func(tmp string) bool // nil: at once
		late    bool                  // the build may finish before the signal
	}{
		{"at once", nil, false},
		{"temporary folder created", func(string) bool { return true }, false},
		{"one page", func(tmp string) bool { return count(tmp) >= 1 }, false},
		{"a third of the pages", func(tmp string) bool { return count(tmp) >= docs/3 }, false},
		{"two thirds of the pages", func(tmp string) bool { return count(tmp) >= 2*docs/3 }, false},
		{"reports written", exists("feed.xml"), true},
		{"search index written", exists("search/index.js"), true},
		{"while the old output is removed", nil, true}, // replaced below
		{"half the pages", func(tmp string) bool { return count(tmp) >= docs/2 }, false},
		{"a few pages", func(tmp string) bool { return count(tmp) >= 10 }, false},
	}
	signals := []syscall.Signal{syscall.SIGINT, syscall.SIGTERM}
	missed, aimed := 0, 0 // the tries whose point comes before the build ends, and those it did not
	for try := range 20 {
		p := points[try%len(points)]
		sig := signals[try/len(points)]
		if p.name == "while the old output is removed" {
			p.reached = afterSwap(count, docs)
		}
		var stderr strings.Builder
		cmd := exec.Command(bin, "build", "--source", site, "--now", "2026-11-25")
		cmd.Stderr = &stderr
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		done := make(chan error, 1)
		go func() { done <- cmd.Wait() }()
		var waitErr error
		exited := false
	poll:
		for tmp := ""; p.reached != nil; runtime.Gosched() {
			select {
			case waitErr = <-done:
				exited = true
				break poll
			default:
			}
			if tmp == "" {
				tmp = tmpDir()
			}
			if tmp != "" && p.reached(tmp) {
				break
			}
		}
		if !exited {
			_ = cmd.Process.Signal(sig)
			waitErr = <-done
		}
		var exit *exec.ExitError
		status := "finished"
		switch {
		case errors.As(waitErr, &exit) && exit.Sys().(syscall.WaitStatus).Signaled():
			if got := exit.Sys().(syscall.WaitStatus).Signal(); got != sig {
				t.Errorf("%s, %v: died of %v", p.name, sig, got)
			}
			status = "stopped"
		case waitErr != nil:
			t.Errorf("%s, %v: %v\n%s", p.name, sig, waitErr, stderr.String())
		case !p.late:
			// The poll, starved of the CPU on a busy machine, may see
			// the point only once the build is done: that try checks
			// nothing, and most others must (below).
			missed++
		}
		if !p.late {
			aimed++
		}
		if l := leftovers(t, site); len(l) > 0 {
			t.Errorf("%s, %v: temporary folders left: %v", p.name, sig, l)
		}
		now := hashTree(t, dest)
		_, previous := sameHashes(old, now)
		if !previous && status == "stopped" && !p.late {
			why, _ := sameHashes(old, now)
			t.Errorf("%s, %v: the output changed (%s)", p.name, sig, why)
		}
		if !previous {
			old = now // the new output, complete: the previous one of the next try
		}
		t.Logf("try %d, %v %s: %s", try+1, sig, p.name, status)
	}
	if 2*missed > aimed {
		t.Errorf("%d of %d builds finished before the signal meant to stop them: the points come too late to test an interrupted build", missed, aimed)
	}
}
