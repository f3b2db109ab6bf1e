// Package wholefile reads and writes files in one piece. On Unix it calls
// open, read, write and close itself: os.File registers every file it
// opens with the network poller, which on Linux costs four fcntl calls
// and a failing epoll_ctl per file, more system calls than the reading
// or writing itself. A build of 10,000 documents opens 36,000 files.
// Elsewhere, and when the fast paths are off (ISMSGEN_FAST=0), it uses
// package os.
package wholefile

import "errors"

// ErrTooLarge is returned by Read for a file larger than its limit.
var ErrTooLarge = errors.New("file too large")
