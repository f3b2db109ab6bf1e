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
			v.Style, v.StyleHash = inlineStyle(f.Data, "")
		}
	}
	return v
}

// inlineStyle makes css a whole <style> element (for media, when set)
// and the hash that a Content-Security-Policy names to allow it. The
// element is written whole, so that the style is written exactly as it
// was hashed; css must hold no "<" (cssString escapes it).
func inlineStyle(css []byte, media string) (template.HTML, string) {
	sum := sha256.Sum256(css)
	open := "<style>"
	if media != "" {
		open = `<style media="` + media + `">`
	}
	return template.HTML(open + string(css) + "</style>"), "sha256-" + base64.StdEncoding.EncodeToString(sum[:])
}
