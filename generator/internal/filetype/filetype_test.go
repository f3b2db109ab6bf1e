package filetype

import (
	"mime"
	"strings"
	"testing"
)

func TestCheck(t *testing.T) {
	for _, tc := range []struct {
		name string
		want Finding
	}{
		{"form.docx", Finding{ContentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document"}},
		{"Register.XLSX", Finding{ContentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}},
		{"信息安全检查表.xlsx", Finding{ContentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}},
		{"scan.PDF", Finding{ContentType: "application/pdf"}},
		{"photo.JpEg", Finding{ContentType: "image/jpeg"}},
		{"notes.html.txt", Finding{ContentType: "text/plain; charset=utf-8"}},
		{"v1.0 report.zip", Finding{ContentType: "application/zip"}},
		{"what?.txt", Finding{ContentType: "text/plain; charset=utf-8"}},
		{"commerce.txt", Finding{ContentType: "text/plain; charset=utf-8"}},
		{"console.log", Finding{ContentType: "text/plain; charset=utf-8"}},

		// Types a browser or server runs, in any case.
		{"data.xml", Finding{Problem: Active, Ext: ".xml"}},
		{"DATA.XML", Finding{Problem: Active, Ext: ".xml"}},
		{"page.xht", Finding{Problem: Active, Ext: ".xht"}},
		{"style.xsl", Finding{Problem: Active, Ext: ".xsl"}},
		{"style.XSLT", Finding{Problem: Active, Ext: ".xslt"}},
		{"index.php", Finding{Problem: Active, Ext: ".php"}},
		{"inc.shtm", Finding{Problem: Active, Ext: ".shtm"}},
		{"web.config", Finding{Problem: Active, Ext: ".config"}},
		{"Web.Config", Finding{Problem: Active, Ext: ".config"}},
		{"app.hta", Finding{Problem: Active, Ext: ".hta"}},
		{"pic.svg", Finding{Problem: Active, Ext: ".svg"}},
		{"index.html", Finding{Problem: Active, Ext: ".html"}},
		{"macro.xlsm", Finding{Problem: Active, Ext: ".xlsm"}},
		{"shell.php.txt", Finding{Problem: Active, Ext: ".php"}},
		{"shell.PHP.png", Finding{Problem: Active, Ext: ".php"}},
		{"tool.exe", Finding{Problem: Active, Ext: ".exe"}},

		// A .gz file is the file it holds where the web server serves
		// precompressed files (nginx gzip_static, Caddy precompressed):
		// a request for page.html gets page.html.gz as a web page.
		{"page.html.gz", Finding{Problem: Active, Ext: ".html"}},
		{"Pic.SVG.gz", Finding{Problem: Active, Ext: ".svg"}},
		{"app.js.gz", Finding{Problem: Active, Ext: ".js"}},
		{"page.html.gz.gz", Finding{Problem: Active, Ext: ".html"}},
		{"data.json.gz", Finding{ContentType: "application/gzip"}},
		{"logs.tar.gz", Finding{ContentType: "application/gzip"}},
		{"register.csv.gz", Finding{ContentType: "application/gzip"}},
		{"v1.0 logs.gz", Finding{ContentType: "application/gzip"}},
		{"logs.gz", Finding{ContentType: "application/gzip"}},
		{"page.html.tgz", Finding{ContentType: "application/gzip"}},

		// Not on the list.
		{"data.json", Finding{Problem: Unlisted, Ext: ".json"}},
		{"feed.rss", Finding{Problem: Unlisted, Ext: ".rss"}},
		{"x.md5", Finding{Problem: Unlisted, Ext: ".md5"}},
		{"README", Finding{Problem: NoExtension}},
		{"<script>alert(1)<", Finding{Problem: NoExtension}},
		{"Makefile", Finding{Problem: NoExtension}},

		// Names Windows changes or refuses.
		{"report.html.", Finding{Problem: TrailingDot}},
		{"report.pdf.", Finding{Problem: TrailingDot}},
		{"report.html ", Finding{Problem: TrailingDot}},
		{"report.pdf  ", Finding{Problem: TrailingDot}},
		{"CON", Finding{Problem: Reserved}},
		{"con.txt", Finding{Problem: Reserved}},
		{"aux.txt", Finding{Problem: Reserved}},
		{"Aux.tar.gz", Finding{Problem: Reserved}},
		{"NUL", Finding{Problem: Reserved}},
		{"nul .pdf", Finding{Problem: Reserved}},
		{"COM1", Finding{Problem: Reserved}},
		{"com9.docx", Finding{Problem: Reserved}},
		{"LPT9", Finding{Problem: Reserved}},
		{"lpt¹.txt", Finding{Problem: Reserved}},
		{"PRN.pdf", Finding{Problem: Reserved}},
		{"conout$.txt", Finding{Problem: Reserved}},
		{"COM10.txt", Finding{ContentType: "text/plain; charset=utf-8"}},
		{"CONFIG.txt", Finding{ContentType: "text/plain; charset=utf-8"}},
		{"auxiliary.txt", Finding{ContentType: "text/plain; charset=utf-8"}},

		// Characters that hide what a name says.
		{"x\u202excod.exe", Finding{Problem: Invisible, Rune: 0x202e}},
		{"x\u202ecod.txt", Finding{Problem: Invisible, Rune: 0x202e}},
		{"a\u202ab.txt", Finding{Problem: Invisible, Rune: 0x202a}},
		{"a\u202bb.txt", Finding{Problem: Invisible, Rune: 0x202b}},
		{"a\u202cb.txt", Finding{Problem: Invisible, Rune: 0x202c}},
		{"a\u202db.txt", Finding{Problem: Invisible, Rune: 0x202d}},
		{"a\u2066b.txt", Finding{Problem: Invisible, Rune: 0x2066}},
		{"a\u2067b.txt", Finding{Problem: Invisible, Rune: 0x2067}},
		{"a\u2068b.txt", Finding{Problem: Invisible, Rune: 0x2068}},
		{"a\u2069b.txt", Finding{Problem: Invisible, Rune: 0x2069}},
		{"a\u200eb.txt", Finding{Problem: Invisible, Rune: 0x200e}},
		{"a\u200fb.txt", Finding{Problem: Invisible, Rune: 0x200f}},
		{"a\u061cb.txt", Finding{Problem: Invisible, Rune: 0x061c}},
		{"a\u200bb.txt", Finding{Problem: Invisible, Rune: 0x200b}},
		{"a\ufeffb.txt", Finding{Problem: Invisible, Rune: 0xfeff}},
		{"a\u2028b.txt", Finding{Problem: Invisible, Rune: 0x2028}},
		{"a\u3164b.txt", Finding{Problem: Invisible, Rune: 0x3164}},
		{"new\nline.txt", Finding{Problem: Control}},
		{"tab\t.txt", Finding{Problem: Control}},
		{"c1\u0085.txt", Finding{Problem: Control}},
		{"del\x7f.txt", Finding{Problem: Control}},
		{`back\slash.txt`, Finding{Problem: Control}},
		{"\xff\xfe.txt", Finding{Problem: NotUTF8}},

		// Paths inside the bundle: every folder is a name too.
		{"img/plan.png", Finding{ContentType: "image/png"}},
		{"upload/2024.1/scan.pdf", Finding{ContentType: "application/pdf"}},
		{"img/page.html", Finding{Problem: Active, Ext: ".html"}},
		{"con/plan.png", Finding{Problem: Reserved}},
		{"img./plan.png", Finding{Problem: TrailingDot}},
		{"a\u202e/plan.png", Finding{Problem: Invisible, Rune: 0x202e}},
		{"img.d/README", Finding{Problem: NoExtension}},
		{"../plan.png", Finding{Problem: Control}},
		{"img//plan.png", Finding{Problem: Control}},
	} {
		if got := Check(tc.name); got != tc.want {
			t.Errorf("Check(%q) = %+v, want %+v", tc.name, got, tc.want)
		}
	}
}

// Every type on the list has a well-formed Content-Type, the same one
// ContentType gives, and no type is both on the list and active.
func TestList(t *testing.T) {
	for ext, ctype := range inert {
		if ext != strings.ToLower(ext) || !strings.HasPrefix(ext, ".") {
			t.Errorf("%q: extensions are lower case with their dot", ext)
		}
		if _, _, err := mime.ParseMediaType(ctype); err != nil {
			t.Errorf("%s: %q: %v", ext, ctype, err)
		}
		if strings.HasPrefix(ctype, "text/html") || strings.Contains(ctype, "xml") && !strings.Contains(ctype, "openxmlformats") || strings.Contains(ctype, "script") {
			t.Errorf("%s: %q is a type a browser runs", ext, ctype)
		}
		if active[ext] || serverSide[ext] {
			t.Errorf("%s is both inert and active", ext)
		}
		got, ok := ContentType("file" + strings.ToUpper(ext))
		if !ok || got != ctype {
			t.Errorf("ContentType(file%s) = %q, %v; want %q", strings.ToUpper(ext), got, ok, ctype)
		}
		if f := Check("file" + ext); f.Problem != OK || f.ContentType != ctype {
			t.Errorf("Check(file%s) = %+v", ext, f)
		}
	}
	for _, name := range []string{"x.html", "x.xml", "README", "x.", "x.json"} {
		if ctype, ok := ContentType(name); ok {
			t.Errorf("ContentType(%q) = %q, want none", name, ctype)
		}
	}
}

// Extensions lists the allowed types, sorted: the browser test publishes
// one file of each.
func TestExtensions(t *testing.T) {
	exts := Extensions()
	if len(exts) != len(inert) {
		t.Fatalf("%d extensions, %d on the list", len(exts), len(inert))
	}
	for i, e := range exts {
		if _, ok := inert[e]; !ok || i > 0 && exts[i-1] >= e {
			t.Fatalf("Extensions() = %v: not the list, sorted", exts)
		}
	}
}
