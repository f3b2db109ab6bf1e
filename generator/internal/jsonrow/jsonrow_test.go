package jsonrow

import (
	"encoding/json"
	"testing"
)

// Append writes what json.Marshal writes, for every kind of value the
// lists' rows hold.
func TestAppendAsMarshal(t *testing.T) {
	for _, v := range []any{
		"", "plain", "管理评审程序", "a\"b\\c", "<script>&amp;</script>", "line\nbreak\r\ttab", "\x00\x01\x1f\x7f",
		"\u2028\u2029", "bad \xff utf-8 \xe2\x82", "emoji 😀", 0, -12, 20260601,
		[]int(nil), []int{}, []int{1, -2, 3},
		[]string(nil), []string{"a", "<b>"},
		[][2]string(nil), [][2]string{}, [][2]string{{"课程", "https://x/?a=1&b=2"}},
		[]any(nil), []any{}, []any{"", []any{"x", 1}, [][2]string{{"a", "b"}}, []int{4}},
		map[string]int{"b": 1, "a": 2}, 1.5, true, nil, state("overdue"), []any{state("<ok>"), level(-3)},
		int64(7), uint(8), marshals{}, []any{marshals{}, texts("x")}, "\b\f",
	} {
		want, err := json.Marshal(v)
		if err != nil {
			t.Fatal(err)
		}
		if got := Append(nil, v); string(got) != string(want) {
			t.Errorf("Append(%#v) = %s, want %s", v, got, want)
		}
	}
}

type (
	state    string
	level    int8
	marshals struct{}
	texts    string
)

func (marshals) MarshalJSON() ([]byte, error) { return []byte(`"own"`), nil }
func (texts) MarshalText() ([]byte, error)    { return []byte("as text"), nil }

func FuzzAppendString(f *testing.F) {
	for _, s := range []string{"", "a", "\u2028", "\xff", "<&>", "\"\\", "中文\n"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		want, _ := json.Marshal(s)
		if got := Append(nil, s); string(got) != string(want) {
			t.Errorf("Append(%q) = %s, want %s", s, got, want)
		}
	})
}
