package history

import "ismsgen/generator/model"

// changedTombs gives each tombstone whose last text changed after its
// approval without a new version (tombs[i], of files[i], its last text
// lasts[i]) the commits of its approval and of the first change: its
// page under v/ then says that the text shown is not the one approved,
// as an earlier version's does. The earlier texts read are those of
// deleted files alone, which are few.
func (h *History) changedTombs(tombs []*model.Tombstone, files []*fileLog, lasts [][]byte) error {
	var oids []string
	var from [][2]int // tomb, rev
	lastRevs := make([]int, len(tombs))
	for i, t := range tombs {
		lastRevs[i] = -1
		if t.Last.Status != model.StatusApproved {
			continue
		}
		revs := files[i].revs
		for r := 1; r < len(revs); r++ { // revs[0] deleted the file
			if revs[r].blob == t.Last.Blob {
				lastRevs[i] = r
				break
			}
		}
		for r := lastRevs[i] + 1; lastRevs[i] > 0 && r < len(revs) && revs[r].blob != ""; r++ {
			oids = append(oids, revs[r].blob)
			from = append(from, [2]int{i, r})
		}
	}
	if len(oids) == 0 {
		return nil
	}
	texts, err := h.blobs.read(oids)
	if err != nil {
		return err
	}
	for k := 0; k < len(from); {
		i := from[k][0]
		t, revs, last := tombs[i], files[i].revs, lastRevs[i]
		run := map[int][]byte{last: lasts[i]}
		approval, ended := last, false
		// The run of the version, newest first, through texts put back
		// into review (see approvedRun.extend), to its first approval.
		for ; k < len(from) && from[k][0] == i; k++ {
			hd := readHeader(texts[k])
			if ended = ended || !hd.ok || hd.Version != t.Last.Version || hd.Status != model.StatusApproved && !unpublished(hd.Status); ended {
				continue
			}
			run[from[k][1]] = texts[k]
			if hd.Status == model.StatusApproved {
				approval = from[k][1]
			}
		}
		if approval == last || sameDocument(run[approval], run[last]) {
			continue
		}
		changedIn, _ := firstChange(run, approval, last)
		if changedIn < 0 {
			changedIn = last
		}
		t.Last.Since, t.Last.ChangedIn = h.log.commit(revs[approval]), h.log.commit(revs[changedIn])
	}
	return nil
}
