// Package sitecheck checks a built site offline for tests: every relative
// link and #fragment in every HTML page must resolve to a file and an id,
// no link may be root-absolute, and no page may load anything from another
// host.
package sitecheck

import (
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"

	"golang.org/x/net/html"
)

type page struct {
	ids  map[string]bool
	refs []ref
}

type ref struct {
	url      string
	resource bool // loaded by the page (script, stylesheet, image)
}

// Links returns one line per problem, sorted; none means the site is sound.
func Links(root string) ([]string, error) {
	pages := map[string]*page{}
	err := filepath.WalkDir(root, func(p string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() || !strings.HasSuffix(p, ".html") {
			return err
		}
		rel, _ := filepath.Rel(root, p)
		f, err := os.Open(p)
		if err != nil {
			return err
		}
		defer f.Close()
		doc, err := html.Parse(f)
		if err != nil {
			return err
		}
		pg := &page{ids: map[string]bool{}}
		walk(doc, pg)
		pages[filepath.ToSlash(rel)] = pg
		return nil
	})
	if err != nil {
		return nil, err
	}
	var problems []string
	for name, pg := range pages {
		for _, r := range pg.refs {
			if msg := check(root, name, r, pages); msg != "" {
				problems = append(problems, fmt.Sprintf("%s: %s: %s", name, r.url, msg))
			}
		}
	}
	sort.Strings(problems)
	return problems, nil
}

func walk(n *html.Node, pg *page) {
	if n.Type == html.ElementNode {
		attrs := map[string]string{}
		for _, a := range n.Attr {
			attrs[a.Key] = a.Val
		}
		if id := attrs["id"]; id != "" {
			pg.ids[id] = true
		}
		switch n.Data {
		case "a":
			if href, ok := attrs["href"]; ok {
				pg.refs = append(pg.refs, ref{url: href})
			}
		case "link":
			if href, ok := attrs["href"]; ok {
				pg.refs = append(pg.refs, ref{url: href, resource: true})
			}
		case "script", "img", "iframe", "source":
			if src, ok := attrs["src"]; ok {
				pg.refs = append(pg.refs, ref{url: src, resource: true})
			}
		}
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		walk(c, pg)
	}
}

func check(root, from string, r ref, pages map[string]*page) string {
	u, err := url.Parse(r.url)
	if err != nil {
		return "unparsable URL"
	}
	if u.Scheme != "" || strings.HasPrefix(r.url, "//") {
		if r.resource && u.Scheme != "data" { // data: URLs are inline, not requests
			return "loads a resource from another host"
		}
		return ""
	}
	if strings.HasPrefix(u.Path, "/") {
		return "root-absolute link (breaks under a path prefix)"
	}
	target := from
	if u.Path != "" {
		target = path.Join(path.Dir(from), u.Path)
		if strings.HasPrefix(target, "../") || target == ".." {
			return "points outside the site"
		}
		info, err := os.Stat(filepath.Join(root, filepath.FromSlash(target)))
		if err != nil {
			return "no such file"
		}
		if info.IsDir() {
			target = path.Join(target, "index.html")
			if _, err := os.Stat(filepath.Join(root, filepath.FromSlash(target))); err != nil {
				return "folder without index.html"
			}
		}
	}
	if u.Fragment != "" && strings.HasSuffix(target, ".html") {
		pg := pages[target]
		if pg == nil || !pg.ids[u.Fragment] {
			return "no element with id " + u.Fragment
		}
	}
	return ""
}
