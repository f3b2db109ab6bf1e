package generator

import (
	"errors"
	"os"

	"ismsgen/generator/diag"
	"ismsgen/generator/history"
	"ismsgen/generator/load"
	"ismsgen/generator/model"
	"ismsgen/generator/validate"
)

// asOf turns the options of a build --as-of into those of a build of
// the source as it stood at the end of that day: its folder as the day's
// last commit holds it, written into a temporary folder (done removes
// it), its history up to that commit, and --now that day. The output
// stays where the options say, beside the real source.
func asOf(opts Options) (Options, diag.List, func(), error) {
	done := func() {}
	if opts.AsOf.IsZero() {
		return opts, nil, done, nil
	}
	if !opts.Now.IsZero() && opts.Now != opts.AsOf {
		return opts, nil, done, diag.Usagef("--as-of builds the site as of that day, which is its --now: give one of them")
	}
	repo, why, _ := history.OpenWhy(opts.Source)
	if repo == nil {
		return opts, nil, done, diag.Usagef("--as-of %s needs the site's git history: %v", opts.AsOf, why.Why)
	}
	at, commit, err := repo.At(opts.AsOf)
	var dateErr *history.DateError
	if errors.As(err, &dateErr) {
		return opts, nil, done, diag.Usagef("--as-of: %v", dateErr.Text())
	}
	if err != nil {
		return opts, nil, done, err
	}
	ceiling := opts.Classification
	if ceiling == "" {
		ceiling = todaysCeiling(opts.Source)
	}
	dir, err := os.MkdirTemp("", "ismsgen-asof-")
	if err != nil {
		return opts, nil, done, err
	}
	done = func() { os.RemoveAll(dir) }
	leftOut, note, err := at.Checkout(dir)
	if err != nil {
		done()
		return opts, nil, func() {}, err
	}
	if opts.Classification == "" && ceiling != "" {
		if day := dayConfig(dir); day != nil && day.Level(ceiling) < 0 {
			done()
			return opts, nil, func() {}, diag.Usagef("--as-of %s: the site's ceiling today, %q, is not one of its levels that day (%v): name the ceiling with --classification", opts.AsOf, ceiling, day.Levels)
		}
		opts.Classification = ceiling
	}
	opts.Dest = opts.dest() // beside the real source, not in the temporary folder
	today := opts.Source    // the files as they are now
	opts.Source, opts.repo, opts.Now = dir, at, opts.AsOf
	opts.past = &pastDay{day: opts.AsOf, commit: commit}
	for _, p := range leftOut {
		// Their ids, as the files on disk now have them: a link to one,
		// or a parent naming one, is no error of the day.
		if id := load.SalvageID(today, p); id != "" {
			opts.past.leftOut = append(opts.past.leftOut, id)
		}
		opts.past.leftOut = append(opts.past.leftOut, model.FileID(p))
	}
	var d diag.List
	d.Notef("", "", "the site as it stood at the end of %s: commit %s of %s by %s", opts.AsOf, commit.Short(), commit.When.Format("2006-01-02 15:04 -07:00"), commit.Author)
	return opts, append(d, note...), done, nil
}

// todaysCeiling is the ceiling of the site's isms.toml as it is now, or
// "" when it cannot be read. A build as of an earlier day is made for
// today's readers: when isms.toml has lowered its ceiling since, the
// day's ceiling would publish what they may no longer read.
func todaysCeiling(source string) string {
	if cfg := dayConfig(source); cfg != nil {
		return cfg.Classification
	}
	return ""
}

// dayConfig is the valid configuration of the site in dir, or nil.
func dayConfig(dir string) *model.Config {
	file, diags := load.Config(dir)
	if diags.HasErrors() {
		return nil
	}
	cfg, _ := validate.Config(file)
	return cfg
}
