package history

import (
	"bufio"
	"errors"
	"io"
	"strings"
	"testing"

	"ismsgen/generator/internal/gitfixture"
)

// fakeBlobs answers requests with out, as git cat-file --batch would.
func fakeBlobs(out string) *blobs {
	return &blobs{in: bufio.NewWriter(io.Discard), out: bufio.NewReader(strings.NewReader(out)), max: 10}
}

// next reads each kind of answer of cat-file.
func TestBlobsNext(t *testing.T) {
	const a = "0123456789abcdef0123456789abcdef01234567"
	for _, tc := range []struct {
		name, out string
		text      string
		isNil     bool
		err       string
	}{
		{"a blob", a + " blob 5\nhello\n", "hello", false, ""},
		{"an empty blob", a + " blob 0\n\n", "", false, ""},
		{"missing", a + " missing\n", "", true, ""},
		{"too large", a + " blob 11\nhello world\n", "", true, ""},
		{"a tree", a + " tree 5\nhello\n", "", true, "object " + a + " is a tree, not a file"},
		{"another object", "1123456789abcdef0123456789abcdef01234567 blob 5\nhello\n", "", true, "object " + a + ": 1123456789abcdef0123456789abcdef01234567 blob 5"},
		{"a bad size", a + " blob -1\n\n", "", true, "object " + a + ": bad size \"-1\""},
		{"too many fields", a + " blob 5 6\nhello\n", "", true, "object " + a + ": " + a + " blob 5 6"},
		{"cut short", a + " blob 5\nhel", "", true, "unexpected EOF"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			text, err := fakeBlobs(tc.out).next(a)
			if msg := errText(err); msg != tc.err || string(text) != tc.text || (text == nil) != tc.isNil {
				t.Errorf("next gave %q (nil %v), error %q; want %q (nil %v), error %q", text, text == nil, msg, tc.text, tc.isNil, tc.err)
			}
		})
	}
}

func errText(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}

// read gives each text bytes of its own, though next reads each into
// the same buffer.
func TestBlobsReadCopies(t *testing.T) {
	b := fakeBlobs("a blob 3\none\nb missing\nc blob 3\ntwo\n")
	texts, err := b.read([]string{"a", "b", "c"})
	if err != nil || len(texts) != 3 || string(texts[0]) != "one" || texts[1] != nil || string(texts[2]) != "two" {
		t.Errorf("read gave %q, %v; want one, nothing, two", texts, err)
	}
}

// A reading that fails half-way (a file of the site of a day that cannot
// be written: a full disk) ends git's process: git was left writing a
// text of a megabyte that no one read, and closing the reader waited for
// it for ever (without the fix this test does not end).
func TestBlobsEachStopsGit(t *testing.T) {
	r := gitfixture.New(t)
	var oids []string
	for i := range 4 {
		text := strings.Repeat(string(rune('a'+i)), 1<<20)
		r.MustWrite("f.txt", text)
		oid, err := r.Output(nil, "hash-object", "-w", "f.txt")
		if err != nil {
			t.Fatal(err)
		}
		oids = append(oids, strings.TrimSpace(oid))
	}
	r.MustCommit("2026-01-05T10:00:00+08:00", "张三", "first")
	repo, notes := Open(r.Dir)
	if repo == nil {
		t.Fatal(notes)
	}
	b, err := repo.openBlobs()
	if err != nil {
		t.Fatal(err)
	}
	full := errors.New("no space left on device")
	err = b.each(oids, func(i, size int, body io.Reader) error { return full })
	b.close()
	if !errors.Is(err, full) {
		t.Errorf("each: %v, want the error of the file written", err)
	}
}
