package render

// controlPages lists the Annex A control pages and the Statement of
// Applicability.
func (r *renderer) controlPages() []sitePage { return nil }
