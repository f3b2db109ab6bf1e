// Package model holds the typed values that flow through the pipeline: the
// site configuration, documents with their source positions, dates and
// review cycles, and the cross-reference graph that the link stage fills in.
//
// Every later stage (reports, search, render, serve) reads these types; none
// of them re-parses front matter.
package model
