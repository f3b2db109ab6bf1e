package search

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"sync"
	"testing"
	"unicode"
	"unicode/utf8"

	"ismsgen/generator/internal/par"
)

// handEntries is a small hand-made document set for ranking tests.
func handEntries() []Entry {
	e := func(id, title string, tier int, status string, heads []string, text string) Entry {
		var hs []Heading
		for i, h := range heads {
			hs = append(hs, Heading{Text: h, Anchor: fmt.Sprintf("h%d", i+1)})
		}
		return Entry{ID: id, Title: title, URL: "docs/" + id + "/", Tier: tier, Type: "procedure",
			Status: status, Version: "1.0", Obsolete: status == "obsolete", Headings: hs, Text: text}
	}
	return []Entry{
		e("ISMS-PR-002", "备份与恢复程序", 2, "approved", []string{"1 目的", "2 备份策略"},
			"本程序规定信息系统数据备份与恢复的要求。Backup and restore of data. 备份介质应异地存放。"),
		e("ISMS-P-002", "访问控制程序", 2, "approved", []string{"1 目的", "2 账号管理"},
			"规定用户访问权限的申请与审批。Access control for all systems. 日志的备份见 ISMS-PR-002。"),
		e("ISMS-PR-0020", "信息安全事件管理程序", 2, "approved", []string{"1 事件分级"},
			"信息安全事件的报告、响应与处置。Incident response."),
		e("ISMS-P-009", "管理评审程序", 2, "approved", []string{"1 管理评审输入", "2 管理评审输出"},
			"最高管理者每年至少组织一次管理评审。Management review."),
		e("ISMS-POL-001", "信息安全方针", 1, "approved", nil,
			"本公司致力于信息安全管理。对安全事件及时响应。Information security policy."),
		e("ISMS-P-001", "旧版备份程序", 2, "obsolete", nil, "已由备份与恢复程序取代。"),
		e("ISMS-F-003", "备份记录表", 3, "approved", nil, "记录每次备份的时间、介质和执行人。"),
		e("ISMS-G-004", "介质管理指南", 2, "approved", []string{"1 备份介质"}, "存储介质的标记、保管与销毁。"),
		e("ISMS-S-005", "服务器配置标准", 2, "approved", nil, "服务器上线前应完成加固，并纳入备份范围。Server hardening."),
		e("ISMS-M-001", "信息安全管理手册", 1, "approved", []string{"4 组织环境"},
			"Information security management system (ISMS) manual. 访问控制。制程管理。程序文件。"),
		e("ISMS-R-006", "控制程序评审记录", 3, "approved", nil, "本记录用于评审各项控制程序的有效性。"),
	}
}

func ids(rs []Result) []string {
	var out []string
	for _, r := range rs {
		out = append(out, r.ID)
	}
	return out
}

func TestRanking(t *testing.T) {
	ix := NewIndex(handEntries())
	tests := []struct {
		name, q string
		want    []string // exact order of all results; nil means none
		first   string   // or only the first
	}{
		{name: "whole id first", q: "ISMS-PR-002", first: "ISMS-PR-002"},
		{name: "id case and width insensitive", q: "ｉｓｍｓ－ｐｒ－００２", first: "ISMS-PR-002"},
		{name: "partial id", q: "P-009", want: []string{"ISMS-P-009"}},
		{name: "PR-002 before P-002 and PR-0020", q: "PR-002", want: []string{"ISMS-PR-002", "ISMS-PR-0020", "ISMS-P-002"}},
		{name: "title over heading over body, obsolete last", q: "备份",
			want: []string{"ISMS-F-003", "ISMS-PR-002", "ISMS-G-004", "ISMS-P-002", "ISMS-S-005", "ISMS-P-001"}},
		{name: "title beats body frequency", q: "管理评审", want: []string{"ISMS-P-009"}},
		{name: "AND across terms", q: "备份 access", want: []string{"ISMS-P-002"}},
		{name: "AND across Han and id", q: "备份 PR-002", want: []string{"ISMS-PR-002", "ISMS-P-002"}},
		{name: "English prefix", q: "back", want: []string{"ISMS-PR-002"}},
		{name: "English is case-insensitive", q: "INCIDENT", want: []string{"ISMS-PR-0020"}},
		{name: "adjacent run above scattered bigrams", q: "控制程序", want: []string{"ISMS-P-002", "ISMS-R-006", "ISMS-M-001"}},
		{name: "single Han character", q: "销", want: []string{"ISMS-G-004"}},
		{name: "word in no document", q: "xyzzy", want: nil},
		{name: "Han word in no document", q: "量子计算", want: nil},
		{name: "one known and one unknown term", q: "备份 xyzzy", want: nil},
		{name: "bigrams present but not in one document", q: "备份事件", want: nil},
		{name: "one-letter word is not a prefix", q: "h", want: nil},
		{name: "one-letter id part", q: "s", want: []string{"ISMS-S-005"}},
		{name: "punctuation only", q: "，。!?", want: nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := ix.Search(tt.q, 20)
			if tt.first != "" {
				if len(got) == 0 || got[0].ID != tt.first {
					t.Errorf("Search(%q) = %v, want %s first", tt.q, ids(got), tt.first)
				}
				return
			}
			if !slices.Equal(ids(got), tt.want) {
				t.Errorf("Search(%q)\n got %v\nwant %v", tt.q, ids(got), tt.want)
				for _, r := range got {
					t.Logf("  %s %.0f %s", r.ID, r.Score, r.Snippet)
				}
			}
		})
	}
}

