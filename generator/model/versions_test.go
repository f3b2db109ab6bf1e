package model

import "testing"

// A version names a folder of the output as it is written, a slash a
// folder within (A/0, edition A, amendment 0), unless a part cannot be a
// folder on a web server or a Windows share.
func TestVersionFolder(t *testing.T) {
	for version, want := range map[string]string{
		"2.1": "2.1", "A/0": "A/0", "B/12": "B/12", "A/": "", "/0": "", "A//0": "", "A/../0": "", "A/CON": "", "A./0": "", "第2版": "第2版", "1.0 rev": "1.0 rev", "v1'&+;=@": "v1'&+;=@",
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

func TestVersionUp(t *testing.T) {
	for version, want := range map[string]string{"2.1": "../../", "A/0": "../../../", "a/b/c": "../../../../"} {
		if got := VersionUp(version); got != want {
			t.Errorf("VersionUp(%q) = %q, want %q", version, got, want)
		}
	}
	if got := versionHref("v/", "第2版/修改 1"); got != "v/%E7%AC%AC2%E7%89%88/%E4%BF%AE%E6%94%B9%201/" {
		t.Errorf("versionHref escapes each part: %q", got)
	}
}
