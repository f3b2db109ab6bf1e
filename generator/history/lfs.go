package history

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// fromLFS replaces in texts each Git LFS pointer of a document file
// (paths, relative to the source) with the file, when the repository's
// LFS store holds it with the size and SHA-256 the pointer names: the
// site of a day is made from git's bytes, and its files were pointers
// where .gitattributes kept them in LFS, a bundle's forms most often,
// left out with a hint to run git lfs pull, which had been run. A
// pointer of another file is copied from the store as it is written
// (see copyLFS), not read whole; one the store does not hold stays a
// pointer, which load warns of. It returns the store's folder, "" when
// no text is a pointer or git does not say.
func (r *Repo) fromLFS(paths []string, texts [][]byte) (store string) {
	looked := false
	for i, t := range texts {
		oid, size, ok := lfsPointer(t)
		if !ok {
			continue
		}
		if !looked {
			store, looked = r.lfsStore(), true
		}
		if store == "" {
			return ""
		}
		if !isDocument(paths[i]) || size > maxBlob {
			continue
		}
		if file, err := os.ReadFile(lfsFile(store, oid)); err == nil && int64(len(file)) == size {
			if sum := sha256.Sum256(file); hex.EncodeToString(sum[:]) == oid {
				texts[i] = file
			}
		}
	}
	return store
}

// lfsFile is where the LFS store keeps the file whose SHA-256 is oid.
func lfsFile(store, oid string) string {
	return filepath.Join(store, oid[:2], oid[2:4], oid)
}

// copyLFS writes into name the file of the LFS store whose SHA-256 is
// oid, and reports whether the store holds it with that sum and size;
// when it does not, name is for the caller to write.
func copyLFS(name string, mode os.FileMode, store, oid string, size int64) (bool, error) {
	src, err := os.Open(lfsFile(store, oid))
	if err != nil {
		return false, nil
	}
	defer src.Close()
	if info, err := src.Stat(); err != nil || !info.Mode().IsRegular() || info.Size() != size {
		return false, nil
	}
	dst, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, mode)
	if err != nil {
		return false, err
	}
	h := sha256.New()
	n, rerr := io.Copy(io.MultiWriter(dst, h), io.LimitReader(src, size+1))
	if err := dst.Close(); err != nil {
		return false, err
	}
	return rerr == nil && n == size && hex.EncodeToString(h.Sum(nil)) == oid, nil
}

// writeFrom writes the bytes of r into the file name.
func writeFrom(name string, mode os.FileMode, r io.Reader) error {
	f, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, mode)
	if err != nil {
		return err
	}
	_, err = io.Copy(f, r)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

// lfsStore is the folder of the repository's LFS objects: lfs.storage,
// else lfs/objects in its common git folder (shared by its worktrees);
// "" when git does not say.
func (r *Repo) lfsStore() string {
	common, err := r.run.output("rev-parse", "--git-common-dir")
	if err != nil {
		return ""
	}
	dir := strings.TrimRight(string(common), "\n")
	if dir == "" {
		return ""
	}
	if !filepath.IsAbs(dir) {
		dir = filepath.Join(r.run.dir, dir)
	}
	if out, err := r.run.output("config", "--get", "lfs.storage"); err == nil {
		if s := strings.TrimSpace(string(out)); s != "" {
			if filepath.IsAbs(s) {
				return filepath.Join(s, "objects")
			}
			return filepath.Join(dir, s, "objects")
		}
	}
	return filepath.Join(dir, "lfs", "objects")
}

// maxPointer is the size of the largest Git LFS pointer read.
const maxPointer = 1024

// lfsPointer reads a Git LFS pointer: the file's SHA-256 and size.
func lfsPointer(b []byte) (oid string, size int64, ok bool) {
	if len(b) > maxPointer || !(bytes.HasPrefix(b, []byte("version https://git-lfs.github.com/spec/v1\n")) ||
		bytes.HasPrefix(b, []byte("version https://hawser.github.com/spec/v1\n"))) {
		return "", 0, false
	}
	size = -1
	for _, line := range strings.Split(string(b), "\n") {
		if v, found := strings.CutPrefix(line, "oid sha256:"); found {
			oid = v
		} else if v, found := strings.CutPrefix(line, "size "); found {
			var err error
			if size, err = strconv.ParseInt(v, 10, 64); err != nil {
				return "", 0, false // not a size: no pointer
			}
		}
	}
	if _, err := hex.DecodeString(oid); err != nil || len(oid) != 64 || size < 0 || strings.ToLower(oid) != oid {
		return "", 0, false
	}
	return oid, size, true
}
