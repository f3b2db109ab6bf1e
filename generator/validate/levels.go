package validate

import (
	"fmt"
	"strings"

	"ismsgen/generator/diag"
	"ismsgen/generator/model"
)

// unknownLevel is the error of a document whose classification is no
// level of isms.toml.
const unknownLevel = "unknown classification level %q"

// shownPlaces is how many documents an error about many names.
const shownPlaces = 3

// UnknownLevels gathers the errors of documents classified with a level
// isms.toml does not have, when several documents use the level: a level
// renamed in classification_levels (or taken out) made one error a
// document, where one change mends them all. Such a level is one error at
// classification_levels that counts the documents and names the first;
// a level of one document stays that document's error (a typo there).
// The rest of diags is kept in its order.
func UnknownLevels(cfg *model.Config, diags diag.List) diag.List {
	if cfg == nil {
		return diags
	}
	uses := map[string][]diag.Diagnostic{}
	var order []string
	for _, d := range diags {
		if level, ok := unknownLevelOf(d); ok {
			if uses[level] == nil {
				order = append(order, level)
			}
			uses[level] = append(uses[level], d)
		}
	}
	var out diag.List
	for _, d := range diags {
		if level, ok := unknownLevelOf(d); !ok || len(uses[level]) < 2 {
			out = append(out, d)
		}
	}
	for _, level := range order {
		docs := uses[level]
		if len(docs) < 2 {
			continue
		}
		var places []any
		for _, d := range docs[:min(len(docs), shownPlaces)] {
			places = append(places, fmt.Sprintf("%s:%d", d.File, d.Line))
		}
		if more := len(docs) - shownPlaces; more > 0 {
			places = append(places, diag.Msg("%d more", more))
		}
		hint := diag.Msg("if the level was renamed here, change the classification of those documents to its new name; else add %q to classification_levels", level)
		if m := meant(levelWords, level); m != "" && contains(cfg.Levels, m) {
			hint = diag.Msg("did you mean %q? write classification = %q in those documents, or add %q to classification_levels", m, m, level)
		}
		out.Errorf(model.ConfigFile, cfg.LevelsLine, hint,
			"%d documents are classified %q, which is not one of the classification levels (%s): %s", len(docs), level, strings.Join(cfg.Levels, ", "), diag.Join{Items: places})
	}
	return out
}

// unknownLevelOf is the level of a document's unknown-level error.
func unknownLevelOf(d diag.Diagnostic) (string, bool) {
	t := d.Text()
	if d.Severity != diag.Error || d.File == model.ConfigFile || t.Format != unknownLevel || len(t.Args) != 1 {
		return "", false
	}
	return fmt.Sprint(t.Args[0]), true
}
