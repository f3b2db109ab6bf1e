// Package filetype is the one list of the attachment types ismsgen
// publishes: types that a browser shows, plays or downloads and that a
// web server sends as they are, but that neither ever runs. The load
// stage publishes a page bundle's file only when Check finds nothing
// wrong with its name; serve sends each with the Content-Type the list
// gives (ContentType), so no browser has to guess.
//
// The list allows rather than forbids: a type that is not on it (.xml,
// .xsl, .svg, .php, .hta, web.config, a name without an extension) is
// not published, whatever new way a browser or server finds to run it.
// Every type on it is one that web servers' own type lists know (Apache's
// and nginx's mime.types): a server that meets an extension it does not
// know may send no type, and the browser then guesses one from the
// content, which may be a web page. That leaves out WPS Office's .et and
// .dps, OFD and Visio's .vsdx (which Debian's list calls XML); they can be
// zipped.
package filetype

import (
	"path"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// inert maps each allowed extension, in lower case with its dot, to the
// Content-Type a web server should send.
var inert = map[string]string{
	// Office documents, spreadsheets, presentations and drawings, without
	// macros (.docm, .xlsm, .pptm run code in Office and are not here).
	".doc":  "application/msword",
	".dot":  "application/msword",
	".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
	".dotx": "application/vnd.openxmlformats-officedocument.wordprocessingml.template",
	".xls":  "application/vnd.ms-excel",
	".xlt":  "application/vnd.ms-excel",
	".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
	".xltx": "application/vnd.openxmlformats-officedocument.spreadsheetml.template",
	".ppt":  "application/vnd.ms-powerpoint",
	".pps":  "application/vnd.ms-powerpoint",
	".pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
	".ppsx": "application/vnd.openxmlformats-officedocument.presentationml.slideshow",
	".potx": "application/vnd.openxmlformats-officedocument.presentationml.template",
	".mpp":  "application/vnd.ms-project",
	".odt":  "application/vnd.oasis.opendocument.text",
	".ods":  "application/vnd.oasis.opendocument.spreadsheet",
	".odp":  "application/vnd.oasis.opendocument.presentation",
	".odg":  "application/vnd.oasis.opendocument.graphics",
	".rtf":  "application/rtf",
	".wps":  "application/vnd.ms-works",
	".pdf":  "application/pdf",
	// Pictures (not SVG: it is a web page that can hold script).
	".png":  "image/png",
	".jpg":  "image/jpeg",
	".jpeg": "image/jpeg",
	".gif":  "image/gif",
	".webp": "image/webp",
	".avif": "image/avif",
	".bmp":  "image/bmp",
	".tif":  "image/tiff",
	".tiff": "image/tiff",
	// Sound and video (training material).
	".mp3":  "audio/mpeg",
	".wav":  "audio/wav",
	".mp4":  "video/mp4",
	".webm": "video/webm",
	// Archives.
	".zip": "application/zip",
	".7z":  "application/x-7z-compressed",
	".rar": "application/vnd.rar",
	".tar": "application/x-tar",
	".gz":  "application/gzip",
	".tgz": "application/gzip",
	".bz2": "application/x-bzip2",
	".xz":  "application/x-xz",
	// Plain text.
	".txt": "text/plain; charset=utf-8",
	".log": "text/plain; charset=utf-8",
	".csv": "text/csv; charset=utf-8",
	".tsv": "text/tab-separated-values; charset=utf-8",
}

// active are extensions of files that a browser runs as a page of the
// site or that a web server runs as a program: not on the list either,
// but named apart so that the warning can say why.
var active = map[string]bool{
	".html": true, ".htm": true, ".xhtml": true, ".xht": true, ".shtml": true, ".shtm": true, ".stm": true,
	".mht": true, ".mhtml": true, ".xml": true, ".xsl": true, ".xslt": true, ".svg": true, ".svgz": true,
	".js": true, ".mjs": true, ".cjs": true, ".hta": true, ".swf": true,
	".php": true, ".php3": true, ".php4": true, ".php5": true, ".php7": true, ".php8": true, ".phtml": true, ".phar": true, ".pht": true,
	".asp": true, ".aspx": true, ".ashx": true, ".asmx": true, ".cer": true, ".jsp": true, ".jspx": true, ".cfm": true,
	".cgi": true, ".pl": true, ".py": true, ".rb": true, ".sh": true, ".config": true,
	".exe": true, ".com": true, ".bat": true, ".cmd": true, ".msi": true, ".scr": true, ".dll": true,
	".ps1": true, ".vbs": true, ".vbe": true, ".wsf": true, ".wsh": true, ".jar": true, ".lnk": true,
	".docm": true, ".dotm": true, ".xlsm": true, ".xltm": true, ".xlam": true, ".pptm": true, ".potm": true, ".ppsm": true,
}

// serverSide are the extensions a web server runs wherever they appear
// in a name: Apache's handlers take "report.php.txt" for PHP.
var serverSide = map[string]bool{
	".php": true, ".php3": true, ".php4": true, ".php5": true, ".php7": true, ".php8": true, ".phtml": true, ".phar": true, ".pht": true,
	".asp": true, ".aspx": true, ".jsp": true, ".jspx": true, ".cfm": true, ".cgi": true, ".pl": true, ".py": true,
	".shtml": true, ".shtm": true, ".stm": true,
}

// Problem is why a file must not be published as an attachment.
type Problem int

const (
	OK          Problem = iota
	NotUTF8             // the name is not UTF-8
	Control             // a control character or a backslash in the name
	Invisible           // an invisible or text-direction character (Problem.Rune says which)
	Reserved            // a device name reserved on Windows (CON, aux.txt, LPT9)
	TrailingDot         // a name ending in '.' or ' ', which Windows drops
	NoExtension         // no extension: a server or browser guesses the type
	Active              // a type a browser or web server runs (Finding.Ext)
	Unlisted            // a type not on the list (Finding.Ext)
)

// Finding is what Check found about a name.
type Finding struct {
	Problem     Problem
	Ext         string // the extension at fault, in lower case (Active, Unlisted)
	Rune        rune   // the character at fault (Invisible)
	ContentType string // for OK: the type to send
}

// Check says whether a file named name may be published as an
// attachment, and with what Content-Type. name is a file name, or a
// slash-separated path inside its page bundle ("img/plan.png"), every
// folder of which must be a name Windows keeps as it is.
func Check(name string) Finding {
	if !utf8.ValidString(name) {
		return Finding{Problem: NotUTF8}
	}
	for _, r := range name {
		switch {
		case r < ' ' || r == 0x7f || r == '\\' || 0x80 <= r && r < 0xa0:
			return Finding{Problem: Control}
		case unicode.In(r, unicode.Cf, unicode.Zl, unicode.Zp) || r == 0x115f || r == 0x1160 || r == 0x3164 || r == 0xffa0:
			// Format characters (the bidi overrides and isolates, zero
			// widths, soft hyphen), line separators and the Hangul fillers
			// that show nothing: they disguise what a name says
			// ("x\u202excod.exe" shows as "xexe.docx").
			return Finding{Problem: Invisible, Rune: r}
		}
	}
	for elem := range strings.SplitSeq(name, "/") {
		switch {
		case elem == "" || elem == "." || elem == "..":
			return Finding{Problem: Control}
		case strings.HasSuffix(elem, ".") || strings.HasSuffix(elem, " "):
			return Finding{Problem: TrailingDot}
		case ReservedOnWindows(elem):
			return Finding{Problem: Reserved}
		}
	}
	stem, ext := splitExt(path.Base(name))
	if ext == "" {
		return Finding{Problem: NoExtension}
	}
	if active[ext] {
		return Finding{Problem: Active, Ext: ext}
	}
	for s := stem; ; {
		var inner string
		s, inner = splitExt(s)
		if inner == "" {
			break
		}
		if serverSide[inner] {
			return Finding{Problem: Active, Ext: inner}
		}
	}
	if ext == ".gz" {
		// A web server that serves precompressed files (nginx's
		// gzip_static, Caddy's precompressed) answers a request for
		// page.html with page.html.gz, as a web page of the site.
		if inner := Check(stem); inner.Problem == Active {
			return inner
		}
	}
	ctype, ok := inert[ext]
	if !ok {
		return Finding{Problem: Unlisted, Ext: ext}
	}
	return Finding{ContentType: ctype}
}

// ContentType returns the Content-Type of a file that Check allows, by
// its extension; ok is false for any type not on the list.
func ContentType(name string) (ctype string, ok bool) {
	_, ext := splitExt(name)
	ctype, ok = inert[ext]
	return ctype, ok
}

// splitExt splits name into what precedes its last extension and that
// extension in lower case ("" when it has none: "README", ".profile").
func splitExt(name string) (stem, ext string) {
	ext = path.Ext(name)
	if ext == "" || len(ext) == len(name) || ext == "." {
		return name, ""
	}
	return name[:len(name)-len(ext)], strings.ToLower(ext)
}

// ReservedOnWindows reports whether Windows takes name for a device:
// CON, PRN, AUX, NUL, COM0-9 and LPT0-9 (also with superscript digits),
// CONIN$ and CONOUT$, in any case, alone or before an extension
// ("aux.txt", "Com1.tar.gz"), with or without spaces before the dot.
func ReservedOnWindows(name string) bool {
	base, _, _ := strings.Cut(name, ".")
	base = strings.ToUpper(strings.TrimRight(base, " "))
	switch base {
	case "CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$":
		return true
	}
	if len(base) < 4 || base[:3] != "COM" && base[:3] != "LPT" {
		return false
	}
	switch base[3:] {
	case "0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "¹", "²", "³":
		return true
	}
	return false
}

// Extensions returns every extension on the list, sorted.
func Extensions() []string {
	exts := make([]string, 0, len(inert))
	for ext := range inert {
		exts = append(exts, ext)
	}
	slices.Sort(exts)
	return exts
}
