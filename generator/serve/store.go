package serve

import (
	"bytes"
	"ismsgen/generator/model"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
)

// entry is one file of the served site: its bytes, or for an attachment
// the file on disk to read it from, with the size and SHA-256 its page
// lists (see safefile.Read).
type entry struct {
	data []byte
	from string
	size int64
	sum  string
}

func (e entry) same(o entry) bool {
	return e.from == o.from && e.size == o.size && e.sum == o.sum && bytes.Equal(e.data, o.data)
}

// store is the site being served. Files belong to groups (one per
// document page and its attachments, one for the other pages, one for the
// assets, one for the derived files); a rebuild replaces whole groups at
// once, so nothing stale survives a group that is made again.
type store struct {
	mu     sync.RWMutex
	files  map[string]entry
	groups map[string][]string
	build  int // counts the updates; pages carry it to notice missed reloads
	// changedAt is the build in which each file last changed: a page
	// that connects late is reloaded only when it missed a change of its
	// own, not for a change of another page (which reloaded it twice).
	changedAt map[string]int
	// siteGen is the generation of the last background site update applied,
	// so that a late one never replaces a newer one.
	siteGen int
}

func newStore() *store {
	return &store{files: map[string]entry{}, groups: map[string][]string{}, changedAt: map[string]int{}}
}

// get returns a file and the build it belongs to.
func (s *store) get(key string) (entry, int, bool) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	e, ok := s.files[key]
	return e, s.build, ok
}

// empty reports whether there is no site yet (the first build failed).
func (s *store) empty() bool {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return len(s.files) == 0
}

// changedSince reports whether the file at key changed (appeared or went)
// after build.
func (s *store) changedSince(key string, build int) bool {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.changedAt[key] > build
}

// current returns the build number.
func (s *store) current() int {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.build
}

// update is a set of groups to replace (a nil map drops the group).
type update map[string]map[string]entry

// apply replaces the groups of u at once and returns the keys whose
// content changed, appeared or disappeared, sorted, and the new build
// number. When gen is above zero, u is a background site update of that
// generation and is dropped (ok false) if a newer one was applied already.
func (s *store) apply(u update, gen int) (changed []string, build int, ok bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if gen > 0 {
		if gen < s.siteGen {
			return nil, s.build, false
		}
		s.siteGen = gen
	}
	for group, files := range u {
		old := map[string]bool{}
		for _, key := range s.groups[group] {
			old[key] = true
		}
		keys := make([]string, 0, len(files))
		for key, e := range files {
			keys = append(keys, key)
			if prev, had := s.files[key]; !had || !prev.same(e) {
				changed = append(changed, key)
			}
			s.files[key] = e
			delete(old, key)
		}
		for key := range old {
			delete(s.files, key)
			changed = append(changed, key)
		}
		if files == nil {
			delete(s.groups, group)
		} else {
			s.groups[group] = keys
		}
	}
	if len(changed) > 0 {
		s.build++
		for _, key := range changed {
			s.changedAt[key] = s.build
		}
	}
	sort.Strings(changed)
	return changed, s.build, true
}

// markSite records that generation gen made the site pages (a full
// rebuild), so that background updates of earlier generations are dropped.
func (s *store) markSite(gen int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.siteGen = max(s.siteGen, gen)
}

// pageURLs turns changed keys into the URL paths of the pages among them:
// "docs/X/index.html" → "/docs/X/", "404.html" → "/404.html".
func pageURLs(keys []string) []string {
	var urls []string
	for _, k := range keys {
		if !strings.HasSuffix(k, ".html") {
			continue
		}
		urls = append(urls, "/"+strings.TrimSuffix(k, "index.html"))
	}
	return urls
}

// memOut is a render.Output that keeps the files in memory. When stop is
// set, it refuses files once stop is true, which ends the rendering.
type memOut struct {
	mu    sync.Mutex
	files map[string]entry
	stop  *atomic.Bool
}

func newMemOut() *memOut { return &memOut{files: map[string]entry{}} }

// File keeps a copy of data (render reuses its buffers).
func (m *memOut) File(rel string, data []byte) error {
	if m.stop != nil && m.stop.Load() {
		return errStopped
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	m.files[rel] = entry{data: bytes.Clone(data)}
	return nil
}

// Copy records the attachment to serve rel from.
func (m *memOut) Copy(rel string, a model.Attachment) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.files[rel] = entry{from: a.Source, size: a.Size, sum: a.SHA256}
	return nil
}
