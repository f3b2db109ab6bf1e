package validate

import (
	"fmt"
	"slices"
	"strings"

	"ismsgen/generator/diag"
	"ismsgen/generator/model"
)

// approval checks who approved a document, when it is next reviewed and
// that its revision history reaches its version: an author who approves
// their own text, an approver whom [approvers] does not allow for the
// tier, a next review before the approval or the last review, and a
// version that the last [[history]] entry does not name.
func approval(cfg *model.Config, d *model.Document, diags *diag.List) {
	if d.Approver != "" && d.Author != "" && sharePerson(d.Approver, d.Author) {
		diags.Warnf(d.Path, d.Line("approver"), "self-approval",
			"a document is approved by someone other than its author (ISO/IEC 27001 5.3, segregation of duties): name the approver who approved it",
			"approver %q is also the author", d.Approver)
	} else if by := versionAuthor(d); d.Approver != "" && by != "" && sharePerson(d.Approver, by) {
		// The author of this version, who wrote the change, approving it
		// (author left out, or naming the first version's author).
		diags.Warnf(d.Path, d.Line("approver"), "self-approval",
			"a version is approved by someone other than its author (ISO/IEC 27001 5.3, segregation of duties): name the approver who approved it",
			"approver %q is also the author of version %q in [[history]]", d.Approver, d.Version)
	}
	// One person written in other case, spaced out or in full-width
	// letters is one person, as for self-approval; of several who
	// approved together ("总经理、管理者代表"), one allowed is enough.
	if allowed := cfg.Approvers[max(0, min(d.Tier, 3))]; d.Approver != "" && len(allowed) > 0 && !mayApprove(allowed, d.Approver) {
		diags.Warnf(d.Path, d.Line("approver"), "approval-authority",
			"[approvers] in isms.toml lists who may approve each tier: have one of them approve the document, or add the approver there",
			"approver %q may not approve tier-%d documents; [approvers] allows %s", d.Approver, d.Tier, strings.Join(allowed, ", "))
	}
	// A next review before the approval or the last review is, most
	// often, the date of the version before, left when the new one was
	// approved: the document shows as overdue the day it takes effect.
	if !d.NextReview.IsZero() {
		key, since := "approved", d.Approved
		if d.LastReviewed.After(since) {
			key, since = "last_reviewed", d.LastReviewed
		}
		if d.NextReview.Before(since) {
			diags.Warnf(d.Path, d.Line("next_review"), "review-date-order",
				diag.Msg("write the date of the next review, after %s %s, or leave next_review out to count it from the review cycle", key, since),
				"next_review %s is before %s %s", d.NextReview, key, since)
		}
	}
	if len(d.History) > 0 && d.Version != "" {
		last := d.History[len(d.History)-1]
		switch {
		case last.Version == "" || last.Version == d.Version: // up to date
		case entryAhead(d):
			// The next version's entry written before it is approved, or
			// the version not raised with it.
			diags.Warnf(d.Path, d.Line("version"), "history-behind-version",
				diag.Msg("raise version to %q when that version is approved (with approver and approved), or leave its entry out until then", last.Version),
				"version %q, but the last [[history]] entry, dated after it, is %q: the version was not raised", d.Version, last.Version)
		case SpelledAlike(last.Version, d.Version):
			// "V1.1" and "1.1": one version to the author, two to git's
			// texts, whose version names an earlier version's page.
			diags.Warnf(d.Path, d.Line("version"), "history-behind-version",
				diag.Msg("write the version the same way in the front matter and in every [[history]] entry, e.g. version = %q and the entry's version = %q: an earlier version's page is found by the version its entry names, as the front matter of its text wrote it", d.Version, d.Version),
				"version %q, but the last [[history]] entry writes it %q", d.Version, last.Version)
		case d.History[0].Version == d.Version:
			// The change log of a Word template: newest at the top.
			diags.Warnf(d.Path, d.Line("version"), "history-behind-version",
				diag.Msg("ismsgen reads [[history]] oldest first: put the entries in the order the versions were made, the entry of version %q last", d.Version),
				"version %q is the first [[history]] entry, not the last: the entries are written newest first", d.Version)
		default:
			diags.Warnf(d.Path, d.Line("version"), "history-behind-version",
				"add a [[history]] entry for this version at the end (version, date, author, summary), newest last",
				"version %q, but the last [[history]] entry is %q", d.Version, last.Version)
		}
	}
	// A version named twice (an entry copied, or a number reused after
	// the version went down) has one page for two texts: the later one.
	first := map[string]int{}
	for i, h := range d.History {
		if h.Version == "" {
			continue
		}
		if j, ok := first[h.Version]; ok {
			diags.Warnf(d.Path, d.Line(fmt.Sprintf("history.%d.version", i)), "history-duplicate",
				"give each version one [[history]] entry, and a new version a number no entry has: an earlier version's text is shown under its number",
				"[[history]] entries %d and %d both name version %q", j+1, i+1, h.Version)
			continue
		}
		first[h.Version] = i
	}
	versionOrder(d, diags)
}

// versionAuthor is the author of the current version's [[history]]
// entry, the last that names it; "" when none does.
func versionAuthor(d *model.Document) string {
	for i := len(d.History) - 1; i >= 0; i-- {
		if d.History[i].Version == d.Version {
			return d.History[i].Author
		}
	}
	return ""
}

// entryAhead reports whether the [[history]] entries after the last one
// that names the document's version are dated after it: written oldest
// first, as they should be, they go beyond the version.
func entryAhead(d *model.Document) bool {
	for i := len(d.History) - 1; i >= 0; i-- {
		if d.History[i].Version == d.Version {
			at, last := d.History[i].Date, d.History[len(d.History)-1].Date
			return !at.IsZero() && last.After(at)
		}
	}
	return false
}

// sharePerson reports whether the approver is one of the authors: a
// document written by several names them in one string ("张三、李四",
// "Jane Roe, John Doe"), and a name may be spaced out to align it
// ("张 三"). Case is ignored, as one person written in other case is one
// person.
func sharePerson(approver, author string) bool {
	authors := people(author)
	for _, a := range people(approver) {
		if slices.Contains(authors, a) {
			return true
		}
	}
	return false
}

// people splits a string of names at the separators of lists, each name
// as personKey writes it.
func people(s string) []string {
	var out []string
	for _, name := range strings.FieldsFunc(s, func(r rune) bool { return strings.ContainsRune("、,，;；/／&＆\n", r) }) {
		if name = personKey(name); name != "" {
			out = append(out, name)
		}
	}
	return out
}

// personKey is a name as it is compared: without its white space, in
// lower case, and full-width letters and digits as ASCII ("ＪＡＮＥ　ＲＯＥ",
// typed with a Chinese input method, is "janeroe").
func personKey(name string) string {
	name = strings.Map(func(r rune) rune {
		if r >= 0xFF01 && r <= 0xFF5E {
			return r - 0xFEE0
		}
		return r
	}, name)
	return strings.ToLower(strings.Join(strings.Fields(name), ""))
}

// mayApprove reports whether one of the people approver names is one
// of allowed.
func mayApprove(allowed []string, approver string) bool {
	keys := make([]string, len(allowed))
	for i, a := range allowed {
		keys[i] = personKey(a)
	}
	return slices.Contains(keys, personKey(approver)) || slices.ContainsFunc(people(approver), func(p string) bool { return slices.Contains(keys, p) })
}
