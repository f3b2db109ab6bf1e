package history_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// A commit that writes the same front matter another way (a date quoted,
// as the format allows, or no longer; a string in single quotes) or
// drops the blank lines before the body's first line changes nothing a
// reader sees: no changed-after-approval. Another date is a change.
func TestReformattedAfterApproval(t *testing.T) {
	r := repo(t)
	text := doc("P-1", "1.0", "approved", "## 1 目的\n\n控制访问。\n", "1.0")
	r.MustWrite("content/p.md", text)
	approved := commit(t, r, "2026-01-05T09:00:00+08:00", "总经理")
	reformatted := strings.NewReplacer(
		"approved = 2026-01-05", `approved = "2026-01-05"`,
		"date = 2026-01-05", `date = "2026-01-05"`,
		`version = "1.0"`, `version = '1.0'`,
		"+++\n\n## 1", "+++\n\n\n## 1",
	).Replace(text)
	r.MustWrite("content/p.md", reformatted)
	commit(t, r, "2026-02-01T09:00:00+08:00", "张三")
	if _, diags, _ := read(t, r.Dir); len(diags) != 0 {
		t.Fatalf("after quoting the dates: %v; want no warning", diags)
	}
	r.MustWrite("content/p.md", strings.Replace(reformatted, "+++\n\n\n## 1", "+++\n## 1", 1))
	commit(t, r, "2026-02-02T09:00:00+08:00", "张三")
	if _, diags, _ := read(t, r.Dir); len(diags) != 0 {
		t.Fatalf("after removing the blank lines before the body: %v; want no warning", diags)
	}
	r.MustWrite("content/p.md", strings.Replace(reformatted, `approved = "2026-01-05"`, `approved = "2026-01-06"`, 1))
	changed := commit(t, r, "2026-03-01T09:00:00+08:00", "李四")
	_, diags, _ := read(t, r.Dir)
	assertWarning(t, diags, "content/p.md:5: warning: the text changed in commit "+changed[:10]+" (2026-03-01, 李四) after version 1.0 was approved in commit "+approved[:10]+" (2026-01-05), but the version was not raised")
}

// A file that .gitattributes gives the ident attribute holds on disk
// "$Id: <blob> $" where git keeps "$Id$": touched since checkout (a
// copy of the work tree, a CI cache), it is the committed text, not a
// change after approval.
func TestIdentExpandedOnDisk(t *testing.T) {
	r := repo(t)
	r.MustWrite(".gitattributes", "*.md ident\n")
	r.MustWrite("content/p.md", doc("P-1", "1.0", "approved", "文件标识：$Id$\n", "1.0"))
	commit(t, r, "2026-01-05T09:00:00+08:00", "总经理")
	r.MustRemove("content/p.md")
	must(t, r.Git(nil, "checkout", "--", "content/p.md"))
	must(t, os.Chtimes(filepath.Join(r.Dir, "content", "p.md"), time.Now(), time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC)))
	if text, err := os.ReadFile(filepath.Join(r.Dir, "content", "p.md")); err != nil || !strings.Contains(string(text), "$Id: ") {
		t.Fatalf("git did not expand $Id$: %q %v", text, err)
	}
	if _, diags, _ := read(t, r.Dir); len(diags) != 0 {
		t.Fatalf("diagnostics %v; want none", diags)
	}
}

// Edits of white space alone that change nothing a reader sees (more
// blank lines between paragraphs, a list marker's spacing, a paragraph
// wrapped at other words, a byte-order mark) are no change after
// approval; white space in a code block shows, and is.
func TestWhiteSpaceOnlyAfterApproval(t *testing.T) {
	r := repo(t)
	body := "Para one.\n\nPara two has\nseveral words.\n\n- item\n- item two\n\n```\ncode  line\n```\n"
	text := doc("P-1", "1.0", "approved", body, "1.0")
	r.MustWrite("content/p.md", text)
	approved := commit(t, r, "2026-01-05T09:00:00+08:00", "总经理")
	for i, edited := range []string{
		strings.Replace(text, "Para one.\n\n", "Para one.\n\n\n\n", 1),
		strings.Replace(text, "- item\n- item two", "-   item\n-   item two", 1),
		strings.Replace(text, "Para two has\nseveral words.", "Para two\nhas several\nwords.", 1),
		"\ufeff" + text,
	} {
		r.MustWrite("content/p.md", edited)
		commit(t, r, "2026-02-0"+string(rune('1'+i))+"T09:00:00+08:00", "张三")
		if _, diags, _ := read(t, r.Dir); len(diags) != 0 {
			t.Fatalf("edit %d (%q): %v; want no warning", i, edited, diags)
		}
	}
	r.MustWrite("content/p.md", strings.Replace(text, "code  line", "code line", 1))
	changed := commit(t, r, "2026-03-01T09:00:00+08:00", "李四")
	_, diags, _ := read(t, r.Dir)
	assertWarning(t, diags, "content/p.md:5: warning: the text changed in commit "+changed[:10]+" (2026-03-01, 李四) after version 1.0 was approved in commit "+approved[:10]+" (2026-01-05), but the version was not raised")
}
