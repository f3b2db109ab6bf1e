package history

import (
	"bytes"
	"errors"
	"path/filepath"
	"slices"
	"strings"
	"sync"

	"ismsgen/generator/diag"
)

// Repo is the git work tree that holds a site's source folder, read at
// one commit: HEAD, or the commit of --as-of (see At).
type Repo struct {
	run     *runner
	names   *runner      // the runner of the commands that name authors, when not run (see runner.mailmapOf)
	gitDir  string       // the repository's folder (.git), absolute
	top     string       // the work tree's top folder
	prefix  string       // the source folder relative to top, "" or "dir/sub/"
	head    string       // the commit whose history is read
	pinned  bool         // head is not HEAD: the source is head's tree, nothing is uncommitted
	shallow bool         // the history stops early (a shallow clone)
	objects *objectsDir  // the folder of its loose objects, found once
	eol     *eolConfig   // core.autocrlf, read once
	parents *parentGraph // the parents of head's commits, read once
}

// parentGraph is the parents of every commit up to a Repo's head (see
// Repo.graph): both the versions found on merged branches and the
// approvals made on them need it, from one git command.
type parentGraph struct {
	once sync.Once
	g    map[string][]string
	err  error
}

// eolConfig is a repository's core.autocrlf (see Repo.autocrlf).
type eolConfig struct {
	once     sync.Once
	autocrlf string
}

// objectsDir is the folder of a repository's objects, looked up once
// (see Repo.loose); "" when its loose objects are left to git.
type objectsDir struct {
	once sync.Once
	dir  string
}

// Open finds the git work tree that holds source and its HEAD. Outside
// one, or when git cannot be used, the repository is nil and the note
// says why the site is built without its history; a shallow clone is
// used as far as its history goes, with a note.
func Open(source string) (*Repo, diag.List) {
	r, why, notes := OpenWhy(source)
	if r == nil {
		notes = append(diag.List{why.note()}, notes...)
	}
	return r, notes
}

// Unusable is why a site's history cannot be read.
type Unusable struct {
	Why  diag.Text // what stands in the way
	Hint string
}

// note is the note of a build without the history.
func (u Unusable) note() diag.Diagnostic {
	var notes diag.List
	notes.Notef("", u.Hint, "%v: built without the documents' history", u.Why)
	return notes[0]
}

// unusable is OpenWhy's answer when the history cannot be read.
func unusable(hint string, format string, args ...any) (*Repo, Unusable, diag.List) {
	return nil, Unusable{Why: diag.Msg(format, args...), Hint: hint}, nil
}

// OpenWhy is Open, with why the repository is nil apart from the notes,
// for a command that cannot do without it (--as-of).
func OpenWhy(source string) (*Repo, Unusable, diag.List) {
	abs, err := filepath.Abs(source)
	if err != nil {
		abs = source
	}
	run, err := newRunner(abs)
	if err != nil {
		return unusable("install git to publish earlier versions, what changed and withdrawn documents", "git is not installed (%v)", errors.Unwrap(err))
	}
	query := []string{"rev-parse", "--is-inside-work-tree", "--show-toplevel", "--show-prefix", "--is-shallow-repository", "--absolute-git-dir"}
	out, err := run.output(query...)
	if hook := run.deployed(abs); hook != nil && (notRepository(err) || err == nil && !strings.HasPrefix(string(out), "true\n")) {
		run = hook
		out, err = run.output(query...)
	}
	switch {
	case dubiousOwnership(err):
		return unusable("if you trust the repository, mark it as safe: git config --global --add safe.directory PATH", "git refuses the repository of %s because another user owns it", abs)
	case notRepository(err):
		return unusable(notInGitHint, "%s is not in a git work tree", abs)
	case err != nil:
		return unusable("", "cannot read the git repository (%v)", err)
	}
	lines := strings.Split(strings.TrimRight(string(out), "\n"), "\n")
	if len(lines) < 5 || lines[0] != "true" {
		return unusable(notInGitHint, "%s is not in a git work tree", abs)
	}
	r := &Repo{run: run, top: lines[1], prefix: lines[2], shallow: lines[3] == "true", gitDir: lines[4], objects: &objectsDir{}, eol: &eolConfig{}, parents: &parentGraph{}}
	r.run.dir = r.top
	if r.partial() {
		return unusable("clone the repository without --filter to publish earlier versions, what changed and withdrawn documents", "the repository of %s is a partial clone, whose earlier texts git would fetch from the network", abs)
	}
	head, err := run.output("rev-parse", "-q", "--verify", "HEAD^{commit}")
	if err != nil || len(bytes.TrimSpace(head)) == 0 {
		return unusable("commit the documents to publish their history", "the git repository of %s has no commit yet", abs)
	}
	r.head = string(bytes.TrimSpace(head))
	if r.submodule(r.prefix + "content") {
		// A submodule: its files are another repository's, whose
		// history this one does not hold.
		return unusable("keep the documents in the site's own repository (git rm --cached content, then commit its files) to publish earlier versions, what changed and withdrawn documents",
			"content is a git submodule, a repository of its own whose history is not read")
	}
	return r, Unusable{}, nil
}

// notInGitHint says how to give a site outside a work tree its history:
// a folder checked out from a bare repository by a deploy hook has no
// .git of its own.
const notInGitHint = "commit the site to git to publish earlier versions, what changed and withdrawn documents; a folder checked out from a bare repository (git --work-tree=FOLDER checkout) is built with its history when GIT_DIR names the repository and GIT_WORK_TREE the folder"

// partial reports whether the repository is a partial clone (made with
// --filter): the texts it left out, git would fetch from a promisor
// remote, and stop when it cannot.
func (r *Repo) partial() bool {
	out, _ := r.run.output("config", "--get-regexp", `^(extensions\.partialclone|remote\..*\.promisor)$`)
	for _, line := range strings.Split(string(out), "\n") {
		key, value, _ := strings.Cut(line, " ")
		switch {
		case key == "extensions.partialclone" && value != "":
			return true
		case strings.HasSuffix(key, ".promisor") && slices.Contains([]string{"", "true", "yes", "on", "1"}, strings.ToLower(value)):
			return true
		}
	}
	return false
}

// namer is the runner of the commands whose output names authors.
func (r *Repo) namer() *runner {
	if r.names != nil {
		return r.names
	}
	return r.run
}

// rel turns a path relative to the work tree into one relative to the
// source, or "" when it is outside the source.
func (r *Repo) rel(path string) string {
	if !strings.HasPrefix(path, r.prefix) {
		return ""
	}
	return path[len(r.prefix):]
}

// contentSpec is the pathspec of the source's content folder.
func (r *Repo) contentSpec() string { return ":(literal)" + r.prefix + "content" }

// Head is the commit whose history is read.
func (r *Repo) Head() string { return r.head }

// submodule reports whether the head commit has a submodule at path.
func (r *Repo) submodule(path string) bool {
	out, err := r.run.output("ls-tree", "-z", r.head, "--", ":(literal)"+path)
	return err == nil && bytes.HasPrefix(out, []byte("160000 commit "))
}
