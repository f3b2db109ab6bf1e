package history

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
)

// The git command is used rather than go-git: on 10,000 documents and 6
// commits, one `git log --raw -M` and one `git cat-file --batch` for the
// 10,000 earlier texts took 0.3-0.4 s in a process of their own, where
// go-git's walk with rename detection took 0.8-0.9 s and 75-110 MB of
// the build's own heap (see the commit that added this package).

// gitEnv is the environment of every git command: the repository is
// found from the folder alone (no GIT_DIR from the caller's shell), no
// prompt, no lock taken and no file written (not even the index's stat
// cache), no pager, no fetch of missing objects, messages in English.
func gitEnv() []string {
	var env []string
	for _, kv := range os.Environ() {
		name, _, _ := strings.Cut(kv, "=")
		switch name {
		case "GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_OBJECT_DIRECTORY",
			"GIT_ALTERNATE_OBJECT_DIRECTORIES", "GIT_NAMESPACE", "GIT_COMMON_DIR",
			"GIT_PREFIX", "LC_ALL", "LANGUAGE":
			continue
		}
		env = append(env, kv)
	}
	return append(env,
		"GIT_TERMINAL_PROMPT=0", "GIT_OPTIONAL_LOCKS=0", "GIT_PAGER=cat",
		"GIT_NO_LAZY_FETCH=1", "GIT_NO_REPLACE_OBJECTS=1", "LC_ALL=C",
	)
}

// deployed is r for a folder checked out from a bare repository, as a
// deploy hook does (GIT_DIR=site.git GIT_WORK_TREE=/srv/isms git
// checkout -f): the folder has no .git, and the environment names the
// repository and its work tree. It is nil unless both are set and the
// work tree holds source: a GIT_DIR of the caller's shell is otherwise
// left out, so that a build reads the repository of its own folder.
func (r *runner) deployed(source string) *runner {
	gitDir, workTree := os.Getenv("GIT_DIR"), os.Getenv("GIT_WORK_TREE")
	if gitDir == "" || workTree == "" {
		return nil
	}
	gitDir, err1 := filepath.Abs(gitDir)
	workTree, err2 := filepath.Abs(workTree)
	if err1 != nil || err2 != nil {
		return nil
	}
	if rel, err := filepath.Rel(workTree, source); err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return nil
	}
	env := append(slices.Clip(r.env), "GIT_DIR="+gitDir, "GIT_WORK_TREE="+workTree)
	return &runner{git: r.git, dir: r.dir, env: env, config: r.config}
}

// gitConfig are settings that keep the repository's and the user's own
// configuration from running programs or changing the output ismsgen
// parses: a root commit's files shown (log.showRoot), no following of
// one path, no order file (a missing one is fatal).
var gitConfig = []string{
	"-c", "core.fsmonitor=false",
	"-c", "log.showRoot=true",
	"-c", "log.follow=false",
	"-c", "diff.orderFile=/dev/null",
	"-c", "core.quotePath=false",
	"-c", "log.showSignature=false",
	"-c", "i18n.logOutputEncoding=UTF-8",
	"-c", "core.pager=cat",
}

// runner runs git in one folder.
type runner struct {
	git    string // the executable
	dir    string
	env    []string
	config []string // more settings (-c key=value), after gitConfig
}

func newRunner(dir string) (*runner, error) {
	git, err := exec.LookPath("git")
	if err != nil {
		return nil, err
	}
	return &runner{git: git, dir: dir, env: gitEnv()}, nil
}

// command makes a git command with args after the settings of gitConfig.
func (r *runner) command(args ...string) *exec.Cmd {
	cmd := exec.Command(r.git, append(append(append([]string{}, gitConfig...), r.config...), args...)...)
	cmd.Dir = r.dir
	cmd.Env = r.env
	return cmd
}

