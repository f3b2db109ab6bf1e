package serve

import (
	"io/fs"
	"path/filepath"

	"ismsgen/generator"
	"ismsgen/generator/assets"
	"ismsgen/generator/diag"
	"ismsgen/generator/i18n"
	"ismsgen/generator/internal/overlay"
	"ismsgen/generator/load"
	"ismsgen/generator/model"
	"ismsgen/generator/render"
	"ismsgen/generator/validate"
)

// globals are the inputs of every page: a change to any of them rebuilds
// everything.
type globals struct {
	now     model.Date
	cfg     *model.Config // nil when isms.toml is missing or unusable
	strings *i18n.Strings
	bundle  *assets.Bundle // nil when the assets have errors
	layouts fs.FS
	// renderer holds the parsed layouts, made by the first rebuild that
	// gets as far as rendering.
	renderer *render.Renderer
}

// loadGlobals reads isms.toml, the interface strings, the assets and the
// layouts as Build does.
func loadGlobals(opts generator.Options, now model.Date) (*globals, diag.List) {
	g := &globals{now: now}
	f, diags := load.Config(opts.Source)
	if f == nil {
		return g, diags
	}
	cfg, d := validate.Config(f)
	diags.Add(d...)
	if cfg == nil {
		return g, diags
	}
	if opts.BaseURL != "" {
		cfg.BaseURL = opts.BaseURL
	}
	if opts.Classification != "" && cfg.Level(opts.Classification) < 0 {
		diags.Errorf(model.ConfigFile, 0, "add the level to classification_levels, or restart serve with another --classification", "--classification %q is not one of the levels in isms.toml: %v", opts.Classification, cfg.Levels)
	}
	strings, err := i18n.Load(opts.Defaults.I18n, cfg.Language)
	if err != nil {
		diags.Errorf(model.ConfigFile, f.Lines.Line("language"), "", "%v", err)
		return g, diags
	}
	bundle, d := assets.Build(overlay.New(filepath.Join(opts.Source, "assets"), opts.Defaults.Assets))
	diags.Add(d...)
	if d.HasErrors() {
		bundle = nil
	}
	g.cfg, g.strings, g.bundle = cfg, strings, bundle
	g.layouts = overlay.New(filepath.Join(opts.Source, "layouts"), opts.Defaults.Layouts)
	return g, diags
}
