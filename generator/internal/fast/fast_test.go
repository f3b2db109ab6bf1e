package fast

import "testing"

func TestSet(t *testing.T) {
	was := On()
	restore := Set(!was)
	if On() == was {
		t.Fatalf("Set(%v): On() is still %v", !was, was)
	}
	restore()
	if On() != was {
		t.Fatalf("after restore: On() is %v, want %v", On(), was)
	}
}
