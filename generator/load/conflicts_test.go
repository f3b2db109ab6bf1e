package load

import (
	"bytes"
	"strings"
	"testing"
)

// A merge that git could not finish leaves both sides of each conflict
// in the file between <<<<<<<, ======= and >>>>>>>: one error at each
// conflict's first line, in the front matter (without the TOML errors
// its lines would make) and in the body (where ======= would make a
// heading of the line above it); the same lines in a code block, as a
// page about git shows them, are text.
func TestMergeConflicts(t *testing.T) {
	const conflict = "<<<<<<< HEAD\ntitle = \"A\"\n=======\ntitle = \"B\"\n>>>>>>> side\n"
	for _, tc := range []struct{ name, src, want string }{
		{"in the front matter", "+++\nid = \"X-1\"\n" + conflict + "tier = 2\n+++\nbody\n",
			"x.md:3: an unresolved merge conflict: git left both sides of a change here, between <<<<<<< and >>>>>>>\n" +
				"    hint: keep the lines that are right, delete the others and the lines <<<<<<<, ======= and >>>>>>>, then commit\n"},
		{"in the body", "+++\nid = \"X-1\"\n+++\nIntro.\n\n<<<<<<< HEAD\nOne.\n=======\nTwo.\n>>>>>>> 4f2a9c1\n\n<<<<<<< ours\nThree.\n=======\n>>>>>>> theirs\n",
			"x.md:6: an unresolved merge conflict: git left both sides of a change here, between <<<<<<< and >>>>>>>\n" +
				"    hint: keep the lines that are right, delete the others and the lines <<<<<<<, ======= and >>>>>>>, then commit\n" +
				"x.md:12: an unresolved merge conflict: git left both sides of a change here, between <<<<<<< and >>>>>>>\n" +
				"    hint: keep the lines that are right, delete the others and the lines <<<<<<<, ======= and >>>>>>>, then commit\n"},
		{"in a code block", "+++\nid = \"X-1\"\n+++\n```\n<<<<<<< HEAD\nOne.\n=======\nTwo.\n>>>>>>> side\n```\n", ""},
		{"a heading underlined with =", "+++\nid = \"X-1\"\n+++\nTitle\n=======\n\nText.\n", ""},
		{"markers without their middle", "+++\nid = \"X-1\"\n+++\n<<<<<<< a\n\n>>>>>>> b\n", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, diags := ParseDocument("x.md", []byte(tc.src))
			var b bytes.Buffer
			diags.Print(&b, nil)
			if got := b.String(); got != tc.want {
				t.Errorf("got:\n%s\nwant:\n%s", got, tc.want)
			}
		})
	}
	cfg := "title = \"T\"\n" + strings.ReplaceAll(conflict, "title", "organisation")
	_, diags := ParseConfig("isms.toml", []byte(cfg))
	if len(diags) != 1 || diags[0].Line != 2 || !strings.Contains(diags[0].Message, "merge conflict") {
		t.Errorf("isms.toml: %v", diags)
	}
}
