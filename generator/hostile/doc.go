// Package hostile holds the tests that feed ismsgen hostile and broken
// input and check that nothing leaks, nothing is lost and every error is
// clear.
//
// The tests write small sites into temporary folders and run the real
// pipeline (generator.Build and generator.Check) on them, or the
// command-line program where exit codes and SIGKILL matter:
//
//   - input_test.go: malformed front matter and isms.toml, each error at
//     its path and line, all at once, and the previous output untouched;
//   - files_test.go: symbolic links, attachment names and --dest folders
//     ismsgen must refuse; pipes_unix_test.go: a named pipe or a device
//     in the place of isms.toml, a layout or an asset;
//   - size_test.go: very large and very deeply nested documents;
//   - inject_test.go: markup, formula and calendar injection through every
//     value that reaches an output format; injecthistory_test.go the same
//     through what git gives (authors, commits in far time zones, earlier
//     versions whose names a link escapes, invisible characters in
//     authors and earlier texts);
//   - ceiling_test.go: documents above the classification ceiling appear
//     in no output byte;
//   - kill_test.go: a build killed at any moment leaves the previous
//     output byte-identical (corpus_test.go generates the large site),
//     and one stopped by SIGINT or SIGTERM leaves no temporary folder;
//   - dest_test.go: the output's modes, read as another user; a --dest
//     that is a mount point, or cannot be written;
//   - attachments_test.go: attachments published by an allow-list of
//     inert types; every other type and every name that hides its type
//     or that Windows changes is skipped, with a warning at its line;
//   - race_test.go: a file swapped for a symbolic link or replaced while
//     the site is read or written is never published;
//   - withheld_test.go: a left-out document leaves no trace however a
//     link to it is written (headings, escapes, references, images,
//     angle brackets, what changed between versions); historyleak_test.go
//     the same for ids that only git knows;
//   - packout_test.go: pack --out replaces nothing but a zip, outside the
//     site's folders;
//   - findings_test.go: ids Windows reserves, levels that differ only in
//     case, CR line ends, over-large files, headings that would take a
//     layout's id, character references in the search index;
//   - determinism_test.go: GOMAXPROCS 1 and 8 give the same bytes;
//   - cli_test.go: exit codes and the printed diagnostics.
package hostile
