// Package load is the first stage: it reads isms.toml and every Markdown
// file under content/, splits the TOML front matter from the body, parses
// the TOML into untyped values and records the line of every key, and lists
// the attachments of page bundles (content/.../ID/index.md) with their size
// and SHA-256: the files whose names and types internal/filetype allows,
// the others with a warning. Plain front matter is decoded by decodeSimple,
// the rest by github.com/BurntSushi/toml, into the same untyped values.
//
// It returns a Source for the validate stage and the problems it found
// (unreadable files, missing or unclosed front matter, TOML syntax errors,
// text that is not UTF-8). Symbolic links are never followed, not even a
// file swapped for one while the site is read (internal/safefile).
package load