func TestScoresAreOrdered(t *testing.T) {
	// The field scores must keep id > title > heading > body for exact and
	// prefix matches alike, whatever the body frequency.
	order := []int{
		fieldScore(fieldID, true), fieldScore(fieldID, false),
		fieldScore(fieldTitle, true), fieldScore(fieldTitle, false),
		fieldScore(fieldHead, true), fieldScore(fieldHead, false),
		fieldScore(fieldBody|3<<4, true), fieldScore(fieldBody|3<<4, false), scoreLoose,
	}
	if !slices.IsSortedFunc(order, func(a, b int) int { return b - a }) {
		t.Errorf("scores out of order: %v", order)
	}
	if fieldScore(fieldBody|3<<4, true)*maxTerms >= scoreWholeID || scoreHeadExact <= fieldScore(fieldBody|3<<4, true) {
		t.Error("bonuses overlap")
	}
}

func TestSnippet(t *testing.T) {
	ix := NewIndex(handEntries())
	tests := []struct{ q, id, want string }{
		{"备份", "ISMS-S-005", "服务器上线前应完成加固，并纳入⟦备份⟧范围。Server hardening."},
		{"access", "ISMS-P-002", "规定用户访问权限的申请与审批。⟦Access⟧ control for all systems. 日志的备份见 ISMS-PR-002。"},
		{"PR-002", "ISMS-P-002", "规定用户访问权限的申请与审批。Access control for all systems. 日志的备份见 ISMS-⟦PR-002⟧。"},
		{"控制程序", "ISMS-M-001", "Information security management system (ISMS) manual. 访问⟦控制⟧。⟦制程⟧管理。⟦程序⟧文件。"},
	}
	for _, tt := range tests {
		var got string
		for _, r := range ix.Search(tt.q, 20) {
			if r.ID == tt.id {
				got = r.Snippet
			}
		}
		if got != tt.want {
			t.Errorf("snippet of %s for %q\n got %q\nwant %q", tt.id, tt.q, got, tt.want)
		}
	}
	long := strings.Repeat("甲乙丙丁", 100) + "目标词" + strings.Repeat("戊己庚辛", 100)
	got := snippetString(long, parseQuery("目标词"))
	if !strings.HasPrefix(got, "…") || !strings.HasSuffix(got, "…") || !strings.Contains(got, "⟦目标词⟧") ||
		len([]rune(got)) != snippetLen+2+2 {
		t.Errorf("long snippet %q", got)
	}
}

