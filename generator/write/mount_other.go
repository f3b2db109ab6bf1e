//go:build !linux

package write

// isMountPoint is not known here: a --dest that cannot be replaced is
// found by Commit, whose fallback fills it in place.
func isMountPoint(dir string) bool { return false }
