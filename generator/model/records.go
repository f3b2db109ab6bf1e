package model

import (
	"fmt"
	"strings"
)

// Retention is how long a form or record is kept (保存期限): a period,
// or for ever. The zero value means none was given.
type Retention struct {
	// Period is zero when Permanent or none was given. Its N may be 0
	// ("0 days": a record disposed of on its own date), which a review
	// cycle may not: its Unit tells that a period was given.
	Period    Cycle
	Permanent bool
}

// ParseRetention parses "N days", "N months" or "N years" (the forms a
// review cycle accepts, Chinese units too: "3年", "6个月"), N from 0,
// and "permanent" or 永久. ok is false for anything else.
func ParseRetention(s string) (r Retention, ok bool) {
	t := strings.TrimSpace(s)
	switch strings.ToLower(t) {
	case "permanent", "permanently", "永久", "永久保存":
		return Retention{Permanent: true}, true
	}
	if rest, zero := strings.CutPrefix(t, "0"); zero && rest != "" && (rest[0] < '0' || rest[0] > '9') {
		// "0 days": N is a count, and 0 is one; ParseCycle reads the unit.
		c, err := ParseCycle("1" + rest)
		if err != nil {
			return Retention{}, false
		}
		return Retention{Period: Cycle{0, c.Unit}}, true
	}
	c, err := ParseCycle(t)
	if err != nil {
		return Retention{}, false
	}
	return Retention{Period: c}, true
}

// IsZero reports whether no retention is set.
func (r Retention) IsZero() bool { return !r.Permanent && !r.HasPeriod() }

// HasPeriod reports whether the retention is a period, "0 days" too.
func (r Retention) HasPeriod() bool { return r.Period.Unit != "" }

// String is the retention in its canonical form: "3 years", "permanent",
// or "" when none is set.
func (r Retention) String() string {
	if r.Permanent {
		return "permanent"
	}
	if !r.HasPeriod() {
		return ""
	}
	return fmt.Sprintf("%d %s", r.Period.N, r.Period.Unit)
}

// Disposal is the date from which a record dated d may be disposed of:
// d plus the period. It is zero when the retention is permanent or not
// set, or d is zero.
func (r Retention) Disposal(d Date) Date {
	if r.Permanent || !r.HasPeriod() || d.IsZero() {
		return Date{}
	}
	return r.Period.AddTo(d)
}

// External is what a document of external origin (外来文件: a law, a
// standard, a customer's requirements) says about where it comes from.
type External struct {
	Issuer     string // 发布机构
	Edition    string // 版本/版次, e.g. "GB/T 22080-2025"
	Acquired   Date   // 获取日期
	ReplacedBy string // text: what replaced it, if it has been replaced
}

// Action sources (the `source` key of [[actions]]).
const (
	SourceNonconformity    = "nonconformity"
	SourceManagementReview = "management-review"
	SourceAudit            = "audit"
	SourceIncident         = "incident"
	SourceOther            = "other"
)

// ActionSources lists every action source in display order.
var ActionSources = []string{SourceNonconformity, SourceManagementReview, SourceAudit, SourceIncident, SourceOther}

// Action is a corrective action or a decision to act (纠正措施, 管理评审决议)
// that a record raises, tracked to closure.
type Action struct {
	ID        string
	Title     string
	Source    string   // one of ActionSources
	Clause    string   // a clause ("10.2") or an Annex A control ("A.5.18"); optional
	Documents []string // ids of the documents it concerns, as written
	Owner     string   // department id
	Due       Date
	Closed    Date   // zero while open
	Evidence  string // a document id or a web address; optional
	Line      int    // line of the action's id, for diagnostics

	// EvidenceIsDoc says that Evidence is the id of a document of the
	// set, published or not (the validate stage finds out).
	EvidenceIsDoc bool
}

// EvidenceIsAddress reports whether an action's evidence is written as a
// web address (it names a scheme: https:, mailto:) rather than a
// document id or a file path, which the site shows as text.
func EvidenceIsAddress(s string) bool { return strings.Contains(s, ":") }

// Anchor is the fragment that identifies the action on the pages that
// list it: "action-" and the id, with anything but ASCII letters, digits,
// '.', '_' and '-' written as '_' and its hex code.
func (a *Action) Anchor() string {
	var b strings.Builder
	b.WriteString("action-")
	for i := 0; i < len(a.ID); i++ {
		c := a.ID[i]
		if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '.' || c == '-' {
			b.WriteByte(c)
			continue
		}
		const hex = "0123456789abcdef"
		b.WriteByte('_')
		b.WriteByte(hex[c>>4])
		b.WriteByte(hex[c&15])
	}
	return b.String()
}

// Dated is the date of a record: its effective date, else its approval
// date; zero when it has neither.
func (d *Document) Dated() Date {
	if !d.Effective.IsZero() {
		return d.Effective
	}
	return d.Approved
}

// CoversClause reports whether the document lists the clause or one of its
// sub-clauses ("9.2" is covered by "9.2" and by "9.2.1").
func (d *Document) CoversClause(clause string) bool {
	for _, c := range d.Clauses {
		if c == clause || strings.HasPrefix(c, clause) && len(c) > len(clause) && c[len(clause)] == '.' {
			return true
		}
	}
	return false
}

// KeepsRecords reports whether the document is a form or a record: the
// documents that carry a retention and appear in the records list.
func (d *Document) KeepsRecords() bool { return d.Type == TypeForm || d.Type == TypeRecord }
