package main

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
)

// check --format json carries the notes the text output prints (here:
// the site is outside git, built without its history), in a member of
// their own, never among the errors and warnings.
func TestCheckJSONNotes(t *testing.T) {
	var stdout, stderr bytes.Buffer
	if code := run([]string{"check", "--source", writeSite(t, "2027-06-01"), "--now", "2026-11-25", "--format", "json"}, &stdout, &stderr); code != exitOK {
		t.Fatalf("exit %d\n%s", code, stderr.String())
	}
	type diagnostic struct {
		File     string            `json:"file"`
		Line     int               `json:"line"`
		Message  string            `json:"message"`
		Hint     string            `json:"hint"`
		Messages map[string]string `json:"messages"`
	}
	var got struct {
		Errors   []diagnostic    `json:"errors"`
		Warnings []diagnostic    `json:"warnings"`
		Notes    []diagnostic    `json:"notes"`
		Reviews  json.RawMessage `json:"reviews"`
		Actions  json.RawMessage `json:"actions"`
	}
	if err := json.Unmarshal(stdout.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	if len(got.Notes) != 1 || !strings.Contains(got.Notes[0].Message, "not in a git work tree") ||
		got.Notes[0].Hint == "" || got.Notes[0].Messages["zh-CN"] == "" {
		t.Fatalf("notes %+v, want the note of a site outside git", got.Notes)
	}
	for _, w := range append(got.Errors, got.Warnings...) {
		if strings.Contains(w.Message, "git") {
			t.Errorf("a note among the errors or warnings: %+v", w)
		}
	}
}
