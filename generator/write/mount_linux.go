package write

import (
	"path/filepath"

	"golang.org/x/sys/unix"
)

// isMountPoint reports whether dir is the root of a mounted file system
// (a bind mount too): such a folder cannot be renamed or replaced.
func isMountPoint(dir string) bool {
	var st unix.Statx_t
	if err := unix.Statx(unix.AT_FDCWD, dir, unix.AT_SYMLINK_NOFOLLOW, unix.STATX_BASIC_STATS, &st); err != nil {
		return false
	}
	if st.Attributes_mask&unix.STATX_ATTR_MOUNT_ROOT != 0 {
		return st.Attributes&unix.STATX_ATTR_MOUNT_ROOT != 0
	}
	// Before Linux 5.8: another device than the parent's. A bind mount
	// of the same file system goes unnoticed; Commit's fallback fills it.
	var parent unix.Statx_t
	if err := unix.Statx(unix.AT_FDCWD, filepath.Dir(dir), 0, unix.STATX_BASIC_STATS, &parent); err != nil {
		return false
	}
	return st.Dev_major != parent.Dev_major || st.Dev_minor != parent.Dev_minor
}
