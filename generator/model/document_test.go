package model

import (
	"testing"
	"unsafe"
)

// TestKeepURL: URL gives the same path with or without KeepURL, and after
// the ID changes.
func TestKeepURL(t *testing.T) {
	d := &Document{ID: "ISMS-P-001"}
	if got := d.URL(); got != "docs/ISMS-P-001/" {
		t.Fatalf("URL() = %q", got)
	}
	d.KeepURL()
	if a, b := d.URL(), d.URL(); a != "docs/ISMS-P-001/" || unsafe.StringData(a) != unsafe.StringData(b) {
		t.Errorf("after KeepURL: %q and %q, not one string", a, b)
	}
	d.ID = "ISMS-P-002"
	if got := d.URL(); got != "docs/ISMS-P-002/" {
		t.Errorf("after the ID changed: URL() = %q", got)
	}
}
