package load

import (
	"bytes"
	"io"
	"os"

	"ismsgen/generator/diag"
	"ismsgen/generator/internal/safefile"
)

// A checkout without git-lfs (a CI job that does not ask for LFS, a
// clone on a machine without it) leaves, in place of each file the
// repository keeps in Git LFS, a pointer: a few lines of text naming
// the file's hash and size. Published, it would be a form or a picture
// that does not open, listed with the pointer's size and SHA-256.

// maxLFSPointer is the most bytes a pointer has (the Git LFS
// specification keeps them under 1024).
const maxLFSPointer = 1024

// lfsPointer reports whether the regular file source, of size bytes,
// is a Git LFS pointer.
func lfsPointer(source string, size int64) bool {
	if size > maxLFSPointer || size < 40 {
		return false
	}
	f, err := safefile.Open(source)
	if err != nil {
		return false
	}
	defer f.Close()
	b, err := io.ReadAll(io.LimitReader(f, maxLFSPointer+1))
	return err == nil && isLFSPointer(b)
}

// isLFSPointer reports whether b is a Git LFS pointer: its version line
// first (that of the current specification, or of the one before it),
// and the line of the file's hash.
func isLFSPointer(b []byte) bool {
	return (bytes.HasPrefix(b, []byte("version https://git-lfs.github.com/spec/v1\n")) ||
		bytes.HasPrefix(b, []byte("version https://hawser.github.com/spec/v1\n"))) &&
		bytes.Contains(b, []byte("\noid sha256:"))
}

// pointerSkipped warns at file:line that the attachment name is not
// published, being a Git LFS pointer.
func pointerSkipped(diags *diag.List, file string, line int, name string) {
	diags.Warnf(file, line, "attachment", "fetch the file (git lfs pull; in CI, check the repository out with LFS) and build again",
		"attachment %q is not published: it is a Git LFS pointer, not the file: this checkout did not fetch the files kept in Git LFS", name)
}

// smallLFSPointer is lfsPointer for a file whose size is not known yet.
func smallLFSPointer(source string) bool {
	info, err := os.Lstat(source)
	return err == nil && info.Mode().IsRegular() && lfsPointer(source, info.Size())
}
