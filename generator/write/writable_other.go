//go:build !unix

package write

// writable is left to the build itself where access(2) does not exist:
// Begin reports the folder it could not make.
func writable(dir string) error { return nil }
