package validate

import (
	"fmt"
	"net/url"
	"regexp"
	"strings"

	"ismsgen/generator/diag"
	"ismsgen/generator/load"
	"ismsgen/generator/model"
)

var configKeys = []string{
	"title", "organisation", "language", "base_url", "classification_levels",
	"classification", "default_classification", "default_review_cycle",
	"due_soon_days", "ack_url", "review_cycles", "departments", "approvers",
	"management_review_cycle", "recent_withdrawals",
}

var deptIDPattern = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9_-]*$`)

// DefaultManagementReviewCycle is management_review_cycle when isms.toml
// sets none: ISO/IEC 27001 asks for reviews at planned intervals, and
// certification bodies expect at least one a year.
var DefaultManagementReviewCycle = model.Cycle{N: 12, Unit: model.Months}

// DefaultLevels are the classification levels when isms.toml names none.
var DefaultLevels = []string{"public", "internal", "confidential", "secret"}

// Config turns isms.toml into a model.Config. It returns nil only when the
// file is missing.
func Config(f *load.File) (*model.Config, diag.List) {
	var diags diag.List
	if f == nil {
		return nil, diags
	}
	line := func(key string) int { return f.Lines.Line(key) }
	r := &fields{path: f.Path, meta: f.Meta, line: line, diags: &diags}
	r.known(configKeys, "isms.toml")

	c := &model.Config{
		Title:        r.str("title", false),
		Organisation: r.str("organisation", false),
		Language:     r.str("language", false),
		DueSoonDays:  30,
	}
	if c.Title == "" {
		c.Title = "ISMS"
	}
	switch c.Language {
	case "":
		c.Language = model.DefaultLanguage
	case "zh-CN", "en":
	default:
		r.errorf("language", `write language = "zh-CN" or language = "en"`, "unsupported interface language %q", c.Language)
		c.Language = model.DefaultLanguage
	}
	if base := r.str("base_url", false); base != "" {
		u, err := url.Parse(base)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			r.errorf("base_url", `write the site's address, e.g. base_url = "https://isms.example.com/"`, "base_url %q is not an http(s) address", base)
		} else {
			c.BaseURL = strings.TrimSuffix(base, "/") + "/"
		}
	}
	if n, ok := r.integer("due_soon_days"); ok {
		if n < 0 || n > 3660 {
			r.errorf("due_soon_days", "use a number of days such as 30", "due_soon_days %d is out of range", n)
		} else {
			c.DueSoonDays = n
		}
	}

	if c.RecentWithdrawals = r.cycle("recent_withdrawals"); c.RecentWithdrawals.IsZero() {
		c.RecentWithdrawals = model.Cycle{N: 12, Unit: model.Months}
	}

	c.Levels, c.LevelsLine = r.strs("classification_levels"), line("classification_levels")
	if !r.has("classification_levels") {
		c.Levels = DefaultLevels
	} else if len(c.Levels) == 0 {
		// A value of the wrong type was reported by strs; say "empty" only
		// for a real empty list, not a second time for the same line.
		if list, isList := f.Meta["classification_levels"].([]any); isList && len(list) == 0 {
			r.errorf("classification_levels", `list the levels lowest first, e.g. ["public", "internal", "confidential"]`, "classification_levels is empty")
		}
		c.Levels = DefaultLevels
	}
	seen := map[string]bool{}
	folded := map[string]string{} // lower case → as first written
	for _, l := range c.Levels {
		first, similar := folded[strings.ToLower(l)]
		switch {
		case seen[l]:
			r.errorf("classification_levels", "name each level once", "classification level %q is listed twice", l)
		case similar:
			r.errorf("classification_levels", "name each level once, in one spelling: a document's classification must match it exactly, and levels that differ only in case would be two levels to it", "classification levels %q and %q differ only in case", first, l)
		default:
			folded[strings.ToLower(l)] = l
		}
		seen[l] = true
	}
	c.Classification = level(r, c, "classification", "internal")
	c.DefaultClassification = level(r, c, "default_classification", "internal")

	c.DefaultReviewCycle = r.cycle("default_review_cycle")
	if t := r.table("review_cycles"); t != nil {
		t.known([]string{"tier1", "tier2", "tier3"}, "[review_cycles]")
		for tier := 1; tier <= 3; tier++ {
			c.TierCycles[tier] = t.cycle(fmt.Sprintf("tier%d", tier))
		}
	}
	if t := r.table("approvers"); t != nil {
		t.known([]string{"tier1", "tier2", "tier3"}, "[approvers]")
		for tier := 1; tier <= 3; tier++ {
			c.Approvers[tier] = t.strs(fmt.Sprintf("tier%d", tier))
		}
	}
	c.ManagementReviewCycle = r.cycle("management_review_cycle")
	if c.ManagementReviewCycle.IsZero() {
		c.ManagementReviewCycle = DefaultManagementReviewCycle
	}
	if ack := r.str("ack_url", false); ack != "" {
		c.AckURL = r.webURL("ack_url", ack)
	}

	depts := r.tables("departments")
	if len(depts) == 0 {
		diags.Errorf(f.Path, 1, "add at least one department:\n      [[departments]]\n      id = \"hr\"\n      name = \"Human Resources\"", "no [[departments]] defined")
	}
	firstOf := map[string]model.Department{} // by id in lower case
	for _, d := range depts {
		d.known([]string{"id", "name"}, "[[departments]]")
		dep := model.Department{ID: d.str("id", true), Name: d.str("name", false), Line: d.at("id")}
		if dep.ID == "" {
			c.DepartmentsBroken = true
			continue
		}
		switch {
		case !deptIDPattern.MatchString(dep.ID):
			d.errorf("id", "use ASCII letters, digits, '-' and '_' (e.g. \"hr\"); the Chinese name goes in name", "department id %q is not a simple identifier", dep.ID)
			c.DepartmentsBroken = true
			continue
		case strings.EqualFold(dep.ID, model.AllStaff):
			d.errorf("id", `"all" means every department in distribution lists; choose another id`, "department id %q is reserved", dep.ID)
			c.DepartmentsBroken = true
			continue
		case firstOf[strings.ToLower(dep.ID)].ID != "":
			// Ignoring case: "hr" and "HR" name the folders owners/hr/ and
			// owners/HR/, one folder on a Windows share or a Mac.
			first := firstOf[strings.ToLower(dep.ID)]
			if dep.ID != first.ID {
				d.errorf("id", diag.Msg("department ids must be unique, ignoring case: they name folders of the site, which a Windows share holds as one; the first is at line %d", first.Line), "duplicate department id %q (ids are compared ignoring case: %q)", dep.ID, first.ID)
			} else {
				d.errorf("id", diag.Msg("department ids must be unique; the first is at line %d", first.Line), "duplicate department id %q", dep.ID)
			}
			c.DepartmentsBroken = true
			continue
		}
		firstOf[strings.ToLower(dep.ID)] = dep
		if dep.Name == "" {
			dep.Name = dep.ID
		}
		c.Departments = append(c.Departments, dep)
	}
	return c, diags
}

func level(r *fields, c *model.Config, key, fallback string) string {
	v := r.str(key, false)
	if v == "" {
		if c.Level(fallback) >= 0 || len(c.Levels) == 0 {
			return fallback
		}
		// Levels of the site's own without "internal": no default is
		// safe, for the ceiling above all (the highest would publish
		// everything), so the site must name it.
		r.errorf("classification_levels", diag.Msg("name it: %s = \"…\", one of %s", key, strings.Join(c.Levels, ", ")), "%s is not set, and the classification levels have no %q to default to", key, fallback)
		return c.Levels[0]
	}
	if c.Level(v) < 0 {
		r.errorf(key, diag.Msg("use one of the classification_levels: %s", strings.Join(c.Levels, ", ")), "unknown classification level %q", v)
		return fallback
	}
	return v
}
