package pack

import (
	"strings"
	"testing"
)

// A page's policy in the pack allows its inline styles, whatever the hash
// of its print style holds: html/template writes a '+' of the hash as
// "&#43;", whose ';' ended the directive that selfContained replaced, and
// left the rest of the hash as a directive of its own, which browsers
// refuse.
func TestSelfContainedPolicy(t *testing.T) {
	for _, hash := range []string{"sha256-abc=", "sha256-4npf9EtsCVf6qDUCBOYhUal7IDD1jV&#43;u3buWN/7eaO8="} {
		page := `<meta http-equiv="Content-Security-Policy" content="default-src 'self'; img-src 'self' data:; style-src 'self' '` + hash + `'; script-src 'self'; object-src 'none'">`
		got := string(selfContained([]byte(page), "docs/X/", "documents/X.html", nil, Input{}))
		want := `<meta http-equiv="Content-Security-Policy" content="default-src 'self'; img-src 'self' data:; style-src 'unsafe-inline'; script-src 'none'; object-src 'none'">`
		if !strings.Contains(got, want) {
			t.Errorf("%s:\n%s\nwant\n%s", hash, got, want)
		}
	}
}
