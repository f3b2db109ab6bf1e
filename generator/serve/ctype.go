package serve

import (
	"path"
	"strings"

	"ismsgen/generator/internal/filetype"
)

const octetStream = "application/octet-stream"

// siteTypes are the Content-Types of the files a build makes. A fixed
// list, not the system's (mime.TypeByExtension reads /etc/mime.types,
// which differs from one computer to the next).
var siteTypes = map[string]string{
	".html": "text/html; charset=utf-8",
	".css":  "text/css; charset=utf-8",
	".js":   "text/javascript; charset=utf-8",
	".json": "application/json",
	".csv":  "text/csv; charset=utf-8",
	".xml":  "application/xml; charset=utf-8", // feed.xml, sitemap.xml
	".ics":  "text/calendar; charset=utf-8",
	".txt":  "text/plain; charset=utf-8",
}

// contentType is what serve sends for key: for a page, report or asset
// the build made, its type; for an attachment, the type the list of inert
// attachment types gives (the one the build publishes by). Anything else
// — an attachment of a type not on the list, a name without an extension
// — is sent as application/octet-stream, to be downloaded, never
// interpreted (with nosniff, never as HTML).
func contentType(key string, attachment bool) string {
	name := path.Base(key)
	if !attachment {
		if t, ok := siteTypes[strings.ToLower(path.Ext(name))]; ok {
			return t
		}
	}
	if filetype.Check(name).Problem == filetype.OK {
		if t, ok := filetype.ContentType(name); ok {
			return t
		}
	}
	return octetStream
}
