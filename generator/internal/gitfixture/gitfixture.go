// Package gitfixture scripts git repositories with fixed dates and
// authors, for the history stage's tests and the demonstration history:
// each commit is made with its own author, e-mail and date, with neither
// the user's git configuration nor a configured identity.
package gitfixture

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// Repo is a work tree being scripted.
type Repo struct {
	Dir string
	t   T // the test of a Repo made by New, which its Must methods fail
}

// Init makes a new repository in dir (created if need be), on branch main.
func Init(dir string) (*Repo, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	r := &Repo{Dir: dir}
	return r, r.Git(nil, "init", "-q", "-b", "main")
}

// Git runs git in the work tree, with env added to a clean environment.
func (r *Repo) Git(env []string, args ...string) error {
	_, err := r.Output(env, args...)
	return err
}

// Output runs git and returns its standard output.
func (r *Repo) Output(env []string, args ...string) (string, error) {
	cmd := exec.Command("git", args...)
	cmd.Dir = r.Dir
	cmd.Env = append(cleanEnv(), env...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		return "", fmt.Errorf("git %s: %v: %s", strings.Join(args, " "), err, stderr.String())
	}
	return stdout.String(), nil
}

// cleanEnv is the environment without git's variables and with no user
// or system configuration.
func cleanEnv() []string {
	var env []string
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "GIT_") {
			env = append(env, kv)
		}
	}
	return append(env, "GIT_CONFIG_GLOBAL="+os.DevNull, "GIT_CONFIG_NOSYSTEM=1", "GIT_TERMINAL_PROMPT=0")
}

// Write writes a file of the work tree (folders made as needed).
func (r *Repo) Write(rel, content string) error {
	p := filepath.Join(r.Dir, filepath.FromSlash(rel))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return err
	}
	return os.WriteFile(p, []byte(content), 0o644)
}

// Remove deletes a file of the work tree.
func (r *Repo) Remove(rel string) error {
	return os.Remove(filepath.Join(r.Dir, filepath.FromSlash(rel)))
}

// Move renames a file of the work tree (folders made as needed).
func (r *Repo) Move(from, to string) error {
	p := filepath.Join(r.Dir, filepath.FromSlash(to))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return err
	}
	return os.Rename(filepath.Join(r.Dir, filepath.FromSlash(from)), p)
}

// Commit commits every change of the work tree as author (a name; the
// e-mail is made from it) at when, an RFC 3339 time with its zone
// ("2026-03-01T23:59:00+08:00"), and returns the commit's hash.
func (r *Repo) Commit(when, author, message string) (string, error) {
	if err := r.Git(nil, "add", "-A"); err != nil {
		return "", err
	}
	email := "user@example.com"
	env := []string{
		"GIT_AUTHOR_NAME=" + author, "GIT_AUTHOR_EMAIL=" + email, "GIT_AUTHOR_DATE=" + when,
		"GIT_COMMITTER_NAME=" + author, "GIT_COMMITTER_EMAIL=" + email, "GIT_COMMITTER_DATE=" + when,
	}
	if err := r.Git(env, "commit", "-q", "--allow-empty", "--no-verify", "-m", message); err != nil {
		return "", err
	}
	out, err := r.Output(nil, "rev-parse", "HEAD")
	return strings.TrimSpace(out), err
}

// T is what New needs of a test (testing.TB), without importing testing
// into the demonstration's command.
type T interface {
	Helper()
	Skip(args ...any)
	Fatal(args ...any)
	TempDir() string
}

// New makes a repository in a folder "site" of the test's temporary
// folder; it skips the test when git is not installed.
func New(t T) *Repo {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	r, err := Init(filepath.Join(t.TempDir(), "site"))
	if err != nil {
		t.Fatal(err)
	}
	r.t = t
	return r
}

// MustWrite is Write in a test: an error fails the test that made r
// with New.
func (r *Repo) MustWrite(rel, content string) {
	r.t.Helper()
	if err := r.Write(rel, content); err != nil {
		r.t.Fatal(err)
	}
}

// MustRemove is Remove in a test.
func (r *Repo) MustRemove(rel string) {
	r.t.Helper()
	if err := r.Remove(rel); err != nil {
		r.t.Fatal(err)
	}
}

// MustMove is Move in a test.
func (r *Repo) MustMove(from, to string) {
	r.t.Helper()
	if err := r.Move(from, to); err != nil {
		r.t.Fatal(err)
	}
}

// MustCommit is Commit in a test; it returns the commit's hash.
func (r *Repo) MustCommit(when, author, message string) string {
	r.t.Helper()
	c, err := r.Commit(when, author, message)
	if err != nil {
		r.t.Fatal(err)
	}
	return c
}
