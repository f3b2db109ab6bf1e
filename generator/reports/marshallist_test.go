package reports

import (
	"encoding/json"
	"strings"
	"testing"
)

// marshalList encodes each element as json.Marshal does (HTML characters
// and U+2028 escaped, no trailing newline), one to a line.
func TestMarshalListEncodesAsMarshal(t *testing.T) {
	type item struct {
		Name string   `json:"name"`
		Tags []string `json:"tags"`
		Date jsonDate `json:"date"`
	}
	items := []item{{Name: "<a & b>", Tags: []string{}}, {Name: "行\u2028末", Tags: []string{"x\"y"}}}
	for n := range len(items) + 1 {
		got := marshalList(`{"generated":`, "2026-12-06", `,"items":[`, n, func(i int) *item { return &items[i] }, "]}\n")
		var want strings.Builder
		want.WriteString(`{"generated":"2026-12-06","items":[`)
		for i := range n {
			if i > 0 {
				want.WriteByte(',')
			}
			v, err := json.Marshal(items[i])
			if err != nil {
				t.Fatal(err)
			}
			want.WriteString("\n" + string(v))
		}
		if n > 0 {
			want.WriteByte('\n')
		}
		want.WriteString("]}\n")
		if string(got) != want.String() {
			t.Errorf("%d items:\n got %s\nwant %s", n, got, want.String())
		}
	}
}
