package model

import (
	"path"
	"strings"
)

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
