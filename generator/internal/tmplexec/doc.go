// Package tmplexec executes html/template templates that html/template has
// already escaped, faster than html/template executes them: it compiles
// each template once into closures, which settle what does not depend on
// the data (the function a name calls and its parameters' types, the
// constants given for them, the escapers that end an action, the text
// between actions) before the first execution; it looks up a struct
// field or method once per type where it is used instead of by name on
// every use, calls html/template's escapers and the common shapes of
// template functions directly instead of through reflection, passes
// plain strings from those functions to the escapers without boxing
// them, and allocates little.
//
// It executes a subset of the template language: everything but break,
// continue, range over maps, channels, integers and functions, and the
// builtins other than and, or, not, eq, ne, len and printf. Where a
// template or its data needs more, or execution would fail, Execute
// returns a *Fallback (which template, and why) and writes output that
// the caller must discard; the caller then executes the template with
// html/template, which writes the same page or reports the error in its
// own words. Execute therefore never has to match html/template's
// errors, only its output.
//
// The templates must use the default missingkey option. The escaped trees
// must not change while they are executed.
package tmplexec
