// Package serve is the development server behind `ismsgen serve`: it
// builds the site into memory (never into public/), serves it over HTTP,
// watches isms.toml, content/, layouts/ and assets/, rebuilds what a
// change affects and tells open pages to reload.
//
// A Server keeps the last good state of every stage: each file as loaded,
// converted and scanned for links; each page as bytes. A change to a
// document re-reads only that file, runs the cheap whole-site steps again
// (id uniqueness, link resolution, reports) and re-renders only the pages
// whose inputs changed — the document, the documents it links to or that
// link to it, its parent and children — before telling the browser. The
// list and report pages, the search index and the machine-readable files
// follow in the background. A change to isms.toml, layouts/ or assets/
// rebuilds everything.
//
// Pages reload themselves through a small script that serve adds to the
// HTML it serves, /__ismsgen/reload.js, which listens to the Server-Sent
// Events of /__ismsgen/events. When a rebuild fails the last good site
// keeps being served and open pages show every error in an overlay until
// the content is fixed; /__ismsgen/errors returns the same errors as JSON.
// The warnings of the last good rebuild are behind a button on each page
// (its document's, from /__ismsgen/warnings?page=) and listed on
// /__ismsgen/warnings/. The browser learns nothing there of a document
// serve leaves out: an error in its file, or an error or warning naming
// it, is a neutral line; a warning in its file is neither listed nor
// counted (the log has them all).
//
// Serve answers only requests whose Host header names the address it
// listens on (localhost too, for loopback), 421 to others, so that a page
// of another site cannot read the intranet's through DNS rebinding. Only
// files of the site are served, each with an explicit Content-Type from a
// fixed list (attachments by the list the build publishes them by) and
// X-Content-Type-Options: nosniff.
package serve
