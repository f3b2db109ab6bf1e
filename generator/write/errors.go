package write

import (
	"errors"
	"io/fs"
	"ismsgen/generator/diag"
	"os"
	"path/filepath"
	"syscall"
)

// Kind says what is wrong with --dest.
type Kind int

const (
	// DestIsSource: --dest is the source folder or a folder above it.
	DestIsSource Kind = iota + 1
	// DestInsideSite: --dest is inside content/, layouts/ or assets/.
	DestInsideSite
	// DestIsLink: --dest is a symbolic link.
	DestIsLink
	// DestNotFolder: --dest exists and is a file.
	DestNotFolder
	// DestNotOurs: --dest holds files that ismsgen did not write.
	DestNotOurs
	// ParentNotFolder: a folder on the way to --dest is a file.
	ParentNotFolder
	// NotWritable: ismsgen may not write where --dest is, or make it.
	NotWritable
	// ReadOnly: --dest is on a read-only file system.
	ReadOnly
	// Unusable: the system refused for another reason (Err says which).
	Unusable
	// OutNotZip: pack's --out is not a .zip name, or a file that is no zip.
	OutNotZip
	// OutInsideSite: pack's --out is inside content/, layouts/, assets/ or .git.
	OutInsideSite
)

// Text is a message as a constant English format string and its
// arguments, so that it can be translated by its format.
type Text = diag.Text

func text(format string, args ...any) Text { return diag.Msg(format, args...) }

// Error is a problem with --dest: the user must choose another folder or
// change this one. Message says what is wrong, Fix what to do.
type Error struct {
	Kind    Kind
	Dest    string // --dest as given
	Message Text
	Fix     Text
	Err     error // the system's error, if any
}

func (e *Error) Error() string { return e.Message.String() + "; " + e.Fix.String() }

// In is the error in the language of c.
func (e *Error) In(c *diag.Catalog) string { return c.Text(e.Message) + "; " + c.Text(e.Fix) }

func (e *Error) Unwrap() error { return e.Err }

// ErrInterrupted is returned by a Tx that Interrupt has removed.
var ErrInterrupted = errors.New("the build was interrupted; its temporary folder was removed")

// folderError explains why a folder at dir, needed for --dest, could not
// be made or written to.
func folderError(dest, dir string, err error) *Error {
	e := &Error{Dest: dest, Err: err}
	var errno syscall.Errno
	errors.As(err, &errno)
	switch {
	case errors.Is(err, fs.ErrPermission):
		e.Kind = NotWritable
		e.Message = text("--dest %s cannot be written: ismsgen may not create files in %s", dest, dir)
		e.Fix = text("choose a --dest inside a folder you can write to, or ask the owner of %s for write permission", dir)
	case errno == syscall.EROFS:
		e.Kind = ReadOnly
		e.Message = text("--dest %s cannot be written: %s is on a read-only file system", dest, dir)
		e.Fix = text("choose a --dest on a writable disk")
	case errno == syscall.ENOTDIR:
		for dir != filepath.Dir(dir) {
			if _, err := os.Stat(dir); err == nil {
				break // the file on the way
			}
			dir = filepath.Dir(dir)
		}
		e.Kind = ParentNotFolder
		e.Message = text("--dest %s cannot be created: %s is a file, not a folder", dest, dir)
		e.Fix = text("choose a --dest whose parent folders are folders")
	default:
		e.Kind = Unusable
		e.Message = text("--dest %s cannot be written in %s: %v", dest, dir, err)
		e.Fix = text("choose a --dest in a folder that exists and that you can write to")
	}
	return e
}
