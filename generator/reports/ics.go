package reports

import (
	"bytes"
	"fmt"
	"strings"
	"unicode/utf8"

	"ismsgen/generator/model"
)

// calendar is an iCalendar file (RFC 5545) with one all-day event on the
// review date of each review that has one, and one on the due date of
// each open action. Event UIDs depend only on the document's id and
// version, or the action's id, so a calendar client that subscribes to
// the file updates events instead of duplicating them; DTSTAMP is --now,
// so the same input gives the same bytes.
func calendar(site *model.Site, reviews []Review, actions []Action, name string, l labels) []byte {
	var c icsWriter
	c.Grow(512 + 256*len(reviews) + 512*len(actions)) // an event is about 200 bytes: one buffer, not one per doubling
	c.line("BEGIN:VCALENDAR")
	c.line("VERSION:2.0")
	c.line("PRODID:-//ismsgen//ISMS review calendar//EN")
	c.line("CALSCALE:GREGORIAN")
	c.line("METHOD:PUBLISH")
	c.line("X-WR-CALNAME:" + icsText(name))
	stamp := icsDate(site.Now) + "T000000Z"
	for _, r := range reviews {
		if r.Date.IsZero() {
			continue
		}
		d := r.Doc
		c.line("BEGIN:VEVENT")
		c.text("UID:", d.ID+"-"+d.Version+"@ismsgen")
		c.line("DTSTAMP:" + stamp)
		c.line("DTSTART;VALUE=DATE:" + icsDate(r.Date))
		c.line("DTEND;VALUE=DATE:" + icsDate(r.Date.AddDays(1)))
		c.text("SUMMARY:", l.t("ics.summary", d.ID, d.Title))
		desc := []string{
			l.t("field.version") + ": " + d.Version,
			l.t("field.owners") + ": " + l.depts(d.Owners),
		}
		if d.Approver != "" {
			desc = append(desc, l.t("field.approver")+": "+d.Approver)
		}
		if !d.LastReviewed.IsZero() {
			desc = append(desc, l.t("field.last_reviewed")+": "+d.LastReviewed.String())
		}
		if site.Config.BaseURL != "" {
			u := absURL(site.Config, d.URL())
			desc = append(desc, u)
			c.line("URL:" + u)
		}
		c.text("DESCRIPTION:", desc...)
		c.line("TRANSP:TRANSPARENT")
		c.line("END:VEVENT")
	}
	for _, a := range actions {
		if a.IsOpen() {
			actionEvent(&c, site, a, stamp, l)
		}
	}
	c.line("END:VCALENDAR")
	return c.Bytes()
}

// actionEvent writes the all-day event of an open action on its due date.
func actionEvent(c *icsWriter, site *model.Site, a Action, stamp string, l labels) {
	c.line("BEGIN:VEVENT")
	c.text("UID:", "action-"+a.ID+"@ismsgen")
	c.line("DTSTAMP:" + stamp)
	c.line("DTSTART;VALUE=DATE:" + icsDate(a.Due))
	c.line("DTEND;VALUE=DATE:" + icsDate(a.Due.AddDays(1)))
	c.text("SUMMARY:", l.t("ics.action_summary", a.ID, a.Title))
	desc := []string{
		l.t("action.source") + ": " + l.code("action.source.", a.Source),
		l.t("action.record") + ": " + a.Record.ID + " " + a.Record.Title,
		l.t("action.owner") + ": " + l.depts([]string{a.Owner}),
	}
	if ids := a.PublishedDocs(); len(ids) > 0 {
		desc = append(desc, l.t("action.documents")+": "+strings.Join(ids, ", "))
	}
	if site.Config.BaseURL != "" {
		u := absURL(site.Config, "actions/#"+a.Anchor())
		desc = append(desc, u)
		c.line("URL:" + u)
	}
	c.text("DESCRIPTION:", desc...)
	c.line("TRANSP:TRANSPARENT")
	c.line("END:VEVENT")
}

// icsWriter writes content lines ending in CRLF, folded at 75 octets.
type icsWriter struct {
	bytes.Buffer
	scratch []byte // the line text makes, reused from one line to the next
}

// text writes the content line name followed by the TEXT value of parts
// joined by newlines, escaped as icsText does, without a string for it.
func (w *icsWriter) text(name string, parts ...string) {
	b := append(w.scratch[:0], name...)
	for i, p := range parts {
		if i > 0 {
			b = append(b, `\n`...)
		}
		b = appendICSText(b, p)
	}
	w.scratch = b
	writeLine(w, b)
}

// line writes one content line, folded so that no line exceeds 75 octets
// (the CRLF not counted) and no UTF-8 character is split: continuation
// lines start with a space, which counts towards their 75.
func (w *icsWriter) line(s string) { writeLine(w, s) }

func writeLine[S string | []byte](w *icsWriter, s S) {
	limit := 75
	for len(s) > limit {
		cut := limit
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
		w.put(s[:cut])
		w.WriteString("\r\n ")
		s = s[cut:]
		limit = 74
	}
	w.put(s)
	w.WriteString("\r\n")
}

// put writes s, a string or bytes, without converting it.
func (w *icsWriter) put(s any) {
	switch s := s.(type) {
	case string:
		w.WriteString(s)
	case []byte:
		w.Write(s)
	}
}

// icsText escapes a TEXT value: backslash, semicolon, comma and newline;
// carriage returns and other control characters are dropped, since RFC
// 5545 does not allow them in a value.
func icsText(s string) string { return string(appendICSText(nil, s)) }

// appendICSText appends s escaped as icsText does to b.
func appendICSText(b []byte, s string) []byte {
	for _, r := range s {
		switch {
		case r == '\\':
			b = append(b, `\\`...)
		case r == ';':
			b = append(b, `\;`...)
		case r == ',':
			b = append(b, `\,`...)
		case r == '\n':
			b = append(b, `\n`...)
		case r < 0x20 && r != '\t' || r == 0x7f:
		default:
			b = utf8.AppendRune(b, r)
		}
	}
	return b
}

// icsDate formats a date as YYYYMMDD.
func icsDate(d model.Date) string { return fmt.Sprintf("%04d%02d%02d", d.Year, int(d.Month), d.Day) }
