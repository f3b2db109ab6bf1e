package reports

import (
	"strings"

	"ismsgen/generator/i18n"
	"ismsgen/generator/model"
)

// labels turns codes (status, type, department ids) into the interface
// language's words for the exports, as the pages do.
type labels struct {
	s   *i18n.Strings
	cfg *model.Config
}

func (l labels) t(key string, args ...any) string { return l.s.T(key, args...) }

// code returns the label of prefix+v, or v itself when there is none.
func (l labels) code(prefix, v string) string {
	if l.s.Has(prefix + v) {
		return l.s.T(prefix + v)
	}
	return v
}

// depts lists department names ("all" is all staff).
func (l labels) depts(ids []string) string {
	names := make([]string, len(ids))
	for i, id := range ids {
		switch d, ok := l.cfg.Department(id); {
		case id == model.AllStaff:
			names[i] = l.s.T("field.all_staff")
		case ok:
			names[i] = d.Name
		default:
			names[i] = id
		}
	}
	sep := ", "
	if l.cfg.IsChinese() {
		sep = "、"
	}
	return strings.Join(names, sep)
}

// absURL is a site-relative URL made absolute with base_url, or left
// relative when base_url is not set.
func absURL(cfg *model.Config, rel string) string { return cfg.BaseURL + rel }

// retention is a retention period in the interface language.
func (l labels) retention(r model.Retention) string { return RetentionText(l.s, r) }

// RetentionText is a retention period in the interface language: "3 年",
// "永久"; "" when none is set.
func RetentionText(s *i18n.Strings, r model.Retention) string {
	switch {
	case r.Permanent:
		return s.T("retention.permanent")
	case !r.HasPeriod():
		return ""
	}
	unit := string(r.Period.Unit) // "years"
	if r.Period.N == 1 {
		unit = unit[:len(unit)-1]
	}
	return s.T("retention."+unit, r.Period.N)
}
