package generator

import (
	"strings"

	"ismsgen/generator/assets"
	"ismsgen/generator/diag"
	"ismsgen/generator/history"
	"ismsgen/generator/model"
	"ismsgen/generator/reports"
)

// maxLayoutRounds is how many times layoutRunErrors links the documents
// again without those the last link found errors in.
const maxLayoutRounds = 3

// layoutRunErrors is the errors of running the site's own layouts, found
// while the content has errors (diags): the pages of the documents
// without errors are made and thrown away. A layout that shows a field
// its data does not have fails only when it runs, and its author would
// otherwise learn of it only once every content error is fixed. The
// documents with errors are left out, so that their faults are not
// reported again as the layouts'; so is the whole run when a layout or
// isms.toml has errors of its own, or the documents never link without
// errors.
func layoutRunErrors(opts Options, cfg *model.Config, docs *Documents, hist *history.History, th *Theme, bundle *assets.Bundle, diags diag.List) diag.List {
	if cfg == nil || th == nil || !ownLayouts(opts.Source) {
		return nil
	}
	bad := map[string]bool{}
	for _, d := range diags.Errors() {
		if d.File == "layouts" || strings.HasPrefix(d.File, "layouts/") || d.File == model.ConfigFile {
			return nil
		}
		bad[d.File] = true
	}
	for range maxLayoutRounds {
		var kept []Converted
		failed := docs.Failed
		for _, c := range docs.Converted {
			if bad[c.Doc.Path] {
				failed = append(failed, c.Doc.ID, model.FileID(c.Doc.Path))
			} else {
				kept = append(kept, c)
			}
		}
		site, linked := Link(opts, cfg, kept, &docs.Files, failed...)
		if site == nil {
			more := false
			for _, d := range linked.Errors() {
				more = more || !bad[d.File]
				bad[d.File] = true
			}
			if !more {
				return nil
			}
			continue
		}
		theme := *th
		theme.Assets = bundle
		if theme.Assets == nil {
			theme.Assets = &assets.Bundle{}
		}
		found, _ := Publish(site, reports.Compute(site), &theme, docs, hist, discard{})
		var run diag.List
		for _, d := range found.Errors() {
			if strings.HasPrefix(d.File, "layouts/") {
				run.Add(d)
			}
		}
		return run
	}
	return nil
}
