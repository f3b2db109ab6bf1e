package history

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"runtime"
	"slices"
	"strings"

	"ismsgen/generator/internal/par"
)

// readAhead reads the texts the documents' walks will read (see
// newWalk: every commit's but the last of each document file, and the
// last one's too when the file may have changed), as soon as the log is
// read: git writes them into temporary files while the build reads and
// links the documents, and Documents takes them from there. Read into a
// pipe, git would wait for the build to take each part, and the build's
// cores are busy reading the documents then; so the walks waited for
// git afterwards (a quarter of a second on 10,000 documents).
type readAhead struct {
	parts []*aheadPart
}

// readingAhead is false for the tests that read without a readAhead.
var readingAhead = true

// aheadPart is the texts one git process reads ahead.
type aheadPart struct {
	cmd    *exec.Cmd // nil when git has none of want to read
	out    *os.File  // git's answers, in the order of want
	want   []aheadText
	loose  *looseObjects // reads the loose ones of want; nil when none is
	nLoose int           // how many texts loose read
	stderr bytes.Buffer
}

// aheadText is a text read ahead: rev of the file f, read by git or, if
// loose, by the part's looseObjects.
type aheadText struct {
	f     *fileLog
	rev   int
	loose bool
}

// startReadAhead starts the reading ahead of the texts of the document
// files of l (dirty: those that may differ from the head commit). It
// is nil when there is nothing to read, or when it cannot start: the
// walks then read their texts themselves.
func (r *Repo) startReadAhead(l *Log, dirty map[string]bool) *readAhead {
	if !readingAhead {
		return nil
	}
	paths := make([]string, 0, len(l.files))
	for p := range l.files {
		if strings.EqualFold(pathExt(p), ".md") {
			paths = append(paths, p)
		}
	}
	slices.Sort(paths)
	var want []aheadText
	for _, p := range paths {
		f := l.files[p]
		from := 1
		if dirty[p] {
			from = 0
		}
		for i := from; i < len(f.revs) && f.revs[i].blob != ""; i++ {
			want = append(want, aheadText{f: f, rev: i})
		}
	}
	if len(want) == 0 {
		return nil
	}
	loose := r.loose()
	if loose != nil {
		ids := loose.ids()
		for i := range want {
			want[i].loose = ids[want[i].f.revs[want[i].rev].blob]
		}
	}
	// Shared, a file's texts together, among as many git processes as
	// the walks' texts would be (see readers).
	n := min(runtime.GOMAXPROCS(0), 4, max(1, len(want)/perReader))
	a := &readAhead{}
	for k := 0; k < n && len(want) > 0; k++ {
		end := len(want)
		if k < n-1 {
			end = min(len(want), len(want)/(n-k)+1)
			for end < len(want) && want[end].f == want[end-1].f {
				end++
			}
		}
		p, err := r.startPart(want[:end], loose)
		if err != nil {
			a.close()
			return nil
		}
		a.parts = append(a.parts, p)
		want = want[end:]
	}
	return a
}

// startPart starts one git process that reads the texts of want that are
// not loose into a temporary file, asked for in another.
func (r *Repo) startPart(want []aheadText, loose *looseObjects) (*aheadPart, error) {
	p := &aheadPart{want: want}
	n := 0
	for _, t := range want {
		if t.loose {
			n++
		}
	}
	if n > 0 {
		p.loose = &looseObjects{dir: loose.dir}
	}
	if n == len(want) {
		return p, nil
	}
	in, err := tempFile()
	if err != nil {
		return nil, err
	}
	defer closeTemp(in)
	w := bufio.NewWriterSize(in, 64<<10)
	for _, t := range want {
		if !t.loose {
			w.WriteString(t.f.revs[t.rev].blob)
			w.WriteByte('\n')
		}
	}
	if err := w.Flush(); err != nil {
		return nil, err
	}
	if _, err := in.Seek(0, io.SeekStart); err != nil {
		return nil, err
	}
	out, err := tempFile()
	if err != nil {
		return nil, err
	}
	p.cmd, p.out = r.run.command("cat-file", "--batch"), out
	p.cmd.Stdin, p.cmd.Stdout, p.cmd.Stderr = in, out, &p.stderr
	if err := p.cmd.Start(); err != nil {
		closeTemp(out)
		return nil, err
	}
	return p, nil
}

