package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"ismsgen/internal/sitetest"
)

// The sample's review figures at --now 2026-11-25.
var (
	sampleOverdue = []string{"ISMS-P-014", "ISMS-P-002", "ISMS-P-005", "ISMS-F-006", "ISMS-G-002", "ISMS-M-002"}
	sampleDueSoon = []string{"ISMS-P-009", "ISMS-F-004", "ISMS-S-001"}
	sampleMissing = []string{"ISMS-F-003", "ISMS-F-005", "ISMS-F-008"}
)

func TestCheckSampleText(t *testing.T) {
	site := sitetest.Sample(t)
	if err := sitetest.SetLanguage(site, "en"); err != nil {
		t.Fatal(err)
	}
	var stdout, stderr bytes.Buffer
	if code := run([]string{"check", "--source", site, "--now", "2026-11-25"}, &stdout, &stderr); code != exitReview {
		t.Fatalf("exit %d, want %d\n%s", code, exitReview, stderr.String())
	}
	out := stdout.String()
	if !strings.Contains(out, "Reviews as of 2026-11-25: 6 overdue, 3 due soon, 3 missing") {
		t.Errorf("no summary line:\n%s", out)
	}
	// The last line says why the exit code is 3: "go run" prints only
	// "exit status 3".
	if want := "ismsgen check: 6 reviews overdue, 3 review dates missing (exit code 3: the content is valid, the reviews and actions above need attention)\n"; !strings.HasSuffix(stderr.String(), want) {
		t.Errorf("stderr does not end with %q:\n%s", want, stderr.String())
	}
	// Each document is listed in its section, in order, at path:line of its review field.
	sections := []struct {
		heading string
		ids     []string
	}{{"overdue (6):", sampleOverdue}, {"due within 30 days (3):", sampleDueSoon}, {"missing a review date (3):", sampleMissing}}
	line := regexp.MustCompile(`^  content/\S+\.md:\d+: (\S+) `)
	for i, s := range sections {
		start := strings.Index(out, s.heading)
		if start < 0 {
			t.Errorf("no section %q", s.heading)
			continue
		}
		body := out[start+len(s.heading):]
		if i+1 < len(sections) {
			body = body[:max(strings.Index(body, sections[i+1].heading), 0)]
		}
		var got []string
		for _, l := range strings.Split(body, "\n") {
			if m := line.FindStringSubmatch(l); m != nil {
				got = append(got, m[1])
			}
		}
		if strings.Join(got, " ") != strings.Join(s.ids, " ") {
			t.Errorf("%s lists %v, want %v", s.heading, got, s.ids)
		}
	}
	if !strings.Contains(out, "content/tier2/isms-p-014.md:12: ISMS-P-014") {
		t.Errorf("overdue line without the path:line of the review field:\n%s", out)
	}
	if !strings.Contains(stderr.String(), "warning:") {
		t.Errorf("warnings go to stderr:\n%s", stderr.String())
	}
}

// The sample speaks Chinese: check's report, its warnings and its last
// line are in Chinese, with the stable paths and ids.
func TestCheckSampleChinese(t *testing.T) {
	var stdout, stderr bytes.Buffer
	if code := run([]string{"check", "--source", "../..", "--now", "2026-11-25"}, &stdout, &stderr); code != exitReview {
		t.Fatalf("exit %d, want %d\n%s", code, exitReview, stderr.String())
	}
	for _, want := range []string{
		"截至 2026-11-25 的文件评审：逾期 6 份，即将到期 3 份，缺少评审日期 3 份，正常 26 份\n",
		"\n评审逾期（6 份）：\n  content/tier2/isms-p-014.md:12: ISMS-P-014 物理与环境安全管理程序 — 评审应于 2026-03-18 完成（已逾期 252 天）\n",
		"\n30 天内到期（3 份）：\n",
		"  评审后，请将评审日期写入 last_reviewed，下次评审日期写入 next_review（或删去 next_review，按评审周期计算）；文本有修改的，还须升级版本\n",
	} {
		if !strings.Contains(stdout.String(), want) {
			t.Errorf("stdout lacks %q:\n%s", want, stdout.String())
		}
	}
	for _, want := range []string{
		"content/tier2/isms-p-006.md:83: 警告：链接到 ISMS-R-005，但本次构建未发布该文件：链接文字照常显示，但不带链接\n    提示：",
	} {
		if !strings.Contains(stderr.String(), want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr.String())
		}
	}
	if want := "ismsgen check: 6 份文件评审逾期、3 份文件缺少评审日期（退出码 3：内容有效，但以上评审和措施事项需要处理）\n"; !strings.HasSuffix(stderr.String(), want) {
		t.Errorf("stderr does not end with %q:\n%s", want, stderr.String())
	}
}

