package serve

import (
	"ismsgen/generator"
	"ismsgen/generator/diag"
	"ismsgen/generator/model"
	"ismsgen/generator/render"
)

// globals are the inputs of every page: a change to any of them rebuilds
// everything.
type globals struct {
	now   model.Date
	cfg   *model.Config    // nil when isms.toml is missing or unusable
	theme *generator.Theme // nil when the layouts or the assets have errors
	// renderer holds the parsed layouts, made by the first rebuild that
	// gets as far as rendering.
	renderer *render.Renderer
}

// loadGlobals reads isms.toml, the interface strings, the assets and the
// layouts with the stages a build runs. A flag that does not fit the
// site (a usage error when serve starts) is an error in isms.toml here:
// the file was changed since.
func loadGlobals(opts generator.Options, now model.Date) (*globals, diag.List) {
	g := &globals{now: now}
	cfg, diags, err := generator.Config(opts)
	if err != nil {
		diags.Errorf(model.ConfigFile, 0, "add the level to classification_levels, or restart serve with another --classification", "%v", err)
		return g, diags
	}
	if cfg == nil {
		return g, diags
	}
	g.cfg = cfg
	theme, d := generator.Layouts(opts, cfg)
	diags.Add(d...)
	bundle, d := generator.Assets(opts)
	diags.Add(d...)
	if theme != nil && !d.HasErrors() {
		theme.Assets = bundle
		g.theme = theme
	}
	return g, diags
}
