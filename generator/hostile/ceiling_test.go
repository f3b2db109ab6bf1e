package hostile_test

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"ismsgen/generator"
)

var levels = []string{"public", "internal", "confidential", "secret"}

// restricted is one document that some builds must leave out: an approved
// record or a draft at one classification level. Every value it has —
// id, title, body, headings, attachment name and content, training,
// history, approver, SoA entry, action — contains its marker, and nothing
// else in the site does.
type restricted struct {
	level int
	draft bool
}

func (r restricted) marker() string {
	kind := "r"
	if r.draft {
		kind = "d"
	}
	return "qzx" + levels[r.level] + kind + "mk"
}

func (r restricted) id() string { return strings.ToUpper(r.marker()) }

// code names the published documents that point at r without its marker.
func (r restricted) code() string {
	return strings.ToUpper(r.marker()[3:5]) + fmt.Sprint(r.level) + map[bool]string{false: "R", true: "D"}[r.draft]
}

func (r restricted) published(ceiling int, drafts bool) bool {
	return r.level <= ceiling && (drafts || !r.draft)
}

func allRestricted() []restricted {
	var out []restricted
	for i := range levels {
		out = append(out, restricted{i, false}, restricted{i, true})
	}
	return out
}

// ceilingSite is a site in which a published hub document and published
// documents around every restricted one refer to it in every way a
// document can: body links with text, without text and with a fragment,
// related, parent of a child, superseding and superseded, the same
// department, the same training course and control, an action's
// documents and evidence. With leaveOut, the
// restricted documents it names are not written at all and the
// references to them are dropped (links become their text or the
// placeholder): that is the site a build must be indistinguishable from.
func ceilingSite(leaveOut func(restricted) bool) map[string]string {
	files := map[string]string{}
	all := allRestricted()
	var hubLinks, related, actions []string
	for _, r := range all {
		gone := leaveOut != nil && leaveOut(r)
		c := r.code()
		if gone {
			hubLinks = append(hubLinks, "- to "+c+": see text, empty unpublished document, fragment frag")
		} else {
			hubLinks = append(hubLinks, fmt.Sprintf("- to %s: [see text](%s), empty [](%s), fragment [frag](%s#part)", c, r.id(), r.id(), r.id()))
			related = append(related, fmt.Sprintf("%q", r.id()))
		}
		child, newer, concerns := "", "", `documents = ["H-HUB"]`
		if !gone {
			child, newer = fmt.Sprintf("parent = %q", r.id()), fmt.Sprintf("supersedes = [%q]", r.id())
			concerns = fmt.Sprintf("documents = [%q, \"H-HUB\"]\nevidence = %[1]q", r.id())
		}
		actions = append(actions, fmt.Sprintf("[[actions]]\nid = \"H-ACT-%s\"\ntitle = \"Action %[1]s\"\nsource = \"nonconformity\"\n%s\nowner = \"isd\"\ndue = 2026-06-01\n", c, concerns))
		files["content/tier3/child-"+c+".md"] = strings.Replace(doc("H-CHILD-"+c, "Child "+c, child+"\nclassification = \"public\"", "A child.\n"), "tier = 2", "tier = 3", 1)
		files["content/tier2/old-"+c+".md"] = doc("H-OLD-"+c, "Old "+c, "classification = \"public\"", "Old.\n")
		files["content/tier2/new-"+c+".md"] = doc("H-NEW-"+c, "New "+c, newer+"\nclassification = \"public\"", "New.\n")
		if gone {
			continue
		}
		m := r.marker()
		typ, soa := `type = "record"`, fmt.Sprintf("\n[[actions]]\nid = \"%s-A\"\ntitle = \"%s action\"\nsource = \"audit\"\ndocuments = [\"H-HUB\"]\nowner = \"isd\"\ndue = 2026-06-01\nevidence = \"H-HUB\"\n", r.id(), m)
		if r.level == len(levels)-1 && !r.draft {
			typ = `type = "soa"`
			soa = fmt.Sprintf("\n[[applicability]]\ncontrol = \"5.1\"\napplicable = true\njustification = \"%s justification\"\nimplementation = \"%s implementation\"\n", m, m)
		}
		status := `status = "approved"`
		if r.draft {
			status = `status = "draft"`
		}
		fm := strings.NewReplacer(`type = "procedure"`, typ, `status = "approved"`, status, `approver = "CEO"`, `approver = "`+m+` approver"`).Replace(doc(r.id(), m+" title", fmt.Sprintf(`author = "%[1]s author"
reviewer = "%[1]s reviewer"
classification = %[2]q
distribution = ["all"]
parent = "H-HUB"
related = ["H-HUB"]
supersedes = ["H-OLD-%[3]s"]
controls = ["5.1"]
clauses = ["9.3"]
retention = "3 years"
next_review = 2026-12-01

[[training]]
title = "%[1]s training"
url = "https://lms.example.com/course/1"

[[training]]
title = "%[1]s course"
url = "https://lms.example.com/%[1]s"

[[history]]
version = "1.0"
date = 2026-01-10
author = "%[1]s author"
summary = "%[1]s history"
%[4]s`, m, levels[r.level], c, soa), fmt.Sprintf("# %[1]s heading\n\n%[1]s body text, see [the hub](H-HUB).\n\n## part\n\n%[1]s 机密正文.\n", m)))
		files["content/tier2/"+r.id()+"/index.md"] = fm
		files["content/tier2/"+r.id()+"/"+m+" form.txt"] = m + " attachment content\n"
	}
	hub := doc("H-HUB", "Hub", fmt.Sprintf(`classification = "public"
distribution = ["all"]
related = [%s]
controls = ["5.1"]

[[training]]
title = "Awareness"
url = "https://lms.example.com/course/1"`, strings.Join(related, ", ")), "# Hub\n\nLinks:\n\n"+strings.Join(hubLinks, "\n")+"\n")
	files["content/tier1/hub.md"] = strings.Replace(hub, "tier = 2\ntype = \"procedure\"", "tier = 1\ntype = \"manual\"", 1)
	rec := doc("H-REC", "Audit record", "classification = \"public\"\nretention = \"3 years\"\nclauses = [\"9.2\"]\n\n"+strings.Join(actions, "\n"), "Findings.\n")
	files["content/tier3/rec.md"] = strings.Replace(rec, "tier = 2\ntype = \"procedure\"", "tier = 3\ntype = \"record\"", 1)
	return files
}

