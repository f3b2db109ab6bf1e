package main

import (
	"encoding/json"
	"errors"
	"io"

	"ismsgen/generator"
	"ismsgen/generator/diag"
	"ismsgen/generator/i18n"
	"ismsgen/generator/reports"
)

func runCheck(args []string, stdout, stderr io.Writer, c *diag.Catalog) int {
	fs := newFlags("check", "[--source DIR] [--now YYYY-MM-DD] [--format text|json]", stderr, c)
	source := fs.String("source", ".", c.Sprintf("the site folder (holds isms.toml and content/)"))
	now := fs.String("now", "", c.Sprintf("the date review calculations use, YYYY-MM-DD (default today)"))
	format := fs.String("format", "text", c.Sprintf("output format: text or json"))
	if code := fs.parse(args); code >= 0 {
		return code
	}
	if *format != "text" && *format != "json" {
		say(stderr, c, "check", "--format must be text or json, not %q", *format)
		return exitUsage
	}
	date, err := parseNow(*now)
	if err != nil {
		say(stderr, c, "check", "%v", err)
		return exitUsage
	}
	res, err := generator.Check(generator.Options{Source: *source, Now: date, Defaults: defaults()})
	var usageErr *diag.UsageError
	switch {
	case errors.As(err, &usageErr):
		say(stderr, c, "check", "%v", err)
		return exitUsage
	case err != nil:
		say(stderr, c, "check", "%v", err)
		return exitContent
	}
	site, data, diags := res.Site, res.Reports, res.Diagnostics
	var rj *reports.ReviewsJSON
	var aj *reports.ActionsJSON
	if data != nil {
		rj = reports.ReviewsDocument(site, data)
		aj = reports.ActionsDocument(site, data)
	}
	if *format == "json" {
		writeCheckJSON(stdout, c, diags, rj, aj)
	} else {
		diags.PrintSummary(stderr, c, warningsPerCode)
		if data != nil {
			reports.PrintReviews(stdout, c, site, data)
			reports.PrintActions(stdout, c, site, data)
		}
	}
	switch {
	case diags.HasErrors():
		if *format == "text" {
			say(stderr, c, "check", "%d error(s)", len(diags.Errors()))
		}
		return exitContent
	case data != nil && (data.NeedsAttention() || data.NeedsAction()):
		if *format == "text" {
			say(stderr, c, "check", "%s (exit code %d: the content is valid, the reviews and actions above need attention)", data.AttentionSummary(c), exitReview)
		}
		return exitReview
	}
	return exitOK
}

// diagJSON is one diagnostic of check --format json: the message and the
// hint in the site's language, the stable code, and both texts in every
// language ismsgen speaks.
type diagJSON struct {
	File     string            `json:"file"`
	Line     int               `json:"line"`
	Message  string            `json:"message"`
	Hint     string            `json:"hint,omitempty"`
	Code     string            `json:"code,omitempty"`
	Messages map[string]string `json:"messages"`
	Hints    map[string]string `json:"hints,omitempty"`
}

func writeCheckJSON(w io.Writer, c *diag.Catalog, diags diag.List, reviews *reports.ReviewsJSON, actions *reports.ActionsJSON) {
	langs := map[string]*diag.Catalog{}
	for _, lang := range i18n.Languages {
		langs[lang] = generator.Messages(defaults(), lang)
	}
	conv := func(l diag.List) []diagJSON {
		out := []diagJSON{}
		for _, d := range l {
			j := diagJSON{File: d.File, Line: d.Line, Message: c.Message(d), Hint: c.Hint(d), Code: d.Code, Messages: map[string]string{}}
			for lang, lc := range langs {
				j.Messages[lang] = lc.Message(d)
				if h := lc.Hint(d); h != "" {
					if j.Hints == nil {
						j.Hints = map[string]string{}
					}
					j.Hints[lang] = h
				}
			}
			out = append(out, j)
		}
		return out
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	// The notes (a history that could not be read, a shallow clone) are
	// a member of their own after those SPEC names, so that a consumer
	// of errors and warnings sees no new kind of entry in them.
	_ = enc.Encode(struct {
		Errors   []diagJSON           `json:"errors"`
		Warnings []diagJSON           `json:"warnings"`
		Reviews  *reports.ReviewsJSON `json:"reviews"`
		Actions  *reports.ActionsJSON `json:"actions"`
		Notes    []diagJSON           `json:"notes"`
	}{conv(diags.Errors()), conv(diags.Warnings()), reviews, actions, conv(diags.Notes())})
}
