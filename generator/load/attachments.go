package load

import (
	"bytes"
	"net/url"
	"strings"

	"ismsgen/generator/diag"
	"ismsgen/generator/internal/filetype"
)

// skipped warns that the page-bundle file name beside the document f is
// not published, and why: at the first line of the body that names it
// (the link to it, most likely), else at line 1 of f.
func skipped(diags *diag.List, f *File, name string, found filetype.Finding) {
	notPublished(diags, f.Path, mentioned(f, name), name, found)
}

// notPublished warns at file:line that the file name is not published,
// and why.
func notPublished(diags *diag.List, file string, line int, name string, found filetype.Finding) {
	shown := strings.ToValidUTF8(name, "\uFFFD")
	const code = "attachment"
	if found.Problem == filetype.Unlisted && markdownExt[strings.ToLower(found.Ext)] {
		// Jekyll's and others' other names for Markdown: meant as a
		// document, not as a file to download
		diags.Warnf(file, line, code, diag.Msg("rename it to end in .md, with front matter, to publish it as a document: %q", strings.TrimSuffix(shown, found.Ext)+".md"), "%q is not published: it is Markdown, but only files ending in .md are documents, and %s is no type ismsgen publishes as a file", shown, found.Ext)
		return
	}
	switch found.Problem {
	case filetype.NotUTF8:
		diags.Warnf(file, line, code, "rename the file: names must be UTF-8 text", "attachment %q is not published: its name is not UTF-8", shown)
	case filetype.Control:
		diags.Warnf(file, line, code, "rename the file without control characters or backslashes", "attachment %q is not published: its name contains a control character or a backslash", shown)
	case filetype.Invisible:
		diags.Warnf(file, line, code, "rename the file without it: such characters make a name show another type than it has (\"x\\u202Excod.exe\" shows as \"xexe.docx\")", "attachment %q is not published: its name contains the invisible or text-direction character U+%04X", shown, found.Rune)
	case filetype.Reserved:
		diags.Warnf(file, line, code, "rename the file: CON, PRN, AUX, NUL, COM0-9 and LPT0-9 name devices on Windows, with any extension", "attachment %q is not published: its name is reserved on Windows, so the site could not be copied to a Windows share", shown)
	case filetype.TrailingDot:
		diags.Warnf(file, line, code, "rename the file without the dot or space at the end", "attachment %q is not published: Windows drops the dot or space at the end of its name, which makes it %q", shown, strings.TrimRight(shown, ". "))
	case filetype.NoExtension:
		diags.Warnf(file, line, code, "add the extension of its type (.pdf, .docx, .txt, …), or zip it", "attachment %q is not published: without an extension its type is unknown, and a browser may take it for a web page", shown)
	case filetype.Active:
		diags.Warnf(file, line, code, "publish it as PDF, an image or plain text, or zip it if it must be shared as it is", "attachment %q is not published: %s files can run code in a browser, on a web server or on the reader's computer", shown, found.Ext)
	default:
		diags.Warnf(file, line, code, "convert it to one of those types, or zip it", "attachment %q is not published: %s is not one of the types ismsgen publishes (office documents, PDF, images other than SVG, sound and video, archives, plain text and CSV)", shown, found.Ext)
	}
}

// mentioned is the line of f that first names the file name (as it is,
// or percent-encoded as in a link), in the body; 1 when none does.
func mentioned(f *File, name string) int {
	if i := f.nameAt(name); i >= 0 {
		return f.BodyLine + bytes.Count(f.Body[:i], []byte("\n"))
	}
	return 1
}

// Mentions reports whether f's body names the file name, as mentioned
// finds it.
func (f *File) Mentions(name string) bool { return f.nameAt(name) >= 0 }

// nameAt is the offset in f's body where it first names the file name;
// -1 when it does not.
func (f *File) nameAt(name string) int {
	for _, n := range []string{name, url.PathEscape(name), strings.ReplaceAll(name, " ", "%20")} {
		if i := bytes.Index(f.Body, []byte(n)); i >= 0 && n != "" {
			return i
		}
	}
	return -1
}

// markdownExt are the other extensions of Markdown files.
var markdownExt = map[string]bool{".markdown": true, ".mdown": true, ".mkd": true, ".mkdn": true, ".mdwn": true, ".mdtxt": true, ".mdtext": true, ".mdx": true}
