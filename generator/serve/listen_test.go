package serve

import (
	"bytes"
	"errors"
	"ismsgen/internal/sitetest"
	"strings"
	"testing"

	"ismsgen/generator"
	"ismsgen/generator/diag"
)

func TestListen(t *testing.T) {
	for _, tc := range []struct {
		addr    string
		refused string // part of the error
		warning string // part of the warning
	}{
		{"127.0.0.1:0", "", ""},
		{"[::1]:0", "", ""},
		{"localhost:0", "", ""},
		{":0", "would serve the site on every network interface", ""},
		{"0.0.0.0:0", "", "on every network interface"},
		{"127.0.0.1", "write host:port", ""},
	} {
		l, warning, err := Listen(tc.addr)
		if l != nil {
			l.Close()
		}
		var usage *diag.UsageError
		switch {
		case tc.refused != "" && (!errors.As(err, &usage) || !strings.Contains(err.Error(), tc.refused)):
			t.Errorf("%s: error %v, want one with %q", tc.addr, err, tc.refused)
		case tc.refused == "" && err != nil && strings.Contains(err.Error(), "cannot assign requested address"):
			t.Logf("%s: not available here: %v", tc.addr, err)
		case tc.refused == "" && err != nil:
			t.Errorf("%s: %v", tc.addr, err)
		case !strings.Contains(warning.String(), tc.warning) || tc.warning == "" && !warning.IsZero():
			t.Errorf("%s: warning %q, want %q", tc.addr, warning, tc.warning)
		}
	}
}

// The reload script is added by serve to the pages it serves, never to
// what build writes.
func TestBuildHasNoReloadScript(t *testing.T) {
	out := newMemOut()
	if _, err := generator.Run(testOptions(sitetest.Sample(t)).Options, out); err != nil {
		t.Fatal(err)
	}
	if len(out.files) == 0 {
		t.Fatal("nothing was built")
	}
	for key, e := range out.files {
		if bytes.Contains(e.data, []byte("__ismsgen")) {
			t.Errorf("%s mentions __ismsgen", key)
		}
	}
}
