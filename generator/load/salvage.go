package load

import (
	"bytes"
	"path"
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

// FileID is the id a document file's name suggests: its name without
// .md, or its folder's for a page bundle's index.md (isms-p-002.md and
// ISMS-F-003/index.md are ISMS-P-002 and ISMS-F-003, ignoring case).
func FileID(rel string) string {
	name := path.Base(rel)
	if stem := name[:len(name)-len(path.Ext(name))]; !strings.EqualFold(stem, "index") && !strings.EqualFold(stem, "readme") && !strings.EqualFold(stem, "_index") {
		return stem
	}
	return path.Base(path.Dir(rel))
}
