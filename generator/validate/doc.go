// Package validate is the second stage: it turns the untyped front matter
// that load produced into typed model values and checks every rule of the
// document format — known keys, required keys, value types, real dates, id
// syntax and uniqueness (ignoring case), known departments, classification
// levels, Annex A controls and clauses, parents without cycles, supersedes
// and related targets, training links and the Statement of Applicability.
//
// Every problem becomes a diagnostic at the line of the offending key, with
// a hint; a document with errors is still checked completely so that one
// run reports everything.
package validate
