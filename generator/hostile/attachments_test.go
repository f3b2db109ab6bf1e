package hostile_test

import (
	"cmp"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// Attachments are published by an allow-list of inert types: every other
// type, and every name that hides its type or that Windows changes or
// refuses, is left out with a warning at the line of index.md that names
// it (else line 1) saying why. Each case here was once published.
func TestAttachmentAllowList(t *testing.T) {
	const script = "<html><body><script>alert(document.domain)</script></body></html>"
	const active = " files can run code in a browser, on a web server or on the reader's computer"
	const noExt = "without an extension its type is unknown, and a browser may take it for a web page"
	const reserved = "its name is reserved on Windows, so the site could not be copied to a Windows share"
	const invisible = "its name contains the invisible or text-direction character "
	skipped := []struct{ name, why string }{
		{"data.xml", ".xml" + active},
		{"page.xht", ".xht" + active},
		{"DATA.XML", ".xml" + active},
		{"style.xsl", ".xsl" + active},
		{"style.xslt", ".xslt" + active},
		{"Style.XSLT", ".xslt" + active},
		{"index.php", ".php" + active},
		{"shell.php.txt", ".php" + active},
		{"inc.shtm", ".shtm" + active},
		{"web.config", ".config" + active},
		{"app.hta", ".hta" + active},
		{"Pic.SVG", ".svg" + active},
		{"Page.HTML", ".html" + active},
		{"macro.xlsm", ".xlsm" + active},
		{"page.html.gz", ".html" + active}, // a web page where the server serves precompressed files (nginx gzip_static)
		{"Pic.svg.gz", ".svg" + active},
		{"feed.rss", ".rss is not one of the types ismsgen publishes (office documents, PDF, images other than SVG, sound and video, archives, plain text and CSV)"},
		{"README", noExt},
		{"page", noExt},
		{"report.html.", `Windows drops the dot or space at the end of its name, which makes it "report.html"`},
		{"report.html ", `Windows drops the dot or space at the end of its name, which makes it "report.html"`},
		{"scan.pdf.", `Windows drops the dot or space at the end of its name, which makes it "scan.pdf"`},
		{"CON", reserved},
		{"aux.txt", reserved},
		{"NUL", reserved},
		{"COM1", reserved},
		{"LPT9", reserved},
		{"lpt1.docx", reserved},
		{"x\u202excod.exe", invisible + "U+202E"},
		{"a\u202ab.txt", invisible + "U+202A"},
		{"a\u202bb.txt", invisible + "U+202B"},
		{"a\u202cb.txt", invisible + "U+202C"},
		{"a\u202db.txt", invisible + "U+202D"},
		{"a\u2066b.txt", invisible + "U+2066"},
		{"a\u2067b.txt", invisible + "U+2067"},
		{"a\u2068b.txt", invisible + "U+2068"},
		{"a\u2069b.txt", invisible + "U+2069"},
		{"a\u200fb.txt", invisible + "U+200F"},
	}
	published := []string{"form.docx", "Register.XLSX", "scan.PDF", "photo.png", "notes.txt", "data.csv", "bundle.zip", "COM10.txt", "logs.tar.gz", "data.csv.gz"}
	// The body names two of them, on lines 13 and 14 of index.md.
	files := good()
	files["content/tier3/F-1/index.md"] = strings.Replace(doc("H-F-001", "Form", "", "Forms.\n[the data](data.xml)\n[report](./report.html.) and [scan](scan.PDF)\n"), "tier = 2", "tier = 3", 1)
	for _, s := range skipped {
		files["content/tier3/F-1/"+s.name] = script
	}
	for _, n := range published {
		files["content/tier3/F-1/"+n] = script
	}
	site := writeSite(t, files)
	dest := filepath.Join(site, "public")
	// Diagnostics are sorted by line, then message.
	slices.SortFunc(skipped, func(a, b struct{ name, why string }) int {
		return cmp.Or(cmp.Compare(lineOf(a.name), lineOf(b.name)), strings.Compare(strconv.Quote(a.name)+a.why, strconv.Quote(b.name)+b.why))
	})
	var want []string
	for _, s := range skipped {
		want = append(want, "content/tier3/F-1/index.md:"+strconv.Itoa(lineOf(s.name))+": warning: attachment "+strconv.Quote(s.name)+" is not published: "+s.why)
		if lineOf(s.name) > 1 { // and the link to it shows its text only
			written := map[string]string{"data.xml": "data.xml", "report.html.": "./report.html."}[s.name]
			want = append(want, "content/tier3/F-1/index.md:"+strconv.Itoa(lineOf(s.name))+": warning: link to "+written+", a file this build does not publish: its text is shown without a link")
		}
	}
	sameLines(t, mustBuild(t, options(site, dest)), want)
	out := readTree(t, dest)
	for _, s := range skipped {
		if _, ok := out["docs/H-F-001/"+s.name]; ok {
			t.Errorf("%q was published", s.name)
		}
	}
	for _, n := range published {
		if string(out["docs/H-F-001/"+n]) != script {
			t.Errorf("%q was not published", n)
		}
	}
	for name := range out {
		if strings.HasPrefix(name, "docs/H-F-001/") && !strings.HasSuffix(name, "index.html") &&
			!slices.Contains(published, strings.TrimPrefix(name, "docs/H-F-001/")) {
			t.Errorf("%s was published", name)
		}
	}
}

// lineOf is the line of index.md that names a file in TestAttachmentAllowList.
func lineOf(name string) int {
	switch name {
	case "data.xml":
		return 13
	case "report.html.":
		return 14
	}
	return 1
}
