package markdown

import "testing"

// TestFenceTitle: the title an info string names, read from the bytes
// as written, whatever they hold (bytes that are not UTF-8 made an index
// into a lowered copy, longer than the info string, and a panic).
func TestFenceTitle(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"```python title=\"backup.py\"", "backup.py"},
		{"```sh TITLE=run.sh", "run.sh"},
		{"```sh \"run.sh\"", "run.sh"},
		{"```go", ""},
		{"```", ""},
		{"```\xbctitle=", ""},
		{"```\xbc\xbc title=x\xbc", "x\xbc"},
	} {
		if got := FenceTitle([]byte(tc.in)); got != tc.want {
			t.Errorf("FenceTitle(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
