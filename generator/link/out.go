package link

import (
	"path"
	"slices"
	"strings"

	"ismsgen/generator/diag"
	"ismsgen/generator/markdown"
	"ismsgen/generator/model"
)

// linksOut fills in the links of d, if it is published, and warns of
// each that its page shows as text only — to a document this build
// leaves out or one of its files, to a file it does not publish, to a
// heading that is not there — and of images on other hosts. It returns
// the files in no bundle that d links to.
func linksOut(site *model.Site, d *model.Document, links []target, anchors, dropped map[*model.Document]map[string]bool, warnings *diag.List) []*model.Attachment {
	if site.Doc(d.ID) != d {
		return nil
	}
	var loose []*model.Attachment
	for _, t := range links {
		l := model.Link{Dest: t.dest, Image: t.image, Line: t.line, Kind: model.TextOnly}
		switch t.kind {
		case toDoc:
			l.TargetID = t.doc.ID
			if t.image {
				warnings.Warnf(d.Path, t.line, "image-of-document", "write [text](ID) for a link to a document; an image needs a picture file, such as ./diagram.png", "image whose source is the document %s: it is shown as a link to the document", t.doc.ID)
			}
			switch {
			case site.Doc(t.doc.ID) != t.doc && t.doc.Faulty:
				// left out for its own errors, reported at its file
			case site.Doc(t.doc.ID) != t.doc:
				warnings.Warnf(d.Path, t.line, "withheld-link", withheldHint, "link to %s, a document this build leaves out: its text is shown without a link", t.doc.ID)
			default:
				l.Kind, l.Target = model.ToDocument, t.doc
				l.Fragment = anchor(anchors[t.doc], t.fragment)
				if l.Fragment == "" && t.fragment != "" && titleAnchor(t.doc, t.fragment) {
					// The title heading left out of the body: the top
					// of the page, where the title is.
					if t.doc == d {
						l.Fragment = topOfPage
					}
					break
				}
				if t.fragment != "" && l.Fragment == "" {
					self := t.doc == d // named as "this document": its id says nothing new on its own page
					hint := diag.Msg("link to one of the headings of %[1]s, e.g. %[1]s#%[2]s", t.doc.ID, firstAnchor(anchors[t.doc]))
					if self {
						hint = diag.Msg("link to one of the headings of this document, e.g. #%s", firstAnchor(anchors[t.doc]))
					}
					if len(anchors[t.doc]) == 0 && self {
						hint = diag.Msg("this document has no headings: link without the #fragment, or give it a heading (## …) to link to")
					} else if len(anchors[t.doc]) == 0 {
						hint = diag.Msg("%s has no headings: link to it without the #fragment, or give it a heading (## …) to link to", t.doc.ID)
					} else if kept := translatedAnchor(anchors[t.doc], t.fragment); kept != "" {
						// a translated heading that keeps the English
						// one ("## 审计日志 - Audit Log"), linked by the
						// English id of the page it was translated from
						written, _, _ := strings.Cut(t.dest, "#")
						hint = diag.Msg("did you mean %q?", written+"#"+kept)
					} else if near := closestAnchor(anchors[t.doc], t.fragment); near != "" {
						// a heading misspelt, or counted wrong ("#scope-2"),
						// in the link as the author wrote it
						written, _, _ := strings.Cut(t.dest, "#")
						hint = diag.Msg("did you mean %q?", written+"#"+near)
					} else if named := anchor(anchors[t.doc], linkText(d, t.ref)); named != "" {
						// a translated page's table of contents: the
						// heading was translated, its id in the link not
						written, _, _ := strings.Cut(t.dest, "#")
						hint = diag.Msg("did you mean %q?", written+"#"+named)
					}
					if !dropped[t.doc][t.fragment] && !t.doc.IDTaken { // else warned at the anchor, or the link may mean the other file of its id
						if self {
							warnings.Warnf(d.Path, t.line, "missing-anchor", hint, "this document has no heading with the id %q", t.fragment)
						} else {
							warnings.Warnf(d.Path, t.line, "missing-anchor", hint, "%s has no heading with the id %q", t.doc.ID, t.fragment)
						}
					}
					if t.doc == d {
						l.Kind, l.Target = model.TextOnly, nil // a link to the top of its own page is none
					}
				}
			}
		case toAttachment:
			if site.Doc(t.doc.ID) != t.doc {
				if !t.doc.Faulty {
					warnings.Warnf(d.Path, t.line, "withheld-link", withheldHint, "link to %s, a file of %s, a document this build leaves out: its text is shown without a link", t.dest, t.doc.ID)
				}
				break
			}
			l.Kind, l.File, l.Fragment = model.ToFile, t.doc.URL()+model.EscapePath(t.file.Name), t.fragment
		case toLoose:
			l.Kind, l.File, l.Fragment = model.ToFile, model.LooseURL(t.file), t.fragment
			loose = append(loose, t.file)
		case toUnpublishable:
			warnings.Warnf(d.Path, t.line, "unpublished-link", "see the warning about the file: publish it as one of the types ismsgen publishes, or remove the link", "link to %s, a file this build does not publish: its text is shown without a link", t.dest)
		case toWithheld:
			// Its text without a link: in the bundle's own document,
			// the note at the draft's status line says why; another
			// document is told here.
			if dir, name := path.Split(d.Path); name != "index.md" || !strings.HasPrefix(t.path, dir) {
				warnings.Warnf(d.Path, t.line, "withheld-link", "link to it once the revision is approved, or link to the document by its id",
					"link to %s, a file of a page bundle whose document is being revised: the site shows the version in force, which does not publish it, and the link's text without a link", t.dest)
			}
		case toRemoteImage:
			l.Kind = model.ImageLink
			var hint any = "save the picture in the document's page bundle (ID/index.md, with the picture in ID/img/) and show it from there"
			if t.local != "" {
				// shown from the set's own repository on a code host
				hint = diag.Msg("the set holds a file of its name: show it from there, ![…](%s)", t.local)
			}
			warnings.Warnf(d.Path, t.line, "remote-image", hint, "the image %q is on another host: it is shown as a link to it, since the site loads nothing from other hosts", t.dest)
		}
		if l.Kind == model.ToDocument && l.Target == d && l.Dest == "#"+l.Fragment {
			continue // a heading of the page, written as its id: left as written
		}
		if l.Kind == model.ToDocument && l.Target != d && site.LeftOut[model.FoldID(l.Fragment)] {
			// a heading whose own id names a document this build leaves
			// out has another on its page (render): the top of the page
			l.Fragment = ""
		}
		d.Graph.LinksOut = append(d.Graph.LinksOut, l)
	}
	return loose
}

