package model

import "strings"

// ConfigFile is the site configuration's file name, relative to the source.
const ConfigFile = "isms.toml"

// DefaultLanguage is the interface language of a site whose isms.toml
// names none.
const DefaultLanguage = "zh-CN"

// Department is an organisational unit that owns or receives documents.
type Department struct {
	ID   string
	Name string
	Line int // line in isms.toml
}

// Config is the typed isms.toml.
type Config struct {
	Title                 string
	Organisation          string
	Language              string   // "zh-CN" or "en"
	BaseURL               string   // ends with "/"; "" when unset
	Levels                []string // classification levels, lowest first
	LevelsLine            int      // the line of classification_levels in isms.toml; 0 when the defaults are used
	Classification        string   // the site's ceiling
	DefaultClassification string
	DefaultReviewCycle    Cycle
	TierCycles            [4]Cycle // index 1..3; zero when not set
	DueSoonDays           int
	RecentWithdrawals     Cycle  // how far back a department's page lists withdrawals (the rest one link away)
	AckURL                string // template with {id} and {version}; "" when unset
	ManagementReviewCycle Cycle  // the longest time between management reviews; 12 months unless set
	Departments           []Department
	// DepartmentsBroken is set when a [[departments]] entry has an
	// error: a department the documents name may be the one it meant,
	// so they are not reported again.
	DepartmentsBroken bool
	// Approvers lists who may approve the documents of each tier
	// ([approvers], index 1..3); an empty list allows anyone.
	Approvers [4][]string
}

// Level returns the rank of a classification level (0 = lowest) or -1.
func (c *Config) Level(name string) int {
	for i, l := range c.Levels {
		if l == name {
			return i
		}
	}
	return -1
}

// WithDefaultClass is c with the default classification class (that of
// an earlier version's own commit, for a text that names none), or c
// itself when class is empty, the same, or not one of c's levels.
func (c *Config) WithDefaultClass(class string) *Config {
	if class == "" || class == c.DefaultClassification || c.Level(class) < 0 {
		return c
	}
	then := *c
	then.DefaultClassification = class
	return &then
}

// Department looks up a department by id.
func (c *Config) Department(id string) (Department, bool) {
	for _, d := range c.Departments {
		if d.ID == id {
			return d, true
		}
	}
	return Department{}, false
}

// DepartmentIDs lists the department ids in configuration order.
func (c *Config) DepartmentIDs() []string {
	ids := make([]string, len(c.Departments))
	for i, d := range c.Departments {
		ids[i] = d.ID
	}
	return ids
}

// IsChinese reports whether the interface language is Chinese.
func (c *Config) IsChinese() bool { return strings.HasPrefix(c.Language, "zh") }
