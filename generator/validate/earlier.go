package validate

import (
	"ismsgen/generator/diag"
	"ismsgen/generator/load"
	"ismsgen/generator/model"
)

// Shown converts only the fields of a document's front matter that the
// page of an earlier version shows (ShownFields): the same values
// Document gives them, without the checks, the other fields and the
// diagnostics, which such a page has no use for. A build converts
// thousands of earlier texts.
func Shown(cfg *model.Config, src *load.Doc) *model.Document {
	var diags diag.List // of no use: the same values come out with errors or without
	d := &model.Document{Path: src.Path}
	r := &fields{path: src.Path, meta: src.Meta, line: noLine, diags: &diags}

	d.ID = r.str("id", false)
	d.Title = r.str("title", false)
	if tier, ok := r.integer("tier"); ok && tier >= 1 && tier <= 3 {
		d.Tier = tier
	}
	if d.Type = r.str("type", false); d.Type == "" {
		d.Type = model.TierType(d.Tier)
	}
	d.Status = r.str("status", false)
	if !contains(model.Statuses, d.Status) {
		d.Status = model.StatusDraft
	}
	d.Owners = departments(r, cfg, "owners", false)
	d.Author = r.str("author", false)
	d.Reviewer = r.str("reviewer", false)
	d.Approver = r.str("approver", false)
	d.Approved = r.date("approved")
	d.Effective = r.date("effective")
	if d.Effective.IsZero() {
		d.Effective = d.Approved
	}
	d.Classification, _ = classification(cfg, r.str("classification", false))
	return d
}

// ShownKeys are the keys of the front matter that Shown reads: the
// values of the others need not be decoded (load.ParseFrontMatterOf).
var ShownKeys = map[string]bool{"id": true, "title": true, "tier": true, "type": true, "status": true, "owners": true, "author": true,
	"reviewer": true, "approver": true, "approved": true, "effective": true, "classification": true}

// ShownFields are the fields of a model.Document that Shown fills in,
// by name (for the tests that hold Shown to Document).
var ShownFields = []string{"Path", "ID", "Title", "Tier", "Type", "Status", "Owners", "Author", "Reviewer", "Approver", "Approved", "Effective", "Classification"}

func noLine(string) int { return 0 }