func TestCollapse(t *testing.T) {
	tests := []struct {
		in   string
		max  int
		want string
	}{
		{"  a \n\n b\tc  ", 100, "a · b c"}, // a line feed ends a block
		{"\n1 目的\n本程序规定。\n版本\n日期\n作者\n\n", 100, "1 目的 · 本程序规定。 版本 · 日期 · 作者"},
		{"目的：\n本程序", 100, "目的： 本程序"}, // its own punctuation is enough
		{"ab\ncd", 4, "ab"}, // no room for the separator and a character
		{"ab\ncd", 6, "ab · c"},
		{"备份　 恢复", 100, "备份 恢复"},
		{"abcdef", 3, "abc"},
		{"ab cd", 3, "ab"},
		{"a\x00b\xffc", 10, "a b\uFFFDc"},
	}
	for _, tt := range tests {
		if got := collapse(tt.in, tt.max); got != tt.want {
			t.Errorf("collapse(%q, %d) = %q, want %q", tt.in, tt.max, got, tt.want)
		}
	}
}

// indexFromFiles reads Build's files back into an Index, as the browser
// does, and checks what the browser relies on: each directory names its
// chunks' first keys and exact sizes, the obsolete bits match the
// documents, the ids lead to their documents and the prefix lists are
// those of the vocabulary.
func indexFromFiles(t testing.TB, files []File) *Index {
	t.Helper()
	byPath := map[string][]byte{}
	for _, f := range files {
		byPath[f.Path] = f.Data
	}
	value := func(path, key string, v any) int {
		t.Helper()
		data, ok := byPath[path]
		if !ok {
			t.Fatalf("missing %s", path)
		}
		head := dataPrefix + `"` + key + `"]=`
		if !bytes.HasPrefix(data, []byte(head)) || !bytes.HasSuffix(data, []byte(";\n")) {
			t.Fatalf("%s: not a data file for %q: %.60s", path, key, data)
		}
		if err := json.Unmarshal(data[len(head):len(data)-2], v); err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		return len(data)
	}
	var meta struct {
		V, N, Cap, Pb int
		Obs, Tl       string
		W, B, A, I    [][2]any
	}
	value("search/index.js", "i", &meta)
	if meta.V != IndexVersion || meta.Cap != TextCap || meta.Pb != prefixBudget {
		t.Fatalf("index.js: version %d cap %d budget %d", meta.V, meta.Cap, meta.Pb)
	}
	ix := &Index{ids: map[string]int32{}}
	for i := range meta.N {
		var frag []json.RawMessage
		value(fmt.Sprintf("search/d/%d.js", i), fmt.Sprintf("d%d", i), &frag)
		var m docMeta
		var obsolete int
		var hs [][2]string
		for j, v := range []any{&m.ID, &m.Title, &m.URL, &m.Tier, &m.Type, &m.Status, &m.Version, &obsolete, &m.text, &hs} {
			if err := json.Unmarshal(frag[j], v); err != nil {
				t.Fatalf("d%d field %d: %v", i, j, err)
			}
		}
		m.Obsolete = obsolete == 1
		if bit := strings.IndexByte(alphabet, meta.Obs[i/6])>>(i%6)&1 == 1; bit != m.Obsolete {
			t.Fatalf("d%d: obsolete %v, bit %v", i, m.Obsolete, bit)
		}
		if m.URL == "" {
			m.URL = "docs/" + m.ID + "/"
		}
		m.foldedTitle = foldString(m.Title)
		key := strings.IndexByte(alphabet, meta.Tl[i])
		m.titleLen = key / 3
		if key != rankKey(m.titleLen, m.Tier) {
			t.Fatalf("d%d: tl %q, but its tier is %d", i, meta.Tl[i], m.Tier)
		}
		for _, h := range hs {
			m.Headings = append(m.Headings, Heading{Text: h[0], Anchor: h[1]})
		}
		ix.docs = append(ix.docs, m)
		ix.ids[foldString(m.ID)] = int32(i)
	}
	chunks := func(name string, dir [][2]any, f func(flat []json.RawMessage)) []dirEntry {
		var out []dirEntry
		for k, d := range dir {
			var flat []json.RawMessage
			size := value(fmt.Sprintf("search/%s/%d.js", name, k), fmt.Sprintf("%s%d", name, k), &flat)
			var first string
			json.Unmarshal(flat[0], &first)
			if first != d[0].(string) || float64(size) != d[1].(float64) {
				t.Fatalf("%s%d starts with %q and has %d bytes; the directory says %v", name, k, first, size, d)
			}
			out = append(out, dirEntry{first, size})
			f(flat)
		}
		return out
	}
	str := func(r json.RawMessage) string {
		var s string
		if err := json.Unmarshal(r, &s); err != nil {
			t.Fatal(err)
		}
		return s
	}
	wdir := chunks("w", meta.W, func(flat []json.RawMessage) {
		for i := 0; i+1 < len(flat); i += 2 {
			ix.vocab = append(ix.vocab, str(flat[i]))
			ix.posts = append(ix.posts, []byte(str(flat[i+1])))
		}
	})
	if !slices.IsSorted(ix.vocab) {
		t.Fatal("the vocabulary is not sorted")
	}
	ix.blooms = make([][]byte, len(ix.vocab))
	chunks("b", meta.B, func(flat []json.RawMessage) {
		for i := 0; i+1 < len(flat); i += 2 {
			j, ok := slices.BinarySearch(ix.vocab, str(flat[i]))
			if !ok || !isBigram(ix.vocab[j]) {
				t.Fatalf("filters of %q, which is not a bigram of the vocabulary", str(flat[i]))
			}
			ix.blooms[j] = []byte(str(flat[i+1]))
		}
	})
	chunks("i", meta.I, func(flat []json.RawMessage) {
		for i := 0; i+1 < len(flat); i += 2 {
			var d int32
			json.Unmarshal(flat[i+1], &d)
			if id := str(flat[i]); ix.ids[id] != d {
				t.Fatalf("id %q leads to %d, not %d", id, d, ix.ids[id])
			}
		}
	})
	var pkeys []string
	var pposts [][]byte
	chunks("a", meta.A, func(flat []json.RawMessage) {
		for i := 0; i+1 < len(flat); i += 2 {
			pkeys = append(pkeys, str(flat[i]))
			pposts = append(pposts, []byte(str(flat[i+1])))
		}
	})
	wantKeys, wantPosts := ix.prefixLists(wdir)
	var nonEmpty []string
	for i, k := range wantKeys {
		if len(wantPosts[i]) > 0 {
			nonEmpty = append(nonEmpty, k)
		}
	}
	if !slices.Equal(pkeys, wantKeys) {
		t.Fatalf("prefix lists %q, want %q", pkeys, wantKeys)
	}
	for i := range pkeys {
		if !bytes.Equal(pposts[i], wantPosts[i]) {
			t.Fatalf("prefix list %q: %q, want %q", pkeys[i], pposts[i], wantPosts[i])
		}
	}
	if n := 1 + meta.N + len(meta.W) + len(meta.B) + len(meta.A) + len(meta.I); len(byPath) != n {
		t.Fatalf("%d files, want %d", len(byPath), n)
	}
	return ix
}

