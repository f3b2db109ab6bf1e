package main

import (
	"time"

	"ismsgen"
	"ismsgen/generator"
	"ismsgen/generator/diag"
	"ismsgen/generator/model"
)

// parseNow reads --now; empty means today.
func parseNow(s string) (model.Date, error) {
	if s == "" {
		return model.DateOf(time.Now()), nil
	}
	d, err := model.ParseDate(s)
	if err != nil {
		return model.Date{}, diag.Msg("--now: %v", err)
	}
	return d, nil
}

// parseAsOf reads --as-of and --now: with --as-of, --now is that day
// (or not given); without, --now as parseNow reads it.
func parseAsOf(asOf, now string) (model.Date, model.Date, error) {
	if asOf == "" {
		d, err := parseNow(now)
		return model.Date{}, d, err
	}
	day, err := model.ParseDate(asOf)
	if err != nil {
		return model.Date{}, model.Date{}, diag.Msg("--as-of: %v", err)
	}
	if now != "" && now != asOf {
		return model.Date{}, model.Date{}, diag.Msg("--as-of %s is the build's --now too; leave --now out", asOf)
	}
	return day, day, nil
}

func defaults() generator.Defaults {
	return generator.Defaults{Layouts: ismsgen.Layouts(), Assets: ismsgen.Assets(), I18n: ismsgen.I18n()}
}
