package history

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"os/exec"
	"strconv"
	"sync"
)

// blobs reads file contents from the repository through one
// `git cat-file --batch` process. It is safe for concurrent use.
type blobs struct {
	mu  sync.Mutex
	cmd *exec.Cmd
	in  *bufio.Writer
	out *bufio.Reader
	w   io.Closer
	err error  // the process failed: every later read fails
	max int    // the largest blob read; larger ones are nil
	n   int    // how many were asked for
	buf []byte // the last text read, when it was not large (see next)
}

func (r *Repo) openBlobs() (*blobs, error) {
	cmd := r.run.command("cat-file", "--batch")
	w, err := cmd.StdinPipe()
	if err != nil {
		return nil, err
	}
	rd, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	return &blobs{cmd: cmd, in: bufio.NewWriterSize(w, 64<<10), out: bufio.NewReaderSize(rd, 256<<10), w: w, max: maxBlob}, nil
}

// read returns the contents of each blob, in order; nil for a blob the
// repository does not have, or one too large to be a document.
func (b *blobs) read(oids []string) ([][]byte, error) {
	out := make([][]byte, len(oids))
	err := b.stream(oids, func(i int, text []byte) { out[i] = bytes.Clone(text) })
	if err != nil {
		return nil, err
	}
	return out, nil
}

// stream reads the blobs and gives each to take with its index as soon
// as it is read, in order: a caller that keeps few of them never holds
// them all. A text is take's only for the call (the next is read into
// its bytes): take copies what it keeps.
func (b *blobs) stream(oids []string, take func(i int, text []byte)) error {
	return b.batch(oids, func(i int, oid string) error {
		text, err := b.next(oid)
		if err == nil {
			take(i, text)
		}
		return err
	})
}

// batch asks git for oids and calls read for each in order, to read its
// answer; an error of read ends the reading, stops git and ends b.
func (b *blobs) batch(oids []string, read func(i int, oid string) error) error {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.err != nil {
		return b.err
	}
	written := b.ask(oids)
	var err error
	for i, oid := range oids {
		if err = read(i, oid); err != nil {
			break
		}
	}
	if err != nil {
		b.stop()
	}
	if werr := <-written; err == nil && werr != nil {
		err = werr
	}
	if err != nil {
		b.err = fmt.Errorf("git cat-file: %w", err)
		return b.err
	}
	return nil
}

// ask writes the requests for oids to git beside the reading, so that
// git never waits for the next one; the channel gives the writing's
// error, or nil, once every request is written.
func (b *blobs) ask(oids []string) <-chan error {
	b.n += len(oids)
	written := make(chan error, 1)
	go func() {
		for _, oid := range oids {
			b.in.WriteString(oid)
			if err := b.in.WriteByte('\n'); err != nil {
				written <- err
				return
			}
		}
		written <- b.in.Flush()
	}()
	return written
}

// maxBlob is the largest text read, as load reads no larger document.
const maxBlob = 32 << 20

// largeText is the size of a text whose bytes next reads into a slice
// of their own rather than its buffer, so as not to keep them.
const largeText = 1 << 20

// each reads the blobs one at a time, in order, and gives each to put
// with its index, its size and a reader of its bytes, which put may read
// in part or not at all (the rest is skipped); a blob the repository
// does not have is not given. No text is held whole unless put holds it:
// the site of a day copies its attachments, however large and however
// many, to their files rather than holding them all in memory. An error
// of put ends the reading, and b.
func (b *blobs) each(oids []string, put func(i, size int, body io.Reader) error) error {
	return b.batch(oids, func(i int, oid string) error {
		size, found, err := b.header(oid)
		if err != nil || !found {
			return err
		}
		body := io.LimitedReader{R: b.out, N: int64(size)}
		if err := put(i, size, &body); err != nil {
			return err
		}
		_, err = b.out.Discard(int(body.N) + 1)
		return err
	})
}

// header reads the line of one answer of cat-file, "<oid> blob
// <size>\n": the size of the text that follows it, and false for a blob
// the repository does not have.
func (b *blobs) header(oid string) (size int, found bool, err error) {
	line, err := b.out.ReadSlice('\n')
	if err != nil {
		return 0, false, err
	}
	header := bytes.TrimSpace(line)
	got, kind, _ := bytes.Cut(header, []byte(" "))
	kind, sizeField, hasSize := bytes.Cut(kind, []byte(" "))
	if string(got) == oid && string(kind) == "missing" && !hasSize {
		return 0, false, nil // not in this clone (a partial one): the version is missing
	}
	if string(got) != oid || !hasSize || len(sizeField) == 0 || bytes.ContainsAny(sizeField, " \t") {
		return 0, false, fmt.Errorf("object %s: %s", oid, header)
	}
	if string(kind) != "blob" {
		return 0, false, fmt.Errorf("object %s is a %s, not a file", oid, kind)
	}
	size, err = strconv.Atoi(string(sizeField))
	if err != nil || size < 0 {
		return 0, false, fmt.Errorf("object %s: bad size %q", oid, sizeField)
	}
	return size, true, nil
}

// next reads one answer of cat-file: "<oid> blob <size>\n<data>\n". The
// text is in b's buffer, until the next is read.
func (b *blobs) next(oid string) ([]byte, error) {
	size, found, err := b.header(oid)
	if err != nil || !found {
		return nil, err
	}
	if size > b.max {
		_, err := b.out.Discard(size + 1)
		return nil, err
	}
	var data []byte
	if size+1 <= largeText {
		if cap(b.buf) < size+1 {
			b.buf = make([]byte, max(size+1, 16<<10))
		}
		data = b.buf[:size+1]
	} else {
		data = make([]byte, size+1)
	}
	if _, err := io.ReadFull(b.out, data); err != nil {
		return nil, err
	}
	return data[:size:size], nil
}

// stop ends the process of a reading that failed half-way: git may be
// writing a large text that no one reads any more (the site of a day
// stopped by a full disk), and waiting for the requests still to be
// written, or for git to end, would wait for ever.
func (b *blobs) stop() {
	if b.cmd != nil && b.cmd.Process != nil {
		_ = b.cmd.Process.Kill()
	}
}

// close ends the process.
func (b *blobs) close() {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.cmd == nil {
		return
	}
	b.w.Close()
	_ = b.cmd.Wait()
	b.cmd = nil
	if b.err == nil {
		b.err = fmt.Errorf("git cat-file: closed")
	}
}
