package hostile_test

import (
	"errors"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"ismsgen/generator"
	"ismsgen/generator/write"
)

const secret = "OUTSIDE-SECRET-7f3a"

// Symbolic links are never followed: not a file that points outside
// content/, not a folder, not a loop, not an attachment. Each gets a
// warning, nothing of what they point at is published. (A Markdown link
// that climbs out of content/ is an error: TestLinksOutOfContent.)
func TestSymlinks(t *testing.T) {
	files := good()
	files["content/tier3/F-1/index.md"] = strings.Replace(doc("H-F-001", "Form", "", "[form](form.txt) · [file](file:///etc/passwd)\n"), "tier = 2", "tier = 3", 1)
	files["content/tier3/F-1/form.txt"] = "form\n"
	site := writeSite(t, files)
	outside := filepath.Join(filepath.Dir(site), "outside")
	writeFile(t, filepath.Join(outside, "secret.md"), doc("OUT-1", secret, "", secret+"\n"))
	writeFile(t, filepath.Join(outside, "sub", "deep.md"), doc("OUT-2", secret, "", secret+"\n"))
	writeFile(t, filepath.Join(outside, "secret.txt"), secret)
	links := map[string]string{
		"content/tier2/link.md":        filepath.Join(outside, "secret.md"), // a document outside
		"content/outside":              outside,                             // a folder outside
		"content/tier2/rel.md":         "../../../outside/secret.md",        // relative, climbing out
		"content/loop":                 "../content",                        // a loop
		"content/tier2/a":              "b",                                 // a loop of two links
		"content/tier2/b":              "a",
		"content/tier2/dangling.md":    "nowhere.md",
		"content/tier3/F-1/secret.txt": filepath.Join(outside, "secret.txt"), // an attachment outside
		"content/tier3/F-1/inside.txt": "form.txt",                           // an attachment inside
		"content/tier3/F-1/passwd":     "/etc/passwd",
		"content/tier3/F-2":            "F-1", // a page bundle twice
	}
	for name, target := range links {
		if err := os.Symlink(target, filepath.Join(site, filepath.FromSlash(name))); err != nil {
			t.Fatal(err)
		}
	}
	dest := filepath.Join(site, "public")
	sameLines(t, mustBuild(t, options(site, dest)), []string{
		"content/loop: warning: symbolic link not followed",
		"content/outside: warning: symbolic link not followed",
		"content/tier2/a: warning: symbolic link not followed",
		"content/tier2/b: warning: symbolic link not followed",
		"content/tier2/dangling.md: warning: symbolic link not followed",
		"content/tier2/link.md: warning: symbolic link not followed",
		"content/tier2/rel.md: warning: symbolic link not followed",
		`content/tier3/F-1/index.md:12: warning: the link "file:///etc/passwd" is shown as its text: pages do not link to file:, javascript:, vbscript: or data: addresses`,
		"content/tier3/F-1/inside.txt: warning: symbolic link not followed",
		"content/tier3/F-1/passwd: warning: symbolic link not followed",
		"content/tier3/F-1/secret.txt: warning: symbolic link not followed",
		"content/tier3/F-2: warning: symbolic link not followed",
	})
	out := readTree(t, dest)
	for name, data := range out {
		if strings.Contains(string(data), secret) || strings.Contains(string(data), "root:x:0") {
			t.Errorf("%s holds what a symbolic link points at", name)
		}
		if strings.Contains(name, "secret") || strings.Contains(name, "passwd") || strings.Contains(name, "inside") || strings.Contains(name, "OUT-") {
			t.Errorf("%s was published", name)
		}
	}
	if _, ok := out["docs/H-F-001/form.txt"]; !ok {
		t.Error("the real attachment was not published")
	}
}

