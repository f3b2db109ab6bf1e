// Package catalog is the reference data of ISO/IEC 27001:2022 that the
// other stages check documents against: the 93 Annex A controls (with
// English and Chinese names), the 2013 → 2022 control mapping used to
// explain outdated ids, the clauses 4–10 and the documented information
// those clauses make mandatory.
//
// The data are TOML files embedded in the binary and decoded once, on first
// use. ParseControl and ParseClause turn front-matter references into
// canonical ids or a RefError whose Hint says how to fix the reference;
// Requirements and Requirement.Fulfils drive the coverage check of the
// mandatory documented information.
//
// The Chinese control names are only partly checked against GB/T
// 22081-2024: Control.TitleZHVerified says which ones were.
package catalog
