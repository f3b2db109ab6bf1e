package link

import (
	"path"
	"slices"
	"strings"
	"testing"

	"ismsgen/generator/diag"
	"ismsgen/generator/load"
	"ismsgen/generator/model"
	"ismsgen/generator/validate"
)

// fileSite links the documents of docs (path → text, as doc makes them)
// with the other files under content/ (paths): those in a document's
// bundle folder are its attachments, "x.svg" files are not published,
// the others are files in no bundle. It returns the site and the
// diagnostics, sorted.
func fileSite(t *testing.T, opts Options, docs map[string]string, others ...string) (*model.Site, []string) {
	t.Helper()
	cf, _ := load.ParseConfig("isms.toml", []byte(config))
	cfg, _ := validate.Config(cf)
	var converted []*model.Document
	var files model.Files
	dirs := map[string]bool{}
	for p := range docs {
		files.Markdown = append(files.Markdown, p)
	}
	slices.Sort(files.Markdown)
	for _, p := range files.Markdown {
		f, d := load.ParseDocument(p, []byte(docs[p]))
		if d.HasErrors() {
			t.Fatal(d)
		}
		src := &load.Doc{File: f}
		for _, o := range others {
			if dir := path.Dir(p); path.Base(p) == "index.md" && strings.HasPrefix(o, dir+"/") && !strings.HasSuffix(o, ".svg") {
				src.Attachments = append(src.Attachments, model.Attachment{Name: o[len(dir)+1:], Path: o})
			}
		}
		doc, d := validate.Document(cfg, src)
		if d.HasErrors() {
			t.Fatal(d)
		}
		converted = append(converted, doc)
	}
	for _, o := range append(slices.Clone(others), files.Markdown...) {
		if dir := hiddenDir(o); dir != "" {
			// in a folder that is not read, as load lists it
			if !slices.Contains(files.Skipped, dir) {
				files.Skipped = append(files.Skipped, dir)
			}
			continue
		}
		for dir := path.Dir(o); dir != "content"; dir = path.Dir(dir) {
			dirs[dir] = true
		}
		switch inBundle := slices.ContainsFunc(files.Markdown, func(p string) bool {
			return path.Base(p) == "index.md" && strings.HasPrefix(o, path.Dir(p)+"/")
		}); {
		case strings.HasSuffix(o, ".md"):
		case strings.HasSuffix(o, ".svg"):
			files.Unpublishable = append(files.Unpublishable, o)
		case !inBundle:
			files.Loose = append(files.Loose, model.Attachment{Name: o[len("content/"):], Path: o})
		}
	}
	for dir := range dirs {
		files.Dirs = append(files.Dirs, dir)
	}
	slices.Sort(files.Dirs)
	all, d := validate.Set(converted, nil)
	if d.HasErrors() {
		t.Fatal(d)
	}
	s, d := Site(cfg, all, &files, opts, nil)
	d.Sort()
	var out []string
	for _, x := range d {
		out = append(out, x.String()+" | "+x.Hint)
	}
	return s, out
}

// linksOf lists what d's links became: kind, then the URL or the target.
func linksOf(s *model.Site, id string) []string {
	var out []string
	for _, l := range s.Doc(id).Graph.LinksOut {
		switch l.Kind {
		case model.ToDocument:
			out = append(out, l.Dest+" → "+l.Target.ID+"#"+l.Fragment)
		case model.ToFile:
			out = append(out, l.Dest+" → "+l.File+"#"+l.Fragment)
		case model.TextOnly:
			out = append(out, l.Dest+" → text")
		case model.ImageLink:
			out = append(out, l.Dest+" → a link")
		}
	}
	return out
}