// content/ itself may be a symbolic link (a document set kept on a share,
// say): ismsgen reads the folder it names, and still follows no link
// inside it.
func TestContentFolderIsASymlink(t *testing.T) {
	real := writeSite(t, good())
	site := writeSite(t, map[string]string{})
	if err := os.Remove(filepath.Join(site, "content")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(real, "content"), filepath.Join(site, "content")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(real, "isms.toml"), filepath.Join(real, "content", "cfg.md")); err != nil {
		t.Fatal(err)
	}
	dest := filepath.Join(site, "public")
	sameLines(t, mustBuild(t, options(site, dest)), []string{"content/cfg.md: warning: symbolic link not followed"})
	out := readTree(t, dest)
	for _, want := range []string{"docs/H-M-001/index.html", "docs/H-P-001/index.html"} {
		if _, ok := out[want]; !ok {
			t.Errorf("%s missing", want)
		}
	}
}

// Attachment names with spaces, Chinese, '#', '?', ':' or markup are
// published under their own name and linked so that the link reaches
// them; names that cannot be published safely are left out with a
// warning, and an attachment never replaces the document's page.
func TestAttachmentNames(t *testing.T) {
	files := good()
	files["content/tier3/F-1/index.md"] = strings.Replace(doc("H-F-001", "Form", "", "Forms.\n"), "tier = 2", "tier = 3", 1)
	names := []string{
		"form with spaces.docx", "信息安全检查表.xlsx", "a#b.txt", "what?.txt", "javascript:alert(1).txt",
		`"quote'.txt`, "100%.txt", "semi;colon,.csv",
	}
	for _, n := range names {
		files["content/tier3/F-1/"+n] = "content of " + n
	}
	bad := []string{"index.html", "page.htm", "evil.js", "pic.svg", "<script>alert(1)<", "back\\slash.txt", "new\nline.txt", "tab\t.txt", "\xff\xfe.txt"}
	for _, n := range bad {
		files["content/tier3/F-1/"+n] = "content of " + n
	}
	site := writeSite(t, files)
	dest := filepath.Join(site, "public")
	const why1 = "its name contains a control character or a backslash"
	const why2 = " files can run code in a browser, on a web server or on the reader's computer"
	sameLines(t, mustBuild(t, options(site, dest)), []string{
		`content/tier3/F-1/index.md:1: warning: attachment "<script>alert(1)<" is not published: without an extension its type is unknown, and a browser may take it for a web page`,
		`content/tier3/F-1/index.md:1: warning: attachment "back\\slash.txt" is not published: ` + why1,
		`content/tier3/F-1/index.md:1: warning: attachment "evil.js" is not published: .js` + why2,
		`content/tier3/F-1/index.md:1: warning: attachment "index.html" is not published: .html` + why2,
		`content/tier3/F-1/index.md:1: warning: attachment "new\nline.txt" is not published: ` + why1,
		`content/tier3/F-1/index.md:1: warning: attachment "page.htm" is not published: .htm` + why2,
		`content/tier3/F-1/index.md:1: warning: attachment "pic.svg" is not published: .svg` + why2,
		`content/tier3/F-1/index.md:1: warning: attachment "tab\t.txt" is not published: ` + why1,
		"content/tier3/F-1/index.md:1: warning: attachment \"\ufffd.txt\" is not published: its name is not UTF-8",
	})
	out := readTree(t, dest)
	page := out["docs/H-F-001/index.html"]
	if strings.Contains(string(page), "content of index.html") {
		t.Error("an attachment replaced the document page")
	}
	var hrefs []string
	for _, n := range findAll(t, page, "a") {
		if has(n, "download") {
			hrefs = append(hrefs, attr(n, "href"))
		}
	}
	linked := map[string]bool{}
	for _, h := range hrefs {
		u, err := url.Parse(h)
		if err != nil || u.Scheme != "" || u.Fragment != "" || u.RawQuery != "" || strings.Contains(u.Path, "/") {
			t.Errorf("attachment link %q does not name a file beside the page", h)
			continue
		}
		linked[u.Path] = true
	}
	for _, n := range names {
		if got := string(out["docs/H-F-001/"+n]); got != "content of "+n {
			t.Errorf("%q published as %q", n, got)
		}
		if !linked[n] {
			t.Errorf("no link reaches %q (links: %q)", n, hrefs)
		}
	}
	for _, n := range bad {
		if _, ok := out["docs/H-F-001/"+n]; ok && n != "index.html" {
			t.Errorf("%q was published", n)
		}
	}
}

