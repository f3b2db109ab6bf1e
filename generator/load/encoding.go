package load

import (
	"bytes"

	"ismsgen/generator/diag"
)

// encodingHint is the hint of a file that is not UTF-8: how to convert
// it from the encoding its bytes look like, from bad, its first byte
// that is not UTF-8, on (a front matter written in UTF-8 above a body
// pasted in GBK is read so), so that the command it gives does not turn
// an English file saved as Windows-1252 into Chinese characters, as
// converting it from GBK would.
func encodingHint(src []byte, bad int) diag.Text {
	switch rest := src[bad:]; {
	case utf16(src):
		return diag.Msg("save the file as UTF-8: it is UTF-16, as Notepad saves \"Unicode\"; convert it, e.g. `iconv -f UTF-16 -t UTF-8`")
	case gbk(rest):
		return diag.Msg("save the file as UTF-8: it looks like GBK (GB2312), as older Chinese editors save it; convert it, e.g. `iconv -f GBK -t UTF-8`")
	case windows1252(rest):
		return diag.Msg("save the file as UTF-8: it looks like Windows-1252 (Western European), as older Windows editors save it; convert it, e.g. `iconv -f WINDOWS-1252 -t UTF-8`")
	}
	return diag.Msg("save the file as UTF-8 (files saved as GBK/GB2312 or UTF-16 by older editors must be converted, e.g. `iconv -f GBK -t UTF-8`)")
}

// utf16 reports whether src starts with UTF-16's byte-order mark.
func utf16(src []byte) bool {
	return bytes.HasPrefix(src, []byte{0xff, 0xfe}) || bytes.HasPrefix(src, []byte{0xfe, 0xff})
}

// gbk reports whether src reads as GBK: each byte above ASCII leads a
// pair whose second byte is 0x40–0xFE (not 0x7F), and most pairs have
// both bytes above ASCII, as Chinese characters do.
func gbk(src []byte) bool {
	pairs, high := 0, 0
	for i := 0; i < len(src); i++ {
		b := src[i]
		if b < 0x80 {
			continue
		}
		if b == 0x80 || b == 0xff || i+1 == len(src) || src[i+1] < 0x40 || src[i+1] == 0x7f || src[i+1] == 0xff {
			return false
		}
		pairs++
		if src[i+1] >= 0x80 {
			high++
		}
		i++
	}
	return pairs > 0 && 2*high >= pairs
}

// windows1252 reports whether src's bytes above ASCII stand mostly
// alone between ASCII ones, as the quotes, dashes and accented letters
// of Windows-1252 do.
func windows1252(src []byte) bool {
	alone, runs := 0, 0
	for i := 0; i < len(src); i++ {
		if src[i] < 0x80 {
			continue
		}
		j := i
		for j < len(src) && src[j] >= 0x80 {
			j++
		}
		runs++
		if j-i == 1 {
			alone++
		}
		i = j
	}
	return runs > 0 && 2*alone > runs
}
