package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"time"

	"ismsgen"
	"ismsgen/generator"
	"ismsgen/generator/model"
)

// newFlags makes a FlagSet that reports to stderr and never exits.
func newFlags(name, synopsis string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintf(stderr, "usage: ismsgen %s %s\n\nflags:\n", name, synopsis)
		fs.PrintDefaults()
	}
	return fs
}

// parse parses flags and rejects stray arguments; it returns the exit
// code to use when parsing failed, or -1.
func parse(fs *flag.FlagSet, args []string) int {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return exitOK
		}
		return exitUsage
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(fs.Output(), "ismsgen %s: unexpected argument %q\n", fs.Name(), fs.Arg(0))
		fs.Usage()
		return exitUsage
	}
	return -1
}

// parseNow reads --now; empty means today.
func parseNow(s string) (model.Date, error) {
	if s == "" {
		return model.DateOf(time.Now()), nil
	}
	d, err := model.ParseDate(s)
	if err != nil {
		return model.Date{}, fmt.Errorf("--now: %v", err)
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
		return model.Date{}, model.Date{}, fmt.Errorf("--as-of: %v", err)
	}
	if now != "" && now != asOf {
		return model.Date{}, model.Date{}, fmt.Errorf("--as-of %s is the build's --now too; leave --now out", asOf)
	}
	return day, day, nil
}

func defaults() generator.Defaults {
	return generator.Defaults{Layouts: ismsgen.Layouts(), Assets: ismsgen.Assets(), I18n: ismsgen.I18n()}
}