// A document above the classification ceiling, or a draft without
// --drafts, appears in no output byte: no page, title, id, body text,
// attachment, search entry, backlink, feed entry, sitemap URL, CSV, JSON
// or calendar row, and no count. Proved for every ceiling, with and
// without --drafts: the output (every file) must be byte-identical to the
// build of a site from which the left-out documents were deleted, and no
// file may hold the marker of a left-out document; the markers of the
// published ones must be there, so the search for them works.
func TestCeiling(t *testing.T) {
	for ceiling, level := range levels {
		for _, drafts := range []bool{false, true} {
			t.Run(fmt.Sprintf("%s drafts=%v", level, drafts), func(t *testing.T) {
				leftOut := func(r restricted) bool { return !r.published(ceiling, drafts) }
				full := writeSite(t, ceilingSite(nil))
				without := writeSite(t, ceilingSite(leftOut))
				opts := func(src string) generator.Options {
					o := options(src, filepath.Join(src, "public"))
					o.Drafts = drafts
					if drafts {
						o.Classification = level // the command-line ceiling
					} else {
						cfg := "classification = \"" + level + "\"\n" + baseConfig // the site's ceiling
						writeFile(t, filepath.Join(src, "isms.toml"), cfg)
					}
					return o
				}

				// check warns at the line of each link to a left-out document.
				res, err := generator.Check(opts(full))
				if err != nil {
					t.Fatal(err)
				}
				diags := res.Diagnostics
				var want []string
				for i, r := range allRestricted() {
					if leftOut(r) {
						// One line of the hub per restricted document, with
						// three links on it: one warning (repeats are dropped).
						want = append(want, fmt.Sprintf("content/tier1/hub.md:%d: warning: link to %s, a document this build leaves out: its text is shown without a link", 24+i, r.id()))
					}
				}
				var got, refs []string
				for _, d := range diags.Warnings() {
					switch {
					case d.Code != "withheld-link":
					case strings.HasPrefix(d.Message, "link to "):
						got = append(got, d.String())
					default:
						refs = append(refs, d.String())
					}
				}
				sameLines(t, got, want)
				// and at the front matter that names one: its child's
				// parent, its successor's supersedes, the hub's related
				for _, r := range allRestricted() {
					for _, key := range []string{"parent", "supersedes", "related"} {
						named := fmt.Sprintf("warning: %s = %q names a document this build leaves out", key, r.id())
						warned := slices.ContainsFunc(refs, func(s string) bool { return strings.Contains(s, named) })
						if warned != leftOut(r) {
							t.Errorf("%s of %s warned %v, left out %v", key, r.id(), warned, leftOut(r))
						}
					}
				}

				mustBuild(t, opts(full))
				mustBuild(t, opts(without))
				out := readTree(t, filepath.Join(full, "public"))
				ref := readTree(t, filepath.Join(without, "public"))
				sameTree(t, "the build beside the one without left-out documents", ref, out)

				for _, r := range allRestricted() {
					m := []byte(r.marker())
					found := false
					for name, data := range out {
						data = unfold(name, data)
						hit := bytes.Contains(bytes.ToLower(data), m) || strings.Contains(strings.ToLower(name), string(m))
						found = found || hit
						if hit && leftOut(r) {
							t.Errorf("%s holds %s, a document this build leaves out", name, r.id())
						}
					}
					if !found && !leftOut(r) {
						t.Errorf("the marker of %s, which is published, is nowhere: the search is broken", r.id())
					}
				}
			})
		}
	}
}

// unfold undoes the line folding of iCalendar files, which could split a
// marker.
func unfold(name string, data []byte) []byte {
	if strings.HasSuffix(name, ".ics") {
		return bytes.ReplaceAll(data, []byte("\r\n "), nil)
	}
	return data
}

var _ = os.Getenv