// mailmapOf is r for the commands whose output names authors, in the
// site as of a day: git maps their names through the .mailmap that
// commit holds at the top of its tree, not through today's, nor through
// a file or blob of the configuration (mailmap.file, mailmap.blob)
// that the repository does not hold. Git reads the .mailmap at the top
// of the work tree whatever mailmap.blob says, so the work tree these
// commands see is the repository's own folder (gitDir, absolute), which
// holds none; they read commits, never the work tree.
func (r *runner) mailmapOf(commit, gitDir string) *runner {
	env := make([]string, 0, len(r.env)+2)
	for _, kv := range r.env {
		if !strings.HasPrefix(kv, "GIT_DIR=") && !strings.HasPrefix(kv, "GIT_WORK_TREE=") {
			env = append(env, kv)
		}
	}
	env = append(env, "GIT_DIR="+gitDir, "GIT_WORK_TREE="+gitDir)
	config := append(slices.Clip(r.config), "-c", "mailmap.file=", "-c", "mailmap.blob="+commit+":.mailmap")
	return &runner{git: r.git, dir: gitDir, env: env, config: config}
}

// output runs git and returns its standard output; the error carries
// git's own message.
func (r *runner) output(args ...string) ([]byte, error) {
	return outputOf(r.command(args...), args)
}

// outputOf runs cmd, git with args, and returns its standard output.
func outputOf(cmd *exec.Cmd, args []string) ([]byte, error) {
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return out, &gitError{args: args, msg: strings.TrimSpace(stderr.String()), err: err}
	}
	return out, nil
}

// longOutput is output for a command whose output is long (the log of
// a large site): git writes it into a temporary file rather than a
// pipe, which git would wait on for the build to empty while the
// build's cores read the documents. Without a temporary file, it is
// output.
func (r *runner) longOutput(args ...string) ([]byte, error) {
	return r.longOutputIn(nil, args...)
}

// longOutputIn is longOutput with stdin as git's standard input.
func (r *runner) longOutputIn(stdin []byte, args ...string) ([]byte, error) {
	f, err := tempFile()
	if err != nil {
		f = nil
	}
	cmd := r.command(args...)
	if stdin != nil {
		cmd.Stdin = bytes.NewReader(stdin)
	}
	if f == nil {
		return outputOf(cmd, args)
	}
	defer closeTemp(f)
	var stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = f, &stderr
	if err := cmd.Run(); err != nil {
		return nil, &gitError{args: args, msg: strings.TrimSpace(stderr.String()), err: err}
	}
	return readAllAt(f)
}

// readAllAt reads the whole of f from its start.
func readAllAt(f *os.File) ([]byte, error) {
	info, err := f.Stat()
	if err != nil {
		return nil, err
	}
	out := make([]byte, info.Size())
	n, err := f.ReadAt(out, 0)
	if err == io.EOF && n == len(out) {
		err = nil
	}
	return out[:n], err
}

// gitError is a git command that failed.
type gitError struct {
	args []string
	msg  string
	err  error
}

func (e *gitError) Error() string {
	msg := e.msg
	if msg == "" {
		msg = e.err.Error()
	}
	// The first error, not a warning or hint printed before it.
	lines := strings.Split(msg, "\n")
	msg = lines[0]
	for _, line := range lines {
		if strings.HasPrefix(line, "fatal:") || strings.HasPrefix(line, "error:") {
			msg = line
			break
		}
	}
	args := e.args
	for len(args) > 2 && args[0] == "-c" {
		args = args[2:] // a setting, not the command
	}
	return fmt.Sprintf("git %s: %s", args[0], msg)
}

func (e *gitError) Unwrap() error { return e.err }

// notRepository reports whether err says the folder is in no repository.
func notRepository(err error) bool {
	var ge *gitError
	return errors.As(err, &ge) && strings.Contains(ge.msg, "not a git repository")
}

// dubiousOwnership reports whether git refused a repository that
// another user owns (safe.directory).
func dubiousOwnership(err error) bool {
	var ge *gitError
	return errors.As(err, &ge) && strings.Contains(ge.msg, "dubious ownership")
}