// smallChunks cuts the index of a small site as a large site's is cut:
// many chunks, and prefixes that span more than the budget.
func smallChunks(t testing.TB) {
	ct, it, pb := chunkTarget, idChunkTarget, prefixBudget
	chunkTarget, idChunkTarget, prefixBudget = 2<<10, 256, 6<<10
	t.Cleanup(func() { chunkTarget, idChunkTarget, prefixBudget = ct, it, pb })
}

func TestFilesRoundTrip(t *testing.T) {
	for _, small := range []bool{false, true} {
		t.Run(fmt.Sprint("small chunks ", small), func(t *testing.T) {
			if small {
				smallChunks(t)
			}
			es := append(handEntries(), syntheticEntries(300, 1500)...)
			es[0].Text += "\u2028\"quoted\" \\ back\x01slash" // characters JSON and JS treat differently
			ix := NewIndex(es)
			files := Build(es)
			back := indexFromFiles(t, files)
			var merged int
			for _, f := range files {
				if strings.HasPrefix(f.Path, "search/a/") {
					merged++
				}
			}
			if small && merged == 0 {
				t.Error("no prefix list: the test does not cover them")
			}
			for _, q := range []string{"备份", "PR-002", "access", "控制程序", "isms", "信息安全", "quoted", "r-01", "云服务 audit"} {
				a, b := ix.Search(q, 50), back.Search(q, 50)
				if !slices.Equal(a, b) {
					t.Errorf("%q: in memory %v, from files %v", q, ids(a), ids(b))
				}
			}
		})
	}
}