const withheldHint = "publish the target (approve it, or build with --drafts or a higher --classification), or remove the link"

// topOfPage is the element of every page that its title opens.
const topOfPage = "main"

// titleAnchor reports whether frag names the heading that d's body
// started with and that was left out for repeating the title.
func titleAnchor(d *model.Document, frag string) bool {
	frag = strings.TrimPrefix(frag, githubPrefix)
	return d.TitleAnchor != "" && (frag == d.TitleAnchor || markdown.Slug(frag) == d.TitleAnchor)
}

// anchor is the heading id of a page that the fragment frag names: as
// written, or as a heading's text would make it ("Purpose", "4.1 制定计划"
// for "purpose", "41-制定计划"), or as GitHub shows it, after the prefix
// "user-content-" of its heading ids that an author copied from the
// address bar, or as VitePress makes it ("build-target" for
// "buildtarget"), or without a heading id's hyphens ("ssrnoexternal"
// for "ssr-noexternal"), or as the first heading of its text has it when
// a layout takes the id ("content-1" for "content"); "" when the page has
// none.
func anchor(ids map[string]bool, frag string) string {
	switch {
	case frag == "":
		return ""
	case ids[frag]:
		return frag
	case ids[markdown.Slug(frag)]:
		return markdown.Slug(frag)
	case markdown.LayoutID(markdown.Slug(frag)) && ids[markdown.Slug(frag)+"-1"]:
		// "## Content", whose id is "content-1": the page's layout
		// has an element of the id "content"
		return markdown.Slug(frag) + "-1"
	}
	if rest, ok := strings.CutPrefix(frag, githubPrefix); ok {
		return anchor(ids, rest)
	}
	// GitHub makes each space a '-', where a heading id has one for a
	// run of them: "Painkillers > Vitamins" is "painkillers--vitamins"
	// there. Rare, so the ids are only looked through on a miss.
	want := hyphenRuns(markdown.Slug(frag))
	if strings.Contains(frag, "-") {
		var found []string
		for id := range ids {
			if hyphenRuns(id) == want {
				found = append(found, id)
			}
		}
		if len(found) > 0 {
			return slices.Min(found) // the same heading from build to build
		}
	}
	// VitePress and Docusaurus make a heading's '.' or '/' a '-'
	// ("build.target" is "build-target"), where a heading id here
	// leaves it out, as GitHub's does ("buildtarget"); and the other
	// way, a fragment written as GitHub would make it ("ssrnoexternal")
	// for a heading whose id here has a '-' ("ssr-noexternal"): the one
	// heading whose id is the fragment, both without their hyphens.
	want = strings.ReplaceAll(want, "-", "")
	named := ""
	for id := range ids {
		if strings.ReplaceAll(id, "-", "") == want {
			if named != "" {
				return "" // two: which one is unknown
			}
			named = id
		}
	}
	return named
}

// hyphenRuns is s with each run of '-' one, none at either end.
func hyphenRuns(s string) string {
	if !strings.Contains(s, "--") && !strings.HasPrefix(s, "-") && !strings.HasSuffix(s, "-") {
		return s
	}
	var b strings.Builder
	for _, part := range strings.Split(s, "-") {
		if part != "" {
			if b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteString(part)
		}
	}
	return b.String()
}

// githubPrefix starts the id GitHub gives a heading on a page it shows.
const githubPrefix = "user-content-"

// linkedFiles are the files in no page bundle that published documents
// link to, each once, by path; the others are not published, with a
// warning at the file unless a document this build leaves out links to
// it (withheld): that file has a document, and is published with it.
func linkedFiles(files *model.Files, linked [][]*model.Attachment, withheld map[*model.Attachment]bool, diags *diag.List) []*model.Attachment {
	used := map[*model.Attachment]bool{}
	var out []*model.Attachment
	for _, list := range linked {
		for _, a := range list {
			if !used[a] {
				used[a] = true
				out = append(out, a)
			}
		}
	}
	slices.SortFunc(out, func(a, b *model.Attachment) int { return strings.Compare(a.Path, b.Path) })
	for i := range files.Loose {
		if a := &files.Loose[i]; !used[a] && !withheld[a] {
			diags.Warnf(a.Path, 0, "unlinked-file", "link to it from the document it belongs to, or put it in that document's page bundle (a folder ID/ with ID/index.md)", "the file is not published: it is in no page bundle, and no published document links to it")
		}
	}
	return out
}
