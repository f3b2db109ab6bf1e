package write

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"

	"ismsgen/generator/internal/wholefile"
)

// mountPoint is a variable so that tests can treat any folder as one.
var mountPoint = isMountPoint

// A --dest that cannot be replaced as a whole — a mount point, or a
// folder in a parent ismsgen may not write to — is filled in place: the
// new output is written into a temporary folder inside it, and Commit
// swaps its entries in one by one (index.html, docs/, …, each atomically
// where the system can exchange two paths). A reader may see the old
// index.html beside the new docs/ for the moment of the swap; a failed
// swap is undone.

// fill makes dest hold what tmp, a folder inside it, holds, and removes
// tmp with the previous output.
func (t *Tx) fill(tmp string) error {
	err := fillInPlace(tmp, t.dest)
	if err == nil {
		// dest keeps its own mode otherwise; a mount's root is often
		// 0700, or another user's (then this fails, and is no error).
		if info, statErr := os.Stat(tmp); statErr == nil {
			_ = os.Chmod(t.dest, info.Mode().Perm())
		}
	}
	return errors.Join(err, removeTree(tmp))
}

// fillFromBeside fills dest in place when only Commit found that it cannot
// be replaced (a mount point that Begin did not recognise): the new
// output, written beside dest, first goes into a folder inside it, by a
// rename or, across file systems, a copy.
func (t *Tx) fillFromBeside() error {
	inner := filepath.Join(t.dest, filepath.Base(t.tmp))
	err := rename(t.tmp, inner)
	if errors.Is(err, syscall.EXDEV) {
		if err = os.Mkdir(inner, 0o755); err == nil {
			err = copyTree(t.tmp, inner)
		}
	}
	_ = os.RemoveAll(t.tmp)
	if err != nil {
		_ = os.RemoveAll(inner)
		return folderError(t.dest, t.dest, err)
	}
	return t.fill(inner)
}

// fillInPlace moves the entries of tmp, a folder inside dest, into dest.
// An entry dest has already is exchanged with the new one (tmp then holds
// the old one), or where that is not possible moved aside into tmp
// first; dest's entries that the new output lacks are moved into tmp
// too. If a step fails, the steps before it are undone.
func fillInPlace(tmp, dest string) error {
	names, err := entryNames(tmp)
	if err != nil {
		return err
	}
	present, err := entryNames(dest)
	if err != nil {
		return err
	}
	isNew := make(map[string]bool, len(names))
	for _, n := range names {
		isNew[n] = true
	}
	var undo []func() error
	move := func(from, to string) error {
		if err := rename(from, to); err != nil {
			return err
		}
		undo = append(undo, func() error { return rename(to, from) })
		return nil
	}
	aside := "" // made when exchange fails
	step := func(name string) error {
		from, to := filepath.Join(tmp, name), filepath.Join(dest, name)
		if _, err := os.Lstat(to); err != nil {
			return move(from, to)
		}
		if exchange(from, to) == nil {
			undo = append(undo, func() error { return exchange(from, to) })
			return nil
		}
		if aside == "" {
			if aside, err = mkdirTemp(tmp, tmpPrefix+"previous-"); err != nil {
				return err
			}
		}
		if err := move(to, filepath.Join(aside, name)); err != nil {
			return err
		}
		return move(from, to)
	}
	for _, name := range names {
		if err := step(name); err != nil {
			return rollback(err, undo)
		}
	}
	for _, name := range present {
		if isNew[name] || filepath.Join(dest, name) == tmp {
			continue
		}
		if err := move(filepath.Join(dest, name), filepath.Join(tmp, name)); err != nil {
			return rollback(err, undo)
		}
	}
	return nil
}

// rollback undoes the steps done, last first, and returns err with the
// errors of any step that could not be undone.
func rollback(err error, undo []func() error) error {
	for i := len(undo) - 1; i >= 0; i-- {
		err = errors.Join(err, undo[i]())
	}
	return err
}

func entryNames(dir string) ([]string, error) {
	entries, err := os.ReadDir(dir)
	out := make([]string, len(entries))
	for i, e := range entries {
		out[i] = e.Name()
	}
	return out, err
}

// copyTree copies the folders and files below from into to, which exists.
func copyTree(from, to string) error {
	return filepath.WalkDir(from, func(p string, e fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(from, p)
		if err != nil || rel == "." {
			return err
		}
		target := filepath.Join(to, rel)
		if e.IsDir() {
			return os.Mkdir(target, 0o755)
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return wholefile.Write(target, data, 0o644)
	})
}
