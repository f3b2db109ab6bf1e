package load

import (
	"bytes"

	"ismsgen/generator/diag"
)

// conflictLines are the lines (1-based in text) where a merge conflict
// that git left in text starts: a line <<<<<<<, then a line =======, then
// a line >>>>>>>. In Markdown (code true), lines inside a fenced code
// block are text: a page about git may show them.
func conflictLines(text []byte, code bool) []int {
	if !bytes.Contains(text, []byte("<<<<<<<")) {
		return nil // nearly every text: one quick look
	}
	var starts []int
	start, middle := 0, false
	var fence []byte // the open code fence, if any
	for n, rest := 1, text; len(rest) > 0; n++ {
		line, next, _ := bytes.Cut(rest, []byte("\n"))
		rest = next
		if code {
			if f := codeFence(line); f != nil {
				switch {
				case fence == nil:
					fence = f
				case f[0] == fence[0] && len(f) >= len(fence):
					fence = nil
				}
				continue
			}
			if fence != nil {
				continue
			}
		}
		switch {
		case marker(line, '<'):
			start, middle = n, false
		case start > 0 && !middle && bytes.Equal(bytes.TrimRight(line, " \t"), []byte("=======")):
			middle = true
		case start > 0 && middle && marker(line, '>'):
			starts = append(starts, start)
			start, middle = 0, false
		}
	}
	return starts
}

// marker reports whether line is a conflict marker of seven c's, alone or
// followed by a space and the name of a side.
func marker(line []byte, c byte) bool {
	if len(line) < 7 || bytes.Count(line[:7], []byte{c}) != 7 {
		return false
	}
	return len(line) == 7 || line[7] == ' ' || line[7] == '\t'
}

// codeFence is the run of ` or ~ that opens or closes a fenced code block
// on line (indented less than four spaces), or nil.
func codeFence(line []byte) []byte {
	t := bytes.TrimLeft(line, " ")
	if len(line)-len(t) > 3 || len(t) < 3 || t[0] != '`' && t[0] != '~' {
		return nil
	}
	n := 0
	for n < len(t) && t[n] == t[0] {
		n++
	}
	if n < 3 {
		return nil
	}
	return t[:n]
}

// conflicts reports each merge conflict of text, whose first line is
// line first of the file, and says whether there was one.
func conflicts(path string, text []byte, first int, code bool, diags *diag.List) bool {
	lines := conflictLines(text, code)
	for _, n := range lines {
		diags.Errorf(path, first+n-1, "keep the lines that are right, delete the others and the lines <<<<<<<, ======= and >>>>>>>, then commit",
			"an unresolved merge conflict: git left both sides of a change here, between <<<<<<< and >>>>>>>")
	}
	return len(lines) > 0
}