// --dest folders that ismsgen must not replace are refused before
// anything is read or written, with an error that names the folder; the
// default <source>/public, an empty folder and ismsgen's own earlier
// output are fine.
func TestDestRefused(t *testing.T) {
	root := t.TempDir()
	site := filepath.Join(root, "site")
	for name, text := range good() {
		writeFile(t, filepath.Join(site, filepath.FromSlash(name)), text)
	}
	writeFile(t, filepath.Join(site, "isms.toml"), baseConfig)
	writeFile(t, filepath.Join(site, "layouts", "README"), "mine")
	writeFile(t, filepath.Join(root, "home", "thesis.docx"), "years of work")
	writeFile(t, filepath.Join(root, "home", ".hidden"), "dot file")
	if err := os.Mkdir(filepath.Join(root, "onlyhidden"), 0o755); err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(root, "onlyhidden", ".git"), "x")
	for link, target := range map[string]string{"tohome": "home", "tosite": "site", "tocontent": "site/content"} {
		if err := os.Symlink(filepath.Join(root, target), filepath.Join(root, link)); err != nil {
			t.Fatal(err)
		}
	}
	cwd, _ := os.Getwd()
	relSite, err := filepath.Rel(cwd, site)
	if err != nil {
		t.Fatal(err)
	}
	before := readTree(t, root)

	for _, tc := range []struct {
		name, dest, want string
	}{
		{"the source", site, "is the source folder or contains it"},
		{"the source, relative", relSite, "is the source folder or contains it"},
		{"the source via ..", filepath.Join(site, "public", ".."), "is the source folder or contains it"},
		{"the source via a link", filepath.Join(root, "tosite"), "is the source folder or contains it"},
		{"above the source", root, "is the source folder or contains it"},
		{"the file system root", "/", "is the source folder or contains it"},
		{"content", filepath.Join(site, "content"), "is inside the site's content, layouts or assets"},
		{"inside content", filepath.Join(site, "content", "tier2", "out"), "is inside the site's content, layouts or assets"},
		{"inside content via a link", filepath.Join(root, "tocontent", "out"), "is inside the site's content, layouts or assets"},
		{"layouts", filepath.Join(site, "layouts"), "is inside the site's content, layouts or assets"},
		{"a non-empty folder", filepath.Join(root, "home"), "is not empty and was not created by ismsgen"},
		{"a folder with only a hidden file", filepath.Join(root, "onlyhidden"), "is not empty and was not created by ismsgen"},
		{"a link to a folder", filepath.Join(root, "tohome"), "is a symbolic link"},
		{"a file", filepath.Join(site, "isms.toml"), "exists and is not a folder"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res, err := generator.Build(options(site, tc.dest))
			var destErr *write.Error
			if !errors.As(err, &destErr) {
				t.Fatalf("Build = %v, %v; want a *write.Error, which the command reports as a usage error", res, err)
			}
			if !strings.Contains(err.Error(), "--dest "+tc.dest+" ") || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %q, want --dest %s … %s", err, tc.dest, tc.want)
			}
			sameTree(t, "after the refusal", before, readTree(t, root))
			if l := append(leftovers(t, root), leftovers(t, site)...); len(l) > 0 {
				t.Errorf("temporary folders left: %v", l)
			}
		})
	}

	// Accepted: the default, an empty folder, and ismsgen's own output.
	empty := filepath.Join(root, "empty")
	if err := os.Mkdir(empty, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, dest := range []string{"", empty, empty, filepath.Join(root, "new", "deep", "out")} {
		mustBuild(t, options(site, dest))
	}
	for _, dir := range []string{filepath.Join(site, "public"), empty, filepath.Join(root, "new", "deep", "out")} {
		if _, err := os.Stat(filepath.Join(dir, ".ismsgen-output", "")); err != nil {
			t.Errorf("%s: %v", dir, err)
		}
	}
	if got := readTree(t, filepath.Join(root, "home")); string(got["thesis.docx"]) != "years of work" {
		t.Error("a user's file changed")
	}
}
