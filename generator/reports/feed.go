package reports

import (
	"bytes"
	"cmp"
	"encoding/xml"
	"slices"
	"strings"

	"ismsgen/generator/model"
)

// feedLimit is the number of entries feed.xml keeps.
const feedLimit = 50

type atomFeed struct {
	XMLName   xml.Name    `xml:"http://www.w3.org/2005/Atom feed"`
	Lang      string      `xml:"xml:lang,attr,omitempty"`
	ID        string      `xml:"id"`
	Title     string      `xml:"title"`
	Subtitle  string      `xml:"subtitle,omitempty"`
	Updated   string      `xml:"updated"`
	Author    atomPerson  `xml:"author"`
	Generator string      `xml:"generator"`
	Links     []atomLink  `xml:"link"`
	Entries   []atomEntry `xml:"entry"`
}

type atomPerson struct {
	Name string `xml:"name"`
}

type atomLink struct {
	Rel  string `xml:"rel,attr"`
	Type string `xml:"type,attr,omitempty"`
	Href string `xml:"href,attr"`
}

type atomCategory struct {
	Term  string `xml:"term,attr"`
	Label string `xml:"label,attr,omitempty"`
}

type atomEntry struct {
	ID        string         `xml:"id"`
	Title     string         `xml:"title"`
	Updated   string         `xml:"updated"`
	Published string         `xml:"published"`
	Links     []atomLink     `xml:"link"`
	Category  []atomCategory `xml:"category"`
	Summary   string         `xml:"summary"`
}

// feed is feed.xml, an Atom feed of newly effective versions: approved
// documents whose effective date has come, newest first, at most
// feedLimit. Entry ids (urn:ismsgen:<id>:<version>) are stable across
// builds; links are absolute when base_url is set and relative to the
// feed otherwise.
func feed(site *model.Site, l labels) []byte {
	var docs []*model.Document
	announced := map[*model.Document]announcement{}
	for _, d := range site.Docs {
		if inForce(d, site.Now) && !d.Effective.IsZero() { // an external document may have no date
			docs = append(docs, d)
			announced[d] = announce(d)
		} else if v := d.InForceEarlier(site.Now); v != nil && !v.Effective.IsZero() {
			// The new version takes effect later: the one in force stays
			// announced meanwhile.
			docs = append(docs, d)
			announced[d] = announcement{version: v.Version, date: v.Effective, title: cmp.Or(v.Title, d.Title), approver: v.Approver}
		}
	}
	slices.SortFunc(docs, func(a, b *model.Document) int {
		return cmp.Or(announced[b].date.Compare(announced[a].date), strings.Compare(a.ID, b.ID))
	})
	docs = docs[:min(len(docs), feedLimit)]

	cfg := site.Config
	f := atomFeed{
		Lang: cfg.Language, ID: "urn:ismsgen:feed", Title: l.t("feed.title", cfg.Title), Subtitle: cfg.Organisation,
		Updated: atomTime(site.Now), Author: atomPerson{Name: cmp.Or(cfg.Organisation, cfg.Title)}, Generator: "ismsgen",
		Links: []atomLink{
			{Rel: "self", Type: "application/atom+xml", Href: absURL(cfg, "feed.xml")},
			{Rel: "alternate", Type: "text/html", Href: cmp.Or(cfg.BaseURL, "./")},
		},
	}
	if cfg.BaseURL != "" {
		f.ID = cfg.BaseURL + "feed.xml"
	}
	if len(docs) > 0 {
		f.Updated = atomTime(announced[docs[0]].date)
	}
	for _, d := range docs {
		a := announced[d]
		summary := l.t("feed.summary", a.version, a.date, cmp.Or(a.approver, "—"))
		for _, h := range d.History {
			if h.Version == a.version && h.Summary != "" {
				summary += " " + h.Summary
			}
		}
		f.Entries = append(f.Entries, atomEntry{
			ID:        "urn:ismsgen:" + urnPart(d.ID) + ":" + urnPart(a.version),
			Title:     d.ID + " " + a.title + " " + a.version,
			Updated:   atomTime(a.date),
			Published: atomTime(a.date),
			Links:     []atomLink{{Rel: "alternate", Type: "text/html", Href: absURL(cfg, d.URL())}},
			Category:  []atomCategory{{Term: d.Type, Label: l.code("type.", d.Type)}},
			Summary:   summary,
		})
	}
	var b bytes.Buffer
	b.WriteString(xml.Header)
	enc := xml.NewEncoder(&b)
	enc.Indent("", "  ")
	_ = enc.Encode(f) // plain strings only: cannot fail
	b.WriteString("\n")
	return b.Bytes()
}

// announcement is the version of a document that the feed announces:
// the current one, or, after changes that are not material (material =
// false), the last material one, with the date it took effect, its
// title and its approver (from git, else its [[history]] entry's date).
type announcement struct {
	version  string
	date     model.Date
	title    string // of that version
	approver string // of that version
}

func announce(d *model.Document) announcement {
	a := announcement{d.Version, d.Effective, d.Title, d.Approver}
	if v := d.MaterialVersion(); v != d.Version {
		a.version = v
		if e := d.Versions.Of(v); e != nil && e.Status == model.StatusApproved && !e.Effective.IsZero() {
			// Git holds that version's text: its own effective date,
			// title and approver, not those of the correction after it.
			a.date, a.title, a.approver = e.Effective, cmp.Or(e.Title, d.Title), e.Approver
		} else if r := d.Revision(v); r != nil && !r.Date.IsZero() {
			a.date = r.Date
		}
	}
	return a
}

// atomTime is midnight UTC of a date in RFC 3339.
func atomTime(d model.Date) string { return d.String() + "T00:00:00Z" }

// urnPart percent-encodes everything but ASCII letters, digits, '.', '_'
// and '-', so a version such as "2.1 草案" still makes a valid URN.
func urnPart(s string) string {
	const hex = "0123456789ABCDEF"
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c >= '0' && c <= '9', c == '.', c == '_', c == '-':
			b.WriteByte(c)
		default:
			b.WriteByte('%')
			b.WriteByte(hex[c>>4])
			b.WriteByte(hex[c&15])
		}
	}
	return b.String()
}
