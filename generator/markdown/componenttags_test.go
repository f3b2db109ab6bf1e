package markdown

import (
	"strings"
	"testing"
)

// A component's tag in the text is shown as written, with a warning at
// its line; words in angle brackets written for a value to fill in, HTML
// (warned of as HTML), code and the tags of imported components are not
// warned of so.
func TestComponentTagsWarned(t *testing.T) {
	for _, tc := range []struct{ name, in, found string }{
		{"a badge and a slot",
			"# API <Badge text=\"beta\"/>\n\n<template #title>\nTitle\n</template>\n\n<Tip>x</Tip> and <el-button type=\"primary\">Go</el-button>\n",
			"component-tag@0 component-tag@2 component-tag@6"},
		{"placeholders, generics, ids, links, HTML and code",
			"Write <your name>, <Server IP>, <ID> and <ISMS-P-009>; List<String>, <Hostname>.\n<https://example.com> <b>bold</b> <table x=\"y\">\n`<Badge text=\"x\"/>`\n\n```\n<Badge/>\n```\n\n    <Badge/>\n",
			""},
		{"an imported component is left to its import's warning",
			"<script setup>\nimport Badge from './Badge.vue'\n</script>\n\nA <Badge text=\"new\"/> and <Other/>.\n",
			"component-tag@4"},
		{"in an HTML block, left out with its own warning",
			"<div class=\"x\">\n<Badge text=\"a\"/>\n</div>\n",
			""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, found := Adapt([]byte(tc.in))
			var got []string
			for _, f := range found {
				if f.Code == "component-tag" {
					got = append(got, f.Code+"@"+itoa(f.Line))
				}
			}
			if strings.Join(got, " ") != tc.found {
				t.Errorf("found %v, want %s", got, tc.found)
			}
		})
	}
}
