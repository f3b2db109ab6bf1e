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

// DocList is the argument of the doclist partial.
type DocList struct {
	Rel  string
	Docs []*model.Document
}

func docList(rel string, docs []*model.Document) DocList { return DocList{rel, docs} }
