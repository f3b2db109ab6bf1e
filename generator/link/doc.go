// Package link is the third stage: it decides which documents this build
// publishes (classification ceiling, drafts), resolves every id link in
// every body — [text](ID), [](ID), ID#fragment — and builds the graph that
// pages and reports show: parent and children, links out and in,
// supersedes and superseded-by, related documents.
//
// A link to an id that does not exist is an error at its line. A link to a
// document this build leaves out is not: check warns about it, and render
// shows the link's text without a URL or title.
package link