func TestBuildIsDeterministic(t *testing.T) {
	es := append(handEntries(), syntheticEntries(500, 800)...)
	want := Build(es)
	rng := rand.New(rand.NewPCG(3, 4))
	rng.Shuffle(len(es), func(i, j int) { es[i], es[j] = es[j], es[i] })
	got := Build(es)
	if len(got) != len(want) {
		t.Fatalf("%d files, then %d", len(want), len(got))
	}
	for i := range got {
		if got[i].Path != want[i].Path || !bytes.Equal(got[i].Data, want[i].Data) {
			t.Fatalf("file %d (%s) differs after shuffling the entries", i, got[i].Path)
		}
	}
	if want[0].Path != "search/index.js" {
		t.Errorf("first file %s", want[0].Path)
	}
	found := false
	for _, f := range want {
		found = found || strings.HasPrefix(f.Path, "search/d/") && bytes.Contains(f.Data, []byte(`]=["ISMS-F-003","备份记录表","",3,"procedure","approved","1.0",0,"`))
	}
	if !found {
		t.Error("no search/d/ file for ISMS-F-003 as written")
	}
}

func TestBuildEmpty(t *testing.T) {
	files := Build(nil)
	if len(files) != 1 || files[0].Path != "search/index.js" {
		t.Fatalf("Build(nil) = %v", files)
	}
	if got := NewIndex(nil).Search("备份", 10); got != nil {
		t.Errorf("empty index found %v", got)
	}
}

// collapseByRunes is appendCollapsed without its fast path for common
// Chinese characters: each character decoded and looked at.
func collapseByRunes(s string, max int, escape bool) string {
	var b []byte
	n := 0
	space, block := false, false // block: the space holds a line break
	last := rune(0)
	for _, r := range s {
		if n >= max {
			break
		}
		if r <= ' ' || r == 0x7F || (r >= 0x80 && r <= 0x3000 && unicode.IsSpace(r)) {
			space = n > 0
			block = block || space && r == '\n'
			continue
		}
		if space {
			// Between blocks " · ", unless the block ended with its own
			// punctuation.
			sep := " "
			if block && !strings.ContainsRune("。！？；：，、….!?;:,", last) {
				sep = " · "
			}
			if n+utf8.RuneCountInString(sep) >= max {
				break
			}
			b = append(b, sep...)
			n += utf8.RuneCountInString(sep)
			space, block = false, false
		}
		switch {
		case escape && (r == '"' || r == '\\'):
			b = append(b, '\\', byte(r))
		case escape && (r == 0x2028 || r == 0x2029):
			b = append(b, '\\', 'u', '2', '0', '2', byte('0'+r-0x2020))
		default:
			b = utf8.AppendRune(b, r)
		}
		last = r
		n++
	}
	return string(b)
}

// FuzzCollapse holds appendCollapsed's fast path to the character by
// character reading, with and without escapes, at every cut.
func FuzzCollapse(f *testing.F) {
	for _, s := range []string{"备份　 恢复", "a\x00b\xffc", "管理\xe4\xb8评审", "\xe9\xbf\xbf\u2028x\"", "  中 文  ",
		"3 职责\n角色\n职责", "目的。\n范围 \n\n 适用", "0\n0"} {
		f.Add(s, 3)
	}
	f.Fuzz(func(t *testing.T, s string, max int) {
		max = max%40 + 1
		if max < 1 {
			max += 40
		}
		for _, escape := range []bool{false, true} {
			if got, want := string(appendCollapsed(nil, s, max, escape)), collapseByRunes(s, max, escape); got != want {
				t.Errorf("appendCollapsed(%q, %d, %v) = %q, want %q", s, max, escape, got, want)
			}
		}
	})
}

