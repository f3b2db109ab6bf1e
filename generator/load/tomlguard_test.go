package load

import (
	"strings"
	"testing"
)

func TestTOMLGuard(t *testing.T) {
	for _, tc := range []struct {
		name, src string
		line      int
	}{
		{"front matter", "id = \"A\"\nowners = [\"hr\"]\n[[history]]\nversion = \"1.0\"\ndate = 2025-03-01\n", -1},
		{"floats and strings", "x = [1.1, 2.2, 3.3, 4.4, 5.5, 6.6, 7.7, 8.8, 9.9, 1.1, 2.2, 3.3, 4.4, 5.5, 6.6, 7.7, 8.8, 9.9, 1.1, 2.2, 3.3, 4.4, 5.5, 6.6, 7.7, 8.8, 9.9, 1.1, 2.2, 3.3, 4.4, 5.5, 6.6]\ny = \"" + strings.Repeat("a.", 100) + "\"\n", -1},
		{"brackets in strings and comments", "a = \"" + strings.Repeat("[{", 100) + "\"\nb = '''\n" + strings.Repeat("[", 100) + "\n'''\n# " + strings.Repeat("{", 100) + "\n", -1},
		{"nested lists", "a = 1\nx = " + strings.Repeat("[", 33) + strings.Repeat("]", 33), 1},
		{"nested inline tables", "\n\nx = " + strings.Repeat("{a=", 50000) + "1" + strings.Repeat("}", 50000), 2},
		{"dotted key", "\"q\" = 1\n" + strings.Repeat("a.", 40) + "b = 1\n", 1},
		{"dotted table", "[" + strings.Repeat("a.", 40) + "b]\n", 0},
		{"lines counted through strings", "a = \"\"\"\n\n\n\"\"\"\nb = \"x\\\ny\"\nx = " + strings.Repeat("[", 40), 6},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if line, msg := tomlGuard([]byte(tc.src)); line != tc.line {
				t.Errorf("line %d (%s), want %d", line, msg, tc.line)
			}
		})
	}
}
