package serve

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// BenchmarkEditReload measures one document edit → the reload event of its
// page, on a quiet server (the background work of the previous edit is
// done). It edits a copy of the sample, or of the site in
// $ISMSGEN_SERVE_CORPUS, e.g. one made by
// go run ./cmd/gencorpus 10000 /tmp/c10k.
//
//	go test -run ^$ -bench EditReload ./generator/serve
//	ISMSGEN_SERVE_CORPUS=/tmp/c10k go test -run ^$ -bench 'EditReload|NoopRebuild' -benchtime 20x ./generator/serve
func BenchmarkEditReload(b *testing.B) {
	benchRebuild(b, func(i int, data []byte) []byte { return fmt.Appendf(data, "\n\n追加段落 %d。\n", i) })
}

// BenchmarkNoopRebuild measures a document saved without a change → the
// log line that says there is nothing to rebuild.
func BenchmarkNoopRebuild(b *testing.B) {
	benchRebuild(b, nil)
}

// benchRebuild writes a document of the site, edited by edit (nil: as it
// was), once per iteration, and reports the median and 90th percentile of
// the time from the write to the reload event of the document's page, or
// (nil) to the log line of a save without a change.
func benchRebuild(b *testing.B, edit func(i int, data []byte) []byte) {
	site := benchSite(b)
	srv, events, nothing := startWatched(b, site, "内容未变")
	docs := publishedDocs(b, srv, site)
	var took []time.Duration
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		b.StopTimer()
		<-srv.Settled()
		d := docs[(i*7919)%len(docs)]
		data, err := os.ReadFile(d.path)
		if err != nil {
			b.Fatal(err)
		}
		page := ""
		if edit != nil {
			data, page = edit(i, data), "/docs/"+d.id+"/"
		}
		b.StartTimer()
		start := time.Now()
		if err := os.WriteFile(d.path, data, 0o644); err != nil {
			b.Fatal(err)
		}
		if edit != nil {
			waitReload(b, events, page)
		} else {
			select {
			case <-nothing:
			case <-time.After(time.Minute):
				b.Fatal("no log line for a save without a change")
			}
		}
		took = append(took, time.Since(start))
	}
	slices.Sort(took)
	b.ReportMetric(float64(took[len(took)/2].Microseconds())/1000, "median-ms")
	b.ReportMetric(float64(took[len(took)*9/10].Microseconds())/1000, "p90-ms")
}

func benchSite(b *testing.B) string {
	src := os.Getenv("ISMSGEN_SERVE_CORPUS")
	if src == "" {
		src = filepath.Join("..", "..")
	}
	dst := b.TempDir()
	for _, name := range []string{"isms.toml", "content"} {
		err := filepath.WalkDir(filepath.Join(src, name), func(p string, e fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			rel, _ := filepath.Rel(src, p)
			if e.IsDir() {
				return os.MkdirAll(filepath.Join(dst, rel), 0o755)
			}
			data, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			return os.WriteFile(filepath.Join(dst, rel), data, 0o644)
		})
		if err != nil {
			b.Fatal(err)
		}
	}
	return dst
}

type benchDoc struct{ path, id string }

// publishedDocs lists the documents that have a page.
func publishedDocs(b *testing.B, srv *Server, site string) []benchDoc {
	var docs []benchDoc
	for path, f := range srv.eng.files {
		if f.conv.Doc == nil {
			continue
		}
		if _, _, ok := srv.store.get("docs/" + f.conv.Doc.ID + "/index.html"); ok {
			docs = append(docs, benchDoc{filepath.Join(site, filepath.FromSlash(path)), f.conv.Doc.ID})
		}
	}
	if len(docs) == 0 {
		b.Fatal("no published documents")
	}
	slices.SortFunc(docs, func(x, y benchDoc) int { return strings.Compare(x.path, y.path) })
	return docs
}

func waitReload(b testing.TB, events <-chan Event, page string) {
	b.Helper()
	timeout := time.After(time.Minute)
	for {
		select {
		case ev := <-events:
			if ev.Kind == KindErrors && len(ev.Errors) > 0 {
				b.Fatalf("the edit broke the site: %v", ev.Errors)
			}
			if ev.Kind == KindReload && slices.Contains(ev.Pages, page) {
				return
			}
		case <-timeout:
			b.Fatalf("no reload of %s", page)
		}
	}
}
