package model

import "strings"

// Files is what content/ holds besides the documents and their page
// bundles' attachments, for the links between files: the files in no
// bundle and the folders.
type Files struct {
	// Loose are the files in no page bundle that may be published, by
	// path; Name is the path below content/. A build publishes those
	// that published documents link to, at LooseURL.
	Loose []Attachment
	// Unpublishable are the paths of the files in no page bundle that
	// are never published (load warned why), sorted.
	Unpublishable []string
	// Withheld are the paths of the page bundles' files that a document
	// shown from git names but the draft changed (see generator.InForce),
	// sorted: a link to one is its text, as the note at the draft says.
	Withheld []string
	// Dirs are the folders below content/, relative to the source, sorted.
	Dirs []string
	// Skipped are the folders below content/ that are not read (names
	// starting with '.' or '_'), relative to the source, sorted.
	Skipped []string
	// Markdown are the paths of every Markdown file, sorted: those that
	// are not documents could not be read (each has an error of its own).
	Markdown []string
}

// LooseURL is the link to a file in no page bundle from the site root:
// it is published at files/ and its path below content/ (Name).
func LooseURL(a *Attachment) string { return "files/" + EscapePath(a.Name) }

// ContentPath reports whether p, relative to the source, is content/ or
// below it.
func ContentPath(p string) bool { return p == "content" || strings.HasPrefix(p, "content/") }
