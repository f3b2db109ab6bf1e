package history

import (
	"bytes"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
)

// checkAttr runs git check-attr -z --stdin for the attributes attrs of
// paths (relative to the repository's top). A Repo of a day (At) reads
// the attributes as its commit holds them, not today's work tree: a
// filter named then and dropped since still made git's bytes of that
// day. git 2.40 reads them from a commit (--source); an earlier git from
// a temporary index of the commit's tree (--cached).
func (r *Repo) checkAttr(paths []string, attrs ...string) ([]byte, error) {
	var in bytes.Buffer
	for _, p := range paths {
		in.WriteString(p)
		in.WriteByte(0)
	}
	run, args := r.run, append([]string{"check-attr", "-z", "--stdin"}, attrs...)
	if r.pinned {
		if gitReadsAttrSource(r.run.git) {
			args = append([]string{"check-attr", "--source=" + r.head}, args[1:]...)
		} else {
			dir, err := os.MkdirTemp("", "ismsgen-attr-")
			if err != nil {
				return nil, err
			}
			defer os.RemoveAll(dir)
			run = r.run.withIndex(filepath.Join(dir, "index"))
			// No split index: its shared part would be written into the repository.
			if _, err := run.output("-c", "core.splitIndex=false", "read-tree", r.head); err != nil {
				return nil, err
			}
			args = append([]string{"check-attr", "--cached"}, args[1:]...)
		}
	}
	cmd := run.command(args...)
	cmd.Stdin = &in
	return outputOf(cmd, args)
}

// withIndex is r with index as git's index file.
func (r *runner) withIndex(index string) *runner {
	env := make([]string, 0, len(r.env)+1)
	for _, kv := range r.env {
		if !strings.HasPrefix(kv, "GIT_INDEX_FILE=") {
			env = append(env, kv)
		}
	}
	return &runner{git: r.git, dir: r.dir, env: append(env, "GIT_INDEX_FILE="+index), config: r.config}
}

// attrSource is whether each git executable reads attributes from a
// commit (check-attr --source, git 2.40), asked once.
var attrSource sync.Map

func gitReadsAttrSource(git string) bool {
	if v, ok := attrSource.Load(git); ok {
		return v.(bool)
	}
	out, _ := (&runner{git: git, env: gitEnv()}).output("version")
	ok := versionAtLeast(string(out), 2, 40)
	attrSource.Store(git, ok)
	return ok
}

// versionAtLeast reports whether the output of git version ("git
// version 2.39.5", "git version 2.45.1.windows.1") is major.minor or
// later; false when it cannot be read.
func versionAtLeast(out string, major, minor int) bool {
	f := strings.Fields(out)
	if len(f) < 3 {
		return false
	}
	n := strings.SplitN(f[2], ".", 3)
	if len(n) < 2 {
		return false
	}
	ma, err1 := strconv.Atoi(n[0])
	mi, err2 := strconv.Atoi(n[1])
	if err1 != nil || err2 != nil {
		return false
	}
	return ma > major || ma == major && mi >= minor
}
