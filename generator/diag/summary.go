package diag

import (
	"bufio"
	"cmp"
	"fmt"
	"io"
	"maps"
	"slices"
)

// PrintSummary writes the list as Print does, but at most limit warnings
// of each code: a large site can have tens of thousands of one kind,
// which bury everything else. Each code cut short gets a line that says
// how many were left out, and the warnings end with a count per code.
// Errors are always all printed.
func (l List) PrintSummary(w io.Writer, c *Catalog, limit int) {
	count := map[string]int{}
	var shown List
	for _, d := range l {
		if d.Severity == Warning {
			count[d.Code]++
			if count[d.Code] > limit {
				continue
			}
		}
		shown = append(shown, d)
	}
	shown.Print(w, c)
	if len(count) == 0 {
		return
	}
	codes := slices.SortedFunc(maps.Keys(count), func(a, b string) int {
		return cmp.Or(cmp.Compare(count[b], count[a]), cmp.Compare(a, b))
	})
	b := bufio.NewWriter(w)
	total := 0
	for _, code := range codes {
		if n := count[code] - limit; n > 0 {
			fmt.Fprintln(b, c.Sprintf("… and %d more %s warnings (ismsgen check --format json lists them all)", n, codeName(code)))
		}
		total += count[code]
	}
	per := Join{Last: Comma}
	for _, code := range codes {
		per.Items = append(per.Items, Msg("%d %s", count[code], codeName(code)))
	}
	if total == 1 {
		fmt.Fprintln(b, c.Sprintf("1 warning: %s", per))
	} else {
		fmt.Fprintln(b, c.Sprintf("%d warnings: %s", total, per))
	}
	b.Flush()
}

// codeName is a warning's code for people: warnings without one are
// "other".
func codeName(code string) any {
	if code == "" {
		return Msg("other")
	}
	return code
}