func TestFileLinks(t *testing.T) {
	body := func(id, text string) string { return doc(id, "approved", "internal", text) }
	for _, tc := range []struct {
		name   string
		opts   Options
		docs   map[string]string
		others []string
		links  []string // of A
		diags  []string
	}{
		{
			name: "paths to documents' files, fragments kept and checked",
			docs: map[string]string{
				"content/tier1/a.md":              body("A", "[x](../tier2/p.md#4-程序) [y](../tier2/p.md#4-%E7%A8%8B%E5%BA%8F) [z](./../tier2/p.md#Purpose)\n[f](../tier3/F-3/index.md) [g](../tier3/F-3/) [h](../tier3/F-3) [r](../sec/checklist/)\n[n](../tier2/p.md#nope)\n[m](../tier2/p.md#purpse) [i](P#4-程) [s](#scope-2)\n\n## Scope\n\n## Scope\n"),
				"content/tier2/p.md":              body("P", "## Purpose\n\n## 4 程序\n"),
				"content/tier3/F-3/index.md":      body("F-3", ""),
				"content/sec/checklist/README.md": body("CL-1", ""),
			},
			links: []string{
				"../tier2/p.md#4-程序 → P#4-程序", "../tier2/p.md#4-%E7%A8%8B%E5%BA%8F → P#4-程序", "./../tier2/p.md#Purpose → P#purpose",
				"../tier3/F-3/index.md → F-3#", "../tier3/F-3/ → F-3#", "../tier3/F-3 → F-3#", "../sec/checklist/ → CL-1#",
				"../tier2/p.md#nope → P#", "../tier2/p.md#purpse → P#", "P#4-程 → P#", "#scope-2 → text",
			},
			diags: []string{
				`content/tier1/a.md:14: warning: P has no heading with the id "nope" | link to one of the headings of P, e.g. P#4-程序`,
				`content/tier1/a.md:15: warning: P has no heading with the id "4-程" | did you mean "P#4-程序"?`,
				`content/tier1/a.md:15: warning: P has no heading with the id "purpse" | did you mean "../tier2/p.md#purpose"?`,
				`content/tier1/a.md:15: warning: this document has no heading with the id "scope-2" | did you mean "#scope-1"?`,
			},
		},
		{
			name: "files in bundles, images, files in no bundle",
			docs: map[string]string{
				"content/tier1/a.md":         body("A", "![](../tier3/F-3/img/a.png) [form](<../tier3/F-3/upload/表 1.docx>) ![b](../img/b.png?raw=true) [s](../img/s.svg)\n"),
				"content/tier3/F-3/index.md": body("F-3", "![](img/a.png)\n"),
			},
			others: []string{"content/tier3/F-3/img/a.png", "content/tier3/F-3/upload/表 1.docx", "content/img/b.png", "content/img/s.svg", "content/img/unused.png"},
			links:  []string{"../tier3/F-3/img/a.png → docs/F-3/img/a.png#", "../tier3/F-3/upload/表 1.docx → docs/F-3/upload/%E8%A1%A8%201.docx#", "../img/b.png?raw=true → files/img/b.png#", "../img/s.svg → text"},
			diags: []string{
				"content/img/unused.png: warning: the file is not published: it is in no page bundle, and no published document links to it | link to it from the document it belongs to, or put it in that document's page bundle (a folder ID/ with ID/index.md)",
				`content/tier1/a.md:12: warning: link to ../img/s.svg, a file this build does not publish: its text is shown without a link | see the warning about the file: publish it as one of the types ismsgen publishes, or remove the link`,
				`content/tier1/a.md:12: warning: the query "?raw=true" of the link "../img/b.png?raw=true" is left out: the link goes to the file content/img/b.png, which a query does not change | show the picture without the query: ![text](../img/b.png)`,
			},
		},
		{
			name: "a query on a link to a file of a bundle or of no bundle: left out, with a warning at its line",
			docs: map[string]string{
				"content/tier1/a.md":         body("A", "Text\n[form](../tier3/F-3/files/form.xlsx?v=2#sheet) [log](../files/log.csv?download=1)\n"),
				"content/tier3/F-3/index.md": body("F-3", ""),
			},
			others: []string{"content/tier3/F-3/files/form.xlsx", "content/files/log.csv"},
			links:  []string{"../tier3/F-3/files/form.xlsx?v=2#sheet → docs/F-3/files/form.xlsx#sheet", "../files/log.csv?download=1 → files/files/log.csv#"},
			diags: []string{
				`content/tier1/a.md:13: warning: the query "?download=1" of the link "../files/log.csv?download=1" is left out: the link goes to the file content/files/log.csv, which a query does not change | link to the file without the query: [text](../files/log.csv)`,
				`content/tier1/a.md:13: warning: the query "?v=2" of the link "../tier3/F-3/files/form.xlsx?v=2#sheet" is left out: the link goes to the file content/tier3/F-3/files/form.xlsx, which a query does not change | link to the file without the query: [text](../tier3/F-3/files/form.xlsx#sheet)`,
			},
		},
		{
			name: "paths that name nothing: the nearest file as the hint, never the document itself",
			docs: map[string]string{
				"content/tier1/a.md":         body("A", "[x](../tier3/p.md)\n[y](linux_web.md)\n[z](../../README.md)\n[w](../tier2/)\n[v](../tier2/q.md)\n"),
				"content/tier1/linux-web.md": body("L", ""),
				"content/tier2/p.md":         body("P", ""),
				"content/tier3/x.md":         body("X", "[self](x2.md)\n"),
			},
			diags: []string{
				`content/tier1/a.md:12: broken link: "../tier3/p.md" names content/tier3/p.md, which does not exist | did you mean "../tier2/p.md"?`,
				`content/tier1/a.md:13: broken link: "linux_web.md" names content/tier1/linux_web.md, which does not exist | did you mean "linux-web.md"?`,
				`content/tier1/a.md:14: broken link: "../../README.md" points outside content/, where nothing is published | link to a document by its id, e.g. [Access control policy](ISMS-P-009), or to a file under content/ by its path relative to this document`,
				`content/tier1/a.md:15: broken link: "../tier2/" names the folder content/tier2, which holds no index.md or README.md | add an index.md (or README.md) to the folder, or link to one of its files`,
				`content/tier1/a.md:16: broken link: "../tier2/q.md" names content/tier2/q.md, which does not exist | did you mean "../tier2/p.md"?`,
				`content/tier3/x.md:12: broken link: "x2.md" names content/tier3/x2.md, which does not exist | link to a document by its id, e.g. [Access control policy](ISMS-P-009), or to a file under content/ by its path relative to this document`,
			},
		},
		{
			name: "paths that name nothing: a full-width ＃ before the heading, a name cut short",
			docs: map[string]string{
				"content/a.md":             body("A", "[x](api.md＃span-operations)\n[y](setup.md)\n[z](guide.md)\n[w](github.com/org/parser/v2) [v](www.example.cn)\n[u](＃scope)\n"),
				"content/api.md":           body("P", "## Span operations\n"),
				"content/setup-and-faq.md": body("S", ""),
				"content/guide-one.md":     body("G1", ""),
				"content/guide-two.md":     body("G2", ""),
			},
			diags: []string{
				`content/a.md:12: broken link: "api.md＃span-operations" names content/api.md＃span-operations, which does not exist | write the # before the heading half-width: "api.md#span-operations"`,
				`content/a.md:13: broken link: "setup.md" names content/setup.md, which does not exist | did you mean "setup-and-faq.md"?`,
				`content/a.md:14: broken link: "guide.md" names content/guide.md, which does not exist | link to a document by its id, e.g. [Access control policy](ISMS-P-009), or to a file under content/ by its path relative to this document`,
				`content/a.md:15: broken link: "github.com/org/parser/v2" names content/github.com/org/parser/v2, which does not exist | write the web address whole, with https://: [text](https://github.com/org/parser/v2)`,
				`content/a.md:15: broken link: "www.example.cn" names content/www.example.cn, which does not exist | write the web address whole, with https://: [text](https://www.example.cn)`,
				`content/a.md:16: broken link: "＃scope" names content/＃scope, which does not exist | write the # before the heading half-width: "#scope"`,
			},
		},
		{
			name: "paths that name nothing: a template's placeholder for an address",
			docs: map[string]string{
				"content/a.md": body("A", "[wiki]({{&devWikiURL}}) and [site]({{&companyWebsiteURL}}/security) [x](${base}/a)\n"),
			},
			diags: []string{
				`content/a.md:12: broken link: "${base}/a" names content/${base}/a, which does not exist | the address holds a template's placeholder, ${base}, which pages here do not fill in: write the address it stands for, [text](https://…)`,
				`content/a.md:12: broken link: "{{&companyWebsiteURL}}/security" names content/{{&companyWebsiteURL}}/security, which does not exist | the address holds a template's placeholder, {{&companyWebsiteURL}}, which pages here do not fill in: write the address it stands for, [text](https://…)`,
				`content/a.md:12: broken link: "{{&devWikiURL}}" names content/{{&devWikiURL}}, which does not exist | the address holds a template's placeholder, {{&devWikiURL}}, which pages here do not fill in: write the address it stands for, [text](https://…)`,
			},
		},
		{
			name: "a translated page's links to headings by their English ids: the heading the link's text names as the hint",
			docs: map[string]string{
				"content/a.md": body("A", "- [概述](#overview)\n- [操作 `x`](p.md#operations) [其他](#other)\n\n## 概述\n\n## 附录\n"),
				"content/p.md": body("P", "## 操作 `x`\n"),
			},
			diags: []string{
				`content/a.md:12: warning: this document has no heading with the id "overview" | did you mean "#概述"?`,
				`content/a.md:13: warning: P has no heading with the id "operations" | did you mean "p.md#操作-x"?`,
				`content/a.md:13: warning: this document has no heading with the id "other" | link to one of the headings of this document, e.g. #概述`,
			},
			links: []string{"#overview → text", "p.md#operations → P#", "#other → text"},
		},
		{
			name: "a translated page's links by English ids to headings that keep the English beside the translation: that heading as the hint",
			docs: map[string]string{
				"content/a.md": body("A", "[审计](p.md#audit-log) [日志](p.md#log) [备份](p.md#backup)\n"),
				"content/p.md": body("P", "## 概述\n\n## 审计日志 - Audit Log\n\n## 日志轮转 Log rotation\n\n## 备份 Backup\n\n## Backup 2\n"),
			},
			diags: []string{
				`content/a.md:12: warning: P has no heading with the id "audit-log" | did you mean "p.md#审计日志---audit-log"?`,
				`content/a.md:12: warning: P has no heading with the id "backup" | did you mean "p.md#备份-backup"?`,
				`content/a.md:12: warning: P has no heading with the id "log" | link to one of the headings of P, e.g. P#backup-2`,
			},
			links: []string{"p.md#audit-log → P#", "p.md#log → P#", "p.md#backup → P#"},
		},
		{
			name: "links to a heading whose id a layout takes (## Content): to the id the heading has, content-1",
			docs: map[string]string{
				"content/a.md": body("A", "[a](#content) [b](p.md#content) [c](P#search) [d](p.md#main)\n\n## Content\n"),
				"content/p.md": body("P", "## Content\n\n## Search\n"),
			},
			diags: []string{
				`content/a.md:12: warning: P has no heading with the id "main" | link to one of the headings of P, e.g. P#content-1`,
			},
			links: []string{"#content → A#content-1", "p.md#content → P#content-1", "P#search → P#search-1", "p.md#main → P#"},
		},
		{
			name: "a picture shown from the set's own repository on another host: the file of its name in the set as the hint",
			docs: map[string]string{
				"content/guide/a.md": body("A", "![flow](https://github.com/org/repo/blob/main/docs/img/flow.png?raw=true)\n![x](https://example.com/other.png)\n"),
			},
			others: []string{"content/img/flow.png", "content/img/x.txt"},
			links:  []string{"https://github.com/org/repo/blob/main/docs/img/flow.png?raw=true → a link", "https://example.com/other.png → a link"},
			diags: []string{
				`content/guide/a.md:12: warning: the image "https://github.com/org/repo/blob/main/docs/img/flow.png?raw=true" is on another host: it is shown as a link to it, since the site loads nothing from other hosts | the set holds a file of its name: show it from there, ![…](../img/flow.png)`,
				`content/guide/a.md:13: warning: the image "https://example.com/other.png" is on another host: it is shown as a link to it, since the site loads nothing from other hosts | save the picture in the document's page bundle (ID/index.md, with the picture in ID/img/) and show it from there`,
				"content/img/flow.png: warning: the file is not published: it is in no page bundle, and no published document links to it | link to it from the document it belongs to, or put it in that document's page bundle (a folder ID/ with ID/index.md)",
				"content/img/x.txt: warning: the file is not published: it is in no page bundle, and no published document links to it | link to it from the document it belongs to, or put it in that document's page bundle (a folder ID/ with ID/index.md)",
			},
		},
		{
			name: "a file in no bundle that only documents this build leaves out show is not warned of: it is published with them",
			docs: map[string]string{
				"content/a.md": body("A", "text\n"),
				"content/d.md": doc("D", "draft", "internal", "![d](img/d.png)\n"),
				"content/s.md": doc("S", "approved", "secret", "![s](img/s.png)\n"),
			},
			others: []string{"content/img/d.png", "content/img/s.png", "content/img/none.png"},
			diags: []string{
				"content/img/none.png: warning: the file is not published: it is in no page bundle, and no published document links to it | link to it from the document it belongs to, or put it in that document's page bundle (a folder ID/ with ID/index.md)",
			},
		},
		{
			name: "a numbered file's name with a dot (4.job-statements.md), linked without .md or by its folder address, as MkDocs writes it",
			docs: map[string]string{
				"content/b/a.md":                       body("A", "[x](../g/4.job-statements/#show-job) [y](1.resource-preparations) [z](../g/4.job-statements)\n"),
				"content/g/4.job-statements.md":        body("J", "## Show job\n"),
				"content/b/1.resource-preparations.md": body("R", ""),
			},
			links: []string{"../g/4.job-statements/#show-job → J#show-job", "1.resource-preparations → R#", "../g/4.job-statements → J#"},
		},
		{
			name: "ids as VitePress and Docusaurus make them, a heading's dots and slashes a hyphen: the one heading they name",
			docs: map[string]string{
				"content/a.md": body("A", "[x](#build-target) [y](p.md#server-host) [z](p.md#a-b-c)\n\n## build.target\n"),
				"content/p.md": body("P", "## server.host\n\n## a-bc\n\n## ab-c\n"),
			},
			links: []string{"#build-target → A#buildtarget", "p.md#server-host → P#serverhost", "p.md#a-b-c → P#"},
			diags: []string{
				`content/a.md:12: warning: P has no heading with the id "a-b-c" | did you mean "p.md#a-bc"?`,
			},
		},
		{
			name: "a fragment without the hyphens of a heading's id: the one heading it names",
			docs: map[string]string{
				"content/a.md": body("A", "[x](#ssrnoexternal) [y](p.md#servehost) [z](p.md#abc)\n\n## ssr-noExternal\n"),
				"content/p.md": body("P", "## serve-host\n\n## a-bc\n\n## ab-c\n"),
			},
			links: []string{"#ssrnoexternal → A#ssr-noexternal", "p.md#servehost → P#serve-host", "p.md#abc → P#"},
			diags: []string{
				`content/a.md:12: warning: P has no heading with the id "abc" | did you mean "p.md#a-bc"?`,
			},
		},
		{
			name: "paths that name a file numbered since, in another folder: the numbered file as the hint",
			docs: map[string]string{
				"content/index.md":            body("A", "[x](访问控制-说明.md)\n[y](guides/backup.md)\n"),
				"content/文档/2103-访问控制-说明.md":  body("P", ""),
				"content/guides/02_backup.md": body("B", ""),
			},
			diags: []string{
				`content/index.md:12: broken link: "访问控制-说明.md" names content/访问控制-说明.md, which does not exist | did you mean "文档/2103-访问控制-说明.md"?`,
				`content/index.md:13: broken link: "guides/backup.md" names content/guides/backup.md, which does not exist | did you mean "guides/02_backup.md"?`,
			},
		},
		{
			name: "a folder beside the file of its name, GitHub's anchors, a folder starting with _, one starting with . that is not there",
			docs: map[string]string{
				"content/a.md":         body("A", "[x](rewards/#fy-2024--fy-2025) [y](rewards/) [z](rewards#-401k-plan) [w](#scope--aims)\n![i](_images/p.png) [v](rewards/#fy-2026)\n[u](.github/CONTRIBUTING.md)\n\n## Scope & aims\n"),
				"content/rewards.md":   body("R", "## FY 2024 / FY 2025\n\n## 🏦 401(k) plan\n"),
				"content/rewards/h.md": body("H", ""),
			},
			links: []string{"rewards/#fy-2024--fy-2025 → R#fy-2024-fy-2025", "rewards/ → R#", "rewards#-401k-plan → R#401k-plan", "#scope--aims → A#scope-aims", "rewards/#fy-2026 → R#"},
			diags: []string{
				`content/a.md:13: broken link: "_images/p.png" names content/_images/p.png, in the folder content/_images, which is not read: folders whose names start with '_' are left out | rename the folder without the '_', and the links to it`,
				`content/a.md:13: warning: R has no heading with the id "fy-2026" | link to one of the headings of R, e.g. R#401k-plan`,
				`content/a.md:14: broken link: ".github/CONTRIBUTING.md" names content/.github/CONTRIBUTING.md, which does not exist | link to a document by its id, e.g. [Access control policy](ISMS-P-009), or to a file under content/ by its path relative to this document`,
			},
			others: []string{"content/_images/p.png"},
		},
		{
			name: "pages of another site's generator (.html), and a root-absolute path to its public folder: the file as the hint, fragment kept",
			docs: map[string]string{
				"content/api/filter.md": body("F", "[渲染](posts.html#渲染) [安装](/zh-cn/docs/index.html#安装-Node-js)\n![示例](/images/link-demo.png) ![x](img/flow.png#big)\n[x](post#渲染) [y](zzz)\n"),
				"content/api/posts.md":  body("P", "## 渲染\n"),
				"content/docs/index.md": body("D", "## 安装 Node.js\n"),
				"content/api/index.md":  body("I", ""),
			},
			others: []string{"content/public/images/link-demo.png", "content/api/img/flow2.png"},
			diags: []string{
				`content/api/filter.md:12: broken link: "posts.html#渲染" names content/api/posts.html, which does not exist | did you mean "posts.md#渲染"?`,
				`content/api/filter.md:12: the link "/zh-cn/docs/index.html#安装-Node-js" starts at the root of a web server or disk: the site must work under any path prefix | link by the id instead, [text](D#安装-Node-js), or by the path from this document, "../docs/index.md#安装-Node-js"`,
				`content/api/filter.md:13: broken link: "img/flow.png#big" names content/api/img/flow.png, which does not exist | did you mean "img/flow2.png"?`,
				`content/api/filter.md:13: the link "/images/link-demo.png" starts at the root of a web server or disk: the site must work under any path prefix | write the path relative to this document instead: "../public/images/link-demo.png"`,
				`content/api/filter.md:14: broken link: no document has the id "post" | did you mean "posts.md#渲染"?`,
				`content/api/filter.md:14: broken link: no document has the id "zzz" | link to a document by its id, e.g. [Access control policy](ISMS-P-009); other files need a path such as ./form.docx, and a page of another site its full address (https://…)`,
				"content/public/images/link-demo.png: warning: the file is not published: it is in no page bundle, and no published document links to it | link to it from the document it belongs to, or put it in that document's page bundle (a folder ID/ with ID/index.md)",
			},
		},
		{
			name: "a picture in GitBook's .gitbook/assets, its name with spaces and brackets: the folder is not read, not a pattern taken for a link",
			docs: map[string]string{
				"content/a.md": body("A", "![t](<.gitbook/assets/image (1).png>)\n"),
			},
			diags: []string{
				`content/a.md:12: broken link: ".gitbook/assets/image (1).png" names content/.gitbook/assets/image (1).png, in the folder content/.gitbook, which is not read: folders whose names start with '.' are left out | move the file to a folder whose name does not start with '.', and link to it there`,
			},
			others: []string{"content/.gitbook/assets/image (1).png"},
		},
		{
			name: "a heading's own id that the layout has ({#footer}): the heading has it with a suffix, and links to it arrive",
			docs: map[string]string{
				"content/a.md": body("A", "- [Footer](#footer) [Search](p.md#search)\n\n## Footer changes {#footer}\n"),
				"content/p.md": body("P", "## Search options {#search}\n"),
			},
			links: []string{"#footer → A#footer-1", "p.md#search → P#search-1"},
		},
		{
			name: "a folder's index.html, as mdBook and GitBook make it of its README.md: that file as the hint, not a file of a similar name",
			docs: map[string]string{
				"content/guide/start.md":        body("S", "[cli](../cli/index.html) [theme](../theme/index.htm#colours) [x](../cli/index.md)\n"),
				"content/cli/README.md":         body("C", ""),
				"content/theme/README.md":       body("T", "## Colours\n"),
				"content/theme/index-layout.md": body("L", ""),
				"content/other/index.md":        body("O", ""),
			},
			diags: []string{
				`content/guide/start.md:12: broken link: "../cli/index.html" names content/cli/index.html, which does not exist | did you mean "../cli/README.md"?`,
				`content/guide/start.md:12: broken link: "../cli/index.md" names content/cli/index.md, which does not exist | did you mean "../cli/README.md"?`,
				`content/guide/start.md:12: broken link: "../theme/index.htm#colours" names content/theme/index.htm, which does not exist | did you mean "../theme/README.md#colours"?`,
			},
		},
		{
			name: "a file: address of the author's own copy of the set: the file of the set as the hint, the one whose folders end the same",
			docs: map[string]string{
				"content/guide/start.md":  body("S", "[a](file:///Users/me/Downloads/isms/docs/cli/README.md) [b](file:///C:/work/isms/docs/theme/README.md)\n[c](file:///S:/forms/x.docx) [d](file:///home/me/isms/docs/guide/start.md)\n"),
				"content/cli/README.md":   body("C", ""),
				"content/theme/README.md": body("T", ""),
				"content/README.md":       body("R", ""),
			},
			diags: []string{
				`content/guide/start.md:12: warning: the link "file:///C:/work/isms/docs/theme/README.md" is shown as its text: pages do not link to file:, javascript:, vbscript: or data: addresses | link to the file of this site by its path relative to this document: [text](../theme/README.md)`,
				`content/guide/start.md:12: warning: the link "file:///Users/me/Downloads/isms/docs/cli/README.md" is shown as its text: pages do not link to file:, javascript:, vbscript: or data: addresses | link to the file of this site by its path relative to this document: [text](../cli/README.md)`,
				`content/guide/start.md:13: warning: the link "file:///S:/forms/x.docx" is shown as its text: pages do not link to file:, javascript:, vbscript: or data: addresses | link to a web address (https://…), or put the file in the document's page bundle (ID/index.md) and link to it by its path`,
				`content/guide/start.md:13: warning: the link "file:///home/me/isms/docs/guide/start.md" is shown as its text: pages do not link to file:, javascript:, vbscript: or data: addresses | link to a web address (https://…), or put the file in the document's page bundle (ID/index.md) and link to it by its path`,
			},
		},
		{
			name: "a web address in parentheses of its own: the address alone as the hint",
			docs: map[string]string{
				"content/a.md": body("A", "See [code](<(https://example.com/a.js)>).\n"),
			},
			diags: []string{
				`content/a.md:12: broken link: "(https://example.com/a.js)" names content/(https:/example.com/a.js), which does not exist | write the web address alone between the link's parentheses: [text](https://example.com/a.js)`,
			},
		},
		{
			name: "Windows paths, another case, root-absolute paths",
			docs: map[string]string{
				"content/tier1/a.md": body("A", "[w](..\\tier2\\p.md) [v](..\\..\\content\\tier2\\p.md#Purpose) [c](../Tier2/P.md)\n[r](/docs/P/) [s](/content/tier2/p.md) [t](C:\\docs\\p.md) [u](/tier2/p.md)\n"),
				"content/tier2/p.md": body("P", "## Purpose\n"),
			},
			links: []string{`..\tier2\p.md → P#`, `..\..\content\tier2\p.md#Purpose → P#purpose`, "../Tier2/P.md → P#"},
			diags: []string{
				`content/tier1/a.md:12: warning: the path "../Tier2/P.md" names content/tier2/p.md in another case: it is read so here, but a web server or git would find nothing | write the name as the file is named: "../tier2/p.md"`,
				`content/tier1/a.md:12: warning: the path "..\\..\\content\\tier2\\p.md#Purpose" is written with backslashes: it is read as "../../content/tier2/p.md" | write '/' between folders, as web addresses do: "../../content/tier2/p.md"`,
				`content/tier1/a.md:12: warning: the path "..\\tier2\\p.md" is written with backslashes: it is read as "../tier2/p.md" | write '/' between folders, as web addresses do: "../tier2/p.md"`,
				`content/tier1/a.md:13: the link "/content/tier2/p.md" starts at the root of a web server or disk: the site must work under any path prefix | link by the id instead, [text](P), or by the path from this document, "../tier2/p.md"`,
				`content/tier1/a.md:13: the link "/docs/P/" starts at the root of a web server or disk: the site must work under any path prefix | link by the id instead, [text](P), or by the path from this document, "../tier2/p.md"`,
				`content/tier1/a.md:13: the link "/tier2/p.md" starts at the root of a web server or disk: the site must work under any path prefix | link by the id instead, [text](P), or by the path from this document, "../tier2/p.md"`,
				`content/tier1/a.md:13: the link "C:\\docs\\p.md" starts at the root of a web server or disk: the site must work under any path prefix | link to a document by its id, e.g. [Access control policy](ISMS-P-009), or to a file by its path relative to this document`,
			},
		},
		{
			name: "a document left out, by its file and its files: text only",
			docs: map[string]string{
				"content/tier1/a.md":         body("A", "[x](../tier2/p.md) [](../tier2/p.md#purpose) ![i](../tier3/F-3/img/a.png)\n"),
				"content/tier2/p.md":         doc("P", "draft", "internal", "## Purpose\n"),
				"content/tier3/F-3/index.md": doc("F-3", "approved", "confidential", ""),
			},
			others: []string{"content/tier3/F-3/img/a.png"},
			links:  []string{"../tier2/p.md → text", "../tier2/p.md#purpose → text", "../tier3/F-3/img/a.png → text"},
			diags: []string{
				`content/tier1/a.md:12: warning: link to ../tier3/F-3/img/a.png, a file of F-3, a document this build leaves out: its text is shown without a link | ` + withheldHint,
				`content/tier1/a.md:12: warning: link to P, a document this build leaves out: its text is shown without a link | ` + withheldHint,
			},
		},
		{
			name: "ids, file names that look like ids, names without .md, headings of the page, images elsewhere",
			docs: map[string]string{
				"content/tier1/a.md":           body("A", "## Scope\n\n[a](ISMS-R-0102.md) [b](P) [c](linux_web) [d](../tier2/) [e](#scope) [f](#Scope) [g](#nope) ![h](https://example.com/h.png) [i](https://example.com/)\n"),
				"content/tier1/ISMS-R-0102.md": body("ISMS-R-0102", ""),
				"content/tier1/linux_web.md":   body("L", ""),
				"content/tier2/index.md":       body("P", ""),
			},
			links: []string{"ISMS-R-0102.md → ISMS-R-0102#", "P → P#", "linux_web → L#", "../tier2/ → P#", "#Scope → A#scope", "#nope → text", "https://example.com/h.png → a link"},
			diags: []string{
				`content/tier1/a.md:14: warning: the image "https://example.com/h.png" is on another host: it is shown as a link to it, since the site loads nothing from other hosts | save the picture in the document's page bundle (ID/index.md, with the picture in ID/img/) and show it from there`,
				`content/tier1/a.md:14: warning: this document has no heading with the id "nope" | link to one of the headings of this document, e.g. #scope`,
			},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s, got := fileSite(t, tc.opts, tc.docs, tc.others...)
			if strings.Join(got, "\n") != strings.Join(tc.diags, "\n") {
				t.Errorf("diagnostics:\n  %s\nwant:\n  %s", strings.Join(got, "\n  "), strings.Join(tc.diags, "\n  "))
			}
			if s == nil || s.Doc("A") == nil {
				return
			}
			if got := linksOf(s, "A"); strings.Join(got, "\n") != strings.Join(tc.links, "\n") {
				t.Errorf("links:\n  %s\nwant:\n  %s", strings.Join(got, "\n  "), strings.Join(tc.links, "\n  "))
			}
		})
	}
}

