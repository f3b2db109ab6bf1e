package diag

// UsageError is a problem with how ismsgen was called (a flag, an
// argument, a folder it must not write) rather than with the content.
// The command line reports it in the site's language and exits with its
// usage code.
type UsageError struct{ Text Text }

func (e *UsageError) Error() string { return e.Text.String() }

// In is the error in the language of c.
func (e *UsageError) In(c *Catalog) string { return c.Text(e.Text) }

// Usagef makes a *UsageError from a constant English format.
func Usagef(format string, args ...any) error {
	return &UsageError{Text: Msg(format, args...)}
}
