package generator

import (
	"errors"
	"os"

	"ismsgen/generator/diag"
	"ismsgen/generator/history"
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
	repo, notes := history.Open(opts.Source)
	if repo == nil {
		msg := diag.Msg("git cannot read the site's history")
		if len(notes) > 0 {
			msg = notes[0].Text()
		}
		return opts, nil, done, diag.Usagef("--as-of %s needs the site's git history: %s", opts.AsOf, msg)
	}
	at, commit, err := repo.At(opts.AsOf)
	var dateErr *history.DateError
	if errors.As(err, &dateErr) {
		return opts, nil, done, diag.Usagef("--as-of: %v", dateErr.Text())
	}
	if err != nil {
		return opts, nil, done, err
	}
	dir, err := os.MkdirTemp("", "ismsgen-asof-")
	if err != nil {
		return opts, nil, done, err
	}
	done = func() { os.RemoveAll(dir) }
	if err := at.Checkout(dir); err != nil {
		done()
		return opts, nil, func() {}, err
	}
	opts.Dest = opts.dest() // beside the real source, not in the temporary folder
	opts.Source, opts.repo, opts.Now = dir, at, opts.AsOf
	var d diag.List
	d.Notef("", "", "the site as it stood at the end of %s: commit %s of %s by %s", opts.AsOf, commit.Short(), commit.When.Format("2006-01-02 15:04 -07:00"), commit.Author)
	return opts, d, done, nil
}