// FuzzResolve resolves any destination from a document in a small tree:
// it never panics; a link it resolves names a document or a file of the
// tree, never one outside content/; one it cannot resolve is an error
// at the link's line whose hint never names the document itself; and a
// warning it gives is at the link's line.
func FuzzResolve(f *testing.F) {
	for _, s := range []string{
		"../tier2/p.md#4-程序", "p.md", "./", "../", "../../x", "..\\tier2\\p.md", "/docs/P/", "C:\\x", "F-3/img/a.png",
		"F-3/", "F-3", "#scope", "%2e%2e/tier2/p.md", "a&#46;md", "P", "ISMS&#45;P", "../img/b.png?raw=1#x", "//host/x",
		"https://x", "mailto:a", "../Tier2/P.MD", "a.md/", "../tier2//p.md", ".", "", "\\", "%", "a\x00b",
	} {
		f.Add(s, false)
		f.Add(s, true)
	}
	a := &model.Document{ID: "A", Path: "content/tier1/a.md", Classification: "internal"}
	p := &model.Document{ID: "P", Path: "content/tier2/p.md", Classification: "internal"}
	f3 := &model.Document{ID: "F-3", Path: "content/tier1/F-3/index.md", Classification: "internal",
		Attachments: []model.Attachment{{Name: "img/a.png", Path: "content/tier1/F-3/img/a.png"}}}
	files := &model.Files{
		Loose:         []model.Attachment{{Name: "img/b.png", Path: "content/img/b.png"}},
		Unpublishable: []string{"content/img/s.svg"},
		Dirs:          []string{"content/img", "content/tier1", "content/tier1/F-3", "content/tier1/F-3/img", "content/tier2"},
		Markdown:      []string{"content/tier1/F-3/index.md", "content/tier1/a.md", "content/tier2/p.md"},
	}
	rs := &resolver{all: map[string]*model.Document{"A": a, "P": p, "F-3": f3}, files: newFiles([]*model.Document{a, p, f3}, files)}
	f.Fuzz(func(t *testing.T, dest string, image bool) {
		var problems diag.List
		tgt, ok := rs.resolve(a, ref{dest: dest, line: 7, image: image}, &problems)
		for _, d := range problems {
			if d.Line != 7 || d.File != a.Path {
				t.Errorf("%q: %s is not at the link's line", dest, d)
			}
			if d.Severity == diag.Error && strings.Contains(d.Hint, `"a.md"`) {
				t.Errorf("%q: the hint names the document itself: %s", dest, d.Hint)
			}
		}
		if !ok {
			if !problems.HasErrors() {
				t.Errorf("%q: not resolved, and no error", dest)
			}
			return
		}
		if problems.HasErrors() {
			t.Errorf("%q: resolved, with an error: %v", dest, problems)
		}
		switch tgt.kind {
		case toDoc:
			if tgt.doc != a && tgt.doc != p && tgt.doc != f3 {
				t.Errorf("%q: a document of no tree", dest)
			}
		case toAttachment, toLoose:
			if !model.ContentPath(tgt.file.Path) {
				t.Errorf("%q: %s is outside content/", dest, tgt.file.Path)
			}
		case toUnpublishable, toUnread, toRemoteImage:
		default:
			t.Errorf("%q: resolved to nothing", dest)
		}
	})
}
