// Command gencorpus writes a generated ISMS document set for benchmarks
// and tests: N documents in three tiers with ismsgen's TOML front matter
// and bilingual bodies that link to each other. The same flags always
// write a byte-identical tree.
//
// Usage (from the repository root):
//
//	go run ./cmd/gencorpus [-seed S] [-hugo | -shape real] [-git-commits K [-git-share P]] N DIR
//
// DIR must not exist or be empty. It receives isms.toml and
// content/tier{1,2,3}/*.md (about 2 %, 18 % and 80 % of the documents),
// or with -hugo the same documents as a Hugo site (hugo.toml, minimal
// layouts, links written as page URLs) for cmd/benchcompare.
//
// -shape real writes documents shaped like sets written without ismsgen in
// mind: relative links to other documents' .md files (../tier2/x.md,
// x.md#2-范围), page bundles (tierN/ID/index.md) with PNG images in img/,
// nested and task lists, GFM tables, fenced code with and without a
// language, and first headings that repeat the title.
//
// -git-commits K makes DIR a git repository: the corpus as generated is
// the first commit, then K commits a day apart each revise a share P
// (-git-share, default 0.2) of the documents: a sentence of the body
// rewritten, the version raised, a [[history]] entry added. Author,
// committer and dates are fixed (the git command's environment; no git
// configuration is needed), so the commits are the same every time.
package main

import (
	"flag"
	"fmt"
	"os"
	"strconv"

	"ismsgen/internal/corpus"
)

func main() {
	flag.Usage = func() {
		fmt.Fprintln(flag.CommandLine.Output(), "usage: gencorpus [flags] N DIR")
		flag.PrintDefaults()
	}
	var o corpus.Options
	flag.Uint64Var(&o.Seed, "seed", 0, "another seed gives another corpus of the same shape")
	flag.BoolVar(&o.Hugo, "hugo", false, "write a Hugo site instead of an ismsgen site")
	shape := flag.String("shape", "plain", "the documents' bodies: plain or real")
	flag.IntVar(&o.GitCommits, "git-commits", 0, "write a git repository with this many commits after the first")
	flag.Float64Var(&o.GitShare, "git-share", 0.2, "the share of the documents each commit revises")
	flag.Parse()
	if flag.NArg() != 2 {
		flag.Usage()
		os.Exit(2)
	}
	n, err := strconv.Atoi(flag.Arg(0))
	if err != nil || n < 1 {
		fmt.Fprintf(os.Stderr, "gencorpus: N is a number of documents, at least 1, not %q\n", flag.Arg(0))
		os.Exit(2)
	}
	o.Docs, o.Shape = n, corpus.Shape(*shape)
	dir := flag.Arg(1)
	stats, err := corpus.Generate(dir, o)
	if err != nil {
		fmt.Fprintln(os.Stderr, "gencorpus:", err)
		os.Exit(1)
	}
	fmt.Fprintf(os.Stderr, "%s: %s\n", dir, stats)
}
