package markdown

import "testing"

// A template tag in a link's address that stands for a path from the
// site's root does not hint at writing that path, which is an error of
// its own: the hint sends the author to the relative path that error
// names. One that stands for a relative path hints at it.
func TestTemplateDestHint(t *testing.T) {
	for _, tc := range []struct{ in, hint string }{
		{"[c]({% link docs/a.md %}#b)\n", "write the path itself, relative to this document, as the error at this line gives it (not /docs/a.md#b, from the site's root)"},
		{"![p]({{ site.baseurl }}/img/p.png)\n", "write the path itself, relative to this document, as the error at this line gives it (not /img/p.png, from the site's root)"},
		{"[s]({{< relref \"scope.md\" >}})\n", "write the path itself, relative to this document: [text](scope.md)"},
	} {
		_, found := templateDests([]byte(tc.in))
		if len(found) != 1 || found[0].Hint.String() != tc.hint {
			t.Errorf("%q: %v, want hint %q", tc.in, found, tc.hint)
		}
	}
}
