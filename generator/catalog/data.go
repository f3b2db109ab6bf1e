package catalog

import (
	_ "embed"
	"fmt"
	"ismsgen/generator/diag"
	"slices"
	"strings"
	"sync"

	"github.com/BurntSushi/toml"
)

//go:embed annex-a.toml
var annexATOML string

//go:embed map-2013.toml
var map2013TOML string

//go:embed clauses.toml
var clausesTOML string

// data is the decoded catalogue; it is built once and never modified.
type data struct {
	controls []Control
	byID     map[string]int        // canonical control id → index in controls
	old      map[string]oldControl // 2013 id without "A." ("12.3.1") → control
	oldGroup map[string][]string   // 2013 objective without "A." ("12.3") → 2022 ids
	clauses  []Clause
	clause   map[string]int // clause id → index in clauses
	reqs     []Requirement

	controlRange diag.Join // "5.1–5.37, 6.1–6.8, 7.1–7.14 and 8.1–8.34"
	clauseRange  diag.Join // "4 (4.1–4.4), 5 (5.1–5.3), …"
}

// oldControl is an ISO/IEC 27001:2013 Annex A control.
type oldControl struct {
	ID     string // "A.12.3.1"
	Title  string
	MapsTo []string
}

// load returns the catalogue, decoding the embedded files on first use.
// The embedded data are fixed at build time and checked by the tests, so a
// decoding error is a programming error.
var load = sync.OnceValue(func() *data {
	d, err := decode()
	if err != nil {
		panic("catalog: embedded data: " + err.Error())
	}
	return d
})

func decodeStrict(name, text string, v any) error {
	md, err := toml.Decode(text, v)
	if err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	if un := md.Undecoded(); len(un) > 0 {
		return fmt.Errorf("%s: unknown keys %v", name, un)
	}
	return nil
}

func decode() (*data, error) {
	var a struct {
		Control []struct {
			ID         string `toml:"id"`
			Theme      string `toml:"theme"`
			EN         string `toml:"en"`
			ZH         string `toml:"zh"`
			ZHVerified bool   `toml:"zh_verified"`
			New        bool   `toml:"new"`
		} `toml:"control"`
	}
	var m struct {
		Control []struct {
			ID     string   `toml:"id"`
			EN     string   `toml:"en"`
			MapsTo []string `toml:"maps_to"`
		} `toml:"control"`
	}
	var c struct {
		Clause []struct {
			ID string `toml:"id"`
			EN string `toml:"en"`
			ZH string `toml:"zh"`
		} `toml:"clause"`
		Requirement []struct {
			Key    string `toml:"key"`
			Clause string `toml:"clause"`
			EN     string `toml:"en"`
			ZH     string `toml:"zh"`
			Kind   string `toml:"kind"`
			SoA    bool   `toml:"soa"`
		} `toml:"requirement"`
	}
	if err := decodeStrict("annex-a.toml", annexATOML, &a); err != nil {
		return nil, err
	}
	if err := decodeStrict("map-2013.toml", map2013TOML, &m); err != nil {
		return nil, err
	}
	if err := decodeStrict("clauses.toml", clausesTOML, &c); err != nil {
		return nil, err
	}

	d := &data{
		byID:     make(map[string]int, len(a.Control)),
		old:      make(map[string]oldControl, len(m.Control)),
		oldGroup: map[string][]string{},
		clause:   make(map[string]int, len(c.Clause)),
	}
	for _, x := range a.Control {
		t := Theme(x.Theme)
		if t.Number() == 0 || !strings.HasPrefix(x.ID, fmt.Sprint(t.Number())+".") {
			return nil, fmt.Errorf("annex-a.toml: control %q has theme %q", x.ID, x.Theme)
		}
		if _, dup := d.byID[x.ID]; dup {
			return nil, fmt.Errorf("annex-a.toml: control %q listed twice", x.ID)
		}
		d.byID[x.ID] = len(d.controls)
		d.controls = append(d.controls, Control{
			ID: x.ID, Theme: t, Title: x.EN, TitleZH: x.ZH, TitleZHVerified: x.ZHVerified, New: x.New,
		})
	}
	for i := 1; i < len(d.controls); i++ {
		if !d.controls[i-1].Less(d.controls[i]) {
			return nil, fmt.Errorf("annex-a.toml: control %q is out of order", d.controls[i].ID)
		}
	}
	var ranges []string
	for _, t := range Themes() {
		first, last := "", ""
		for _, x := range d.controls {
			if x.Theme == t {
				if first == "" {
					first = x.ID
				}
				last = x.ID
			}
		}
		ranges = append(ranges, first+"–"+last)
	}
	d.controlRange = joinAnd(ranges)
	ranges = nil

	for _, x := range m.Control {
		key, ok := strings.CutPrefix(x.ID, "A.")
		if !ok || strings.Count(key, ".") != 2 {
			return nil, fmt.Errorf("map-2013.toml: bad id %q", x.ID)
		}
		if _, dup := d.old[key]; dup {
			return nil, fmt.Errorf("map-2013.toml: %q listed twice", x.ID)
		}
		if len(x.MapsTo) == 0 {
			return nil, fmt.Errorf("map-2013.toml: %q maps to nothing", x.ID)
		}
		group := key[:strings.LastIndexByte(key, '.')]
		for _, to := range x.MapsTo {
			if _, ok := d.byID[to]; !ok {
				return nil, fmt.Errorf("map-2013.toml: %q maps to unknown control %q", x.ID, to)
			}
			if !slices.Contains(d.oldGroup[group], to) {
				d.oldGroup[group] = append(d.oldGroup[group], to)
			}
		}
		d.old[key] = oldControl{ID: x.ID, Title: x.EN, MapsTo: x.MapsTo}
	}

	for _, x := range c.Clause {
		if _, dup := d.clause[x.ID]; dup {
			return nil, fmt.Errorf("clauses.toml: clause %q listed twice", x.ID)
		}
		d.clause[x.ID] = len(d.clauses)
		d.clauses = append(d.clauses, Clause{ID: x.ID, Title: x.EN, TitleZH: x.ZH})
	}
	for _, top := range d.clauses {
		if strings.Contains(top.ID, ".") {
			continue
		}
		first, last := "", ""
		for _, x := range d.clauses {
			if parent, _, ok := strings.Cut(x.ID, "."); ok && parent == top.ID && strings.Count(x.ID, ".") == 1 {
				if first == "" {
					first = x.ID
				}
				last = x.ID
			}
		}
		ranges = append(ranges, top.ID+" ("+first+"–"+last+")")
	}
	d.clauseRange = joinAnd(ranges)

	for _, x := range c.Requirement {
		if _, ok := d.clause[x.Clause]; !ok {
			return nil, fmt.Errorf("clauses.toml: requirement %q names unknown clause %q", x.Key, x.Clause)
		}
		if x.Kind != "maintain" && x.Kind != "retain" {
			return nil, fmt.Errorf("clauses.toml: requirement %q has kind %q", x.Key, x.Kind)
		}
		d.reqs = append(d.reqs, Requirement{Key: x.Key, Clause: x.Clause, Title: x.EN, TitleZH: x.ZH, Kind: x.Kind, SoA: x.SoA})
	}
	return d, nil
}

// joinAnd joins "a", "b", "c" as "a, b and c".
func joinAnd(s []string) diag.Join {
	items := make([]any, len(s))
	for i, x := range s {
		items[i] = x
	}
	return diag.Join{Items: items}
}
