package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"

	"ismsgen/generator"
	"ismsgen/generator/diag"
	"ismsgen/generator/reports"
)

func runCheck(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("check", "[--source DIR] [--now YYYY-MM-DD] [--format text|json]", stderr)
	source := fs.String("source", ".", "the site folder (holds isms.toml and content/)")
	now := fs.String("now", "", "the date review calculations use, YYYY-MM-DD (default today)")
	format := fs.String("format", "text", "output format: text or json")
	if code := parse(fs, args); code >= 0 {
		return code
	}
	if *format != "text" && *format != "json" {
		fmt.Fprintf(stderr, "ismsgen check: --format must be text or json, not %q\n", *format)
		return exitUsage
	}
	date, err := parseNow(*now)
	if err != nil {
		fmt.Fprintf(stderr, "ismsgen check: %v\n", err)
		return exitUsage
	}
	res, err := generator.Check(generator.Options{Source: *source, Now: date, Defaults: defaults()})
	var usageErr *diag.UsageError
	switch {
	case errors.As(err, &usageErr):
		fmt.Fprintf(stderr, "ismsgen check: %v\n", err)
		return exitUsage
	case err != nil:
		fmt.Fprintf(stderr, "ismsgen check: %v\n", err)
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
		writeCheckJSON(stdout, diags, rj, aj)
	} else {
		diags.PrintSummary(stderr, warningsPerCode)
		if data != nil {
			reports.PrintReviews(stdout, site, data)
			reports.PrintActions(stdout, site, data)
		}
	}
	switch {
	case diags.HasErrors():
		if *format == "text" {
			fmt.Fprintf(stderr, "ismsgen check: %d error(s)\n", len(diags.Errors()))
		}
		return exitContent
	case data != nil && (data.NeedsAttention() || data.NeedsAction()):
		if *format == "text" {
			fmt.Fprintf(stderr, "ismsgen check: %s (exit code %d: the content is valid, the reviews and actions above need attention)\n", data.AttentionSummary(), exitReview)
		}
		return exitReview
	}
	return exitOK
}

type diagJSON struct {
	File    string `json:"file"`
	Line    int    `json:"line"`
	Message string `json:"message"`
	Hint    string `json:"hint,omitempty"`
	Code    string `json:"code,omitempty"`
}

func writeCheckJSON(w io.Writer, diags diag.List, reviews *reports.ReviewsJSON, actions *reports.ActionsJSON) {
	conv := func(l diag.List) []diagJSON {
		out := []diagJSON{}
		for _, d := range l {
			out = append(out, diagJSON{File: d.File, Line: d.Line, Message: d.Message, Hint: d.Hint, Code: d.Code})
		}
		return out
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	_ = enc.Encode(struct {
		Errors   []diagJSON           `json:"errors"`
		Warnings []diagJSON           `json:"warnings"`
		Reviews  *reports.ReviewsJSON `json:"reviews"`
		Actions  *reports.ActionsJSON `json:"actions"`
	}{conv(diags.Errors()), conv(diags.Warnings()), reviews, actions})
}
