package markdown

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
