package main

import (
	"fmt"
	"io"
	"os"
	"os/signal"
	"sync/atomic"
	"syscall"
	"time"

	"ismsgen/generator/diag"
	"ismsgen/generator/write"
)

// printDestError explains a --dest the command cannot write to, and what
// to do instead.
func printDestError(stderr io.Writer, c *diag.Catalog, cmd string, e *write.Error) {
	fmt.Fprintf(stderr, "ismsgen %s: %s\n    %s\n", cmd, c.Text(e.Message), c.Sprintf("hint: %s", e.Fix))
}

// stopper removes the output being written when SIGINT or SIGTERM
// arrives, then lets the signal end the program as it would have, so
// that the shell sees it: no temporary folder is left beside --dest.
type stopper struct {
	got  atomic.Bool
	ch   chan os.Signal
	done chan struct{}
}

func catchStop() *stopper {
	s := &stopper{ch: make(chan os.Signal, 1), done: make(chan struct{})}
	for _, sig := range []os.Signal{os.Interrupt, syscall.SIGTERM} {
		if !signal.Ignored(sig) { // as by nohup, or for a job in the background
			signal.Notify(s.ch, sig)
		}
	}
	go func() {
		select {
		case sig := <-s.ch:
			s.got.Store(true)
			write.Interrupt()
			signal.Reset(sig)
			if p, err := os.FindProcess(os.Getpid()); err == nil {
				_ = p.Signal(sig)
			}
			// Where a program cannot signal itself, it ends as a shell
			// reports a program ended by SIGINT.
			time.Sleep(time.Second)
			os.Exit(130)
		case <-s.done:
		}
	}()
	return s
}

// stop ends the catching. When a signal has arrived it does not return:
// the program ends once the output is removed.
func (s *stopper) stop() {
	if s.got.Load() {
		select {}
	}
	signal.Stop(s.ch)
	close(s.done)
}
