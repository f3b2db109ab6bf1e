package main

import (
	"errors"
	"fmt"
	"io"
	"time"

	"ismsgen/generator/diag"
	"ismsgen/generator/model"
	"ismsgen/generator/scaffold"
)

func runNew(args []string, stdout, stderr io.Writer, c *diag.Catalog) int {
	fs := newFlags("new", "--tier N --id ID --title TITLE [--type TYPE] [--source DIR]", stderr, c)
	tier := fs.Int("tier", 0, c.Sprintf("the tier: 1 manual and top policy, 2 procedures and policies, 3 records and forms"))
	id := fs.String("id", "", c.Sprintf("the document id, e.g. ISMS-P-020"))
	title := fs.String("title", "", c.Sprintf("the title"))
	typ := fs.String("type", "", c.Sprintf("the document type (default by tier: 1 policy, 2 procedure, 3 form)"))
	source := fs.String("source", ".", c.Sprintf("the site folder (holds isms.toml and content/)"))
	if code := fs.parse(args); code >= 0 {
		return code
	}
	path, err := scaffold.New(scaffold.Options{
		Source: *source, Tier: *tier, ID: *id, Title: *title, Type: *typ, Today: model.DateOf(time.Now()),
	})
	var usageErr *diag.UsageError
	var cfgErr *scaffold.ConfigError
	switch {
	case errors.As(err, &usageErr):
		say(stderr, c, "new", "%v", err)
		return exitUsage
	case errors.As(err, &cfgErr):
		cfgErr.Diagnostics.Print(stderr, c)
		say(stderr, c, "new", "%v; nothing was written", err)
		return exitContent
	case err != nil:
		say(stderr, c, "new", "%v", err)
		return exitContent
	}
	fmt.Fprintln(stdout, path)
	return exitOK
}
