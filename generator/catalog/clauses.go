package catalog

import (
	"ismsgen/generator/diag"
	"slices"
	"strings"
)

// Clause is a clause or sub-clause of ISO/IEC 27001:2022 clauses 4–10.
type Clause struct {
	ID      string // "9.3.2"; the top-level clauses are "4" … "10"
	Title   string // English title
	TitleZH string // Chinese title
}

// Clauses returns clauses 4 to 10 in order, each top-level clause ("9")
// followed by its sub-clauses ("9.1", "9.2", "9.2.1", …), in a new slice.
func Clauses() []Clause {
	return slices.Clone(load().clauses)
}

// ParseClause normalises a clause reference from front matter: "9.3" and
// " 9.3 " give "9.3", and an item letter is dropped ("6.1.3d", "6.1.3 d" and
// "6.1.3(d)" give "6.1.3"). Anything else is an error whose hint gives the
// clause numbering, or points to controls for an Annex A control id.
func ParseClause(s string) (string, *RefError) {
	d := load()
	if i, ok := d.clause[s]; ok {
		return d.clauses[i].ID, nil
	}
	t := strings.TrimSpace(s)
	if t == "" {
		return "", &RefError{
			Message: diag.Msg("empty ISO/IEC 27001 clause reference"),
			Hint:    diag.Msg("write a clause number such as \"9.3\"; %s", d.clauseHint()),
		}
	}
	u := stripItem(t)
	if i, ok := d.clause[u]; ok {
		return d.clauses[i].ID, nil
	}
	msg := diag.Msg("unknown ISO/IEC 27001 clause %q", s)
	if parts, prefixed, ok := looseParts(u); ok && !prefixed {
		if i, ok := d.clause[strings.Join(parts, ".")]; ok {
			return "", &RefError{Message: msg, Hint: diag.Msg("did you mean %q (%s)?", d.clauses[i].ID, d.clauses[i].name())}
		}
	}
	if id, err := ParseControl(t); err == nil {
		c, _ := Lookup(id)
		return "", &RefError{
			Message: msg,
			Hint:    diag.Msg("%s is Annex A control %s (%s), not a clause: list it in controls; %s", t, c.ID, diag.Name{EN: c.Title, ZH: c.TitleZH}, d.clauseHint()),
		}
	}
	if n := titledNumber(t); n != "" {
		if i, ok := d.clause[n]; ok {
			return "", &RefError{Message: msg, Hint: diag.Msg("did you mean %q (%s)?", d.clauses[i].ID, d.clauses[i].name())}
		}
	}
	return "", &RefError{Message: msg, Hint: d.clauseHint()}
}

func (d *data) clauseHint() diag.Text {
	return diag.Msg("ISO/IEC 27001:2022 has clauses %s, with sub-clauses such as 6.1.2 and 9.2.2", d.clauseRange)
}

// name is the clause's title in either language, for a message.
func (c Clause) name() diag.Name { return diag.Name{EN: c.Title, ZH: c.TitleZH} }

// stripItem drops an item letter after a clause number: "6.1.3d",
// "6.1.3 d", "6.1.3(d)" and "6.1.3 (d)" become "6.1.3".
func stripItem(s string) string {
	isLetter := func(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }
	n := len(s)
	switch {
	case n >= 4 && s[n-1] == ')' && s[n-3] == '(' && isLetter(s[n-2]):
		s = s[:n-3]
	case n >= 2 && isLetter(s[n-1]) && !isLetter(s[n-2]):
		s = s[:n-1]
	default:
		return s
	}
	s = strings.TrimRight(s, " ")
	if s == "" || s[len(s)-1] < '0' || s[len(s)-1] > '9' {
		return "" // the letter did not follow a number
	}
	return s
}

// Requirement is documented information that ISO/IEC 27001:2022 makes
// mandatory.
type Requirement struct {
	Key     string // "4.3", "6.1.3d", "9.2"
	Clause  string // the clause a document's clauses must contain (or a sub-clause of it) to fulfil it
	Title   string // English description
	TitleZH string // Chinese description
	Kind    string // "maintain" (a document kept current) or "retain" (evidence kept)
	SoA     bool   // a document of type "soa" fulfils it too (6.1.3 d)
}

// Requirements returns the mandatory documented information in clause
// order, in a new slice.
func Requirements() []Requirement {
	return slices.Clone(load().reqs)
}

// Fulfils reports whether a document with these normalised clause ids and
// this type fulfils r: one of its clauses is r.Clause or a sub-clause of it
// ("9.2.2" fulfils "9.2"), or r.SoA is set and the type is "soa".
func (r Requirement) Fulfils(clauses []string, docType string) bool {
	if r.SoA && docType == "soa" {
		return true
	}
	for _, c := range clauses {
		if c == r.Clause || len(c) > len(r.Clause) && c[len(r.Clause)] == '.' && strings.HasPrefix(c, r.Clause) {
			return true
		}
	}
	return false
}

// CompareIDs compares dotted ids numerically, part by part, returning -1, 0
// or +1: "5.2" < "5.10" < "6.1", "9.2" < "9.2.1" < "10.1", "6.1.3" <
// "6.1.3d". It suits control, clause and requirement ids; ids that differ
// only in leading zeros are ordered as strings, so 0 means a == b.
func CompareIDs(a, b string) int {
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		ea, eb := segmentEnd(a, i), segmentEnd(b, j)
		if c := compareSegment(a[i:ea], b[j:eb]); c != 0 {
			return c
		}
		i, j = ea+1, eb+1
	}
	switch {
	case i < len(a):
		return 1
	case j < len(b):
		return -1
	}
	return strings.Compare(a, b)
}

func segmentEnd(s string, i int) int {
	if k := strings.IndexByte(s[i:], '.'); k >= 0 {
		return i + k
	}
	return len(s)
}

// compareSegment compares the leading numbers of x and y by value, then
// what follows them as strings.
func compareSegment(x, y string) int {
	nx, ny := digitPrefix(x), digitPrefix(y)
	vx, vy := strings.TrimLeft(x[:nx], "0"), strings.TrimLeft(y[:ny], "0")
	if len(vx) != len(vy) {
		if len(vx) < len(vy) {
			return -1
		}
		return 1
	}
	if c := strings.Compare(vx, vy); c != 0 {
		return c
	}
	return strings.Compare(x[nx:], y[ny:])
}

func digitPrefix(s string) int {
	n := 0
	for n < len(s) && s[n] >= '0' && s[n] <= '9' {
		n++
	}
	return n
}
