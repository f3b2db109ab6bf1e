package scaffold

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"

	"ismsgen/generator/diag"
	"ismsgen/generator/load"
	"ismsgen/generator/model"
	"ismsgen/generator/validate"
)

// Options say what to create.
type Options struct {
	Source string // the site folder
	Tier   int    // 1, 2 or 3
	ID     string
	Title  string
	Type   string     // "" = by tier: 1 policy, 2 procedure, 3 form
	Today  model.Date // the date of the first history entry
}

// ConfigError is returned when isms.toml cannot be used; its diagnostics
// say why.
type ConfigError struct{ Diagnostics diag.List }

func (e *ConfigError) Error() string {
	return fmt.Sprintf("isms.toml has %d error(s)", len(e.Diagnostics.Errors()))
}

// DefaultType is the type of a new document of a tier.
func DefaultType(tier int) string {
	return [...]string{"", model.TypePolicy, model.TypeProcedure, model.TypeForm}[tier]
}

// New writes the document to content/tier<N>/<id>.md and returns its
// path (Source joined with it). Bad options, an id that a document has
// already (ignoring case) and an existing file are *diag.UsageError;
// nothing is ever overwritten.
func New(opts Options) (string, error) {
	if err := check(&opts); err != nil {
		return "", err
	}
	f, diags := load.Config(opts.Source)
	var cfg *model.Config
	if f != nil {
		var d diag.List
		cfg, d = validate.Config(f)
		diags.Add(d...)
	}
	if cfg == nil || diags.HasErrors() {
		diags.Sort()
		return "", &ConfigError{Diagnostics: diags}
	}
	soas, err := existing(opts)
	if err != nil {
		return "", err
	}
	rel := path.Join(load.ContentDir, fmt.Sprintf("tier%d", opts.Tier), opts.ID+".md")
	full := filepath.Join(opts.Source, filepath.FromSlash(rel))
	if taken := sameName(full); taken != "" {
		return "", usage("%s already exists; ismsgen new never overwrites a file", path.Join(path.Dir(rel), taken))
	}
	if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
		return "", err
	}
	out, err := os.OpenFile(full, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if errors.Is(err, fs.ErrExist) {
		return "", usage("%s already exists; ismsgen new never overwrites a file", rel)
	}
	if err != nil {
		return "", err
	}
	_, err = out.Write(document(opts, cfg, soas))
	if cerr := out.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(full)
		return "", err
	}
	return full, nil
}

// sameName returns the name of a file in full's folder whose name is
// full's ignoring case (the same file on Windows and macOS), or "".
func sameName(full string) string {
	entries, _ := os.ReadDir(filepath.Dir(full))
	for _, e := range entries {
		if strings.EqualFold(e.Name(), filepath.Base(full)) {
			return e.Name()
		}
	}
	return ""
}

func usage(format string, args ...any) error {
	return diag.Usagef(format, args...)
}

// check validates the options and fills in the type.
func check(opts *Options) error {
	opts.Title = strings.TrimSpace(opts.Title)
	switch {
	case opts.Tier < 1 || opts.Tier > 3:
		return usage("--tier must be 1, 2 or 3 (1: manual and top policy, 2: procedures and policies, 3: records and forms)")
	case opts.ID == "":
		return usage("--id is required, e.g. --id ISMS-P-020")
	case !validate.CheckID(opts.ID).IsZero():
		return usage("--id: %s", validate.CheckID(opts.ID))
	case opts.Title == "":
		return usage("--title is required, e.g. --title \"Incident management procedure\"")
	case strings.ContainsAny(opts.Title, "\n\r"):
		return usage("--title must be one line")
	}
	if opts.Type == "" {
		opts.Type = DefaultType(opts.Tier)
	}
	if !slices.Contains(model.Types, opts.Type) {
		if m := validate.MeantType(opts.Type); m != "" {
			return usage("--type %q is not a document type; did you mean --type %s? Use one of %s", opts.Type, m, strings.Join(model.Types, ", "))
		}
		return usage("--type %q is not a document type; use one of %s", opts.Type, strings.Join(model.Types, ", "))
	}
	return nil
}

// existing refuses an id that a document has already, ignoring case, and
// returns the ids of the current Statements of Applicability (a new one
// supersedes them).
func existing(opts Options) ([]string, error) {
	paths, _, _ := load.Files(opts.Source)
	var soas []string
	for _, p := range paths {
		d, _ := load.ReadDoc(opts.Source, p, nil, "")
		if d == nil {
			continue
		}
		id, _ := d.Meta["id"].(string)
		id = strings.TrimSpace(id)
		if model.FoldID(id) == model.FoldID(opts.ID) {
			return nil, usage("id %q exists already: %s:%d has id %q (ids are compared ignoring case); choose another", opts.ID, d.Path, d.Lines.Line("id"), id)
		}
		typ, _ := d.Meta["type"].(string)
		status, _ := d.Meta["status"].(string)
		if typ == model.TypeSoA && status != model.StatusObsolete && id != "" {
			soas = append(soas, id)
		}
	}
	return soas, nil
}
