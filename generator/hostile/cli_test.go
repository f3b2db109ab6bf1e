package hostile_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// runCLI runs the ismsgen binary and returns its exit code and output.
func runCLI(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	cmd := exec.Command(ismsgenBinary(t), args...)
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	var exit *exec.ExitError
	switch {
	case errors.As(err, &exit):
		return exit.ExitCode(), stdout.String(), stderr.String()
	case err != nil:
		t.Fatal(err)
	}
	return 0, stdout.String(), stderr.String()
}

// The command line: content errors exit 1 with every error as
// path:line: message and a hint, and the previous output untouched; a
// --dest it must not replace exits 2 and deletes nothing; check reports
// the same errors as JSON, and warns at the line of a link to a left-out
// document.
func TestCommandLine(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary")
	}
	files := good()
	files["content/tier2/draft.md"] = strings.Replace(doc("H-P-002", "Draft", "", "Draft.\n"), `status = "approved"`, `status = "draft"`, 1)
	files["content/tier2/p.md"] = doc("H-P-001", "Procedure", `parent = "H-M-001"`, "## Scope\n\nSee [the draft](H-P-002).\n")
	site := writeSite(t, files)
	code, stdout, stderr := runCLI(t, "build", "--source", site, "--now", "2026-11-25")
	if code != 0 {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
	if !strings.Contains(stderr, "content/tier2/p.md:15: warning: link to H-P-002, a document this build leaves out") || !strings.Contains(stdout, "built") {
		t.Errorf("stdout:\n%s\nstderr:\n%s", stdout, stderr)
	}
	before := readTree(t, site)

	writeFile(t, filepath.Join(site, "content/x.md"), doc("X-1", "T", "next_reveiw = 2027-01-01\ndistribution = [\"nobody\"]", ""))
	writeFile(t, filepath.Join(site, "content/y.md"), "+++\nid = \"Y\"\n")
	code, _, stderr = runCLI(t, "build", "--source", site, "--now", "2026-11-25")
	if code != 1 {
		t.Errorf("exit %d, want 1", code)
	}
	for _, want := range []string{
		"content/x.md:12: unknown department \"nobody\" in distribution\n    hint: ",
		"content/x.md:11: unknown key \"next_reveiw\"\n    hint: did you mean \"next_review\"?",
		"content/y.md:1: the front matter opened here is never closed\n    hint: ",
		"ismsgen build: 3 error(s); nothing was written, the previous output is unchanged\n",
	} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}

	code, stdout, _ = runCLI(t, "check", "--source", site, "--now", "2026-11-25", "--format", "json")
	if code != 1 {
		t.Errorf("check: exit %d, want 1", code)
	}
	var report struct {
		Errors []struct {
			File    string
			Line    int
			Message string
		}
	}
	if err := json.Unmarshal([]byte(stdout), &report); err != nil {
		t.Fatalf("check --format json: %v\n%s", err, stdout)
	}
	if len(report.Errors) != 3 || report.Errors[0].File != "content/x.md" || report.Errors[0].Line != 11 {
		t.Errorf("check errors: %+v", report.Errors)
	}

	for _, dest := range []string{site, filepath.Dir(site), filepath.Join(site, "content")} {
		code, _, stderr = runCLI(t, "build", "--source", site, "--dest", dest)
		if code != 2 || !strings.HasPrefix(stderr, "ismsgen build: --dest "+dest+" is ") {
			t.Errorf("--dest %s: exit %d, %q", dest, code, stderr)
		}
	}
	delete(before, "content/x.md")
	after := readTree(t, site)
	delete(after, "content/x.md")
	delete(after, "content/y.md")
	sameTree(t, "after the failed builds", before, after)
}
