// Package write is the last stage: it puts the site's files into a new
// temporary folder beside --dest and, only when every file is written,
// swaps it in place of the old output. A failed or killed build leaves the
// previous output exactly as it was.
//
// ismsgen marks the folders it creates with a marker file and never deletes
// or replaces a folder without it, nor one that contains the source.
package write
