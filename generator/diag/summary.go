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
func (l List) PrintSummary(w io.Writer, limit int) {
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
	shown.Print(w)
	if len(count) == 0 {
		return
	}
	codes := slices.SortedFunc(maps.Keys(count), func(a, b string) int {
		return cmp.Or(cmp.Compare(count[b], count[a]), cmp.Compare(a, b))
	})
	b := bufio.NewWriter(w)
	total := 0
	for _, c := range codes {
		if n := count[c] - limit; n > 0 {
			fmt.Fprintf(b, "… and %d more %s warnings (ismsgen check --format json lists them all)\n", n, codeName(c))
		}
		total += count[c]
	}
	fmt.Fprintf(b, "%d %s:", total, plural(total, "warning", "warnings"))
	for i, c := range codes {
		sep := ","
		if i == 0 {
			sep = ""
		}
		fmt.Fprintf(b, "%s %d %s", sep, count[c], codeName(c))
	}
	b.WriteString("\n")
	b.Flush()
}

// codeName is a warning's code for people: warnings without one are
// "other".
func codeName(code string) string {
	if code == "" {
		return "other"
	}
	return code
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
