package markdown

import (
	"strings"
	"testing"
)

// A fenced code block in a list item is indented with the item's text
// ("1. Run:", then "    ```bash"), and so is its closing fence. Every
// adaptation after it reads on only if that fence closes the block: an
// admonition, a full-width link, a template tag further down was shown
// as written, without a warning, for the rest of the document.
func TestAdaptAfterCodeInAListItem(t *testing.T) {
	steps := "1. Go to the folder.\n\n    ```bash\n    cd x\n    ```\n\n   10. Nested.\n\n       ~~~\n       y\n       ~~~\n\n2. Start it.\n\n"
	for _, tc := range []struct {
		name, in, out string
		found         []string // code@line
	}{
		{"an admonition", "!!! note\n    Check it.\n",
			"> **Note**\n> Check it.\n", []string{"admonition@14"}},
		{"a full-width link", "见[表]（form.md）。\n",
			"见[表](form.md)。\n", []string{"fullwidth-link@14"}},
		{"a template tag in a line of text", "Version {{< param version >}} is current.\n",
			"Version {{< param version >}} is current.\n", []string{"template-tag@14"}},
		{"a fence indented deeper than its item's text, closed as deep", "1. a\n\n        ```\n        not a fence: code\n        ```\n\n!!! tip\n    T.\n",
			"1. a\n\n        ```\n        not a fence: code\n        ```\n\n> **Tip**\n> T.\n", []string{"admonition@20"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			out, found := Adapt([]byte(steps + tc.in))
			if got := strings.TrimPrefix(string(out), steps); got != tc.out {
				t.Errorf("got\n%q\nwant\n%q", got, tc.out)
			}
			var codes []string
			for _, f := range found {
				codes = append(codes, f.Code+"@"+itoa(f.Line))
			}
			if strings.Join(codes, " ") != strings.Join(tc.found, " ") {
				t.Errorf("found %v, want %v", codes, tc.found)
			}
		})
	}
}

// MkDocs indents a list item's text four spaces, and an admonition in
// the item with it ("1. Start it.", then "    !!! note" and its text
// eight spaces in): it was shown as the text "!!! note" and its text as
// code, without a warning. It is the block quote an admonition at the
// margin is, in the item.
func TestAdmonitionInAListItem(t *testing.T) {
	for _, tc := range []struct {
		name, in, out string
		found         []string // code@line
	}{
		{"in a numbered item",
			"1. Start it.\n\n    !!! note\n\n        If the image is old, update it.\n\n    ```bash\n    up\n    ```\n\n2. Connect.\n",
			"1. Start it.\n\n   > **Note**\n   >\n   > If the image is old, update it.\n\n    ```bash\n    up\n    ```\n\n2. Connect.\n",
			[]string{"admonition@2"}},
		{"in a bulleted item, with a title and fenced code in it",
			"- item\n\n    !!! caution \"注意\"\n        Read it.\n\n        ```\n        x\n        ```\n",
			"- item\n\n  > **注意**\n  > Read it.\n  >\n  > ```\n  > x\n  > ```\n",
			[]string{"admonition@2"}},
		{"indented code outside a list stays code",
			"Text.\n\n    !!! note\n        Code.\n",
			"Text.\n\n    !!! note\n        Code.\n", nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			out, found := Adapt([]byte(tc.in))
			if string(out) != tc.out {
				t.Errorf("got\n%q\nwant\n%q", out, tc.out)
			}
			var codes []string
			for _, f := range found {
				codes = append(codes, f.Code+"@"+itoa(f.Line))
			}
			if strings.Join(codes, " ") != strings.Join(tc.found, " ") {
				t.Errorf("found %v, want %v", codes, tc.found)
			}
		})
	}
}

// A <script> or <style> block is left out whole, with its own warning;
// the lines in it are script or style, not Markdown: an admonition's or
// a fenced div's line in it was rewritten. The import lines of
// VitePress's <script setup> still name the components whose tags are
// left out, as MDX's do.
func TestNothingAdaptedInAScriptBlock(t *testing.T) {
	in := "<script setup>\nimport { computed } from 'vue'\n!!! note\n</script>\n\n<STYLE scoped>\n::: tip\n</style>\n<script>import x from 'y'</script>\n\nimport A from './a.mdx'\n"
	want := "<script setup>\nimport { computed } from 'vue'\n!!! note\n</script>\n\n<STYLE scoped>\n::: tip\n</style>\n<script>import x from 'y'</script>\n\n\n"
	out, found := Adapt([]byte(in))
	if string(out) != want {
		t.Errorf("got\n%q\nwant\n%q", out, want)
	}
	var codes []string
	for _, f := range found {
		codes = append(codes, f.Code+"@"+itoa(f.Line))
	}
	if got := strings.Join(codes, " "); got != "mdx-import@1 mdx-import@10" {
		t.Errorf("found %s, want mdx-import@1 mdx-import@10", got)
	}
}

func TestComponentOfAScriptSetupLeftOut(t *testing.T) {
	out, _ := Adapt([]byte("<script setup>\nimport BlogIndex from './BlogIndex.vue'\n</script>\n\n# Blog\n\n<BlogIndex/>\n"))
	if want := "<script setup>\nimport BlogIndex from './BlogIndex.vue'\n</script>\n\n# Blog\n\n\n"; string(out) != want {
		t.Errorf("got %q, want %q", out, want)
	}
}