// check --format json, decoded with the schema of docs/format.md and
// nothing else.
func TestCheckSampleJSON(t *testing.T) {
	var stdout, stderr bytes.Buffer
	if code := run([]string{"check", "--source", "../..", "--now", "2026-11-25", "--format", "json"}, &stdout, &stderr); code != exitReview {
		t.Fatalf("exit %d, want %d\n%s", code, exitReview, stderr.String())
	}
	type diagnostic struct {
		File     string            `json:"file"`
		Line     int               `json:"line"`
		Message  string            `json:"message"`
		Hint     string            `json:"hint"`
		Code     string            `json:"code"`
		Messages map[string]string `json:"messages"`
		Hints    map[string]string `json:"hints"`
	}
	var got struct {
		Errors   []diagnostic `json:"errors"`
		Warnings []diagnostic `json:"warnings"`
		Notes    []diagnostic `json:"notes"`
		Reviews  struct {
			Now         string `json:"now"`
			DueSoonDays int    `json:"due_soon_days"`
			Documents   []struct {
				ID         string   `json:"id"`
				Title      string   `json:"title"`
				URL        string   `json:"url"`
				Owners     []string `json:"owners"`
				NextReview *string  `json:"next_review"`
				State      string   `json:"state"`
				Days       *int     `json:"days"`
			} `json:"documents"`
		} `json:"reviews"`
		Actions struct {
			Now     string `json:"now"`
			Actions []struct {
				ID        string   `json:"id"`
				Title     string   `json:"title"`
				Source    string   `json:"source"`
				Record    string   `json:"record"`
				Owner     string   `json:"owner"`
				Documents []string `json:"documents"`
				Due       string   `json:"due"`
				Closed    *string  `json:"closed"`
				State     string   `json:"state"`
				Days      *int     `json:"days"`
			} `json:"actions"`
		} `json:"actions"`
	}
	dec := json.NewDecoder(&stdout)
	dec.DisallowUnknownFields()
	if err := dec.Decode(&got); err != nil {
		t.Fatal(err)
	}
	if got.Errors == nil || len(got.Errors) != 0 || len(got.Warnings) == 0 {
		t.Errorf("errors %v, warnings %v", got.Errors, got.Warnings)
	}
	for _, w := range got.Warnings {
		if w.File == "" || w.Line < 0 || w.Message == "" || w.Code == "" { // line 0: the whole file
			t.Errorf("warning without file, line, message or code: %+v", w)
		}
		// The message in the site's language, and in both.
		if w.Message != w.Messages["zh-CN"] || w.Messages["en"] == "" || w.Messages["en"] == w.Message ||
			w.Hint != w.Hints["zh-CN"] || w.Hints["en"] == "" {
			t.Errorf("warning %s: message %q, messages %q, hint %q, hints %q", w.Code, w.Message, w.Messages, w.Hint, w.Hints)
		}
	}
	if got.Reviews.Now != "2026-11-25" || got.Reviews.DueSoonDays != 30 {
		t.Errorf("now %q, due_soon_days %d", got.Reviews.Now, got.Reviews.DueSoonDays)
	}
	byState := map[string][]string{}
	for _, d := range got.Reviews.Documents {
		byState[d.State] = append(byState[d.State], d.ID)
		if (d.State == "missing") != (d.Days == nil) || (d.State == "missing") != (d.NextReview == nil) {
			t.Errorf("%s: state %s with days %v and next_review %v", d.ID, d.State, d.Days, d.NextReview)
		}
		if d.Days != nil && (*d.Days < 0) != (d.State == "overdue") {
			t.Errorf("%s: %d days but %s", d.ID, *d.Days, d.State)
		}
		if d.URL != "docs/"+d.ID+"/" || d.Title == "" || len(d.Owners) == 0 {
			t.Errorf("%s: url %q, title %q, owners %v", d.ID, d.URL, d.Title, d.Owners)
		}
	}
	for state, want := range map[string][]string{"overdue": sampleOverdue, "due_soon": sampleDueSoon, "missing": sampleMissing} {
		if strings.Join(byState[state], " ") != strings.Join(want, " ") {
			t.Errorf("%s: %v, want %v", state, byState[state], want)
		}
	}
	if len(byState["ok"]) != 26 {
		t.Errorf("%d ok, want 26", len(byState["ok"]))
	}
	// The actions of the published records (not of the confidential
	// incident report), as of 2026-11-25: the two nonconformities due on
	// the 30th are still open.
	actions := map[string][]string{}
	for _, a := range got.Actions.Actions {
		actions[a.State] = append(actions[a.State], a.ID)
		if (a.State == "closed") != (a.Days == nil) || strings.HasPrefix(a.ID, "INC-") {
			t.Errorf("action %s: state %s, days %v", a.ID, a.State, a.Days)
		}
	}
	if got, want := fmt.Sprint(actions), "map[closed:[NC-2026-05 MR-2025-02 MR-2025-04 MR-2025-01] open:[NC-2026-06 NC-2026-07 MR-2025-03 OBS-2026-04]]"; got != want {
		t.Errorf("actions by state:\n got %s\nwant %s", got, want)
	}
}

