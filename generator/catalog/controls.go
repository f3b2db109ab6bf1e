package catalog

import (
	"ismsgen/generator/diag"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// Theme is one of the four groups of Annex A controls.
type Theme string

// The Annex A themes, which are clauses 5 to 8 of ISO/IEC 27002:2022.
const (
	Organizational Theme = "organizational" // 5.x
	People         Theme = "people"         // 6.x
	Physical       Theme = "physical"       // 7.x
	Technological  Theme = "technological"  // 8.x
)

// Themes returns the four themes in Annex A order (5, 6, 7, 8), in a new
// slice.
func Themes() []Theme {
	return []Theme{Organizational, People, Physical, Technological}
}

// Number returns the theme's clause number in Annex A, 5 to 8, or 0 for a
// string that is not a theme.
func (t Theme) Number() int {
	switch t {
	case Organizational:
		return 5
	case People:
		return 6
	case Physical:
		return 7
	case Technological:
		return 8
	}
	return 0
}

// Control is one ISO/IEC 27001:2022 Annex A control.
type Control struct {
	ID              string // "5.35", without the "A." prefix
	Theme           Theme
	Title           string // English name
	TitleZH         string // Chinese name
	TitleZHVerified bool   // TitleZH was checked against GB/T 22081-2024
	New             bool   // introduced by the 2022 edition
}

// Controls returns the 93 Annex A controls in numeric order (5.1, 5.2, …,
// 5.10, …, 8.34). The slice is a new copy on each call.
func Controls() []Control {
	return slices.Clone(load().controls)
}

// Lookup returns the control with the canonical id ("5.35"; not "A.5.35",
// which ParseControl accepts).
func Lookup(id string) (Control, bool) {
	d := load()
	if i, ok := d.byID[id]; ok {
		return d.controls[i], true
	}
	return Control{}, false
}

// Less reports whether c comes before o in numeric order.
func (c Control) Less(o Control) bool { return CompareIDs(c.ID, o.ID) < 0 }

// RefError is a control or clause reference that cannot be used; Message
// says what is wrong and Hint how to fix it.
type RefError struct {
	Message, Hint diag.Text
}

// Error returns the message followed by the hint, in English.
func (e *RefError) Error() string {
	if e.Hint.IsZero() {
		return e.Message.String()
	}
	return e.Message.String() + "; " + e.Hint.String()
}

// ParseControl normalises a control reference from front matter: "5.35",
// "A.5.35", "a.5.35" and " 5.35 " all give "5.35". An ISO/IEC 27001:2013 id
// ("A.12.3.1", "12.3.1") is an error whose hint names the 2022 control(s)
// replacing it; an unknown id is an error whose hint suggests a close id
// ("5.3.5", "A5.35", "5,35" → "5.35") or gives the valid ranges.
//
// A canonical id is returned without allocating.
func ParseControl(s string) (string, *RefError) {
	d := load()
	if i, ok := d.byID[s]; ok {
		return d.controls[i].ID, nil
	}
	return d.parseControl(s)
}

// parseControl is ParseControl for anything but a canonical id.
func (d *data) parseControl(s string) (string, *RefError) {
	t := strings.TrimSpace(s)
	if t == "" {
		return "", &RefError{
			Message: diag.Msg("empty Annex A control reference"),
			Hint:    diag.Msg("write a control id such as \"5.1\"; %s", d.controlHint()),
		}
	}
	u, prefixed := t, false
	if len(u) > 2 && (u[0] == 'A' || u[0] == 'a') && u[1] == '.' {
		u, prefixed = u[2:], true
	}
	if i, ok := d.byID[u]; ok {
		return d.controls[i].ID, nil
	}
	if o, ok := d.old[u]; ok {
		return "", d.oldError(s, o)
	}

	parts, loosePrefixed, ok := looseParts(t)
	if ok {
		prefixed = prefixed || loosePrefixed
		if len(parts) == 3 {
			if o, ok := d.old[strings.Join(parts, ".")]; ok {
				return "", d.oldError(s, o)
			}
		}
		if sugg := d.suggestControls(parts); len(sugg) > 0 {
			return "", &RefError{
				Message: diag.Msg("unknown Annex A control %q", s),
				Hint:    diag.Msg("did you mean %s?", d.describeControls(sugg, true)),
			}
		}
		if len(parts) == 2 {
			key := parts[0] + "." + parts[1]
			_, isClause := d.clause[key]
			if to, ok := d.oldGroup[key]; ok && (prefixed || !isClause) {
				return "", &RefError{
					Message: diag.Msg("%q is an ISO/IEC 27001:2013 Annex A control objective (A.%s), not an ISO/IEC 27001:2022 control", s, key),
					Hint:    diag.Msg("its controls are replaced by %s; %s", d.describeControls(to, false), d.controlHint()),
				}
			}
			if isClause && !prefixed {
				c := d.clauses[d.clause[key]]
				return "", &RefError{
					Message: diag.Msg("unknown Annex A control %q", s),
					Hint:    diag.Msg("%s (%s) is a clause of ISO/IEC 27001, not an Annex A control: list it in clauses; %s", c.ID, c.name(), d.controlHint()),
				}
			}
		}
	}
	if n := titledNumber(t); n != "" {
		if id, err := d.parseControl(n); err == nil {
			return "", &RefError{
				Message: diag.Msg("unknown Annex A control %q", s),
				Hint:    diag.Msg("did you mean %s?", d.describeControls([]string{id}, true)),
			}
		}
	}
	return "", &RefError{
		Message: diag.Msg("unknown Annex A control %q", s),
		Hint:    d.controlHint(),
	}
}

// titledNumber is the number of a reference written with words around
// it, as a register copies it: "5.15（访问控制）", "A.8.13 Information
// backup", "第9.3条"; "" when s holds no number, or more than one, or
// no words but a prefix "A." or letters run on from the number ("6.1.3dd"),
// which are no title.
func titledNumber(s string) string {
	if len(s) > 2 && (s[0] == 'A' || s[0] == 'a') && s[1] == '.' {
		s = s[2:]
	}
	var num []rune
	runs, words := 0, false
	inRun := false
	for _, r := range s {
		if inRun && r < utf8.RuneSelf && unicode.IsLetter(r) {
			return ""
		}
		switch {
		case r >= '0' && r <= '9' || r >= '０' && r <= '９':
			if !inRun {
				runs++
				inRun = true
			}
			if r >= '０' {
				r = r - '０' + '0'
			}
			num = append(num, r)
		case inRun && (r == '.' || r == '．'):
			num = append(num, '.')
		default:
			inRun = false
			words = words || unicode.IsLetter(r)
		}
	}
	if runs != 1 || !words {
		return ""
	}
	return strings.TrimRight(string(num), ".")
}

func (d *data) controlHint() diag.Text {
	return diag.Msg("ISO/IEC 27001:2022 Annex A has controls %s", d.controlRange)
}

// oldError explains that s is the 2013 control o.
func (d *data) oldError(s string, o oldControl) *RefError {
	hint := diag.Msg("use %s, the ISO/IEC 27001:2022 control that replaces %s", d.describeControls(o.MapsTo, true), o.ID)
	if len(o.MapsTo) > 1 {
		hint = diag.Msg("use %s, the ISO/IEC 27001:2022 controls that replace %s", d.describeControls(o.MapsTo, true), o.ID)
	}
	return &RefError{
		Message: diag.Msg("%q is an ISO/IEC 27001:2013 control id (%s %s), not an ISO/IEC 27001:2022 Annex A control", s, o.ID, o.Title),
		Hint:    hint,
	}
}

// describeControls writes ids as `"8.13" (Information backup)`, joined
// with "or" or with commas.
func (d *data) describeControls(ids []string, or bool) diag.Join {
	j := diag.Join{Last: diag.Comma}
	if or {
		j.Last = diag.Or
	}
	for _, id := range ids {
		c := d.controls[d.byID[id]]
		j.Items = append(j.Items, diag.Msg("%q (%s)", id, diag.Name{EN: c.Title, ZH: c.TitleZH}))
	}
	return j
}

// suggestControls returns the real control ids that parts (the numbers of a
// mistyped reference) may have meant: the numbers read as theme.control
// ("5,35", "A5.35", "5.035"), or their digits with the point after the first
// one ("5.3.5", "53.5", "535").
func (d *data) suggestControls(parts []string) []string {
	var out []string
	try := func(id string) {
		if _, ok := d.byID[id]; ok && !slices.Contains(out, id) {
			out = append(out, id)
		}
	}
	if len(parts) == 2 {
		try(parts[0] + "." + parts[1])
	}
	if digits := strings.Join(parts, ""); len(digits) >= 2 && digits[1] != '0' {
		try(digits[:1] + "." + digits[1:])
	}
	return out
}

// looseParts reads a mistyped id as its numbers: "A5,35" → ["5" "35"], true.
// It allows a leading "A" or "Annex A", full-width digits and any of the
// usual separators, and strips leading zeros; prefixed reports the "A". It
// fails on any other letter.
func looseParts(s string) (parts []string, prefixed, ok bool) {
	s = strings.ToLower(s)
	if rest, cut := strings.CutPrefix(s, "annex"); cut {
		s, prefixed = strings.TrimLeft(rest, " "), true
	}
	if rest, cut := strings.CutPrefix(s, "a"); cut {
		s, prefixed = rest, true
	}
	var cur []byte
	flush := func() bool {
		if len(cur) == 0 {
			return true
		}
		p := strings.TrimLeft(string(cur), "0")
		if p == "" {
			p = "0"
		}
		cur = cur[:0]
		if len(p) > 4 || len(parts) == 4 {
			return false
		}
		parts = append(parts, p)
		return true
	}
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9':
			cur = append(cur, byte(r))
		case r >= '０' && r <= '９':
			cur = append(cur, byte(r-'０'+'0'))
		case strings.ContainsRune(" \t.,;:-_/·．，。、：；\u3000", r):
			if !flush() {
				return nil, false, false
			}
		default:
			return nil, false, false
		}
	}
	if !flush() || len(parts) == 0 {
		return nil, false, false
	}
	return parts, prefixed, true
}

// Replaced returns the ISO/IEC 27001:2013 controls ("A.9.1.1", in numeric
// order) that the 2022 control id replaces, as the catalogue maps them;
// nil for an unknown id or a new control. The slice is shared: do not
// change it.
func Replaced(id string) []string { return replaced()[id] }

var replaced = sync.OnceValue(func() map[string][]string {
	m := map[string][]string{}
	for key, o := range load().old {
		for _, to := range o.MapsTo {
			m[to] = append(m[to], "A."+key)
		}
	}
	for _, olds := range m {
		slices.SortFunc(olds, func(a, b string) int { return CompareIDs(a[2:], b[2:]) })
	}
	return m
})

// Map2013 returns each ISO/IEC 27001:2013 Annex A control, by its number
// without "A." ("9.1.1"), and the 2022 controls that replace it, in a new
// map.
func Map2013() map[string][]string {
	m := map[string][]string{}
	for key, o := range load().old {
		m[key] = slices.Clone(o.MapsTo)
	}
	return m
}
