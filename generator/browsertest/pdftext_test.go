package browsertest

import (
	"bytes"
	"compress/zlib"
	"encoding/hex"
	"io"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf16"
)

// pdfPages is the text of each page of a PDF that Chromium printed, as
// far as a test needs it: the strings each page shows, through the
// ToUnicode maps of its fonts, one line per text object. The running
// head and foot that a stylesheet's page margin boxes print are on no
// element of the page, so only the printed copy tells whether they are
// there.
func pdfPages(pdf []byte) []string {
	objects := pdfObjects(pdf)
	var pages []int
	for n, o := range objects {
		if pdfPageType.Match(o.dict) {
			pages = append(pages, n)
		}
	}
	slices.Sort(pages)
	var out []string
	for _, n := range pages {
		dict := objects[n].dict
		fonts := map[string]pdfFont{}
		for _, m := range pdfFontRef.FindAllSubmatch(pdfDict(objects, pdfDict(objects, dict, "Resources"), "Font"), -1) {
			f := objects[atoi(m[2])]
			font := pdfFont{width: 2}
			if bytes.Contains(f.dict, []byte("/Type0")) {
				font.width = 4
			}
			if tu := pdfToUnicode.FindSubmatch(f.dict); tu != nil {
				font.chars = pdfCMap(objects[atoi(tu[1])].stream)
			}
			fonts[string(m[1])] = font
		}
		var content []byte
		for _, c := range pdfContents.FindAllSubmatch(dict, -1) {
			content = append(content, objects[atoi(c[1])].stream...)
		}
		var text strings.Builder
		var font pdfFont
		for _, m := range pdfShow.FindAllSubmatch(content, -1) {
			switch {
			case m[1] != nil:
				font = fonts[string(m[1])]
			case m[3] != nil:
				text.WriteByte('\n')
			default:
				h := string(m[2])
				for i := 0; i+font.width <= len(h); i += font.width {
					code, _ := strconv.ParseUint(h[i:i+font.width], 16, 32)
					text.WriteString(font.chars[int(code)])
				}
			}
		}
		out = append(out, text.String())
	}
	return out
}

type pdfObject struct{ dict, stream []byte }

type pdfFont struct {
	width int            // hex digits a code takes
	chars map[int]string // code → text
}

var (
	pdfObj       = regexp.MustCompile(`(?s)(\d+) 0 obj(.*?)endobj`)
	pdfStream    = regexp.MustCompile(`(?s)stream\r?\n(.*?)\r?\nendstream`)
	pdfPageType  = regexp.MustCompile(`/Type\s*/Page\b`)
	pdfFontRef   = regexp.MustCompile(`/(\w+)\s+(\d+) 0 R`)
	pdfToUnicode = regexp.MustCompile(`/ToUnicode\s+(\d+) 0 R`)
	pdfContents  = regexp.MustCompile(`/Contents\s+(\d+) 0 R`)
	pdfShow      = regexp.MustCompile(`/(\w+)\s+[\d.]+\s+Tf|<([0-9A-Fa-f]*)>\s*Tj|\b(ET)\b`)
	pdfBFChar    = regexp.MustCompile(`(?s)beginbfchar(.*?)endbfchar`)
	pdfBFRange   = regexp.MustCompile(`(?s)beginbfrange(.*?)endbfrange`)
	pdfPair      = regexp.MustCompile(`<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>`)
	pdfTriple    = regexp.MustCompile(`<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>`)
)

func pdfObjects(pdf []byte) map[int]pdfObject {
	objects := map[int]pdfObject{}
	for _, m := range pdfObj.FindAllSubmatch(pdf, -1) {
		o := pdfObject{dict: m[2]}
		if s := pdfStream.FindSubmatchIndex(m[2]); s != nil {
			o.dict = m[2][:s[0]]
			raw := m[2][s[2]:s[3]]
			o.stream = raw
			if r, err := zlib.NewReader(bytes.NewReader(raw)); err == nil {
				if data, err := io.ReadAll(r); err == nil {
					o.stream = data
				}
			}
		}
		objects[atoi(m[1])] = o
	}
	return objects
}

// pdfDict is the dictionary that key names in dict: written in it, or
// the object it refers to.
func pdfDict(objects map[int]pdfObject, dict []byte, key string) []byte {
	if m := regexp.MustCompile(`/` + key + `\s+(\d+) 0 R`).FindSubmatch(dict); m != nil {
		return objects[atoi(m[1])].dict
	}
	i := bytes.Index(dict, []byte("/"+key))
	if i < 0 {
		return nil
	}
	rest := dict[i+len(key)+1:]
	start := bytes.Index(rest, []byte("<<"))
	if start < 0 {
		return nil
	}
	depth := 0
	for j := start; j+1 < len(rest); j++ {
		switch {
		case rest[j] == '<' && rest[j+1] == '<':
			depth++
			j++
		case rest[j] == '>' && rest[j+1] == '>':
			depth--
			j++
			if depth == 0 {
				return rest[start : j+1]
			}
		}
	}
	return nil
}

// pdfCMap reads a ToUnicode map's single codes and ranges.
func pdfCMap(cmap []byte) map[int]string {
	chars := map[int]string{}
	for _, block := range pdfBFChar.FindAllSubmatch(cmap, -1) {
		for _, m := range pdfPair.FindAllSubmatch(block[1], -1) {
			chars[hexInt(m[1])] = utf16Hex(m[2])
		}
	}
	for _, block := range pdfBFRange.FindAllSubmatch(cmap, -1) {
		for _, m := range pdfTriple.FindAllSubmatch(block[1], -1) {
			from, to, first := hexInt(m[1]), hexInt(m[2]), []rune(utf16Hex(m[3]))
			if len(first) == 0 {
				continue
			}
			for c := from; c <= to && c-from < 1<<16; c++ {
				chars[c] = string(append(first[:len(first)-1:len(first)-1], first[len(first)-1]+rune(c-from)))
			}
		}
	}
	return chars
}

func utf16Hex(h []byte) string {
	b, err := hex.DecodeString(string(h))
	if err != nil {
		return ""
	}
	u := make([]uint16, len(b)/2)
	for i := range u {
		u[i] = uint16(b[2*i])<<8 | uint16(b[2*i+1])
	}
	return string(utf16.Decode(u))
}

func hexInt(h []byte) int {
	n, _ := strconv.ParseUint(string(h), 16, 32)
	return int(n)
}

func atoi(b []byte) int {
	n, _ := strconv.Atoi(string(b))
	return n
}
