package link

import (
	"net/url"
	"strings"

	"github.com/yuin/goldmark/util"
)

// external reports whether a destination names a scheme ("https://x",
// "mailto:a", "tel:1") or another host ("//host/x"): a link left as
// written. A single letter before ':' is a Windows drive ("C:\x"), not a
// scheme.
func external(dest string) bool {
	dest = unescape(dest)
	if strings.HasPrefix(dest, "//") {
		return true
	}
	i := strings.IndexByte(dest, ':')
	if i < 2 {
		return false
	}
	for j, c := range []byte(dest[:i]) {
		letter := 'a' <= c|0x20 && c|0x20 <= 'z'
		if !letter && (j == 0 || !('0' <= c && c <= '9' || c == '+' || c == '-' || c == '.')) {
			return false
		}
	}
	return true
}

// remote reports whether an image's destination is on another host:
// showing it would make the page load it from there.
func remote(dest string) bool {
	d := strings.ToLower(unescape(dest))
	return strings.HasPrefix(d, "//") || strings.HasPrefix(d, "http:") || strings.HasPrefix(d, "https:") || strings.HasPrefix(d, "ftp:")
}

// unescape is a destination as a browser follows it: backslash escapes
// and character references resolved, as goldmark does when it writes
// the URL, then percent-encoding.
func unescape(dest string) string {
	if !strings.ContainsAny(dest, `\&%`) {
		return dest
	}
	s := string(util.ResolveEntityNames(util.ResolveNumericReferences(util.UnescapePunctuations([]byte(dest)))))
	if u, err := url.PathUnescape(s); err == nil {
		s = u
	}
	return s
}
