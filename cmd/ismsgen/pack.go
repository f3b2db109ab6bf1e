package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"ismsgen/generator"
	"ismsgen/generator/diag"
	"ismsgen/generator/write"
)

func runPack(args []string, stdout, stderr io.Writer, c *diag.Catalog) int {
	fs := newFlags("pack", "--as-of YYYY-MM-DD [--source DIR] [--out FILE.zip] [--classification LEVEL]", stderr, c)
	source := fs.String("source", ".", c.Sprintf("the site folder (holds isms.toml and content/), in a git work tree"))
	asOf := fs.String("as-of", "", c.Sprintf("the day whose documents in force the pack holds, YYYY-MM-DD (required)"))
	out := fs.String("out", "", c.Sprintf("the zip file to write (default isms-pack-<day>.zip in the current folder)"))
	class := fs.String("classification", "", c.Sprintf("the highest classification the pack may contain (default from isms.toml)"))
	if code := fs.parse(args); code >= 0 {
		return code
	}
	if *asOf == "" {
		say(stderr, c, "pack", "--as-of YYYY-MM-DD is required: the day whose documents in force the pack holds")
		return exitUsage
	}
	day, _, err := parseAsOf(*asOf, "")
	if err != nil {
		say(stderr, c, "pack", "%v", err)
		return exitUsage
	}
	suggested := "isms-pack-" + day.String() + ".zip"
	if *out == "" {
		*out = suggested
	}
	if err := write.CheckPackOut(*source, *out, suggested); err != nil {
		var outErr *write.Error
		if errors.As(err, &outErr) {
			printDestError(stderr, c, "pack", outErr)
		} else {
			say(stderr, c, "pack", "%v", err)
		}
		return exitUsage
	}
	// Written beside its name and renamed at the end: a failed pack
	// leaves no part of a zip, and an earlier pack stays as it was.
	tmp, err := os.CreateTemp(filepath.Dir(*out), ".ismsgen-pack-*.zip")
	if err != nil {
		say(stderr, c, "pack", "%v", err)
		return exitUsage
	}
	defer os.Remove(tmp.Name())
	res, err := generator.Pack(generator.Options{Source: *source, AsOf: day, Classification: *class, Defaults: defaults()}, tmp)
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	var usageErr *diag.UsageError
	switch {
	case errors.As(err, &usageErr):
		say(stderr, c, "pack", "%v", err)
		return exitUsage
	case err != nil:
		say(stderr, c, "pack", "%v", err)
		return exitContent
	}
	res.Diagnostics.PrintSummary(stderr, c, warningsPerCode)
	if res.Diagnostics.HasErrors() {
		say(stderr, c, "pack", "%d error(s) in the site as of %s; no pack was written", len(res.Diagnostics.Errors()), day)
		return exitContent
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		say(stderr, c, "pack", "%v", err)
		return exitContent
	}
	if err := os.Rename(tmp.Name(), *out); err != nil {
		say(stderr, c, "pack", "%v", err)
		return exitContent
	}
	fmt.Fprintln(stdout, c.Sprintf("wrote %s: %d documents in force at the end of %s", *out, res.InForce, day))
	return exitOK
}
