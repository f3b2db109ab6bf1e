package render

import (
	"testing"

	"ismsgen/generator/internal/fast"
	"ismsgen/generator/model"
)

// maskRenderer is a renderer that leaves out QZ-1 and a long id.
func maskRenderer() *renderer {
	site := model.NewSite(&model.Config{}, model.Date{}, false, nil)
	site.LeftOut = map[string]bool{"QZ-1": true, "ISMS-" + longID + "-1": true}
	return &renderer{in: Input{Site: site}, bodies: newBodies("[withheld]")}
}

// longID is longer than the buffer the fast path folds runs in.
const longID = "A123456789B123456789C123456789D123456789E123456789F123456789G123456789"

// mask hides the ids of left-out documents in text shown as written, in
// every form a link may give them, and nothing else, with the fast paths
// on and off.
func TestMask(t *testing.T) {
	r := maskRenderer()
	// The texts masked into one room stay as they are until it is
	// emptied.
	room := new(model.TextRoom)
	var masked [][2]string
	for _, on := range []bool{true, false} {
		restore := fast.Set(on)
		for in, want := range map[string]string{
			`related = ["QZ-1", "ISMS-P-009"]`:                              `related = ["[withheld]", "ISMS-P-009"]`,
			"[](QZ-1) [x](qz-1#part) [y][r]\n[r]: QZ-1\n":                   "[]([withheld]) [x]([withheld]#part) [y][r]\n[r]: [withheld]\n",
			`[a](QZ&#45;1) [b](QZ\-1) [c](QZ%2D1) <QZ-1>`:                   `[a]([withheld]) [b]([withheld]) [c]([withheld]) <[withheld]>`,
			"See QZ-1. And QZ-1-draft, QZ-10, XQZ-1.":                       "See [withheld]. And QZ-1-draft, QZ-10, XQZ-1.",
			"version = \"1.1\"\nid = \"ISMS-P-009\"":                        "version = \"1.1\"\nid = \"ISMS-P-009\"",
			"QZ-1._ qz-1%23x QZ&#x2d;1 QZ&#x2D1 &#12345678;QZ-1 &amp;QZ-1":  "[withheld]._ [withheld] [withheld] QZ&#x2D1 &#12345678;[withheld] &amp;QZ-1",
			"见 ISMS-" + longID + "-1-.":                                     "见 [withheld]-.",
			"ISMS-" + longID + "-12":                                        "ISMS-" + longID + "-12",
			"[s](qz-1.md) [t](../QZ-1.MD#x) QZ-1.markdown. QZ-1.mdx QZ-1md": "[s]([withheld]) [t](../[withheld]#x) [withheld]. QZ-1.mdx QZ-1md",
			"管理评审方针见QZ-1，信息安全管理体系QZ-1。一二三四五六七八九十QZ-1":                       "管理评审方针见[withheld]，信息安全管理体系[withheld]。一二三四五六七八九十[withheld]",
		} {
			if got := r.mask(in); got != want {
				t.Errorf("fast %v: mask(%q) = %q, want %q", on, in, got, want)
			}
			if got := r.maskIn(room, in); got != want {
				t.Errorf("fast %v: maskIn(%q) = %q, want %q", on, in, got, want)
			}
			masked = append(masked, [2]string{r.maskIn(room, in), want})
		}
		restore()
	}
	for _, m := range masked {
		if m[0] != m[1] {
			t.Errorf("masked into a room, then %q; want %q", m[0], m[1])
		}
	}
	room.Empty()
}

// FuzzMask checks that the fast path masks as the regexp does.
func FuzzMask(f *testing.F) {
	for _, s := range []string{
		"[a](QZ&#45;1) [b](QZ\\-1) [c](QZ%2D1) <QZ-1> qz-1.",
		"&#1234567;&#12345678;&#x10FFFF;&#x1234567;&amp;&a;&" + longID + longID + ";%2%2G\\a\\-",
		"related = [\"QZ-1\", \"ISMS-" + longID + "-1\"] 管理评审QZ-1。",
		"[a](qz-1.md) QZ-1.Markdown. QZ\\-1.md ISMS-" + longID + "-1.md",
	} {
		f.Add(s)
	}
	r := maskRenderer()
	f.Fuzz(func(t *testing.T, text string) {
		want := idRun.ReplaceAllStringFunc(text, r.maskRun)
		if got := r.maskQuick(nil, text); got != want {
			t.Fatalf("maskQuick(%q) = %q, the regexp gives %q", text, got, want)
		}
		room := new(model.TextRoom)
		defer room.Empty()
		if got := r.maskQuick(room, text); got != want {
			t.Fatalf("maskQuick(room, %q) = %q, the regexp gives %q", text, got, want)
		}
	})
}

// BenchmarkMask masks a revised document's text as written, front matter
// and body, with the fast paths on and off.
func BenchmarkMask(b *testing.B) {
	text := `id = "ISMS-POL-0002"
title = "管理评审方针 (Management Review Policy)"
version = "2.1"
related = ["ISMS-P-0009", "QZ-1"]
approved = 2026-01-10

## 1 目的 / Purpose

信息安全管理体系须按要求记录资产责任人，发现的不符合项应在规定期限内关闭。见 [访问控制](ISMS-P-0010#scope)。

Top management shall review vulnerability scan results in accordance with this procedure. The incident response team shall approve the access rights of privileged accounts and retain evidence for three years. All employees is accountable for the risk register.
`
	r := maskRenderer()
	for _, on := range []bool{true, false} {
		name := map[bool]string{true: "fast", false: "regexp"}[on]
		b.Run(name, func(b *testing.B) {
			defer fast.Set(on)()
			for b.Loop() {
				r.mask(text)
			}
		})
	}
}
