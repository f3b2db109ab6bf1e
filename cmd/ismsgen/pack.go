package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"ismsgen/generator"
	"ismsgen/generator/diag"
)

func runPack(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("pack", "--as-of YYYY-MM-DD [--source DIR] [--out FILE.zip] [--classification LEVEL]", stderr)
	source := fs.String("source", ".", "the site folder (holds isms.toml and content/), in a git work tree")
	asOf := fs.String("as-of", "", "the day whose documents in force the pack holds, YYYY-MM-DD (required)")
	out := fs.String("out", "", "the zip file to write (default isms-pack-<day>.zip in the current folder)")
	class := fs.String("classification", "", "the highest classification the pack may contain (default from isms.toml)")
	if code := parse(fs, args); code >= 0 {
		return code
	}
	if *asOf == "" {
		fmt.Fprintln(stderr, "ismsgen pack: --as-of YYYY-MM-DD is required: the day whose documents in force the pack holds")
		return exitUsage
	}
	day, _, err := parseAsOf(*asOf, "")
	if err != nil {
		fmt.Fprintf(stderr, "ismsgen pack: %v\n", err)
		return exitUsage
	}
	if *out == "" {
		*out = "isms-pack-" + day.String() + ".zip"
	}
	// Written beside its name and renamed at the end: a failed pack
	// leaves no part of a zip, and an earlier pack stays as it was.
	tmp, err := os.CreateTemp(filepath.Dir(*out), ".ismsgen-pack-*.zip")
	if err != nil {
		fmt.Fprintf(stderr, "ismsgen pack: %v\n", err)
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
		fmt.Fprintf(stderr, "ismsgen pack: %v\n", err)
		return exitUsage
	case err != nil:
		fmt.Fprintf(stderr, "ismsgen pack: %v\n", err)
		return exitContent
	}
	res.Diagnostics.PrintSummary(stderr, warningsPerCode)
	if res.Diagnostics.HasErrors() {
		fmt.Fprintf(stderr, "ismsgen pack: %d error(s) in the site as of %s; no pack was written\n", len(res.Diagnostics.Errors()), day)
		return exitContent
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		fmt.Fprintf(stderr, "ismsgen pack: %v\n", err)
		return exitContent
	}
	if err := os.Rename(tmp.Name(), *out); err != nil {
		fmt.Fprintf(stderr, "ismsgen pack: %v\n", err)
		return exitContent
	}
	fmt.Fprintf(stdout, "wrote %s: %d documents in force at the end of %s\n", *out, len(res.Reports.Approvals.InForce), day)
	return exitOK
}
