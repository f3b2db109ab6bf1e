package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"

	"ismsgen/generator"
	"ismsgen/generator/diag"
)

// The command line speaks the site's language: the language that the
// isms.toml of --source names, read before the flags are parsed, puts
// every message it prints in Chinese or English, the flag package's
// own included.

// messages is the catalog of the site that a command's arguments name
// with --source ("." when they name none).
func messages(args []string) *diag.Catalog {
	return generator.Messages(defaults(), generator.Language(sourceArg(args)))
}

// sourceArg finds --source in a command's arguments as the flag package
// would read it: -source or --source, with = or as the next argument.
func sourceArg(args []string) string {
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" || !strings.HasPrefix(a, "-") {
			break
		}
		name, value, hasValue := strings.Cut(strings.TrimLeft(a, "-"), "=")
		if name != "source" {
			continue
		}
		if hasValue {
			return value
		}
		if i+1 < len(args) {
			return args[i+1]
		}
	}
	return "."
}

// say prints "ismsgen CMD: message" in the language of c.
func say(w io.Writer, c *diag.Catalog, cmd string, format string, args ...any) {
	fmt.Fprintf(w, "ismsgen %s: %s\n", cmd, c.Sprintf(format, args...))
}

// command is one command's flags, which report in the language of c.
type command struct {
	*flag.FlagSet
	msgs     *diag.Catalog
	synopsis string
	stderr   io.Writer
}

// newFlags makes a command's FlagSet that never exits and leaves the
// messages to the command.
func newFlags(name, synopsis string, stderr io.Writer, c *diag.Catalog) *command {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	return &command{FlagSet: fs, msgs: c, synopsis: synopsis, stderr: stderr}
}

// usage prints the synopsis and the flags.
func (cmd *command) usage() {
	c, w := cmd.msgs, cmd.stderr
	fmt.Fprintf(w, "%s\n\n%s\n", c.Sprintf("usage: ismsgen %s %s", cmd.Name(), cmd.synopsis), c.Sprintf("flags:"))
	cmd.VisitAll(func(f *flag.Flag) {
		usage := f.Usage
		if f.DefValue != "" && f.DefValue != "false" && f.DefValue != "0" {
			usage = c.Sprintf("%s (default %s)", usage, f.DefValue)
		}
		fmt.Fprintf(w, "  --%s%s\n        %s\n", f.Name, cmd.valueName(f.Name), usage)
	})
}

// valueName is what the synopsis calls a flag's value: " DIR" in
// "[--source DIR]", "" for a flag without one.
func (cmd *command) valueName(name string) string {
	_, rest, ok := strings.Cut(cmd.synopsis, "--"+name+" ")
	if !ok {
		return ""
	}
	v, _, _ := strings.Cut(rest, "]")
	v, _, _ = strings.Cut(v, " ")
	if strings.HasPrefix(v, "-") {
		return ""
	}
	return " " + v
}

// parse parses the flags and rejects stray arguments; it returns the
// exit code to use when parsing failed, or -1.
func (cmd *command) parse(args []string) int {
	if err := cmd.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			cmd.usage()
			return exitOK
		}
		say(cmd.stderr, cmd.msgs, cmd.Name(), "%s", flagError(err))
		cmd.usage()
		return exitUsage
	}
	if cmd.NArg() > 0 {
		say(cmd.stderr, cmd.msgs, cmd.Name(), "unexpected argument %q", cmd.Arg(0))
		cmd.usage()
		return exitUsage
	}
	return -1
}

// flagError is an error of the flag package as a message to translate.
func flagError(err error) diag.Text {
	msg := err.Error()
	if name, ok := strings.CutPrefix(msg, "flag provided but not defined: "); ok {
		return diag.Msg("flag provided but not defined: %s", name)
	}
	if name, ok := strings.CutPrefix(msg, "flag needs an argument: "); ok {
		return diag.Msg("flag needs an argument: %s", name)
	}
	if rest, ok := strings.CutPrefix(msg, "invalid value "); ok {
		if value, name, ok := strings.Cut(rest, " for flag "); ok {
			name, _, _ = strings.Cut(name, ":")
			return diag.Msg("invalid value %s for flag %s", value, name)
		}
	}
	if rest, ok := strings.CutPrefix(msg, "invalid boolean value "); ok {
		if value, name, ok := strings.Cut(rest, " for "); ok {
			name, _, _ = strings.Cut(name, ":")
			return diag.Msg("invalid value %s for flag %s", value, name)
		}
	}
	return diag.Msg("%s", msg)
}
