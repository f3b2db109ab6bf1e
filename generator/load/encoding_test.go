package load

import (
	"strings"
	"testing"
)

// A file that is not UTF-8 is an error whose hint converts it from the
// encoding its bytes look like: GBK for Chinese, Windows-1252 for the
// quotes and accents of English and French text, UTF-16 for Notepad's
// "Unicode"; the general hint when they look like none of them.
func TestEncodingHint(t *testing.T) {
	fm := "+++\nid = \"A\"\ntitle = \"T\"\n+++\n"
	for _, tc := range []struct{ name, src, iconv string }{
		{"GBK", fm + "\xb1\xbe\xd6\xc6\xb6\xc8\xca\xca\xd3\xc3\xa1\xa3\n", "iconv -f GBK"},
		{"GBK body below a UTF-8 front matter", "+++\nid = \"A\"\ntitle = \"管理制度\"\n+++\n\xb1\xbe\xd6\xc6\xb6\xc8\n", "iconv -f GBK"},
		{"Windows-1252 quotes and dashes", fm + "The \x93policy\x94 applies \x96 always, caf\xe9s too.\n", "iconv -f WINDOWS-1252"},
		{"UTF-16 with its byte-order mark", "\xff\xfe+\x00+\x00+\x00\n\x00", "iconv -f UTF-16"},
		{"none of them", fm + "\x80\x80\x80\x80\n", "GBK/GB2312 or UTF-16"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, diags := ParseDocument("x.md", []byte(tc.src))
			if len(diags) != 1 || !strings.Contains(diags[0].String(), "not valid UTF-8") || !strings.Contains(diags[0].Hint, tc.iconv) {
				t.Fatalf("diagnostics %v (hint %q), want the hint to name %q", diags, diags[0].Hint, tc.iconv)
			}
		})
	}
}
