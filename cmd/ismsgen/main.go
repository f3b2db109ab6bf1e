// Command ismsgen compiles an ISMS (ISO/IEC 27001) document set — Markdown
// files with TOML front matter under content/ and a site configuration in
// isms.toml — into a static, cross-linked intranet site.
//
// Usage:
//
//	ismsgen build   [--source DIR] [--dest DIR] [--drafts] [--now YYYY-MM-DD | --as-of YYYY-MM-DD] [--classification LEVEL] [--base-url URL]
//	ismsgen check   [--source DIR] [--now YYYY-MM-DD] [--format text|json]
//	ismsgen serve   [--source DIR] [--addr 127.0.0.1:1313] [--drafts]
//	ismsgen new     --tier N --id ID --title TITLE [--type TYPE] [--source DIR]
//	ismsgen pack    --as-of YYYY-MM-DD [--source DIR] [--out FILE.zip] [--classification LEVEL]
//	ismsgen version
//
// Exit codes: 0 success; 1 content errors, each printed as path:line:
// message; 2 usage errors; 3 (check) the content is valid but a review is
// overdue or missing, or an action is overdue.
package main

import (
	"fmt"
	"io"
	"os"
)

// Exit codes.
const (
	exitOK      = 0
	exitContent = 1
	exitUsage   = 2
	exitReview  = 3
)

// warningsPerCode is how many warnings of one code build and check print;
// check --format json lists them all.
const warningsPerCode = 20

// version is set at link time (-ldflags "-X main.version=…").
var version = "dev"

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

const usage = `ismsgen compiles an ISMS document set into a static intranet site.

Commands:
  build    build the site into --dest (default <source>/public)
  check    validate the content and report overdue and missing reviews and overdue actions
  serve    build, serve on loopback and rebuild on change
  new      write a new draft document
  pack     write the audit evidence pack of a day (from git)
  version  print the version

Run "ismsgen COMMAND -h" for the flags of a command.
`

// run is the whole program; it returns the exit code. It speaks the
// language of the site that the command's --source names.
func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, messages(nil).Sprintf(usage))
		return exitUsage
	}
	cmd, rest := args[0], args[1:]
	c := messages(rest)
	switch cmd {
	case "build":
		return runBuild(rest, stdout, stderr, c)
	case "check":
		return runCheck(rest, stdout, stderr, c)
	case "serve":
		return runServe(rest, stdout, stderr)
	case "new":
		return runNew(rest, stdout, stderr, c)
	case "pack":
		return runPack(rest, stdout, stderr, c)
	case "version", "--version", "-version":
		if len(rest) > 0 { // as every other command, which takes none it does not know
			say(stderr, c, "version", "unexpected argument %q", rest[0])
			return exitUsage
		}
		fmt.Fprintf(stdout, "ismsgen %s\n", version)
		return exitOK
	case "help", "-h", "--help":
		fmt.Fprint(stdout, c.Sprintf(usage))
		return exitOK
	}
	fmt.Fprintf(stderr, "%s\n\n%s", c.Sprintf("ismsgen: unknown command %q", cmd), c.Sprintf(usage))
	return exitUsage
}
