package hostile_test

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"flag"
	"fmt"
	"io"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"ismsgen/generator"
)

var dump = flag.Bool("dump", false, "log the outputs of TestInjection")

// tomlString quotes s as a TOML basic string.
func tomlString(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\r':
			b.WriteString(`\r`)
		case r == '\t':
			b.WriteString(`\t`)
		case r < 0x20 || r == 0x7f:
			fmt.Fprintf(&b, `\u%04X`, r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// Hostile values: markup, attribute breakers, CDATA ends, line breaks,
// spreadsheet formulas, calendar property injection.
var (
	evilTitles = []string{
		`=cmd|' /C calc'!A0 <script>alert("x")</script>`,
		`@SUM(1+1)*cmd|' /C calc'!A0 ]]><x-evil/>`,
		`+1+cmd|' /C calc'!A0 "><img src=x onerror=alert(1)>`,
		`-1+cmd|' /C calc'!A0 ' onmouseover='alert(1)`,
		"cr\r\nlf; comma, back\\slash & &amp; &lt;",
		"line1\nEND:VEVENT\nBEGIN:VEVENT\nSUMMARY:injected\n</title><script>alert(1)</script>",
	}
	evilSite    = "ISMS <script>alert(\"site\")</script> & ]]> =1+1 \"'"
	evilOrg     = "=org\n<x-evil>org</x-evil> ]]>"
	evilDept    = `<img src=x onerror=alert(1)> =HYPERLINK("http://evil.example","x")`
	evilVersion = `=1"><x-evil data-evil>v`
)

// injectionSite is a site whose every free-text value is hostile.
func injectionSite() map[string]string {
	files := map[string]string{
		"isms.toml": fmt.Sprintf(`title = %s
organisation = %s
language = "en"
base_url = "https://isms.example.com/"
default_review_cycle = "12 months"
ack_url = "https://forms.example.com/ack?doc={id}&v={version}"

[[departments]]
id = "isd"
name = %s

[[departments]]
id = "hr"
name = "@hr+1"
`, tomlString(evilSite), tomlString(evilOrg), tomlString(evilDept)),
	}
	body := `# <script>alert("heading")</script> heading

<script>alert("raw")</script>

<img src=https://evil.example/x.png onerror=alert(1)>

<div onclick="alert(1)">raw block</div>

inline <x-evil onmouseover="alert(1)">raw</x-evil> html

- [js](javascript:alert(1))
- [mixed case](JaVaScRiPt:alert(1))
- [spaced](<java script:alert(1)>)
- [entity](&#106;avascript:alert(1))
- [entity colon](javascript&colon;alert(1))
- [data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)
- [vb](vbscript:msgbox(1))
- [file](file:///etc/passwd)
- [ref][evil]
- <javascript:alert(1)>
- ![img](javascript:alert(1))
- ![svg](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)
- ![png](data:image/png;base64,iVBORw0KGgo=)
- [title](H-P-001 "\" onmouseover=\"alert(1)")
- [](H-P-002)
- [](H-P-005)
- [](H-P-006)

[evil]: javascript:alert(1)

` + "```\"><script>alert(1)</script>\n<script>alert(1)</script>\n```\n"
	for i, title := range evilTitles {
		id := fmt.Sprintf("H-P-%03d", i+1)
		extra := fmt.Sprintf(`author = %s
reviewer = "+reviewer"
classification = "public"
distribution = ["all"]
retention = "3 years"
next_review = 2026-12-0%d

[[training]]
title = %s
url = "https://lms.example.com/course?q=%%22%%3E%%3Cscript%%3E&x='y'"

[[history]]
version = %s
date = 2026-01-10
author = "@author"
summary = %s`, tomlString("@author <script>alert(1)</script>"), i+1, tomlString(title), tomlString(evilVersion), tomlString("]]></summary><script>alert(1)</script>\n="+title))
		d := strings.Replace(doc(id, "", extra, body), `title = ""`, "title = "+tomlString(title), 1)
		d = strings.Replace(d, `version = "1.0"`, "version = "+tomlString(evilVersion), 1)
		d = strings.Replace(d, `approver = "CEO"`, "approver = "+tomlString("-approver </textarea>"), 1)
		files[fmt.Sprintf("content/tier2/p%d.md", i)] = d
	}
	// A record whose actions have hostile ids and titles, and an external
	// document with a hostile origin.
	var actions strings.Builder
	for i, title := range evilTitles {
		fmt.Fprintf(&actions, "\n[[actions]]\nid = %s\ntitle = %s\nsource = \"audit\"\nowner = \"isd\"\ndocuments = [\"H-P-001\"]\ndue = 2026-12-0%d\nevidence = %s\n",
			tomlString(fmt.Sprintf("=A%d<x-evil>\"'", i)), tomlString(title), i+1, tomlString("https://tickets.example.com/?q=\"><script>alert(1)</script>"))
	}
	rec := doc("H-R-001", "", "clauses = [\"9.2\"]\nretention = \"1 year\"\n"+actions.String(), "Findings.\n")
	rec = strings.NewReplacer(`title = ""`, "title = "+tomlString(evilTitles[1]), `version = "1.0"`, "version = "+tomlString(evilVersion)).Replace(rec)
	files["content/tier3/rec.md"] = strings.Replace(rec, "tier = 2\ntype = \"procedure\"", "tier = 3\ntype = \"record\"", 1)
	ext := doc("H-X-001", "", fmt.Sprintf("issuer = %s\nedition = %s\nacquired = 2026-01-02\nreplaced_by = %s", tomlString(evilTitles[2]), tomlString(evilVersion), tomlString(evilTitles[5])), "External.\n")
	ext = strings.NewReplacer(`title = ""`, "title = "+tomlString(evilTitles[3]), `version = "1.0"`, "version = "+tomlString(evilVersion)).Replace(ext)
	files["content/tier2/ext.md"] = strings.Replace(ext, `type = "procedure"`, `type = "external"`, 1)
	return files
}

// Every value from front matter and isms.toml is escaped in every output
// format: no injected element, attribute or URL in HTML; JSON, XML and
// the search data parse and give the values back exactly; CSV cells that a
// spreadsheet would evaluate start with an apostrophe; calendar values
// cannot start a property or an event.
func TestInjection(t *testing.T) {
	site := writeSite(t, injectionSite())
	dest := filepath.Join(site, "public")
	warnings := mustBuild(t, options(site, dest))
	_ = warnings
	out := readTree(t, dest)
	if len(out) < 20 {
		t.Fatalf("only %d files", len(out))
	}
	checkOutputs(t, out, len(evilTitles)+1) // and the external document's review
	if *dump {
		t.Logf("%s", out["docs/H-P-001/index.html"])
		t.Logf("%s\n%s\n%s", out["register.csv"], out["reviews.ics"], out["feed.xml"])
	}

	// The values come back exactly where a parser reads them.
	page := parseHTML(t, out["docs/H-P-001/index.html"])
	if got := strings.TrimSpace(textOf(first(page, "h1"))); got != evilTitles[0] {
		t.Errorf("h1 = %q, want %q", got, evilTitles[0])
	}
	if got := textOf(first(page, "title")); !strings.Contains(got, evilSite) {
		t.Errorf("<title> = %q, lacks the site title %q", got, evilSite)
	}
	// An empty link shows the target's title, exactly.
	var filled []string
	for _, a := range findAll(t, out["docs/H-P-001/index.html"], "a") {
		if attr(a, "class") == "doc-link" && strings.HasPrefix(attr(a, "href"), "../../docs/H-P-00") && textOf(a) != "title" {
			filled = append(filled, textOf(a))
		}
	}
	crlf := strings.NewReplacer("\r\n", "\n", "\r", "\n")
	sameLines(t, filled, []string{crlf.Replace(evilTitles[1]), crlf.Replace(evilTitles[4]), crlf.Replace(evilTitles[5])})

	var docs struct {
		Documents []struct{ ID, Title, Version string }
	}
	if err := json.Unmarshal(out["documents.json"], &docs); err != nil {
		t.Fatal(err)
	}
	for i, d := range docs.Documents {
		if i < len(evilTitles) && d.Title != evilTitles[i] || !slices.Contains(evilTitles, d.Title) || d.Version != evilVersion {
			t.Errorf("documents.json %s: %q %q", d.ID, d.Title, d.Version)
		}
	}
	if data, ok := out["feed.xml"]; ok {
		var feed struct {
			Title   string `xml:"title"`
			Entries []struct {
				Title   string `xml:"title"`
				Summary string `xml:"summary"`
			} `xml:"entry"`
		}
		if err := xml.Unmarshal(data, &feed); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(feed.Title, evilSite) {
			t.Errorf("feed title %q", feed.Title)
		}
		if len(feed.Entries) != len(docs.Documents) {
			t.Errorf("%d feed entries", len(feed.Entries))
		}
		for _, e := range feed.Entries {
			if !slicesContainSub(evilTitles, e.Title) {
				t.Errorf("feed entry title %q is none of the titles", e.Title)
			}
		}
	}
}

// checkOutputs checks every file of a build by its format; events is the
// number of events reviews.ics must have.
func checkOutputs(t *testing.T, out map[string][]byte, events int) {
	t.Helper()
	seen := map[string]bool{}
	for _, name := range sortedKeys(out) {
		data := out[name]
		ext := filepath.Ext(name)
		seen[ext] = true
		switch ext {
		case ".html":
			checkHTML(t, name, data)
			if strings.HasPrefix(name, "docs/") {
				checkPrintStyle(t, name, data)
			}
		case ".json":
			if !json.Valid(data) {
				t.Errorf("%s is not valid JSON", name)
			}
		case ".xml":
			checkXML(t, name, data)
		case ".csv":
			checkCSV(t, name, data)
		case ".ics":
			checkICS(t, name, data, events)
		case ".js":
			if strings.HasPrefix(name, "search/") {
				checkSearchData(t, name, data)
			}
			if strings.HasPrefix(name, "lists/") {
				checkListData(t, name, data)
			}
		case ".css":
			if strings.HasPrefix(name, "docs/") {
				t.Errorf("%s: a stylesheet among a document's files", name)
			}
		}
	}
	t.Logf("formats: %v", sortedKeys(seen))
}

func slicesContainSub(list []string, s string) bool {
	for _, x := range list {
		if strings.Contains(s, x) {
			return true
		}
	}
	return false
}

// checkHTML fails on any element, attribute or URL that would run code.
func checkHTML(t *testing.T, name string, data []byte) {
	t.Helper()
	root := parseHTML(t, data)
	csp := false
	walkHTML(root, func(n *html.Node) {
		if n.Type != html.ElementNode {
			return
		}
		switch n.Data {
		case "script":
			if src := attr(n, "src"); src == "" || !strings.HasSuffix(src, ".js") || strings.Contains(src, ":") || n.FirstChild != nil {
				t.Errorf("%s: injected <script src=%q>%s", name, src, textOf(n))
			}
		case "x-evil", "iframe", "object", "embed", "base":
			t.Errorf("%s: injected <%s %v>", name, n.Data, n.Attr)
		case "meta":
			if attr(n, "http-equiv") == "Content-Security-Policy" && strings.Contains(attr(n, "content"), "default-src 'self'") {
				csp = true
			}
		}
		for _, a := range n.Attr {
			if strings.HasPrefix(strings.ToLower(a.Key), "on") || a.Key == "data-evil" {
				t.Errorf("%s: injected attribute %s=%q on <%s>", name, a.Key, a.Val, n.Data)
			}
			switch a.Key {
			case "href", "src", "action", "formaction", "xlink:href":
				v := strings.ToLower(strings.Map(func(r rune) rune {
					if r <= ' ' {
						return -1
					}
					return r
				}, a.Val))
				if a.Val == "data:," && n.Data == "link" {
					continue // the empty favicon in base.html
				}
				if n.Data == "img" && strings.HasPrefix(a.Val, "data:image/png;") {
					continue // a picture, not code
				}
				for _, scheme := range []string{"javascript:", "vbscript:", "data:", "file:"} {
					if strings.HasPrefix(v, scheme) {
						t.Errorf("%s: <%s %s=%q>", name, n.Data, a.Key, a.Val)
					}
				}
			}
		}
	})
	if !csp && !strings.HasPrefix(name, "search/") {
		t.Errorf("%s: no Content-Security-Policy meta tag", name)
	}
}

func first(root *html.Node, tag string) *html.Node {
	var found *html.Node
	walkHTML(root, func(n *html.Node) {
		if found == nil && n.Type == html.ElementNode && n.Data == tag {
			found = n
		}
	})
	return found
}

func textOf(n *html.Node) string {
	if n == nil {
		return ""
	}
	var b strings.Builder
	walkHTML(n, func(c *html.Node) {
		if c.Type == html.TextNode {
			b.WriteString(c.Data)
		}
	})
	return b.String()
}

// checkXML parses the whole file and fails on elements outside Atom and
// the sitemap vocabulary.
func checkXML(t *testing.T, name string, data []byte) {
	t.Helper()
	allowed := map[string]bool{}
	for _, n := range strings.Fields("feed id title subtitle updated author name generator link entry published category summary urlset url loc lastmod") {
		allowed[n] = true
	}
	dec := xml.NewDecoder(bytes.NewReader(data))
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Errorf("%s: %v", name, err)
			return
		}
		if se, ok := tok.(xml.StartElement); ok && !allowed[se.Name.Local] {
			t.Errorf("%s: injected element <%s>", name, se.Name.Local)
		}
	}
}

