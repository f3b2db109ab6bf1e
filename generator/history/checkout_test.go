package history_test

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"ismsgen/generator/history"
	"ismsgen/generator/model"
)

// The site of a day copies each file to its own as git gives it: the
// attachments of a bundle, which git may keep in few bytes (a file of
// zeros, or one file under many names), are never held in memory all
// at once. Twelve files of 2 MiB, one blob, allocated 48 MiB (each read
// and kept whole); a hostile repository of a few hundred KiB, a zero
// file of 100 MB under sixteen names, took 2.3 GB.
func TestCheckoutHoldsNoAttachmentWhole(t *testing.T) {
	r := repo(t)
	r.MustWrite("content/P-1/index.md", doc("P-1", "1.0", "approved", "第一版。\n", "1.0"))
	big := bytes.Repeat([]byte("0"), 2<<20)
	const files = 12
	for i := range files {
		r.MustWrite(fmt.Sprintf("content/P-1/f%02d.csv", i), string(big))
	}
	commit(t, r, "2026-01-05T10:00:00+08:00", "张三")
	repo, _ := history.Open(r.Dir)
	at, _, err := repo.At(model.Date{Year: 2026, Month: 1, Day: 5})
	must(t, err)

	dir := t.TempDir()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	_, _, err = at.Checkout(dir)
	runtime.ReadMemStats(&after)
	must(t, err)
	if alloc := after.TotalAlloc - before.TotalAlloc; alloc > uint64(2*len(big)) {
		t.Errorf("the checkout of %d files of %d bytes allocated %d bytes, more than two of them", files, len(big), alloc)
	}
	for i := range files {
		got, err := os.ReadFile(filepath.Join(dir, "content", "P-1", fmt.Sprintf("f%02d.csv", i)))
		if err != nil || !bytes.Equal(got, big) {
			t.Errorf("f%02d.csv: %d bytes (%v), want the %d of the commit", i, len(got), err, len(big))
		}
	}
	if got, err := os.ReadFile(filepath.Join(dir, "content", "P-1", "index.md")); err != nil || !bytes.Contains(got, []byte("第一版。")) {
		t.Errorf("index.md: %q (%v)", got, err)
	}
}
