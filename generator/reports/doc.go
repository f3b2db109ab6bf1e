// Package reports computes what document controllers act on — the review
// state of every document subject to review, approval status, distribution
// and withdrawal, owners' to-do lists, training — from the linked site and
// --now, and writes the machine-readable files (documents.json,
// reviews.json, CSV, iCalendar, Atom, sitemap).
//
// The rules for which documents count are those of docs/format.md, "What
// the reports count".
package reports
