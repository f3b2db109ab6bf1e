// Package write is the last stage: it puts the site's files into a new
// temporary folder beside --dest and, only when every file is written,
// swaps it in place of the old output. A failed or killed build leaves the
// previous output exactly as it was.
//
// ismsgen marks the folders it creates with a marker file and never deletes
// or replaces a folder without it, nor one that contains the source.
//
// The output's folders are 0755 and its files 0644, less the umask, so
// that a web server running as another user reads them. A --dest that
// cannot be replaced as a whole (a mount point, or a folder whose parent
// may not be written to) is filled in place, entry by entry. Interrupt
// removes the temporary folder of a build told to stop (SIGINT, SIGTERM).
// Problems with --dest are *Error values that say what to do.
package write