// checkCSV parses the file; a cell a spreadsheet would evaluate as a
// formula must start with an apostrophe (a plain negative integer, such
// as -12 days, is a number).
func checkCSV(t *testing.T, name string, data []byte) {
	t.Helper()
	if !bytes.HasPrefix(data, []byte("\ufeff")) {
		t.Errorf("%s: no byte-order mark", name)
	}
	r := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(data, []byte("\ufeff"))))
	rows, err := r.ReadAll()
	if err != nil {
		t.Errorf("%s: %v", name, err)
		return
	}
	integer := regexp.MustCompile(`^-[0-9]+$`)
	titles := 0
	for _, row := range rows {
		for _, cell := range row {
			if cell != "" && strings.ContainsRune("=+-@\t\r", rune(cell[0])) && !integer.MatchString(cell) {
				t.Errorf("%s: cell %q would be evaluated as a formula", name, cell)
			}
			for _, title := range evilTitles {
				if cell == title || cell == "'"+title {
					titles++
				}
			}
		}
	}
	if titles == 0 && (name == "register.csv" || name == "reviews.csv") {
		t.Errorf("%s: no title came back whole", name)
	}
}

// checkICS unfolds the calendar and fails on any property that a value
// could have injected.
func checkICS(t *testing.T, name string, data []byte, want int) {
	t.Helper()
	if bytes.Contains(bytes.ReplaceAll(data, []byte("\r\n"), nil), []byte("\n")) || bytes.Contains(bytes.ReplaceAll(data, []byte("\r\n"), nil), []byte("\r")) {
		t.Errorf("%s: a bare line break", name)
	}
	text := strings.ReplaceAll(string(data), "\r\n ", "")
	allowed := map[string]bool{}
	for _, p := range strings.Fields("BEGIN END VERSION PRODID CALSCALE METHOD X-WR-CALNAME UID DTSTAMP DTSTART DTEND SUMMARY URL DESCRIPTION TRANSP") {
		allowed[p] = true
	}
	events := 0
	for _, line := range strings.Split(strings.TrimSuffix(text, "\r\n"), "\r\n") {
		prop, value, ok := strings.Cut(line, ":")
		prop, _, _ = strings.Cut(prop, ";")
		if !ok || !allowed[prop] {
			t.Errorf("%s: line %q", name, line)
		}
		if line == "BEGIN:VEVENT" {
			events++
		}
		if (prop == "BEGIN" || prop == "END") && value != "VEVENT" && value != "VCALENDAR" {
			t.Errorf("%s: line %q", name, line)
		}
		if prop == "SUMMARY" && strings.Contains(value, "injected") && !strings.Contains(value, `\n`) {
			t.Errorf("%s: line break not escaped in %q", name, value)
		}
	}
	if name == "reviews.ics" && events != want {
		t.Errorf("%s: %d events, want %d", name, events, want)
	}
}

