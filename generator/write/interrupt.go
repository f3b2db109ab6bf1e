package write

import (
	"os"
	"sync"
)

// live is every output being written, for Interrupt.
var live = struct {
	sync.Mutex
	txs         map[*Tx]bool
	interrupted bool
}{txs: map[*Tx]bool{}}

func forget(t *Tx) {
	live.Lock()
	delete(live.txs, t)
	live.Unlock()
}

// Interrupt removes the temporary folders of the outputs being written,
// and makes every later Begin fail: for a program that was told to stop
// (SIGINT, SIGTERM), just before it ends. It waits for the file being
// written and for a swap under way, so that --dest is left either as it
// was or complete with the new output, and no temporary folder is left.
func Interrupt() {
	live.Lock()
	defer live.Unlock()
	live.interrupted = true
	for t := range live.txs {
		t.life.Lock()
		if !t.done {
			t.done = true
			_ = os.RemoveAll(t.tmp)
		}
		t.life.Unlock()
	}
}
