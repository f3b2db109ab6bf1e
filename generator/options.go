package generator

import (
	"io/fs"
	"path/filepath"

	"ismsgen/generator/diag"
	"ismsgen/generator/history"
	"ismsgen/generator/model"
	"ismsgen/generator/reports"
)

// Defaults are the embedded layouts, assets and interface strings.
type Defaults struct {
	Layouts fs.FS
	Assets  fs.FS
	I18n    fs.FS
}

// Options are the command-line settings of a build or check.
type Options struct {
	Source         string
	Dest           string // "" = <Source>/public
	Drafts         bool
	Now            model.Date
	Classification string // "" = the site's ceiling
	BaseURL        string // "" = from isms.toml
	Defaults       Defaults

	// AsOf builds the site as it stood at the end of that day, from git
	// (see history.Repo.At); it is --now too.
	AsOf model.Date
	// NoHistory builds without reading the documents' history from git
	// (earlier versions, changes, tombstones), as outside git.
	NoHistory bool
	repo      *history.Repo // the repository at the commit of --as-of
	past      *pastDay      // the day and commit of --as-of

	// FitMemory tunes the Go collector for a build that is the process's
	// only work (see memory.go). The command sets it; a program that
	// builds sites as a part of its work decides for itself.
	FitMemory bool
}

// dest is the output folder the options name.
func (o Options) dest() string {
	if o.Dest == "" {
		return filepath.Join(o.Source, "public")
	}
	return o.Dest
}

// Result is what a build or a check found.
type Result struct {
	// Site is the published site, nil when there are errors. After a
	// build its documents have no Body and no Lines: the build lets them
	// go to keep large sites small in memory.
	Site        *model.Site
	Reports     *reports.Data
	Diagnostics diag.List // sorted; the errors, when there are any, and the warnings
	Pages       int       // written by a build
	Files       int
	InForce     int // the documents in force in a pack (see Pack)
}
