package model

import "testing"

// A version names a folder of the output as it is written, unless the
// name cannot be a folder on a web server or a Windows share.
func TestVersionFolder(t *testing.T) {
	for version, want := range map[string]string{
		"2.1": "2.1", "A/0": "", "第2版": "第2版", "1.0 rev": "1.0 rev", "v1'&+;=@": "v1'&+;=@",
		"": "", ".": "", "..": "", "1.": "", "1 ": "", "50%": "", "1?": "", "1#2": "", `1\2`: "", "1\t2": "",
		`1"`: "", "<1>": "", "1:2": "", "1|2": "", "1*": "", "CON": "", "aux.1": "", "LPT9": "",
		"1234567890123456789012345678901234567890123456789012345678901234":  "1234567890123456789012345678901234567890123456789012345678901234",
		"12345678901234567890123456789012345678901234567890123456789012345": "",
	} {
		if got := VersionFolder(version); got != want {
			t.Errorf("VersionFolder(%q) = %q, want %q", version, got, want)
		}
	}
}
