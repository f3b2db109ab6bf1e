// Package pack is the last stage of `ismsgen pack`: from the pages of a
// site built as of a day, it makes the audit evidence pack, one zip file
// that an auditor can open anywhere: the register, the text of every
// document in force that day, the Statement of Applicability and the
// review report, each a self-contained page (its stylesheet inside, no
// script, links between the pack's own pages), the register, SoA and
// review exports, and MANIFEST.txt with the SHA-256 of every file. The
// same site and day always give the same bytes: the entries are sorted
// and dated that day.
package pack

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"crypto/sha256"
	"encoding/base64"
	"fmt"
	"io"
	"mime"
	"net/url"
	"path"
	"regexp"
	"slices"
	"strings"
	"time"

	"ismsgen/generator/model"
)

// Input is the built site and what the pack takes of it.
type Input struct {
	Date    model.Date
	Files   map[string][]byte // the site's files by path, as the build wrote them
	InForce []*model.Document // the documents in force that day
	// Earlier are the documents in force that day by an earlier version
	// (the current one takes effect later): id → that version's page.
	Earlier map[string]string
	// SinceApproval are the pages of what changed since approval of the
	// documents in force whose text changed without a new version: id →
	// that page. The text they were told applies is the approved one.
	SinceApproval map[string]string
	// Attachment gives the bytes of a copied file (an image the pages
	// show) by its path in the site; nil, or an error, leaves it out.
	Attachment func(path string) ([]byte, error)
}

// pages maps the site's pages that go into the pack to their names in it.
func pages(in Input) map[string]string {
	m := map[string]string{
		"register/": "register.html",
		"soa/":      "soa.html",
		"reviews/":  "reviews.html",
	}
	for _, d := range in.InForce {
		m[d.URL()] = "documents/" + d.ID + ".html"
	}
	for id, page := range in.Earlier {
		m[page] = "documents/" + id + ".html"
	}
	for id, page := range in.SinceApproval {
		m[page] = "documents/since-approval/" + id + ".html"
	}
	return m
}

// exports are the site's machine-readable files that go into the pack.
var exports = []string{"register.csv", "soa.csv", "reviews.csv"}

// Write writes the pack of in to w.
func Write(w io.Writer, in Input) error {
	names := pages(in)
	entries := map[string][]byte{}
	for site, name := range names {
		page, ok := in.Files[site+"index.html"]
		if !ok {
			continue // the SoA page of a site without one
		}
		entries[name] = selfContained(page, site, name, names, in)
	}
	for _, name := range exports {
		if data, ok := in.Files[name]; ok {
			entries[name] = data
		}
	}
	entries["MANIFEST.txt"] = manifest(in.Date, entries)

	modified := time.Date(in.Date.Year, in.Date.Month, in.Date.Day, 0, 0, 0, 0, time.UTC)
	z := zip.NewWriter(w)
	z.RegisterCompressor(zip.Deflate, func(w io.Writer) (io.WriteCloser, error) {
		return flate.NewWriter(w, flate.BestCompression)
	})
	for _, name := range slices.Sorted(keys(entries)) {
		f, err := z.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Deflate, Modified: modified})
		if err != nil {
			return err
		}
		if _, err := f.Write(entries[name]); err != nil {
			return err
		}
	}
	return z.Close()
}

func keys[V any](m map[string]V) func(func(string) bool) {
	return func(yield func(string) bool) {
		for k := range m {
			if !yield(k) {
				return
			}
		}
	}
}

// manifest lists the SHA-256 of every file, in the form sha256sum -c reads.
func manifest(day model.Date, entries map[string][]byte) []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, "# ismsgen audit evidence pack: the ISMS documents as they stood at the end of %s\n", day)
	fmt.Fprintf(&b, "# check with: sha256sum -c MANIFEST.txt\n")
	for _, name := range slices.Sorted(keys(entries)) {
		fmt.Fprintf(&b, "%x  %s\n", sha256.Sum256(entries[name]), name)
	}
	return b.Bytes()
}

