//go:build !linux

package write

import "errors"

func exchangePaths(a, b string) error { return errors.ErrUnsupported }
