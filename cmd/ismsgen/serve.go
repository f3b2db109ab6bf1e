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
	fs := newFlags("serve", "[--source DIR] [--addr 127.0.0.1:1313] [--drafts]", stderr)
	source := fs.String("source", ".", "the site folder (holds isms.toml and content/)")
	addr := fs.String("addr", serve.DefaultAddr, "the address to listen on; another than loopback only when named explicitly, e.g. 0.0.0.0:1313")
	drafts := fs.Bool("drafts", false, "also publish draft documents and documents in review, marked as such")
	if code := parse(fs, args); code >= 0 {
		return code
	}
	l, warning, err := serve.Listen(*addr)
	if err != nil {
		fmt.Fprintf(stderr, "ismsgen serve: %v\n", err)
		return exitUsage
	}
	if warning != "" {
		fmt.Fprintf(stderr, "ismsgen serve: %s\n", warning)
	}
	srv, err := serve.New(serve.Options{
		Options: generator.Options{Source: *source, Drafts: *drafts, Defaults: defaults()},
		Log:     stdout,
	})
	var usageErr *diag.UsageError
	switch {
	case errors.As(err, &usageErr):
		l.Close()
		fmt.Fprintf(stderr, "ismsgen serve: %v\n", err)
		return exitUsage
	case err != nil:
		l.Close()
		fmt.Fprintf(stderr, "ismsgen serve: %v\n", err)
		return exitContent
	}
	fmt.Fprintf(stdout, "serving %s at %s (Ctrl-C to stop)\n", *source, serve.URL(l))
	failed := make(chan error, 1)
	go func() { failed <- srv.Serve(l) }()
	code := exitOK
	select {
	case <-stop:
	case err := <-failed:
		fmt.Fprintf(stderr, "ismsgen serve: %v\n", err)
		code = exitContent
	}
	if err := srv.Close(); err != nil {
		fmt.Fprintf(stderr, "ismsgen serve: %v\n", err)
	}
	fmt.Fprintln(stdout, "stopped")
	return code
}
