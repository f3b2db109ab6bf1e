package history

import (
	"errors"
	"testing"
)

// A failed git command is told by its fatal line, not by a warning
// printed before it.
func TestGitErrorNamesTheFatalLine(t *testing.T) {
	for _, tc := range []struct{ msg, want string }{
		{"warning: lazy fetching disabled; some objects may not be available\nfatal: could not fetch 06abc2 from promisor remote",
			"git log: fatal: could not fetch 06abc2 from promisor remote"},
		{"hint: one\nerror: bad object HEAD\nfatal: later", "git log: error: bad object HEAD"},
		{"fatal: not a git repository\nmore", "git log: fatal: not a git repository"},
		{"", "git log: exit status 128"},
	} {
		err := &gitError{args: []string{"log"}, msg: tc.msg, err: errors.New("exit status 128")}
		if got := err.Error(); got != tc.want {
			t.Errorf("%q: %q, want %q", tc.msg, got, tc.want)
		}
	}
}