var searchData = regexp.MustCompile(`^\(window\.ISMSSearchData=window\.ISMSSearchData\|\|\{\}\)\[("[a-z0-9]+")\]=(.*);\n$`)

// checkSearchData requires a search file to be one assignment of JSON
// data and nothing else.
func checkSearchData(t *testing.T, name string, data []byte) {
	t.Helper()
	m := searchData.FindSubmatch(data)
	if m == nil {
		t.Errorf("%s is not a single data assignment: %.80q", name, data)
		return
	}
	if !json.Valid(m[2]) {
		t.Errorf("%s: the value is not JSON", name)
	}
	if bytes.Contains(data, []byte("\u2028")) || bytes.Contains(data, []byte("\u2029")) {
		t.Errorf("%s: an unescaped line separator", name)
	}
	if strings.HasPrefix(name, "search/d/") {
		var doc []any
		if err := json.Unmarshal(m[2], &doc); err != nil {
			t.Fatal(err)
		}
		if !slices.Contains(evilTitles, doc[1].(string)) {
			t.Errorf("%s: search index title %q, none of the titles written", name, doc[1])
		}
	}
}

var listData = regexp.MustCompile(`^\(window\.ISMSListData=window\.ISMSListData\|\|\{\}\)\[("[a-z0-9-]+")\]=(.*);\n$`)