// titleEntries are documents whose titles extend each other's, and
// documents that implement Annex A controls.
func titleEntries() []Entry {
	e := func(id, title string, tier int, text string, controls ...string) Entry {
		return Entry{ID: id, Title: title, URL: "docs/" + id + "/", Tier: tier, Type: "procedure",
			Status: "approved", Version: "1.0", Text: text, Controls: controls}
	}
	return []Entry{
		e("T-F-001", "Access Control Procedure Request Form", 3, "Request access as the access control procedure says."),
		e("T-P-001", "Access Control Procedure", 2, "Who may access what.", "5.15", "A.5.15", "A.9.1.1"),
		e("T-F-002", "事件管理程序执行记录", 3, "按事件管理程序记录。"),
		e("T-P-002", "事件管理程序", 2, "事件的报告与处置。"),
		e("T-F-003", "变更审批计划", 3, "变更审批的计划。"),
		e("T-P-003", "变更审批程序", 2, "变更审批的要求。"),
		e("T-R-004", "Log review 2026", 3, "A review of logs, see 5.15 and A.5.15.", "8.15", "A.8.15"),
	}
}

// TestTitleRanking: a document whose title is the query comes first, and
// at equal scores the higher tier (the procedure before its forms); a
// control id finds the documents that implement it before those that
// mention it, in any form, and its words alone find nothing.
func TestTitleRanking(t *testing.T) {
	ix := NewIndex(titleEntries())
	for _, c := range []struct {
		q    string
		want []string
	}{
		{"Access Control Procedure", []string{"T-P-001", "T-F-001"}},
		{"access control", []string{"T-P-001", "T-F-001"}},
		{"事件管理程序", []string{"T-P-002", "T-F-002"}},
		{"变更审批", []string{"T-P-003", "T-F-003"}},
		{"A.5.15", []string{"T-P-001", "T-R-004"}},
		{"5.15", []string{"T-P-001", "T-R-004"}},
		{"a.5.15", []string{"T-P-001", "T-R-004"}},
		{"A.9.1.1", []string{"T-P-001"}},
		{"8.15", []string{"T-R-004"}},
		{"a", []string{"T-R-004"}}, // the word in its text, not T-P-001's controls
	} {
		if got := ids(ix.Search(c.q, 10)); !slices.Equal(got, c.want) {
			t.Errorf("%q: %v, want %v", c.q, got, c.want)
		}
	}
}

func TestControlsFile(t *testing.T) {
	f := ControlsFile(map[string][]string{"9.1.1": {"5.15"}, "12.3.1": {"8.13"}, "5.1.1": {"5.1"}, "18.2.3": {"5.36", "8.8"}})
	want := dataPrefix + `"c"]={"12.3.1":["8.13"],"18.2.3":["5.36","8.8"],"5.1.1":["5.1"],"9.1.1":["5.15"]};` + "\n"
	if f.Path != "search/c.js" || string(f.Data) != want {
		t.Errorf("ControlsFile: %s %s, want %s", f.Path, f.Data, want)
	}
}

// TestBuilderIsBuild: NewBuilder, Add from several goroutines in any
// order and Files make the files Build makes, though each document's file
// is written from a buffer Add uses again (so it is copied here, as an
// output must).
func TestBuilderIsBuild(t *testing.T) {
	es := append(handEntries(), syntheticEntries(300, 800)...)
	want := Build(es)
	bare := make([]Entry, len(es))
	for i, e := range es {
		e.Headings, e.Text = nil, ""
		bare[i] = e
	}
	b := NewBuilder(bare)
	var mu sync.Mutex
	got := map[string][]byte{}
	order := rand.New(rand.NewPCG(5, 6)).Perm(len(es))
	par.Each(len(order), func(k int) {
		i := order[k]
		err := b.Add(i, es[i].Headings, es[i].Text, func(path string, data []byte) error {
			mu.Lock()
			defer mu.Unlock()
			if _, dup := got[path]; dup {
				t.Errorf("%s written twice", path)
			}
			got[path] = bytes.Clone(data)
			return nil
		})
		if err != nil {
			t.Error(err)
		}
	})
	for _, f := range b.Files() {
		got[f.Path] = f.Data
	}
	if len(got) != len(want) {
		t.Fatalf("%d files, Build makes %d", len(got), len(want))
	}
	for _, f := range want {
		if !bytes.Equal(got[f.Path], f.Data) {
			t.Fatalf("%s differs from Build's", f.Path)
		}
	}
	stop := errors.New("disk full")
	if err := NewBuilder(bare).Add(0, nil, "", func(string, []byte) error { return stop }); err != stop {
		t.Errorf("Add returned %v, want write's error", err)
	}
}
