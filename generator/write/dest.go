package write

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
)

// CheckDest refuses output folders that ismsgen must not replace: the
// source itself or a folder above it, anything inside content/, and an
// existing non-empty folder without the marker. It also refuses a --dest
// that could not be written, before the build spends its time: one in a
// folder ismsgen may not write to, or below a file.
func CheckDest(source, dest string) error {
	src, err := filepath.Abs(source)
	if err != nil {
		return err
	}
	dst, err := filepath.Abs(dest)
	if err != nil {
		return err
	}
	given := dst
	src, dst = resolve(src), resolve(dst)
	public := filepath.Join(source, "public")
	if within(src, dst) {
		return &Error{Kind: DestIsSource, Dest: dest,
			Message: text("--dest %s is the source folder or contains it", dest),
			Fix:     text("choose a folder such as %s", public)}
	}
	if within(dst, filepath.Join(src, "content")) || within(dst, filepath.Join(src, "layouts")) || within(dst, filepath.Join(src, "assets")) {
		return &Error{Kind: DestInsideSite, Dest: dest,
			Message: text("--dest %s is inside the site's content, layouts or assets", dest),
			Fix:     text("choose a folder such as %s", public)}
	}
	// A link as --dest would be replaced by a real folder on commit (the
	// swap renames the link, not its target), so it is refused; resolve
	// has followed it, so look at the path as given.
	if info, err := os.Lstat(given); err == nil && info.Mode()&fs.ModeSymlink != 0 {
		return &Error{Kind: DestIsLink, Dest: dest,
			Message: text("--dest %s is a symbolic link", dest),
			Fix:     text("name the real folder")}
	}
	info, err := os.Lstat(dst)
	switch {
	case missing(err):
		return creatable(dest, dst)
	case err != nil:
		return folderError(dest, dst, err)
	case !info.IsDir():
		return &Error{Kind: DestNotFolder, Dest: dest,
			Message: text("--dest %s exists and is not a folder", dest),
			Fix:     text("choose a folder, or a name that does not exist yet")}
	}
	if ours, err := ownFolder(dst); err != nil {
		return folderError(dest, dst, err)
	} else if !ours {
		return &Error{Kind: DestNotOurs, Dest: dest,
			Message: text("--dest %s is not empty and was not created by ismsgen (no %s file); ismsgen will not replace it", dest, Marker),
			Fix:     text("choose another folder or empty it yourself")}
	}
	// The new output is written beside dst and swapped in, or, where
	// only dst itself may be written to, inside it.
	if writable(filepath.Dir(dst)) != nil {
		if err := writable(dst); err != nil {
			return folderError(dest, dst, err)
		}
	}
	return nil
}

// ownFolder reports whether dir is an output ismsgen wrote (it holds the
// marker) or is empty but for temporary folders of builds that were
// killed.
func ownFolder(dir string) (bool, error) {
	if _, err := os.Stat(filepath.Join(dir, Marker)); err == nil {
		return true, nil
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return false, err
	}
	for _, e := range entries {
		if !e.IsDir() || !strings.HasPrefix(e.Name(), tmpPrefix) {
			return false, nil
		}
		if _, err := os.Stat(filepath.Join(dir, e.Name(), Marker)); err != nil {
			return false, nil
		}
	}
	return true, nil
}

// creatable checks that dst, which does not exist, can be made: the
// nearest folder above it that exists is a folder ismsgen may write to.
func creatable(dest, dst string) error {
	dir := filepath.Dir(dst)
	for {
		info, err := os.Stat(dir)
		switch {
		case err == nil && info.IsDir():
			if err := writable(dir); err != nil {
				return folderError(dest, dir, err)
			}
			return nil
		case err == nil:
			return &Error{Kind: ParentNotFolder, Dest: dest,
				Message: text("--dest %s cannot be created: %s is a file, not a folder", dest, dir),
				Fix:     text("choose a --dest whose parent folders are folders")}
		case !missing(err):
			return folderError(dest, dir, err)
		}
		up := filepath.Dir(dir)
		if up == dir {
			return nil
		}
		dir = up
	}
}

// missing reports whether err says that a path does not exist, also
// because a folder on the way is a file.
func missing(err error) bool {
	return errors.Is(err, fs.ErrNotExist) || errors.Is(err, syscall.ENOTDIR)
}

// resolve follows symbolic links in the existing part of a path.
func resolve(p string) string {
	rest := ""
	for {
		if r, err := filepath.EvalSymlinks(p); err == nil {
			return filepath.Join(r, rest)
		}
		parent := filepath.Dir(p)
		if parent == p {
			return filepath.Join(p, rest)
		}
		rest = filepath.Join(filepath.Base(p), rest)
		p = parent
	}
}

// within reports whether child is parent or below it.
func within(child, parent string) bool {
	rel, err := filepath.Rel(parent, child)
	return err == nil && (rel == "." || rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)))
}
