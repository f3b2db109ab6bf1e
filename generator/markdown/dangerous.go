package markdown

import (
	"strings"

	"github.com/yuin/goldmark/util"
)

// dangerousURL is goldmark's html.IsDangerousURL without its allocations:
// javascript:, vbscript:, file: and data: URLs are dangerous, but for
// data:image/png;, gif;, jpeg; and webp; (in any case). goldmark lowers
// both sides of each comparison with bytes.ToLower, eight slices for a
// safe link; comparing ASCII letters without regard to case gives the same
// answers, since a byte that is not ASCII never lowers to the same number
// of ASCII bytes (FuzzDangerousURL compares the two).
func dangerousURL(url []byte) bool {
	if hasPrefixFold(url, "data:image/") && len(url) >= 11 {
		v := url[11:]
		return !(hasPrefixFold(v, "png;") || hasPrefixFold(v, "gif;") || hasPrefixFold(v, "jpeg;") || hasPrefixFold(v, "webp;"))
	}
	return hasPrefixFold(url, "javascript:") || hasPrefixFold(url, "vbscript:") ||
		hasPrefixFold(url, "file:") || hasPrefixFold(url, "data:")
}

// hasPrefixFold reports whether s starts with prefix, a lower-case ASCII
// string, with ASCII letters in s compared without regard to case.
func hasPrefixFold(s []byte, prefix string) bool {
	if len(s) < len(prefix) {
		return false
	}
	for i := range len(prefix) {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != prefix[i] {
			return false
		}
	}
	return true
}

// scriptSchemes are the schemes of the links that ScriptURL stops.
var scriptSchemes = []string{"javascript:", "vbscript:", "data:", "file:"}

// ScriptURL reports whether a link's destination would run code or embed
// data: a javascript:, vbscript:, data: or file: URL, however it is
// written. Such a link is shown as its text.
func ScriptURL(dest string) bool {
	// goldmark resolves entities and backslash escapes when it writes the
	// URL ("&#106;avascript:" is "javascript:"), so look at both forms.
	for _, u := range []string{dest, string(util.URLEscape([]byte(dest), true))} {
		// Browsers ignore control characters and white space inside a scheme.
		d := strings.ToLower(strings.Map(func(r rune) rune {
			if r <= ' ' {
				return -1
			}
			return r
		}, u))
		for _, scheme := range scriptSchemes {
			if strings.HasPrefix(d, scheme) {
				return true
			}
		}
	}
	return false
}

// RasterData reports whether an image URL is an embedded PNG, GIF, JPEG
// or WebP picture: data, not code, which a page shows (goldmark lets
// these through as well); any other image that ScriptURL reports is
// shown as its text.
func RasterData(dest string) bool {
	d := strings.ToLower(strings.TrimSpace(dest))
	for _, p := range []string{"data:image/png", "data:image/gif", "data:image/jpeg", "data:image/webp"} {
		if strings.HasPrefix(d, p) {
			return true
		}
	}
	return false
}

// indexLowerASCII is the index in s of the first instance of lower, a
// lower-case ASCII string, ASCII letters in s compared without regard to
// case; -1 when there is none. Unlike an index into bytes.ToLower(s), it
// is an index into s whatever s holds: ToLower writes each invalid UTF-8
// byte as the three bytes of U+FFFD.
func indexLowerASCII(s []byte, lower string) int {
	for i := 0; i+len(lower) <= len(s); i++ {
		if hasPrefixFold(s[i:], lower) {
			return i
		}
	}
	return -1
}
