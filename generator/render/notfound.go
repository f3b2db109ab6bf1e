package render

import (
	"crypto/sha256"
	"encoding/base64"
	"html/template"
)

// NotFoundView is the data of 404.html. A web server sends that page for
// a missing path at any depth (/isms/docs/NOPE/), where every relative
// link of the page would miss: so its style is inline, allowed by its
// hash in the page's Content-Security-Policy, and its links home and to
// the search go by base_url, the one address that works from anywhere.
// Without a base_url they are relative, right for a missing file in the
// site's root folder.
type NotFoundView struct {
	Home, Search string
	Style        template.HTML // the site's stylesheet in a <style> element
	StyleHash    string        // "sha256-…" of the stylesheet, for the policy
}

func (r *renderer) notFound() *NotFoundView {
	v := &NotFoundView{Home: "./", Search: "search/"}
	if base := r.in.Site.Config.BaseURL; base != "" {
		v.Home, v.Search = base, base+"search/"
	}
	if r.in.Assets == nil {
		return v
	}
	for _, f := range r.in.Assets.Files {
		if f.Path == r.in.Assets.CSS {
			sum := sha256.Sum256(f.Data)
			// Whole, so that the stylesheet is written as it is hashed.
			v.Style = template.HTML("<style>" + string(f.Data) + "</style>")
			v.StyleHash = "sha256-" + base64.StdEncoding.EncodeToString(sum[:])
		}
	}
	return v
}
