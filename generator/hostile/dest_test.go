//go:build linux

package hostile_test

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
)

// asNobody runs cmd as the user nobody when the test runs as root, and
// reports whether it does; as another user, cmd runs as that user.
func asNobody(t *testing.T, cmd *exec.Cmd) bool {
	t.Helper()
	if os.Geteuid() != 0 {
		return false
	}
	u, err := user.Lookup("nobody")
	if err != nil {
		t.Skipf("running as root, and there is no user nobody: %v", err)
	}
	uid, _ := strconv.Atoi(u.Uid)
	gid, _ := strconv.Atoi(u.Gid)
	cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: uint32(uid), Gid: uint32(gid)}}
	return true
}

// openToOthers lets other users into dir and the folders above it that
// the test made (t.TempDir's are 0700), up to the system's temporary
// folder.
func openToOthers(t *testing.T, dir string) {
	t.Helper()
	top := filepath.Clean(os.TempDir())
	for d := dir; strings.HasPrefix(d, top+string(filepath.Separator)); d = filepath.Dir(d) {
		if err := os.Chmod(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
}

// The output is readable by a web server running as another user:
// folders 0755 and files 0644 less the umask, the output folder itself
// too, whatever mode the temporary folder was made with; and, as root,
// the user nobody reads every file.
func TestOutputModes(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary")
	}
	bin := ismsgenBinary(t)
	files := good()
	files["content/tier3/F-1/index.md"] = strings.Replace(doc("H-F-001", "Form", "", "Form.\n"), "tier = 2", "tier = 3", 1)
	files["content/tier3/F-1/img/form.txt"] = "form\n"
	site := writeSite(t, files)
	for _, umask := range []int{0o022, 0o027, 0o002} {
		dest := filepath.Join(t.TempDir(), "out", "public")
		for range 2 { // a new output, then one that replaces it
			cmd := exec.Command("/bin/sh", "-c", `umask "$1" && exec "$2" build --source "$3" --dest "$4" --now 2026-11-25`, "sh", strconv.FormatInt(int64(umask), 8), bin, site, dest)
			if out, err := cmd.CombinedOutput(); err != nil {
				t.Fatalf("umask %03o: %v\n%s", umask, err, out)
			}
		}
		dirs, files := 0, 0
		err := filepath.WalkDir(dest, func(p string, e fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			info, err := e.Info()
			if err != nil {
				return err
			}
			want := fs.FileMode(0o644 &^ umask)
			if e.IsDir() {
				want, dirs = fs.FileMode(0o755&^umask), dirs+1
			} else {
				files++
			}
			if info.Mode().Perm() != want {
				t.Errorf("umask %03o: %s has mode %v, want %v", umask, p, info.Mode().Perm(), want)
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		if dirs < 4 || files < 10 {
			t.Errorf("umask %03o: only %d folders and %d files", umask, dirs, files)
		}
		if umask != 0o022 {
			continue
		}
		// A web server's user reads every file, the attachment too.
		openToOthers(t, filepath.Dir(dest))
		var stderr bytes.Buffer
		cat := exec.Command("find", dest, "-type", "f", "-exec", "cat", "{}", "+")
		cat.Stderr = &stderr
		if !asNobody(t, cat) {
			t.Log("not root: the modes above are what another user would need")
			continue
		}
		if err := cat.Run(); err != nil || stderr.Len() > 0 {
			t.Errorf("nobody cannot read the output: %v\n%s", err, stderr.String())
		}
	}
}

// A --dest that is a mount point cannot be replaced: it is filled in
// place, build after build, and keeps being the mount point; no
// temporary folder is left in it or beside it. (As root, with a bind
// mount; the fallback when the mount is found only at the swap is
// unit-tested in generator/write.)
func TestDestIsAMountPoint(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary")
	}
	if os.Geteuid() != 0 {
		t.Skip("needs root for a bind mount")
	}
	site := writeSite(t, good())
	dest := filepath.Join(site, "public")
	disk := filepath.Join(t.TempDir(), "disk")
	for _, dir := range []string{dest, disk} {
		if err := os.Mkdir(dir, 0o700); err != nil {
			t.Fatal(err)
		}
	}
	if err := syscall.Mount(disk, dest, "", syscall.MS_BIND, ""); err != nil {
		t.Skipf("cannot bind-mount here: %v", err)
	}
	t.Cleanup(func() {
		if err := syscall.Unmount(dest, 0); err != nil {
			t.Error(err)
		}
	})
	before, err := os.Stat(dest)
	if err != nil {
		t.Fatal(err)
	}
	build := func(want string) {
		t.Helper()
		code, stdout, stderr := runCLI(t, "build", "--source", site, "--now", "2026-11-25")
		if code != 0 {
			t.Fatalf("exit %d\n%s%s", code, stdout, stderr)
		}
		page, err := os.ReadFile(filepath.Join(disk, "docs", "H-P-001", "index.html"))
		if err != nil || !strings.Contains(string(page), want) {
			t.Errorf("the page on the mounted disk lacks %q: %v", want, err)
		}
		if l := append(leftovers(t, dest), leftovers(t, site)...); len(l) > 0 {
			t.Errorf("temporary folders left: %v", l)
		}
	}
	build("Text.")
	writeFile(t, filepath.Join(site, "content/tier2/p.md"), doc("H-P-001", "Procedure", `parent = "H-M-001"`, "## Scope\n\nSecond edition.\n"))
	writeFile(t, filepath.Join(site, "content/tier2/q.md"), doc("H-P-002", "Another", `parent = "H-M-001"`, "Another.\n"))
	build("Second edition.")
	if err := os.Remove(filepath.Join(site, "content/tier2/q.md")); err != nil {
		t.Fatal(err)
	}
	build("Second edition.")
	if _, err := os.Stat(filepath.Join(disk, "docs", "H-P-002")); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("the page of a removed document stays: %v", err)
	}
	after, err := os.Stat(dest)
	if err != nil {
		t.Fatal(err)
	}
	if !os.SameFile(before, after) {
		t.Error("the mount point was replaced")
	}
	if after.Mode().Perm() != 0o755 {
		t.Errorf("the mount point's mode is %v, want 0755", after.Mode().Perm())
	}
}

// A --dest that cannot be written — in a folder the user may not write
// to, below one that cannot be made, below a file — is a usage error
// (exit 2) that says why and what to do, before anything is built; a
// --dest whose parent is closed but which itself is writable is filled in
// place.
func TestDestNotWritable(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary")
	}
	bin := ismsgenBinary(t)
	site := writeSite(t, good())
	root := t.TempDir()
	closed := filepath.Join(root, "closed") // a folder of another user
	open := filepath.Join(closed, "public") // an output inside it, writable
	for _, dir := range []string{closed, open} {
		if err := os.Mkdir(dir, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	writeFile(t, filepath.Join(open, ".ismsgen-output"), "")
	writeFile(t, filepath.Join(root, "file"), "a file")
	openToOthers(t, site)
	openToOthers(t, root)
	openToOthers(t, filepath.Dir(bin))
	root0 := os.Geteuid() == 0
	if root0 {
		u, err := user.Lookup("nobody")
		if err != nil {
			t.Skipf("no user nobody: %v", err)
		}
		uid, _ := strconv.Atoi(u.Uid)
		if err := os.Chown(open, uid, -1); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Chmod(closed, 0o555); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Chmod(closed, 0o755) })
	if !root0 {
		if err := os.Chmod(open, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	before := readTree(t, root)
	for _, tc := range []struct {
		name, dest, want string
	}{
		{"in a closed folder", filepath.Join(closed, "new"), "--dest " + filepath.Join(closed, "new") + " cannot be written: ismsgen may not create files in " + closed + "\n    hint: choose a --dest inside a folder you can write to"},
		{"deep below a closed folder", filepath.Join(closed, "a", "b"), "may not create files in " + closed + "\n    hint: "},
		{"below a file", filepath.Join(root, "file", "public"), "cannot be created: " + filepath.Join(root, "file") + " is a file, not a folder\n    hint: "},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			cmd := exec.Command(bin, "build", "--source", site, "--dest", tc.dest, "--now", "2026-11-25")
			cmd.Stdout, cmd.Stderr = &stdout, &stderr
			if tc.name != "below a file" {
				asNobody(t, cmd) // root may write anywhere
			}
			err := cmd.Run()
			var exit *exec.ExitError
			if !errors.As(err, &exit) || exit.ExitCode() != 2 {
				t.Errorf("exit %v, want 2", err)
			}
			if !strings.HasPrefix(stderr.String(), "ismsgen build: ") || !strings.Contains(stderr.String(), tc.want) {
				t.Errorf("stderr:\n%s\nwant %q", stderr.String(), tc.want)
			}
			sameTree(t, "after the refusal", before, readTree(t, root))
		})
	}
	t.Run("writable output in a closed folder", func(t *testing.T) {
		cmd := exec.Command(bin, "build", "--source", site, "--dest", open, "--now", "2026-11-25")
		asNobody(t, cmd)
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("%v\n%s", err, out)
		}
		if _, err := os.Stat(filepath.Join(open, "docs", "H-P-001", "index.html")); err != nil {
			t.Error(err)
		}
		if l := append(leftovers(t, open), leftovers(t, closed)...); len(l) > 0 {
			t.Errorf("temporary folders left: %v", l)
		}
	})
}
