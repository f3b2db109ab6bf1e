package reports

import (
	"strings"
	"testing"
)

// text writes what line writes of the value escaped by icsText, folded
// alike, for short and long values and characters of several bytes.
func TestICSTextLineAsLine(t *testing.T) {
	long := strings.Repeat("信息安全,a;b\\c ", 12)
	for _, parts := range [][]string{{}, {"x"}, {"a,b", "c;d\r\x01"}, {long, "版本: 2.0", long}} {
		var got, want icsWriter
		got.text("DESCRIPTION:", parts...)
		got.text("SUMMARY:", parts...) // the scratch reused
		want.line("DESCRIPTION:" + icsText(strings.Join(parts, "\n")))
		want.line("SUMMARY:" + icsText(strings.Join(parts, "\n")))
		if got.String() != want.String() {
			t.Errorf("%q:\n got %q\nwant %q", parts, got.String(), want.String())
		}
	}
}
