// Package ismsgen embeds the default layouts, assets and interface strings,
// so that an installed ismsgen builds any folder that holds only isms.toml
// and content/. The generator itself is in generator/, the command in
// cmd/ismsgen.
package ismsgen

import (
	"embed"
	"io/fs"
)

//go:embed layouts assets i18n
var files embed.FS

// Layouts are the default html/template layouts.
func Layouts() fs.FS { return sub("layouts") }

// Assets are the default CSS and TypeScript sources.
func Assets() fs.FS { return sub("assets") }

// I18n are the interface strings, one TOML file per language.
func I18n() fs.FS { return sub("i18n") }

func sub(dir string) fs.FS {
	f, err := fs.Sub(files, dir)
	if err != nil {
		panic(err) // the folders are embedded above; this cannot happen
	}
	return f
}
