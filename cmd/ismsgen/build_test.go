package main

import (
	"bytes"
	"io/fs"
	"ismsgen/internal/sitetest"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func snapshot(t *testing.T, root string) map[string]string {
	t.Helper()
	files := map[string]string{}
	_ = filepath.WalkDir(root, func(p string, e fs.DirEntry, err error) error {
		if err == nil && !e.IsDir() {
			data, _ := os.ReadFile(p)
			files[p] = string(data)
		}
		return nil
	})
	return files
}

func replaceIn(t *testing.T, path, old, new string) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(data, []byte(old)) {
		t.Fatalf("%s does not contain %q", path, old)
	}
	if err := os.WriteFile(path, bytes.Replace(data, []byte(old), []byte(new), 1), 0o644); err != nil {
		t.Fatal(err)
	}
}

// A broken copy of the sample (a typo key in one file, a broken link in
// another, a duplicate id in a third) reports all three with path and
// line, in the site's language, and nothing else (the duplicate at the
// file not named after it, and no reference to its own id as a knock-on
// error), exits 1 and leaves public/ as it was.
func TestBrokenSample(t *testing.T) {
	for _, tc := range []struct {
		lang string
		want []string
	}{
		{"zh-CN", []string{
			`content/tier2/isms-p-009.md:12: 未知字段 "next_reveiw"` + "\n    提示：是否应为 \"next_review\"？",
			`content/tier2/isms-p-001.md:`, `: 链接无效：没有编号为 "ISMS-P-902" 的文件`,
			`content/tier2/isms-p-003.md:2: 文件编号 "ISMS-P-004" 重复：content/tier2/isms-p-004.md:2 也使用了该编号`,
			"ismsgen build: 3 个错误；未写入任何内容，原有输出保持不变\n",
		}},
		{"en", []string{
			`content/tier2/isms-p-009.md:12: unknown key "next_reveiw"` + "\n    hint: did you mean \"next_review\"?",
			`content/tier2/isms-p-001.md:`, `: broken link: no document has the id "ISMS-P-902"`,
			`content/tier2/isms-p-003.md:2: duplicate id "ISMS-P-004": also used by content/tier2/isms-p-004.md:2`,
			"ismsgen build: 3 error(s); nothing was written, the previous output is unchanged\n",
		}},
	} {
		t.Run(tc.lang, func(t *testing.T) {
			site := sitetest.Sample(t)
			if err := sitetest.SetLanguage(site, tc.lang); err != nil {
				t.Fatal(err)
			}
			var stdout, stderr bytes.Buffer
			if code := run([]string{"build", "--source", site, "--now", "2026-11-25"}, &stdout, &stderr); code != exitOK {
				t.Fatalf("clean build: exit %d\n%s", code, stderr.String())
			}
			before := snapshot(t, filepath.Join(site, "public"))

			replaceIn(t, filepath.Join(site, "content/tier2/isms-p-009.md"), "approved = 2025-12-10", "next_reveiw = 2026-12-10\napproved = 2025-12-10")
			replaceIn(t, filepath.Join(site, "content/tier2/isms-p-001.md"), "](ISMS-P-002)", "](ISMS-P-902)")
			replaceIn(t, filepath.Join(site, "content/tier2/isms-p-003.md"), `id = "ISMS-P-003"`, `id = "ISMS-P-004"`)

			stdout.Reset()
			stderr.Reset()
			code := run([]string{"build", "--source", site, "--now", "2026-11-25"}, &stdout, &stderr)
			if code != exitContent {
				t.Fatalf("exit %d, want %d\n%s", code, exitContent, stderr.String())
			}
			out := stderr.String()
			for _, want := range tc.want {
				if !strings.Contains(out, want) {
					t.Errorf("stderr lacks %q:\n%s", want, out)
				}
			}
			after := snapshot(t, filepath.Join(site, "public"))
			if len(after) != len(before) {
				t.Fatalf("public/ has %d files after the failed build, %d before", len(after), len(before))
			}
			for p, data := range before {
				if after[p] != data {
					t.Errorf("%s changed", p)
				}
			}
		})
	}
}

func TestBuildUsageErrors(t *testing.T) {
	site := sitetest.Sample(t)
	if err := sitetest.SetLanguage(site, "en"); err != nil {
		t.Fatal(err)
	}
	notOurs := filepath.Join(t.TempDir(), "mine")
	if err := os.MkdirAll(notOurs, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(notOurs, "keep.txt"), []byte("precious"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name string
		args []string
		want string
	}{
		{"bad --now", []string{"build", "--source", site, "--now", "2026-02-30"}, "is not a real date"},
		{"unknown flag", []string{"build", "--sauce", site}, "flag provided but not defined"},
		{"unknown level", []string{"build", "--source", site, "--classification", "top"}, `--classification "top" is not one of the levels`},
		{"dest is source", []string{"build", "--source", site, "--dest", site}, "is the source folder or contains it"},
		{"dest above source", []string{"build", "--source", site, "--dest", filepath.Dir(site)}, "is the source folder or contains it"},
		{"dest inside content", []string{"build", "--source", site, "--dest", filepath.Join(site, "content", "out")}, "inside the site's content"},
		{"dest not ours", []string{"build", "--source", site, "--dest", notOurs}, "was not created by ismsgen"},
		{"dest below a file", []string{"build", "--source", site, "--dest", filepath.Join(notOurs, "keep.txt", "public")}, "ismsgen build: --dest " + filepath.Join(notOurs, "keep.txt", "public") + " cannot be created: " + filepath.Join(notOurs, "keep.txt") + " is a file, not a folder\n    hint: choose a --dest whose parent folders are folders\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			if code := run(tc.args, &stdout, &stderr); code != exitUsage {
				t.Errorf("exit %d, want %d", code, exitUsage)
			}
			if !strings.Contains(stderr.String(), tc.want) {
				t.Errorf("stderr lacks %q:\n%s", tc.want, stderr.String())
			}
		})
	}
	if data, err := os.ReadFile(filepath.Join(notOurs, "keep.txt")); err != nil || string(data) != "precious" {
		t.Errorf("a folder ismsgen did not create was touched: %v %q", err, data)
	}
}
