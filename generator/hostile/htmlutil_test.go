package hostile_test

import (
	"bytes"
	"testing"

	"golang.org/x/net/html"
)

// parseHTML parses a page; the HTML5 parser accepts anything, so the
// tests look at the tree it builds, as a browser would.
func parseHTML(t *testing.T, page []byte) *html.Node {
	t.Helper()
	root, err := html.Parse(bytes.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	return root
}

// findAll returns every element with the tag name, in document order.
func findAll(t *testing.T, page []byte, tag string) []*html.Node {
	t.Helper()
	var out []*html.Node
	walkHTML(parseHTML(t, page), func(n *html.Node) {
		if n.Type == html.ElementNode && n.Data == tag {
			out = append(out, n)
		}
	})
	return out
}

func walkHTML(n *html.Node, f func(*html.Node)) {
	f(n)
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		walkHTML(c, f)
	}
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func has(n *html.Node, key string) bool {
	for _, a := range n.Attr {
		if a.Key == key {
			return true
		}
	}
	return false
}
