package write

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// CheckPackOut refuses a pack's --out that is not a file it may replace:
// pack renames its zip over the name, so a typo would replace the site's
// isms.toml, a document or a file of .git. The name must end in .zip,
// must not be inside the site's content/, layouts/ or assets/ (the next
// build would publish the pack, made with any --classification) or in a
// .git folder, and a file of that name must be a zip already. The
// hints suggest the name suggested.
func CheckPackOut(source, out, suggested string) error {
	if !strings.EqualFold(filepath.Ext(out), ".zip") {
		return &Error{Kind: OutNotZip, Dest: out,
			Message: text("--out %s is not the name of a .zip file", out),
			Fix:     text("name the pack FILE.zip, such as %s", suggested)}
	}
	src, err := filepath.Abs(source)
	if err != nil {
		return err
	}
	dst, err := filepath.Abs(out)
	if err != nil {
		return err
	}
	src, dst = resolve(src), resolve(dst)
	for _, dir := range []string{"content", "layouts", "assets"} {
		if within(dst, filepath.Join(src, dir)) {
			return &Error{Kind: OutInsideSite, Dest: out,
				Message: text("--out %s is inside the site's content, layouts or assets, where a build would publish it", out),
				Fix:     text("write the pack outside the site's folders, such as %s in the current folder", suggested)}
		}
	}
	if slices.Contains(strings.Split(filepath.ToSlash(dst), "/"), ".git") {
		return &Error{Kind: OutInsideSite, Dest: out,
			Message: text("--out %s is inside a .git folder", out),
			Fix:     text("write the pack outside the site's folders, such as %s in the current folder", suggested)}
	}
	f, err := os.Open(out)
	if err != nil {
		return nil // a new name; a folder that cannot be written to fails when the pack is made
	}
	defer f.Close()
	head := make([]byte, 4)
	_, err = io.ReadFull(f, head)
	if info, serr := f.Stat(); serr == nil && info.Mode().IsRegular() && err == nil &&
		(bytes.Equal(head, []byte("PK\x03\x04")) || bytes.Equal(head, []byte("PK\x05\x06"))) {
		return nil // an earlier pack, or another zip, replaced as asked
	}
	return &Error{Kind: OutNotZip, Dest: out,
		Message: text("--out %s exists and is not a zip file; ismsgen will not replace it", out),
		Fix:     text("choose another name, or remove the file yourself")}
}
