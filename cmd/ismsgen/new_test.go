package main

import (
	"bytes"
	"ismsgen/internal/sitetest"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestNewCommand(t *testing.T) {
	site := sitetest.Sample(t)
	if err := sitetest.SetLanguage(site, "en"); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		args []string
		code int
		want string // on stdout for exit 0, else on stderr
	}{
		{[]string{"--tier", "2", "--id", "ISMS-P-099", "--title", "信息安全事件管理程序"}, exitOK, filepath.Join(site, "content", "tier2", "ISMS-P-099.md")},
		{[]string{"--tier", "3", "--id", "ISMS-F-099", "--title", "访问申请表", "--type", "record"}, exitOK, "ISMS-F-099.md"},
		{[]string{"--tier", "2", "--id", "ISMS-P-099", "--title", "again"}, exitUsage, `id "ISMS-P-099" exists already`},
		{[]string{"--tier", "1", "--id", "isms-p-009", "--title", "x"}, exitUsage, "ignoring case"},
		{[]string{"--tier", "2", "--id", "ISMS/P", "--title", "x"}, exitUsage, "may only contain"},
		{[]string{"--tier", "2", "--id", "ISMS-P-098", "--title", "x", "--type", "memo"}, exitUsage, "is not a document type"},
		{[]string{"--tier", "0", "--id", "ISMS-P-098", "--title", "x"}, exitUsage, "--tier must be 1, 2 or 3"},
		{[]string{"--id", "ISMS-P-098", "--title", "x"}, exitUsage, "--tier must be 1, 2 or 3"},
		{[]string{"--tier", "2", "--title", "x"}, exitUsage, "--id is required"},
		{[]string{"--tier", "2", "--id", "ISMS-P-098"}, exitUsage, "--title is required"},
		{[]string{"--tier", "two"}, exitUsage, "invalid value"},
	} {
		var stdout, stderr bytes.Buffer
		code := run(append([]string{"new", "--source", site}, tc.args...), &stdout, &stderr)
		out := stderr.String()
		if tc.code == exitOK {
			out = stdout.String()
		}
		if code != tc.code || !strings.Contains(out, tc.want) {
			t.Errorf("%v: exit %d, want %d with %q\nstdout: %s\nstderr: %s", tc.args, code, tc.code, tc.want, stdout.String(), stderr.String())
		}
	}
	var stdout, stderr bytes.Buffer
	if code := run([]string{"check", "--source", site, "--now", "2026-11-25"}, &stdout, &stderr); code == exitContent {
		t.Errorf("check fails after new:\n%s", stderr.String())
	}
	if _, err := os.Stat(filepath.Join(site, "content", "tier2", "isms-p-098.md")); err == nil {
		t.Error("a refused document was written")
	}
}

func TestNewWithoutSite(t *testing.T) {
	var stdout, stderr bytes.Buffer
	code := run([]string{"new", "--source", t.TempDir(), "--tier", "2", "--id", "ISMS-P-001", "--title", "x"}, &stdout, &stderr)
	if code != exitContent || !strings.Contains(stderr.String(), "isms.toml: site configuration not found") {
		t.Errorf("exit %d\n%s", code, stderr.String())
	}
}
