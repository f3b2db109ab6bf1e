package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"

	"ismsgen/generator"
	"ismsgen/generator/diag"
	"ismsgen/generator/serve"
)

func runServe(args []string, stdout, stderr io.Writer) int {
	stop := make(chan os.Signal, 1)
	signal.Notify(stop, os.Interrupt, syscall.SIGTERM)
	defer signal.Stop(stop)
	return serveUntil(args, stdout, stderr, stop)
}

// serveUntil is serve until a value arrives on stop (Ctrl-C).
func serveUntil[T any](args []string, stdout, stderr io.Writer, stop <-chan T) int {
	c := messages(args)
	fs := newFlags("serve", "[--source DIR] [--addr 127.0.0.1:1313] [--drafts]", stderr, c)
	source := fs.String("source", ".", c.Sprintf("the site folder (holds isms.toml and content/)"))
	addr := fs.String("addr", serve.DefaultAddr, c.Sprintf("the address to listen on; another than loopback only when named explicitly, e.g. 0.0.0.0:1313"))
	drafts := fs.Bool("drafts", false, c.Sprintf("also publish draft documents and documents in review, marked as such"))
	if code := fs.parse(args); code >= 0 {
		return code
	}
	l, warning, err := serve.Listen(*addr)
	if err != nil {
		say(stderr, c, "serve", "%v", err)
		return exitUsage
	}
	if !warning.IsZero() {
		say(stderr, c, "serve", "%s", warning)
	}
	srv, err := serve.New(serve.Options{
		Options: generator.Options{Source: *source, Drafts: *drafts, Defaults: defaults()},
		Log:     stdout,
	})
	var usageErr *diag.UsageError
	switch {
	case errors.As(err, &usageErr):
		l.Close()
		say(stderr, c, "serve", "%v", err)
		return exitUsage
	case err != nil:
		l.Close()
		say(stderr, c, "serve", "%v", err)
		return exitContent
	}
	fmt.Fprintln(stdout, c.Sprintf("serving %s at %s (Ctrl-C to stop)", *source, serve.URL(l)))
	failed := make(chan error, 1)
	go func() { failed <- srv.Serve(l) }()
	code := exitOK
	select {
	case <-stop:
	case err := <-failed:
		say(stderr, c, "serve", "%v", err)
		code = exitContent
	}
	if err := srv.Close(); err != nil {
		say(stderr, c, "serve", "%v", err)
	}
	fmt.Fprintln(stdout, c.Sprintf("stopped"))
	return code
}
