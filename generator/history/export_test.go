package history

// SetPerReader sets the fewest texts worth a reader of their own, for a
// test, and returns what restores it.
func SetPerReader(n int) (restore func()) {
	old := perReader
	perReader = n
	return func() { perReader = old }
}

// Readers is how many readers of texts (git processes) h started.
func (h *History) Readers() int {
	h.mu.Lock()
	defer h.mu.Unlock()
	return 1 + len(h.extra)
}
