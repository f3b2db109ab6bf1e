package markdown

import (
	"testing"

	"github.com/yuin/goldmark/renderer/html"
)

var dangerousCases = []struct {
	url  string
	want bool
}{
	{"https://example.org/", false},
	{"../../docs/ISMS-P-001/", false},
	{"#scope", false},
	{"javascript:alert(1)", true},
	{"JaVaScRiPt:alert(1)", true},
	{"vbscript:msgbox", true},
	{"VBSCRIPT:x", true},
	{"file:///etc/passwd", true},
	{"data:text/html,<b>", true},
	{"DATA:text/html,<b>", true},
	{"data:image/png;base64,AAAA", false},
	{"data:image/PNG;base64,AAAA", false},
	{"DATA:IMAGE/GIF;x", false},
	{"data:image/jpeg;x", false},
	{"data:image/webp;x", false},
	{"data:image/svg+xml;x", true},
	{"data:image/", true},
	{"javascript", false},
	{"java\u0130cript:", false}, // İ lowers to i, but to fewer bytes
	{"\u212Aavascript:", false}, // the Kelvin sign lowers to k
	{"jav\xffscript:", false},
	{"", false},
}

func TestDangerousURL(t *testing.T) {
	for _, c := range dangerousCases {
		if got := dangerousURL([]byte(c.url)); got != c.want {
			t.Errorf("dangerousURL(%q) = %v, want %v", c.url, got, c.want)
		}
		if got := html.IsDangerousURL([]byte(c.url)); got != c.want {
			t.Errorf("goldmark's IsDangerousURL(%q) = %v, want %v: the cases are out of date", c.url, got, c.want)
		}
	}
}

// FuzzDangerousURL: the same answer as goldmark's IsDangerousURL for any URL.
func FuzzDangerousURL(f *testing.F) {
	for _, c := range dangerousCases {
		f.Add([]byte(c.url))
	}
	f.Fuzz(func(t *testing.T, url []byte) {
		if got, want := dangerousURL(url), html.IsDangerousURL(url); got != want {
			t.Errorf("dangerousURL(%q) = %v, goldmark says %v", url, got, want)
		}
	})
}