var (
	stylesheet = regexp.MustCompile(`<link rel="stylesheet" href="([^"]*)">`)
	styleSrc   = regexp.MustCompile(`style-src (?:&#?\w+;|[^;"])*`) // a hash's '+' is written "&#43;"
	script     = regexp.MustCompile(`<script[^>]*></script>\n?`)
	href       = regexp.MustCompile(` href="([^"]*)"`)
	src        = regexp.MustCompile(` src="([^"]*)"`)
)

// packCSS hides what only works on the site: its search and navigation.
const packCSS = "\n.site-search, .site-nav, .skip-link { display: none !important; }\na:not([href]) { color: inherit; text-decoration: none; }\n"

// selfContained makes a page of the site (at site, a folder URL) work on
// its own as name in the pack: the stylesheet inside, no script, the
// images inside, links to the pack's other pages pointing at them and
// links to pages it does not hold kept as their text.
func selfContained(page []byte, site, name string, names map[string]string, in Input) []byte {
	s := string(page)
	// The whole directive, in the policy at the head of the page only:
	// beside a hash (a document's print style), 'unsafe-inline' would be
	// ignored.
	if at := styleSrc.FindStringIndex(s); at != nil {
		s = s[:at[0]] + "style-src 'unsafe-inline'" + s[at[1]:]
	}
	s = strings.Replace(s, "script-src 'self'", "script-src 'none'", 1)
	s = stylesheet.ReplaceAllStringFunc(s, func(m string) string {
		sm := stylesheet.FindStringSubmatch(m)
		css := in.Files[resolve(site, sm[1])]
		return "<style>\n" + strings.ReplaceAll(string(css), "</", `<\/`) + packCSS + "</style>"
	})
	s = script.ReplaceAllString(s, "")
	s = href.ReplaceAllStringFunc(s, func(m string) string {
		h := href.FindStringSubmatch(m)[1]
		switch {
		case h == "" || strings.HasPrefix(h, "#") || strings.HasPrefix(h, "data:") || strings.Contains(h, "://") || strings.HasPrefix(h, "mailto:"):
			return m
		}
		target, frag, _ := strings.Cut(h, "#")
		to, ok := names[resolve(site, target)]
		if !ok {
			return "" // a page the pack does not hold: the link's text stays
		}
		if to == name && frag != "" {
			return ` href="#` + frag + `"`
		}
		rel := relative(name, to)
		if frag != "" {
			rel += "#" + frag
		}
		return ` href="` + rel + `"`
	})
	s = src.ReplaceAllStringFunc(s, func(m string) string {
		h := src.FindStringSubmatch(m)[1]
		if strings.HasPrefix(h, "data:") || strings.Contains(h, "://") || in.Attachment == nil {
			return m
		}
		data, err := in.Attachment(resolve(site, h))
		if err != nil || data == nil {
			return ` src=""`
		}
		kind := mime.TypeByExtension(path.Ext(h))
		if !strings.HasPrefix(kind, "image/") || strings.HasPrefix(kind, "image/svg") {
			return ` src=""`
		}
		return ` src="data:` + kind + `;base64,` + base64.StdEncoding.EncodeToString(data) + `"`
	})
	return []byte(s)
}

// resolve turns a link of the page at folder site into a path of the
// site: a folder keeps its slash, "./" is the home page.
func resolve(site, link string) string {
	link, _, _ = strings.Cut(link, "?")
	if u, err := url.PathUnescape(link); err == nil {
		link = u
	}
	p := path.Join(site, link)
	if p == "." {
		return ""
	}
	if strings.HasSuffix(link, "/") || link == "" || link == "." {
		p += "/"
	}
	return strings.TrimPrefix(p, "/")
}

// relative is the link from the pack's file from to its file to.
func relative(from, to string) string {
	up := strings.Repeat("../", strings.Count(from, "/"))
	return up + to
}
