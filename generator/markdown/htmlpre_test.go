package markdown

import (
	"strings"
	"testing"
)

// A <pre> block is shown as a fenced code block of its text, in the
// lines it took: its tags' lines, or the blank lines beside it, hold the
// fences; entities are read and tags inside left out.
func TestPreAsFencedCode(t *testing.T) {
	for _, tc := range []struct{ name, in, out, found string }{
		{"tags on lines of their own",
			"Run:\n<pre>\nif a &lt; b &amp;&amp; c\n  <b>x</b> <stdio.h>\n</pre>\nafter\n",
			"Run:\n```\nif a < b && c\n  x <stdio.h>\n```\nafter\n", "html-pre@1"},
		{"pre and code with a language, text on the tags' lines, blank lines beside",
			"a\n\n<pre><code class=\"language-bash\">make &gt; log\n<span class=\"k\">echo</span> ```\n</code></pre>\n\n<PRE>x</PRE>\n\nb\n",
			"a\n````bash\nmake > log\necho ```\n````\n```\nx\n```\nb\n", "html-pre@2 html-pre@6"},
		{"text on a tag's line and no blank line beside it: code in its lines, between line breaks",
			"a\n<pre>x\ny</pre>\nb\n<pre>z</pre> and more\n",
			"a\n<br>`x`\n<br>`y`<br>\nb\n<br>`z` and more\n", "html-pre@1 html-pre@4"},
		{"in a line of text: code in the line, one warning a line",
			"运行：<pre>make &amp;&amp; make install</pre>，然后 <PRE class=\"x\">`a`</PRE>。\n",
			"运行：`make && make install`，然后 `` `a` ``。\n", "html-pre@0"},
		{"text before <pre> and a blank line below, text after </pre> and a blank line above: a code block between the texts",
			"运行：<pre>\nmake\n</pre>\n\n之后\n\n<pre>\nmake\n</pre> 然后\n",
			"运行：\n```\nmake\n```\n之后\n```\nmake\n```\n然后\n", "html-pre@0 html-pre@6"},
		{"in a block quote: quoted",
			"> 示例：\n> <pre>\n> make\n>   all\n> </pre>\n>\n> <pre>x</pre>\n",
			"> 示例：\n> ```\n> make\n>   all\n> ```\n>\n> `x`\n", "html-pre@1 html-pre@6"},
		{"after a list item's marker: the item's code",
			"- <pre>\n  make\n  </pre>\n",
			"- ```\n    make\n  ```\n", "html-pre@0"},
		{"in a table's row: code in the cell, its line breaks kept",
			"| a | b |\n| --- | --- |\n| x | <pre>x|1<br>y</pre> |\n",
			"| a | b |\n| --- | --- |\n| x | `x\\|1`<br>`y` |\n", "html-pre@2"},
		{"in code, in a paragraph that ends before </pre>, in other HTML: nothing; in a wrapper of layout tags: the wrapper goes",
			"`<pre>` tag\n\nUse <pre> for code.\n\nLater </pre> here.\n\n<template>\n<pre>\nx\n</pre>\n</template>\n\n<div align=\"center\">\n<pre>\ny\n</pre>\n</div>\n",
			"`<pre>` tag\n\nUse <pre> for code.\n\nLater </pre> here.\n\n<template>\n<pre>\nx\n</pre>\n</template>\n\n\n```\ny\n```\n</div>\n", "html-pre@13"},
		{"in a list item, indented with its text",
			"1. Run:\n\n   <pre>\n   make\n     all\n   </pre>\n2. Next\n",
			"1. Run:\n\n   ```\n      make\n        all\n   ```\n2. Next\n", "html-pre@2"},
		{"in code, nothing", "```\n<pre>\nx\n</pre>\n```\n", "```\n<pre>\nx\n</pre>\n```\n", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			out, found := Adapt([]byte(tc.in))
			if string(out) != tc.out {
				t.Errorf("got\n%q\nwant\n%q", out, tc.out)
			}
			if strings.Count(string(out), "\n") != strings.Count(tc.in, "\n") {
				t.Errorf("the number of lines changed")
			}
			var got []string
			for _, f := range found {
				got = append(got, f.Code+"@"+itoa(f.Line))
			}
			if strings.Join(got, " ") != tc.found {
				t.Errorf("found %v, want %s", got, tc.found)
			}
		})
	}
}
