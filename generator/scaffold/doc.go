// Package scaffold writes new controlled documents for `ismsgen new`: a
// draft whose front matter is filled in as far as it can be (status,
// version 0.1, a first history entry dated today, the first department of
// isms.toml as a placeholder owner) and whose body is a skeleton of the
// sections its type needs, in the site's interface language. The new
// document passes `ismsgen check` as it is.
package scaffold
