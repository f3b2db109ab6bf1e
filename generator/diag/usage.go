package diag

import "fmt"

// UsageError is a problem with how ismsgen was called (a flag, an
// argument, a folder it must not write) rather than with the content.
// The command line reports it and exits with its usage code.
type UsageError struct{ Msg string }

func (e *UsageError) Error() string { return e.Msg }

// Usagef makes a *UsageError.
func Usagef(format string, args ...any) error {
	return &UsageError{Msg: fmt.Sprintf(format, args...)}
}
