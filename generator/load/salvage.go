package load

import (
	"bytes"
	"path/filepath"
	"regexp"
	"strings"
)

// idLine is an id line of front matter, as most files write it.
var idLine = regexp.MustCompile(`^\s*id\s*=\s*["']([^"'\n]*)["']`)

// SalvageID makes out, as well as it can, the id of a document file
// that could not be read or converted (its front matter is not valid
// TOML, or its id is not valid): the value of a line id = "…" at the
// top of the file. The link stage then knows that links to that id go
// to a document whose errors are reported already, and does not report
// them again. It returns "" when it finds none.
func SalvageID(root, rel string) string {
	src, err := readLimited(filepath.Join(root, filepath.FromSlash(rel)))
	if err != nil {
		return ""
	}
	src = bytes.TrimPrefix(src, []byte("\xef\xbb\xbf"))
	lines := strings.Split(string(src), "\n")
	if len(lines) == 0 || strings.TrimSpace(lines[0]) != "+++" {
		return ""
	}
	for _, l := range lines[1:] {
		if strings.TrimSpace(l) == "+++" {
			break
		}
		if m := idLine.FindStringSubmatch(l); m != nil {
			return strings.TrimSpace(m[1])
		}
	}
	return ""
}
