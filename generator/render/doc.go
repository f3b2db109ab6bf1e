// Package render turns the linked site into HTML pages: each document's
// body (goldmark, with id links resolved in the syntax tree, code blocks
// highlighted by chroma with CSS classes, raw HTML off) and every page of
// the site through html/template layouts, the site's own layouts/ over the
// embedded defaults file by file. Pages are handed to an emit function as
// they are made, so the whole site is never held in memory.
package render