// tempFile makes a temporary file that is gone once closed with
// closeTemp: on Unix its name is removed at once, and the file goes with
// its last descriptor.
func tempFile() (*os.File, error) {
	f, err := os.CreateTemp("", "ismsgen-history-*")
	if err == nil {
		os.Remove(f.Name())
	}
	return f, err
}

// closeTemp closes a file of tempFile and removes its name, which
// Windows keeps while a file is open.
func closeTemp(f *os.File) {
	f.Close()
	os.Remove(f.Name())
}

// takeAhead returns the texts read ahead, once; nil when there are
// none, or they were taken.
func (h *History) takeAhead() *readAhead {
	h.mu.Lock()
	defer h.mu.Unlock()
	a := h.ahead
	h.ahead = nil
	return a
}

// take gives the walks the texts read ahead, each to the walk of its
// file when it is the next that walk reads; the others are left to
// readWalks. The parts are taken on every core: no two share a file.
func (a *readAhead) take(h *History, walks []*walk) error {
	byFile := make(map[*fileLog]*walk, len(walks))
	for _, w := range walks {
		byFile[w.f] = w
	}
	errs := make([]error, len(a.parts))
	par.Each(len(a.parts), func(i int) { errs[i] = a.parts[i].take(h, byFile) })
	h.mu.Lock()
	h.most = max(h.most, len(a.parts))
	for _, p := range a.parts {
		h.done += len(p.want)
		h.loose += p.nLoose
	}
	h.mu.Unlock()
	return errors.Join(errs...)
}

// take gives the walks of byFile the part's texts. The texts kept for
// their pages stay where git wrote them: the store adopts the file.
func (p *aheadPart) take(h *History, byFile map[*fileLog]*walk) error {
	var b *blobs
	var read *counted
	if p.cmd != nil {
		if err := p.cmd.Wait(); err != nil {
			closeTemp(p.out)
			return fmt.Errorf("git cat-file: %v: %s", err, strings.TrimSpace(p.stderr.String()))
		}
		h.texts.adopt(p.out)
		read = &counted{r: io.NewSectionReader(p.out, 0, 1<<62)}
		b = &blobs{out: bufio.NewReaderSize(read, 256<<10), max: maxBlob}
	}
	for _, t := range p.want {
		blob := t.f.revs[t.rev].blob
		w := byFile[t.f]
		if t.loose {
			if w == nil || w.next != t.rev {
				continue
			}
			// A loose text that is not the blob's leaves the rest of its
			// file's texts to readWalks, which asks git.
			if text, ok := p.loose.read(blob); ok {
				p.nLoose++
				w.take(h, text, readEarlierHeader(text))
			}
			continue
		}
		text, err := b.next(blob)
		if err != nil {
			return fmt.Errorf("git cat-file: %w", err)
		}
		if w == nil || w.next != t.rev {
			continue
		}
		if text != nil {
			// Its bytes end before the newline that ends the answer.
			end := read.n - int64(b.out.Buffered()) - 1
			h.texts.keepAt(blob, p.out, end-int64(len(text)), int64(len(text)))
		}
		w.take(h, text, readEarlierHeader(text))
	}
	return nil
}

// counted counts the bytes read from r.
type counted struct {
	r io.Reader
	n int64
}

func (c *counted) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}

// close ends what was not taken.
func (a *readAhead) close() {
	for _, p := range a.parts {
		if p.cmd == nil {
			continue
		}
		_ = p.cmd.Process.Kill()
		_ = p.cmd.Wait()
		closeTemp(p.out)
	}
}
