package load

import (
	"errors"
	"io/fs"
	"path/filepath"

	"ismsgen/generator/diag"
	"ismsgen/generator/internal/safefile"
	"ismsgen/generator/model"
)

// Files lists the documents Site would read, relative to root in path
// order, with each page bundle's attachments (by index.md path), without
// reading them. serve uses it with ReadDoc to re-read only what changed.
func Files(root string) ([]string, map[string][]string, diag.List) {
	return walk(root)
}

// ReadDoc reads and parses one document (rel as listed by Files) and its
// attachments exactly as Site does. The document is nil when it could not
// be read or parsed; the diagnostics say why. lang is the site's
// language (see ParseDocumentIn).
func ReadDoc(root, rel string, attachments []string, lang string) (*Doc, diag.List) {
	return readDoc(root, rel, attachments, lang)
}

// Config reads and parses the site's isms.toml; the file is nil when it
// is missing or not valid TOML.
func Config(root string) (*File, diag.List) {
	var diags diag.List
	data, err := safefile.ReadRegular(filepath.Join(root, model.ConfigFile))
	switch {
	case errors.Is(err, safefile.ErrNotAFile):
		NotAFile(&diags, model.ConfigFile)
		return nil, diags
	case errors.Is(err, fs.ErrNotExist):
		diags.Errorf(model.ConfigFile, 0, "create isms.toml in the site folder (at least one [[departments]] entry), or pass --source DIR", "site configuration not found in %s", root)
		return nil, diags
	case err != nil:
		unreadable(&diags, model.ConfigFile, err)
		return nil, diags
	}
	return ParseConfig(model.ConfigFile, data)
}
