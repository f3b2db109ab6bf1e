package markdown

import (
	"bytes"
	"testing"
)

func TestWithoutTitleHeading(t *testing.T) {
	const id, title = "ISMS-P-009", "管理评审程序"
	for _, tc := range []struct{ name, body, want string }{
		{"ATX repeat", "# 管理评审程序\n\n正文。\n", "\n\n正文。\n"},
		{"with the id", "# ISMS-P-009 管理评审程序\n正文\n", "\n正文\n"},
		{"id after, punctuation", "## 管理评审程序（ISMS-P-009）\n", "\n"},
		{"after blank lines and a comment", "\n\n<!-- converted -->\n# 管理评审程序 #\n正文\n", "\n\n<!-- converted -->\n\n正文\n"},
		{"setext", "管理评审程序\n======\n正文\n", "\n\n正文\n"},
		{"CRLF", "# 管理评审程序\r\n正文\r\n", "\r\n正文\r\n"},
		{"another heading", "# 目的\n正文\n", "# 目的\n正文\n"},
		{"text first", "正文\n\n# 管理评审程序\n", "正文\n\n# 管理评审程序\n"},
		{"code indent", "    # 管理评审程序\n", "    # 管理评审程序\n"},
		{"not a heading", "#管理评审程序\n", "#管理评审程序\n"},
		{"only the id", "# ISMS-P-009\n", "# ISMS-P-009\n"},
		{"empty", "", ""},
	} {
		if got := string(WithoutTitleHeading([]byte(tc.body), id, title)); got != tc.want {
			t.Errorf("%s: %q, want %q", tc.name, got, tc.want)
		}
		b, anchor := BlankTitleHeading([]byte(tc.body), id, title)
		if _, want := TitleHeading([]byte(tc.body), id, title); string(b) != tc.want || anchor != want {
			t.Errorf("%s, in place: %q %q, want %q %q", tc.name, b, anchor, tc.want, want)
		}
	}
	en := WithoutTitleHeading([]byte("# Access Control Policy\nText\n"), "POL-7", "Access control policy")
	if string(en) != "\nText\n" {
		t.Errorf("English, case: %q", en)
	}
}

func FuzzWithoutTitleHeading(f *testing.F) {
	f.Add([]byte("# 管理评审程序\n正文\n"), "ISMS-P-009", "管理评审程序")
	f.Add([]byte("Title\n---\nx"), "X-1", "Title")
	f.Fuzz(func(t *testing.T, body []byte, id, title string) {
		got := WithoutTitleHeading(body, id, title)
		_, anchor := TitleHeading(body, id, title)
		if inPlace, a := BlankTitleHeading(bytes.Clone(body), id, title); !bytes.Equal(inPlace, got) || a != anchor {
			t.Fatalf("in place %q %q, copied %q %q", inPlace, a, got, anchor)
		}
		// Lines keep their numbers, and what is left is the body.
		if c, w := bytes.Count(got, []byte("\n")), bytes.Count(body, []byte("\n")); c != w {
			t.Fatalf("%d line ends, want %d: %q → %q", c, w, body, got)
		}
		if len(got) > len(body) {
			t.Fatalf("grew: %q → %q", body, got)
		}
	})
}
