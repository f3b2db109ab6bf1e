package history

import (
	"bytes"
	"compress/zlib"
	"crypto/sha1"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"ismsgen/generator/internal/fast"
	"ismsgen/generator/internal/gitfixture"
)

// looseRepo commits two texts, one larger than looseObjects keeps in its
// buffer, and returns the repository, its reader of loose objects and
// the texts by blob id.
func looseRepo(t *testing.T) (*gitfixture.Repo, *looseObjects, map[string]string) {
	t.Helper()
	defer fast.Set(true)()
	g := gitfixture.New(t)
	texts := map[string]string{
		"a.md": "+++\nid = \"A\"\n+++\n\n第一段。\n",
		"b.md": strings.Repeat("a long line of text\n", largeText/10),
	}
	byBlob := map[string]string{}
	for name, text := range texts {
		if err := g.Write(name, text); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := g.Commit("2026-01-05T10:00:00+08:00", "张三", "texts"); err != nil {
		t.Fatal(err)
	}
	for name, text := range texts {
		oid, err := g.Output(nil, "rev-parse", "HEAD:"+name)
		if err != nil {
			t.Fatal(err)
		}
		byBlob[strings.TrimSpace(oid)] = text
	}
	r, notes := Open(g.Dir)
	if r == nil {
		t.Fatalf("not a repository: %v", notes)
	}
	l := r.loose()
	if l == nil {
		t.Fatal("no reader of loose objects with the fast paths on")
	}
	return g, l, byBlob
}

// A loose object is read as git reads it; anything that is not the
// blob asked for is left to git.
func TestLooseObjects(t *testing.T) {
	g, l, texts := looseRepo(t)
	for oid, want := range texts {
		if !l.ids()[oid] {
			t.Fatalf("%s is not loose", oid)
		}
		got, ok := l.read(oid)
		if !ok || string(got) != want {
			t.Errorf("read %s: %d bytes, %v; want the %d committed", oid, len(got), ok, len(want))
		}
	}
	tree, err := g.Output(nil, "rev-parse", "HEAD^{tree}")
	if err != nil {
		t.Fatal(err)
	}
	var a, b string
	for oid, text := range texts {
		if strings.HasPrefix(text, "+++") {
			a = oid
		} else {
			b = oid
		}
	}
	// Damage copies of the objects in place of a's (made writable).
	objects := func(oid string) string { return l.path(oid) }
	raw, err := os.ReadFile(objects(b))
	if err != nil {
		t.Fatal(err)
	}
	aRaw, err := os.ReadFile(objects(a))
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name string
		oid  string
		file []byte // what a's file holds instead; nil leaves it
	}{
		{"a tree", strings.TrimSpace(tree), nil},
		{"not an id", "zz" + a[2:], nil},
		{"an id too short", a[:20], nil},
		{"not loose", strings.Repeat("0", 40), nil},
		{"another object's bytes", a, raw},
		{"cut short", a, raw[:len(raw)/2]},
		{"not compressed", a, []byte("blob 5\x00hello")},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if tc.file != nil {
				p := objects(a)
				if err := os.Chmod(p, 0o644); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(p, tc.file, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			if text, ok := l.read(tc.oid); ok {
				t.Errorf("read %s gave %d bytes as the blob's", tc.oid, len(text))
			}
		})
	}
	// Packed, the objects are git's to read.
	if err := os.WriteFile(objects(a), aRaw, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := g.Git(nil, "gc", "-q"); err != nil {
		t.Fatal(err)
	}
	if l.ids()[b] {
		t.Errorf("%s is loose after git gc", b)
	}
}

// With the fast paths off, git reads every text.
func TestLooseObjectsOff(t *testing.T) {
	g, _, _ := looseRepo(t)
	defer fast.Set(false)()
	r, _ := Open(g.Dir)
	if l := r.loose(); l != nil {
		t.Errorf("a reader of loose objects in %s with the fast paths off", filepath.Base(l.dir))
	}
}

// FuzzLooseObject: a blob's loose object gives back its text, and no
// other bytes are taken for a blob's.
func FuzzLooseObject(f *testing.F) {
	f.Add([]byte("第一段。\n"), []byte{}, false)
	f.Add([]byte(""), []byte("x"), true)
	f.Add([]byte("+++\nid = \"A\"\n+++\n"), []byte("blob 3\x00abc"), false)
	f.Fuzz(func(t *testing.T, text, other []byte, compressOther bool) {
		l := &looseObjects{}
		head := "blob " + strconv.Itoa(len(text)) + "\x00"
		id := sha1.Sum(append([]byte(head), text...))
		got, ok := l.inflate(deflate(t, append([]byte(head), text...)), id)
		if !ok || !bytes.Equal(got, text) {
			t.Fatalf("the object of %q gave %q, %v", text, got, ok)
		}
		raw := other
		if compressOther {
			raw = deflate(t, other)
		}
		if got, ok := l.inflate(raw, id); ok && !bytes.Equal(got, text) {
			t.Fatalf("%q taken for the blob of %q", got, text)
		}
	})
}

func deflate(t *testing.T, b []byte) []byte {
	var out bytes.Buffer
	w := zlib.NewWriter(&out)
	if _, err := w.Write(b); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return out.Bytes()
}
