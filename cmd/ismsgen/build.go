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

func runBuild(args []string, stdout, stderr io.Writer, c *diag.Catalog) int {
	fs := newFlags("build", "[--source DIR] [--dest DIR] [--drafts] [--now YYYY-MM-DD | --as-of YYYY-MM-DD] [--classification LEVEL] [--base-url URL]", stderr, c)
	source := fs.String("source", ".", c.Sprintf("the site folder (holds isms.toml and content/)"))
	dest := fs.String("dest", "", c.Sprintf("the output folder (default <source>/public)"))
	drafts := fs.Bool("drafts", false, c.Sprintf("also publish draft documents and documents in review, marked as such"))
	now := fs.String("now", "", c.Sprintf("the date review calculations use, YYYY-MM-DD (default today)"))
	class := fs.String("classification", "", c.Sprintf("the highest classification the output may contain (default from isms.toml)"))
	baseURL := fs.String("base-url", "", c.Sprintf("the site's absolute address, for the feed, sitemap and calendar"))
	asOf := fs.String("as-of", "", c.Sprintf("build the site as it stood at the end of this day, YYYY-MM-DD, from its git history (the committer's own clock decides a commit's day); it is --now too"))
	if code := fs.parse(args); code >= 0 {
		return code
	}
	day, date, err := parseAsOf(*asOf, *now)
	if err != nil {
		say(stderr, c, "build", "%v", err)
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
		printDestError(stderr, c, "build", destErr)
		return exitUsage
	case errors.As(err, &usageErr):
		say(stderr, c, "build", "%v", err)
		return exitUsage
	case err != nil:
		say(stderr, c, "build", "%v", err)
		return exitContent
	}
	res.Diagnostics.PrintSummary(stderr, c, warningsPerCode)
	if res.Diagnostics.HasErrors() {
		n := len(res.Diagnostics.Errors())
		say(stderr, c, "build", "%d error(s); nothing was written, the previous output is unchanged", n)
		return exitContent
	}
	took := time.Since(start).Round(time.Millisecond)
	if len(res.Site.Docs) == 1 {
		fmt.Fprintln(stdout, c.Sprintf("built %d document, %d pages, %d files in %s", 1, res.Pages, res.Files, took))
	} else {
		fmt.Fprintln(stdout, c.Sprintf("built %d documents, %d pages, %d files in %s", len(res.Site.Docs), res.Pages, res.Files, took))
	}
	// A first build of new drafts publishes none of them: say why.
	if n := len(res.Site.LeftOut); n > 0 && *drafts {
		fmt.Fprintln(stdout, c.Sprintf("left out: %d document(s) above the classification ceiling (--classification publishes higher levels)", n))
	} else if n > 0 {
		fmt.Fprintln(stdout, c.Sprintf("left out: %d document(s), drafts and documents in review (--drafts publishes them) or above the classification ceiling", n))
	}
	return exitOK
}
