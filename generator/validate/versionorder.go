package validate

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"ismsgen/generator/diag"
	"ismsgen/generator/model"
)

// versionOrder warns of each [[history]] entry whose version is lower
// than one before it (2.0, then 1.5): entries are written oldest first,
// and a version number only goes up, so readers and auditors take the
// higher number for the newer text. Versions that are not dotted
// numbers ("A", "2025-R1") are not compared, nor entries written newest
// first, which history-behind-version tells of.
func versionOrder(d *model.Document, diags *diag.List) {
	if n := len(d.History); n > 1 && d.History[0].Version == d.Version && d.History[n-1].Version != d.Version {
		return // written newest first: history-behind-version says so
	}
	var top string
	var topN []int
	for i, h := range d.History {
		n, ok := VersionNumbers(h.Version)
		if !ok {
			continue
		}
		if topN != nil && slices.Compare(n, topN) < 0 {
			diags.Warnf(d.Path, d.Line(fmt.Sprintf("history.%d.version", i)), "version-order",
				diag.Msg("number a new version above %q (%q, say), and write the entries in the order the versions were made", top, NextVersion(top)),
				"[[history]] entry %d, version %q, is lower than version %q before it: a version number only goes up", i+1, h.Version, top)
			continue
		}
		if slices.Compare(n, topN) > 0 {
			top, topN = h.Version, n
		}
	}
}

// VersionNumbers reads "1.2", "v2.0.1" or "V3" as its numbers, with
// the zeros at the end left out: 1.0 and 1 are one number; ok is false
// for a version that is not dotted numbers ("A", "2025-R1").
func VersionNumbers(v string) ([]int, bool) {
	v = strings.TrimPrefix(strings.TrimPrefix(v, "v"), "V")
	var out []int
	for _, part := range strings.Split(v, ".") {
		if part == "" || len(part) > 9 || strings.Trim(part, "0123456789") != "" {
			return nil, false
		}
		n, _ := strconv.Atoi(part)
		out = append(out, n)
	}
	for len(out) > 1 && out[len(out)-1] == 0 {
		out = out[:len(out)-1]
	}
	return out, true
}

// NextVersion is v with its last number raised by one ("2.0" → "2.1").
func NextVersion(v string) string {
	i := strings.LastIndexFunc(v, func(r rune) bool { return r < '0' || r > '9' })
	n, err := strconv.Atoi(v[i+1:])
	if err != nil {
		return v + ".1"
	}
	return v[:i+1] + strconv.Itoa(n+1)
}
