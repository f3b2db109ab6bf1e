// Command historydemo writes a small ISMS document set with a scripted
// git history into a new folder, to try the history features on:
//
//	go run ./cmd/historydemo /tmp/isms-demo
//	go run ./cmd/ismsgen build --source /tmp/isms-demo --now 2026-03-02
//
// Each commit has a fixed date and author; no git identity or network is
// needed.
package main

import (
	"fmt"
	"os"
	"strings"

	"ismsgen/generator/history/demo"
)

func main() {
	if len(os.Args) != 2 || strings.HasPrefix(os.Args[1], "-") {
		fmt.Fprintln(os.Stderr, "usage: historydemo DIR (a folder that does not exist yet)")
		os.Exit(2)
	}
	dir := os.Args[1]
	if _, err := os.Stat(dir); err == nil {
		fmt.Fprintf(os.Stderr, "historydemo: %s exists; name a new folder\n", dir)
		os.Exit(2)
	}
	if err := demo.Write(dir); err != nil {
		fmt.Fprintf(os.Stderr, "historydemo: %v\n", err)
		os.Exit(1)
	}
	fmt.Printf("wrote the demonstration history to %s\n", dir)
}
