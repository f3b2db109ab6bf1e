package history

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// fromLFS replaces in texts each Git LFS pointer (the few lines git
// holds of a file that .gitattributes keeps in LFS, a bundle's form
// most often) with the file, when the repository's LFS store holds it
// with the size and SHA-256 the pointer names: the site of a day is
// made from git's bytes, and its attachments were all pointers, left
// out with a hint to run git lfs pull, which had been run. A file the
// store does not hold stays a pointer, which load warns of.
func (r *Repo) fromLFS(texts [][]byte) {
	store := ""
	for i, t := range texts {
		oid, size, ok := lfsPointer(t)
		if !ok {
			continue
		}
		if store == "" {
			if store = r.lfsStore(); store == "" {
				return
			}
		}
		if file, err := os.ReadFile(filepath.Join(store, oid[:2], oid[2:4], oid)); err == nil && int64(len(file)) == size {
			if sum := sha256.Sum256(file); hex.EncodeToString(sum[:]) == oid {
				texts[i] = file
			}
		}
	}
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

// lfsPointer reads a Git LFS pointer: the file's SHA-256 and size.
func lfsPointer(b []byte) (oid string, size int64, ok bool) {
	if len(b) > 1024 || !(bytes.HasPrefix(b, []byte("version https://git-lfs.github.com/spec/v1\n")) ||
		bytes.HasPrefix(b, []byte("version https://hawser.github.com/spec/v1\n"))) {
		return "", 0, false
	}
	size = -1
	for _, line := range strings.Split(string(b), "\n") {
		if v, found := strings.CutPrefix(line, "oid sha256:"); found {
			oid = v
		} else if v, found := strings.CutPrefix(line, "size "); found {
			size, _ = strconv.ParseInt(v, 10, 64)
		}
	}
	if _, err := hex.DecodeString(oid); err != nil || len(oid) != 64 || size < 0 || strings.ToLower(oid) != oid {
		return "", 0, false
	}
	return oid, size, true
}
