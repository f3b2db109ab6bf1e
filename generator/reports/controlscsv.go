package reports

import (
	"strings"

	"ismsgen/generator/catalog"
	"ismsgen/generator/model"
)

// SoACSV is soa.csv: the Statement of Applicability as a spreadsheet, one
// row per Annex A control in catalogue order, with the SoA's entry (or
// "not assessed") and the ids of the documents that implement it. The
// control's title comes first in the interface language, then in the
// other one.
func SoACSV(site *model.Site, data *Data, l labels) []byte {
	header := []string{
		l.t("soa.col.control"), l.t("soa.col.theme"), l.t("soa.col.title"), l.t("soa.col.title_alt"),
		l.t("soa.col.applicable"), l.t("soa.col.justification"), l.t("soa.col.implementation"), l.t("soa.col.documents"),
	}
	sep := ", "
	if site.Config.IsChinese() {
		sep = "、"
	}
	cov := data.Controls
	rows := make([][]string, 0, len(cov.Controls))
	for _, c := range cov.Controls {
		title, alt := ControlTitles(site.Config, c.Control)
		var justification, implementation string
		if c.Entry != nil {
			justification, implementation = c.Entry.Justification, c.Entry.Implementation
		}
		ids := make([]string, len(c.Docs))
		for i, d := range c.Docs {
			ids[i] = d.ID
		}
		rows = append(rows, []string{
			c.Control.ID, l.code("theme.", string(c.Control.Theme)), title, alt,
			l.code("soa.state.", string(c.State)), justification, implementation, strings.Join(ids, sep),
		})
	}
	return spreadsheetCSV(header, rows)
}

// ControlTitles returns a control's title in the interface language and
// in the other one (Chinese and English).
func ControlTitles(cfg *model.Config, c catalog.Control) (title, alt string) {
	if cfg.IsChinese() {
		return c.TitleZH, c.Title
	}
	return c.Title, c.TitleZH
}
