package history

import (
	"strings"
	"testing"
)

// A Git LFS pointer is read only with an oid of 64 lowercase hex digits
// and a size that is a number: an oid that would name a file elsewhere
// than in the store (a path, another length, uppercase) or a pointer of
// another kind is a file like any other.
func TestLFSPointerHostile(t *testing.T) {
	const sum = "4d7a214614ab2935c943f9e0ff69d22eadbb8f32b1258daaa5e2ca24d17e2393"
	ptr := func(oid, size string) string {
		return "version https://git-lfs.github.com/spec/v1\noid sha256:" + oid + "\nsize " + size + "\n"
	}
	for _, tc := range []struct {
		text string
		ok   bool
	}{
		{ptr(sum, "48213"), true},
		{ptr(sum, "9223372036854775807"), true}, // read only when the store's file has that size
		{ptr("../../../../etc/passwd", "1"), false},
		{ptr("../../"+sum[6:], "1"), false},
		{ptr(strings.ToUpper(sum), "1"), false},
		{ptr(sum[:62], "1"), false},
		{ptr(sum+"00", "1"), false},
		{ptr(sum, "-1"), false},
		{ptr(sum, "1e9"), false},
		{ptr(sum, "99999999999999999999"), false},
		{strings.Replace(ptr(sum, "1"), "sha256", "sha512", 1), false},
		{strings.Replace(ptr(sum, "1"), "git-lfs.github.com", "evil.example", 1), false},
		{ptr(sum, "1") + strings.Repeat("x", 1024), false},
	} {
		oid, _, ok := lfsPointer([]byte(tc.text))
		if ok != tc.ok || ok && oid != sum {
			t.Errorf("%q: oid %q, %v; want %v", tc.text, oid, ok, tc.ok)
		}
	}
}