// writeSite writes a one-document site whose review is due on next.
func writeSite(t *testing.T, next string) string {
	t.Helper()
	dir := t.TempDir()
	files := map[string]string{
		"isms.toml": "title = \"T\"\nlanguage = \"en\"\n[[departments]]\nid = \"isd\"\n",
		"content/a.md": "+++\nid = \"A-1\"\ntitle = \"A\"\ntier = 2\nversion = \"1.0\"\nstatus = \"approved\"\nowners = [\"isd\"]\n" +
			"approver = \"CISO\"\napproved = 2026-01-01\nnext_review = " + next + "\n+++\nText.\n",
	}
	for name, data := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestExitCodes(t *testing.T) {
	ok, overdue, broken := writeSite(t, "2027-06-01"), writeSite(t, "2026-11-24"), writeSite(t, "2026-02-30")
	for _, tc := range []struct {
		name string
		args []string
		want int
	}{
		{"no command", nil, exitUsage},
		{"unknown command", []string{"frobnicate"}, exitUsage},
		{"version", []string{"version"}, exitOK},
		{"version: stray argument", []string{"version", "extra"}, exitUsage},
		{"version: a flag", []string{"version", "--now", "2026-11-25"}, exitUsage},
		{"help", []string{"help"}, exitOK},
		{"check: bad --now", []string{"check", "--source", ok, "--now", "2026-13-01"}, exitUsage},
		{"check: --now not a date", []string{"check", "--source", ok, "--now", "tomorrow"}, exitUsage},
		{"check: bad --format", []string{"check", "--source", ok, "--format", "xml"}, exitUsage},
		{"check: unknown flag", []string{"check", "--formats", "json"}, exitUsage},
		{"check: stray argument", []string{"check", "--source", ok, "extra"}, exitUsage},
		{"check: nothing due", []string{"check", "--source", ok, "--now", "2026-11-25"}, exitOK},
		{"check: nothing due, json", []string{"check", "--source", ok, "--now", "2026-11-25", "--format", "json"}, exitOK},
		{"check: due today is not overdue", []string{"check", "--source", overdue, "--now", "2026-11-24"}, exitOK},
		{"check: overdue", []string{"check", "--source", overdue, "--now", "2026-11-25"}, exitReview},
		{"check: content error", []string{"check", "--source", broken, "--now", "2026-11-25"}, exitContent},
		{"check: content error, json", []string{"check", "--source", broken, "--format", "json"}, exitContent},
		{"build: bad --now", []string{"build", "--source", ok, "--now", "2026-11-31"}, exitUsage},
		{"build: bad --as-of", []string{"build", "--source", ok, "--as-of", "2026-11-31"}, exitUsage},
		{"build: --as-of and another --now", []string{"build", "--source", ok, "--as-of", "2026-11-30", "--now", "2026-12-01"}, exitUsage},
		{"build: --as-of outside git", []string{"build", "--source", ok, "--as-of", "2026-11-30"}, exitUsage},
		{"pack: no --as-of", []string{"pack", "--source", ok}, exitUsage},
		{"pack: outside git", []string{"pack", "--source", ok, "--as-of", "2026-11-30", "--out", filepath.Join(t.TempDir(), "p.zip")}, exitUsage},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			if code := run(tc.args, &stdout, &stderr); code != tc.want {
				t.Errorf("exit %d, want %d\nstdout: %s\nstderr: %s", code, tc.want, stdout.String(), stderr.String())
			}
		})
	}
}
