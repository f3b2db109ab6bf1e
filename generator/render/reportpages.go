package render

// reportPages lists the document-control report pages (approvals, reviews,
// distribution, owners, training).
func (r *renderer) reportPages() []sitePage { return nil }
