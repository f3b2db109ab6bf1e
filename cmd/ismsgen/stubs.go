package main

import (
	"fmt"
	"io"
)

func runServe(args []string, stdout, stderr io.Writer) int {
	fmt.Fprintln(stderr, "ismsgen serve: not available yet")
	return exitUsage
}

func runNew(args []string, stdout, stderr io.Writer) int {
	fmt.Fprintln(stderr, "ismsgen new: not available yet")
	return exitUsage
}
