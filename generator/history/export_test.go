package history

// SetPerReader sets the fewest texts worth a reader of their own, for a
// test, and returns what restores it.
func SetPerReader(n int) (restore func()) {
	old := perReader
	perReader = n
	return func() { perReader = old }
}

// Readers is the most readers of texts (git processes) a reading of h
// was shared among, and how many are still open.
func (h *History) Readers() (most, open int) {
	h.mu.Lock()
	defer h.mu.Unlock()
	return h.most, 1 + len(h.extra)
}

// SetReadAhead sets whether Read reads the walks' texts ahead, for a
// test, and returns what restores it.
func SetReadAhead(on bool) (restore func()) {
	old := readingAhead
	readingAhead = on
	return func() { readingAhead = old }
}

// LooseTexts is how many of the texts read ahead were read from loose
// objects rather than by git.
func (h *History) LooseTexts() int {
	h.mu.Lock()
	defer h.mu.Unlock()
	return h.loose
}
