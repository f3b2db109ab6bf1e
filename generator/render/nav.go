package render

import "ismsgen/generator/model"

// NavItem is one entry of the main navigation.
type NavItem struct {
	Href    string
	Key     string // i18n key of the label
	Current bool
}

// navigation lists the site's sections: the section name a page sets,
// its URL and its label.
var navigation = []struct{ section, url, key string }{
	{"home", "", "nav.home"},
	{"tiers", "tiers/1/", "nav.tiers"},
	{"register", "register/", "nav.register"},
	{"approvals", "approvals/", "nav.approvals"},
	{"reviews", "reviews/", "nav.reviews"},
	{"distribution", "distribution/", "nav.distribution"},
	{"actions", "actions/", "nav.actions"},
	{"management-review", "management-review/", "nav.management_review"},
	{"training", "training/", "nav.training"},
	{"controls", "controls/", "nav.controls"},
	{"soa", "soa/", "nav.soa"},
}

func navItems(p *Page) []NavItem {
	items := make([]NavItem, len(navigation))
	for i, n := range navigation {
		href := p.Rel + n.url
		if n.url == "" {
			href = p.Home
		}
		items[i] = NavItem{Href: href, Key: n.key, Current: p.Section == n.section}
	}
	return items
}

// DocList is the argument of the doclist and controls-doclinks partials.
type DocList struct {
	Rel  string
	Docs []*model.Document
	More int    // documents left out
	Href string // where they all are, relative to the site root
}

func docList(rel string, docs []*model.Document) DocList { return DocList{Rel: rel, Docs: docs} }

// cellDocs is the most documents a cell of the controls, SoA and clauses
// tables lists: the others are on the page its link leads to.
const cellDocs = 10

// docLinks is the first documents of docs, and the link to them all.
func docLinks(rel string, docs []*model.Document, href string) DocList {
	n := min(len(docs), cellDocs)
	return DocList{Rel: rel, Docs: docs[:n], More: len(docs) - n, Href: href}
}
