//go:build unix

package safefile

import "syscall"

func init() { mkfifo = func(name string) error { return syscall.Mkfifo(name, 0o644) } }
