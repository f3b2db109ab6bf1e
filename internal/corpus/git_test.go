package corpus

import (
	"maps"
	"os"
	"os/exec"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"
)

// gitOut runs git in dir and returns its output, trimmed.
func gitOut(t *testing.T, dir string, args ...string) string {
	t.Helper()
	cmd := exec.Command("git", args...)
	cmd.Dir = dir
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("git %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return strings.TrimSpace(string(out))
}

// noGitConfig runs the test as a user with no git configuration at all:
// an empty home folder, no system settings.
func noGitConfig(t *testing.T) {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	t.Setenv("HOME", t.TempDir())
	t.Setenv("XDG_CONFIG_HOME", "")
	t.Setenv("GIT_CONFIG_NOSYSTEM", "1")
	for _, k := range []string{"GIT_AUTHOR_NAME", "GIT_AUTHOR_EMAIL", "GIT_COMMITTER_NAME", "GIT_COMMITTER_EMAIL", "EMAIL"} {
		t.Setenv(k, "")
		os.Unsetenv(k)
	}
}

type frontMatter struct {
	Version string
	Status  string
	History []struct{ Version string }
}

func readFrontMatter(t *testing.T, name string, data []byte) frontMatter {
	t.Helper()
	s := string(data)
	end := strings.Index(s[4:], "\n+++\n")
	var fm frontMatter
	if _, err := toml.Decode(s[4:4+end+1], &fm); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return fm
}

func TestGitCommits(t *testing.T) {
	noGitConfig(t)
	const n, commits, share = 50, 3, 0.2
	o := Options{Docs: n, GitCommits: commits, GitShare: share}
	site, stats := generate(t, o)
	if stats.Commits != commits+1 {
		t.Errorf("stats: %d commits, want %d", stats.Commits, commits+1)
	}
	if got := gitOut(t, site, "rev-list", "--count", "HEAD"); got != "4" {
		t.Errorf("%s commits, want the first and %d more", got, commits)
	}
	if got := gitOut(t, site, "status", "--porcelain"); got != "" {
		t.Errorf("the work tree has changes that are not committed:\n%s", got)
	}
	who := gitOut(t, site, "log", "--format=%an <%ae> %aI | %cn <%ce> %cI")
	want := []string{
		"ISMS Document Control <isms-dc@example.com> 2026-01-08T09:00:00+08:00 | ISMS Document Control <isms-dc@example.com> 2026-01-08T09:00:00+08:00",
		"ISMS Document Control <isms-dc@example.com> 2026-01-07T09:00:00+08:00 | ISMS Document Control <isms-dc@example.com> 2026-01-07T09:00:00+08:00",
		"ISMS Document Control <isms-dc@example.com> 2026-01-06T09:00:00+08:00 | ISMS Document Control <isms-dc@example.com> 2026-01-06T09:00:00+08:00",
		"ISMS Document Control <isms-dc@example.com> 2026-01-05T09:00:00+08:00 | ISMS Document Control <isms-dc@example.com> 2026-01-05T09:00:00+08:00",
	}
	if got := strings.Split(who, "\n"); !slices.Equal(got, want) {
		t.Errorf("authors and dates:\n%s\nwant\n%s", who, strings.Join(want, "\n"))
	}

	// Each later commit revises a fifth of the documents: the body and
	// the version, with a history entry for it.
	for k := range commits {
		rev := "HEAD~" + strconv.Itoa(k)
		changed := strings.Fields(gitOut(t, site, "diff", "--name-only", rev+"~1", rev))
		if len(changed) != n*share {
			t.Errorf("%s changes %d files, want %d", rev, len(changed), int(n*share))
		}
		for _, name := range changed {
			before := readFrontMatter(t, name, []byte(gitOut(t, site, "show", rev+"~1:"+name)+"\n"))
			after := readFrontMatter(t, name, []byte(gitOut(t, site, "show", rev+":"+name)+"\n"))
			last := after.History[len(after.History)-1].Version
			if after.Version == before.Version || last != after.Version || len(after.History) != len(before.History)+1 {
				t.Errorf("%s in %s: version %s → %s, last history entry %s", name, rev, before.Version, after.Version, last)
			}
			if body(gitOut(t, site, "show", rev+"~1:"+name)) == body(gitOut(t, site, "show", rev+":"+name)) {
				t.Errorf("%s in %s: the body did not change", name, rev)
			}
		}
	}

	// The first commit is the corpus without git; the last commit's
	// documents build without errors.
	plain, _ := generate(t, Options{Docs: n})
	committed := map[string]string{} // path → blob id
	for line := range strings.Lines(gitOut(t, site, "ls-tree", "-r", "HEAD~3")) {
		meta, name, _ := strings.Cut(strings.TrimSpace(line), "\t")
		committed[name] = strings.Fields(meta)[2]
	}
	names := slices.Sorted(maps.Keys(readTree(t, plain)))
	ids := strings.Fields(gitOut(t, plain, append([]string{"hash-object", "--"}, names...)...))
	for i, name := range names {
		if committed[name] != ids[i] {
			t.Errorf("%s: the first commit holds %q, the corpus generated without git %q", name, committed[name], ids[i])
		}
	}
	if len(committed) != len(names) {
		t.Errorf("the first commit holds %d files, the corpus generated without git %d", len(committed), len(names))
	}
	_, ds := build(t, site)
	if errs := errorsOf(ds); len(errs) > 0 {
		t.Errorf("the revised corpus does not build: %s", errs[0])
	}
	for _, d := range ds {
		switch d.Code {
		case "changed-after-approval", "history-behind-version", "self-approval":
			t.Errorf("%s", d)
		}
	}
}

// TestGitDeterministic: the same options give the same commits.
func TestGitDeterministic(t *testing.T) {
	noGitConfig(t)
	o := Options{Docs: 30, GitCommits: 2, GitShare: 0.5, Shape: Real}
	a, _ := generate(t, o)
	b, _ := generate(t, o)
	if ha, hb := gitOut(t, a, "rev-parse", "HEAD"), gitOut(t, b, "rev-parse", "HEAD"); ha != hb {
		t.Errorf("HEAD is %s, then %s", ha, hb)
	}
	ta, tb := readTree(t, a), readTree(t, b)
	for _, tree := range []map[string][]byte{ta, tb} {
		for name := range tree {
			if strings.HasPrefix(name, ".git/") {
				delete(tree, name)
			}
		}
	}
	sameTree(t, ta, tb)
}

// body is what follows a document's front matter.
func body(doc string) string {
	_, b, _ := strings.Cut(doc[4:], "\n+++\n")
	return b
}
