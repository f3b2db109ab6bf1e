package write

import "golang.org/x/sys/unix"

// exchangePaths atomically swaps two existing paths (renameat2 RENAME_EXCHANGE),
// so that there is no moment at which --dest is missing.
func exchangePaths(a, b string) error {
	return unix.Renameat2(unix.AT_FDCWD, a, unix.AT_FDCWD, b, unix.RENAME_EXCHANGE)
}
