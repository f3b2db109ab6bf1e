package main

import (
	"errors"
	"fmt"
	"io"
	"time"

	"ismsgen/generator"
	"ismsgen/generator/diag"
	"ismsgen/generator/write"
)

func runBuild(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("build", "[--source DIR] [--dest DIR] [--drafts] [--now YYYY-MM-DD | --as-of YYYY-MM-DD] [--classification LEVEL] [--base-url URL]", stderr)
	source := fs.String("source", ".", "the site folder (holds isms.toml and content/)")
	dest := fs.String("dest", "", "the output folder (default <source>/public)")
	drafts := fs.Bool("drafts", false, "also publish draft documents and documents in review, marked as such")
	now := fs.String("now", "", "the date review calculations use, YYYY-MM-DD (default today)")
	class := fs.String("classification", "", "the highest classification the output may contain (default from isms.toml)")
	baseURL := fs.String("base-url", "", "the site's absolute address, for the feed, sitemap and calendar")
	asOf := fs.String("as-of", "", "build the site as it stood at the end of this day, YYYY-MM-DD, from its git history (the committer's own clock decides a commit's day); it is --now too")
	if code := parse(fs, args); code >= 0 {
		return code
	}
	day, date, err := parseAsOf(*asOf, *now)
	if err != nil {
		fmt.Fprintf(stderr, "ismsgen build: %v\n", err)
		return exitUsage
	}
	start := time.Now()
	stop := catchStop()
	res, err := generator.Build(generator.Options{
		Source: *source, Dest: *dest, Drafts: *drafts, Now: date, AsOf: day,
		Classification: *class, BaseURL: *baseURL, Defaults: defaults(), FitMemory: true,
	})
	stop.stop()
	var destErr *write.Error
	var usageErr *diag.UsageError
	switch {
	case errors.As(err, &destErr):
		printDestError(stderr, "build", destErr)
		return exitUsage
	case errors.As(err, &usageErr):
		fmt.Fprintf(stderr, "ismsgen build: %v\n", err)
		return exitUsage
	case err != nil:
		fmt.Fprintf(stderr, "ismsgen build: %v\n", err)
		return exitContent
	}
	res.Diagnostics.PrintSummary(stderr, warningsPerCode)
	if res.Diagnostics.HasErrors() {
		n := len(res.Diagnostics.Errors())
		fmt.Fprintf(stderr, "ismsgen build: %d error(s); nothing was written, the previous output is unchanged\n", n)
		return exitContent
	}
	fmt.Fprintf(stdout, "built %d documents, %d pages, %d files in %s\n", len(res.Site.Docs), res.Pages, res.Files, time.Since(start).Round(time.Millisecond))
	return exitOK
}
