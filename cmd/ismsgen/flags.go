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
	if today := latestToday(time.Now()); day.After(today) {
		return model.Date{}, model.Date{}, diag.Msg("--as-of %s is a day to come (today is %s): nobody knows yet what will be in force then; build without --as-of for the site as it is now", asOf, today)
	}
	return day, day, nil
}

// latestToday is the date of now on the clock furthest ahead (UTC+14):
// a commit's day is read on its committer's clock, which may already
// be tomorrow where the build runs.
func latestToday(now time.Time) model.Date {
	return model.DateOf(now.In(time.FixedZone("", 14*3600)))
}

func defaults() generator.Defaults {
	return generator.Defaults{Layouts: ismsgen.Layouts(), Assets: ismsgen.Assets(), I18n: ismsgen.I18n()}
}