// checkListData requires a list's rows to be one assignment of JSON data
// and nothing else.
func checkListData(t *testing.T, name string, data []byte) {
	t.Helper()
	m := listData.FindSubmatch(data)
	if m == nil {
		t.Errorf("%s is not a single data assignment: %.80q", name, data)
		return
	}
	if !json.Valid(m[2]) {
		t.Errorf("%s: the value is not JSON", name)
	}
	if bytes.Contains(data, []byte("\u2028")) || bytes.Contains(data, []byte("\u2029")) || bytes.Contains(data, []byte("</")) {
		t.Errorf("%s: an unescaped line separator or end tag", name)
	}
}

// printRule is a line of a document's print stylesheet: a margin box whose
// content is CSS strings and page counters only.
var printRule = regexp.MustCompile(`^  @[a-z-]+ \{ content: (?:"(?:[^"\\\n<]|\\[^\n])*"|counter\(pages?\)| )+; \}$`)

// checkPrintStyle requires a document page's inline style to be its print
// style alone, whose text is checked as checkPrintCSS does: no value
// ends its string, its rule or the element early.
func checkPrintStyle(t *testing.T, name string, data []byte) {
	t.Helper()
	page := string(data)
	const open, end = `<style media="print">`, "</style>"
	if strings.Count(page, "<style") != strings.Count(page, open) || strings.Count(page, open) > 1 {
		t.Errorf("%s: an inline style other than the print style", name)
		return
	}
	i := strings.Index(page, open)
	if i < 0 {
		return
	}
	css, _, ok := strings.Cut(page[i+len(open):], end)
	if !ok {
		t.Errorf("%s: the print style is not closed", name)
		return
	}
	checkPrintCSS(t, name, []byte(css))
}

// checkPrintCSS requires a print stylesheet to be one @page rule whose
// boxes show strings and counters only: no value ends its string early.
func checkPrintCSS(t *testing.T, name string, data []byte) {
	t.Helper()
	lines := strings.Split(strings.TrimSuffix(string(data), "\n"), "\n")
	if len(lines) < 2 || lines[0] != "@page {" || lines[len(lines)-1] != "}" {
		t.Errorf("%s is not one @page rule: %.80q", name, data)
		return
	}
	for _, l := range lines[1 : len(lines)-1] {
		if !printRule.MatchString(l) {
			t.Errorf("%s: line %q", name, l)
		}
	}
}

var _ = generator.Build
