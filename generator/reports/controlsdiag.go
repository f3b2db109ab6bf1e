package reports

import (
	"strings"

	"ismsgen/generator/diag"
)

// ContentDir is where findings about the document set as a whole are
// reported (with line 0): what is missing belongs to no single file.
const ContentDir = "content"

// findings are the coverage warnings that check and build print: an SoA
// that is missing or does not assess every control, applicable controls
// that no document implements (one summary), documents that claim a
// control the SoA excludes (one per document and control, at its controls
// line), and mandatory documented information that no document provides
// (one per requirement).
func (c *Coverage) findings() diag.List {
	var l diag.List
	if soa := c.SoA; soa == nil {
		l.Warnf(ContentDir, 0, "soa-missing",
			`ISO/IEC 27001 6.1.3 d requires one: add a document with type = "soa" and an [[applicability]] entry for each Annex A control (a draft is published only with --drafts, and one above the classification ceiling not at all)`,
			"no Statement of Applicability is published: every Annex A control is shown as not assessed")
	} else {
		if un := c.Unassessed(); len(un) > 0 {
			const hint = "add an [[applicability]] entry for each, with applicable = true or false, and a justification"
			if len(soa.Applicability) > 0 {
				l.Warnf(soa.Path, soa.Line("applicability"), "soa-unassessed", hint,
					"the Statement of Applicability %s does not assess %d of the %d Annex A controls: %s", soa.ID, len(un), len(c.Controls), controlIDs(un))
			} else {
				l.Warnf(soa.Path, soa.Line("type"), "soa-unassessed", hint,
					"the Statement of Applicability %s does not assess any of the %d Annex A controls", soa.ID, len(c.Controls))
			}
		}
		if gaps := c.Gaps(); len(gaps) > 0 {
			const hint = "list each control in the controls of the published document that implements it; /controls/ lists the gaps"
			if len(gaps) == 1 {
				l.Warnf(soa.Path, gaps[0].Entry.Line, "soa-gap", hint,
					"1 control the Statement of Applicability marks applicable has no published document implementing it: %s", controlIDs(gaps))
			} else {
				l.Warnf(soa.Path, gaps[0].Entry.Line, "soa-gap", hint,
					"%d controls the Statement of Applicability marks applicable have no published document implementing them: %s", len(gaps), controlIDs(gaps))
			}
		}
		for _, cc := range c.Inconsistencies() {
			for _, d := range cc.Docs {
				l.Warnf(d.Path, d.Line("controls"), "soa-excluded-control",
					diag.Msg("remove %[1]s from controls, or, if the document does implement it, mark it applicable in %[2]s (%[3]s:%[4]d) with the reason", cc.Control.ID, soa.ID, soa.Path, cc.Entry.Line),
					"%s claims Annex A control %s (%s), which the Statement of Applicability %s excludes", d.ID, cc.Control.ID, diag.Name{EN: cc.Control.Title, ZH: cc.Control.TitleZH}, soa.ID)
			}
		}
	}
	for _, r := range c.MissingRequirements() {
		hint := diag.Msg("add %q to the clauses of the published document or record that provides it", r.Requirement.Clause)
		if r.Requirement.SoA {
			hint = diag.Msg("add %q to the clauses of the published document or record that provides it, or publish the Statement of Applicability (type = \"soa\")", r.Requirement.Clause)
		}
		l.Warnf(ContentDir, 0, "clause-gap", hint,
			"no published document provides the documented information required by ISO/IEC 27001 %s: %s", RequirementLabel(r.Requirement.Key), diag.Name{EN: r.Requirement.Title, ZH: r.Requirement.TitleZH})
	}
	return l
}

// RequirementLabel writes a requirement key as the standard cites it:
// "6.1.3d" as "6.1.3 d)".
func RequirementLabel(key string) string {
	if n := len(key); n > 1 && key[n-1] >= 'a' && key[n-1] <= 'z' {
		return key[:n-1] + " " + key[n-1:] + ")"
	}
	return key
}

func controlIDs(cs []ControlCoverage) string {
	ids := make([]string, len(cs))
	for i, c := range cs {
		ids[i] = c.Control.ID
	}
	return strings.Join(ids, ", ")
}

// plural picks the word for n things: one when n is 1, else many.
func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
