//go:build unix

package hostile_test

import (
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"syscall"
	"testing"

	"ismsgen/generator"
)

// pipeWriter answers every reader of the named pipe path with text until
// stop, and counts the readers: a build that opens the pipe would wait
// for ever for a writer, so the test plays the writer and then says
// whether the build opened it at all.
type pipeWriter struct {
	path    string
	text    string
	readers atomic.Int32
	stopped atomic.Bool
	done    chan struct{}
}

func newPipe(t *testing.T, path, text string) *pipeWriter {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Mkfifo(path, 0o644); err != nil {
		t.Skipf("no named pipes here: %v", err)
	}
	p := &pipeWriter{path: path, text: text, done: make(chan struct{})}
	go func() {
		defer close(p.done)
		for {
			f, err := os.OpenFile(p.path, os.O_WRONLY, 0) // waits for a reader
			if err != nil {
				return
			}
			if p.stopped.Load() {
				f.Close()
				return
			}
			p.readers.Add(1)
			_, _ = f.WriteString(p.text)
			f.Close()
		}
	}()
	return p
}

// stop ends the writer (opening the pipe as the reader it waits for) and
// returns how many readers it had.
func (p *pipeWriter) stop() int {
	p.stopped.Store(true)
	if r, err := os.OpenFile(p.path, os.O_RDONLY|syscall.O_NONBLOCK, 0); err == nil {
		<-p.done
		r.Close()
	}
	return int(p.readers.Load())
}

// A named pipe, or a link to a device, in the place of isms.toml, a
// layout or an asset is an error at that file, and is never read: a
// build that opened the pipe waited for ever for something to write to
// it, and one that read /dev/zero never ended.
func TestSiteFilesThatAreNoFiles(t *testing.T) {
	for _, tc := range []struct {
		file, text, want string
	}{
		{"isms.toml", baseConfig, "isms.toml:1: "},
		{"layouts/base.html", "{{define \"base\"}}x{{end}}", "layouts/base.html: "},
		{"layouts/partials/own.html", "x", "layouts/partials/own.html: "},
		{"assets/css/main.css", "body{}", "assets/css/main.css:1: "},
	} {
		for _, kind := range []string{"pipe", "device"} {
			t.Run(tc.file+" "+kind, func(t *testing.T) {
				site := writeSite(t, good())
				path := filepath.Join(site, filepath.FromSlash(tc.file))
				if err := os.Remove(path); err != nil && !os.IsNotExist(err) {
					t.Fatal(err)
				}
				var pipe *pipeWriter
				if kind == "pipe" {
					pipe = newPipe(t, path, tc.text)
				} else {
					if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
						t.Fatal(err)
					}
					if err := os.Symlink(os.DevNull, path); err != nil {
						t.Fatal(err)
					}
				}
				res, err := generator.Build(options(site, filepath.Join(t.TempDir(), "public")))
				if pipe != nil {
					if n := pipe.stop(); n > 0 {
						t.Errorf("the build opened the pipe %s %d time(s)", tc.file, n)
					}
				}
				if err != nil {
					t.Fatal(err)
				}
				zh := generator.Messages(defaults(), "zh-CN")
				for _, d := range res.Diagnostics.Errors() {
					if missing := zh.Untranslated(d); len(missing) > 0 {
						t.Errorf("%s: no zh-CN translation of %q", d, missing)
					}
				}
				errs := strs(res.Diagnostics.Errors())
				if len(errs) != 1 || !strings.HasPrefix(errs[0], tc.want) || !strings.Contains(errs[0], "not a regular file") {
					t.Errorf("errors:\n%s", strings.Join(errs, "\n"))
				}
			})
		}
	}
}
