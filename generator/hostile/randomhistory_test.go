package hostile_test

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"ismsgen/generator"
	"ismsgen/generator/internal/gitfixture"
	"ismsgen/generator/internal/sitecheck"
	"ismsgen/generator/model"
)

// Histories that nobody wrote by hand: each seed scripts a repository of
// a few documents through a dozen commits of random steps (revisions,
// edits without a new version, drafts, approvals, a classification
// raised or lowered, moves, new ids, deletions, reverts, new documents,
// ids back after their tombstone), keeping a model of what each commit
// held; one commit is made near midnight in another time zone. The site
// built from it, and as of that commit's day and the day before, must
// then hold what the model says it must: every text that was never published (a draft's, a confidential
// one's) and every id of a document left out now nowhere; every text a
// day did not yet have nowhere in that day's site; the current text on
// each published document's page; the last text of each earlier
// version on its page; a tombstone for each deleted document that was
// published; no broken link; and no error.
func TestRandomHistories(t *testing.T) {
	first, seeds := 0, 16
	if testing.Short() {
		seeds = 4
	}
	// ISMSGEN_RANDOM_HISTORIES=FIRST:N tries other seeds.
	if s := os.Getenv("ISMSGEN_RANDOM_HISTORIES"); s != "" {
		if _, err := fmt.Sscanf(s, "%d:%d", &first, &seeds); err != nil {
			t.Fatalf("ISMSGEN_RANDOM_HISTORIES=%q: want FIRST:N", s)
		}
	}
	for seed := first; seed < first+seeds; seed++ {
		t.Run(fmt.Sprint("seed", seed), func(t *testing.T) {
			t.Parallel()
			h := scriptHistory(t, uint64(seed))
			head := h.checkHead(t)
			h.checkDay(t, h.zoned-1, false)
			h.checkDay(t, h.zoned, true)
			if seed%8 == 0 {
				sameTree(t, "the same history built again", head, h.build(t, model.Date{}))
			}
			h.checkDrafts(t)
			if seed%8 == 1 {
				h.checkConfidential(t)
			}
		})
	}
}

// rhDoc is the model of one document file.
type rhDoc struct {
	ids     []string // every id it had, the current one last
	number  int      // in its title, which stays
	style   int      // how it writes its versions (see version)
	path    string
	major   int
	minor   int
	class   string // public, internal, confidential
	status  string // approved, draft
	text    rhText // the body now
	history []rhEntry
	// versions maps each version to the text of the last commit that
	// carried it.
	versions  map[string]rhText
	approved  int       // the day of the current version's approval
	reviewed  int       // last_reviewed, 0 when none
	mistake   bool      // related names a document that never was: mended the next day
	deleted   bool      // removed from the work tree
	published bool      // published at some commit: a deletion leaves a tombstone
	states    []rhState // at each commit that held it
	snaps     []rhSnap  // the file at each commit that held it
}

// rhSnap is what a commit held of a document's file, for a revert.
type rhSnap struct {
	id                 string
	major, minor       int
	class, status      string
	text               rhText
	history            []rhEntry
	approved, reviewed int
}

// rhText is a body: a marker that appears nowhere else, and whether it
// may be published (never when it was written as a draft or above the
// ceiling: a text changes with its status or classification).
type rhText struct {
	marker       string
	links        []string // the ids its body links, as they were then
	confidential bool     // written above the ceiling: not even --drafts shows it
	draft        bool     // written as a draft
	secret       bool
	day          int // the commit that wrote it
}

// rhState is what a commit held of a document.
type rhState struct {
	day               int
	id, status, class string
	marker            string
	faulty            bool // its related named nothing that day
}

type rhEntry struct {
	version  string
	day      int
	material bool
}

type rhHistory struct {
	repo    *gitfixture.Repo
	rng     *rand.Rand
	docs    []*rhDoc
	days    []model.Date // of the commits, one a day
	texts   []rhText     // every body written
	nextID  int
	nextTxt int
	log     []string // the steps, for a failure's report
	// flagged: isms.toml allows confidential, and every build names the
	// ceiling internal with --classification.
	flagged bool
	// zoned is the commit made near midnight on the clock of another
	// time zone, whose day is that clock's.
	zoned int
	when  string
	// the last days a document was added and one deleted
	addedOn, deletedOn int
}

func (d *rhDoc) id() string { return d.ids[len(d.ids)-1] }

// version is the version as the document's style writes it: 1.2, V1.2,
// or A/2 (edition and amendment, as Chinese document control numbers
// them).
func (d *rhDoc) version() string {
	switch d.style {
	case 1:
		return fmt.Sprintf("V%d.%d", d.major, d.minor)
	case 2:
		return fmt.Sprintf("%c/%d", 'A'+rune(d.major-1), d.minor)
	}
	return fmt.Sprintf("%d.%d", d.major, d.minor)
}

// live reports whether the document is published now.
func (d *rhDoc) live() bool {
	return !d.deleted && d.status == "approved" && d.class != "confidential"
}

// leftOut reports whether the document must leave no trace now: it is
// above the ceiling, or was never published. A deleted one keeps a
// tombstone when its last text that was not a draft was published (the
// version in force when a draft of the next one was deleted).
func (d *rhDoc) leftOut() bool {
	if d.deleted {
		return d.withdrawnAs() == ""
	}
	return d.class == "confidential" || !d.published
}

// leftOutOn is leftOut in the site as of the day of commit n: false
// when the document was not yet written.
func (d *rhDoc) leftOutOn(n int) bool {
	states := d.statesTo(n)
	switch {
	case len(states) == 0:
		return false
	case states[len(states)-1].day < n: // deleted by then
		return withdrawnAs(states) == ""
	}
	if states[len(states)-1].class == "confidential" {
		return true
	}
	for _, s := range states {
		if s.status == "approved" && s.class != "confidential" {
			return false
		}
	}
	return true
}

// statesTo is what the commits up to n held of the document.
func (d *rhDoc) statesTo(n int) []rhState {
	i := 0
	for i < len(d.states) && d.states[i].day <= n {
		i++
	}
	return d.states[:i]
}

// withdrawnAs is the id of a deleted document's tombstone, "" when it
// has none.
func (d *rhDoc) withdrawnAs() string { return withdrawnAs(d.states) }

func withdrawnAs(states []rhState) string {
	for i := len(states) - 1; i >= 0; i-- {
		if s := states[i]; s.status != "draft" {
			if s.class == "confidential" {
				return ""
			}
			return s.id
		}
	}
	return ""
}

func (d *rhDoc) String() string {
	return fmt.Sprintf("%v %s v%s %s %s %s links=%v deleted=%v published=%v", d.ids, d.path, d.version(), d.status, d.class, d.text.marker, d.text.links, d.deleted, d.published)
}

func scriptHistory(t *testing.T, seed uint64) *rhHistory {
	h := &rhHistory{repo: gitfixture.New(t), rng: rand.New(rand.NewPCG(seed, 7)), flagged: seed%2 == 1}
	h.zoned = 1 + h.rng.IntN(11)
	h.addedOn, h.deletedOn = -1, -1
	// In UTC: the day before, the day after, the day before, the same day.
	h.when = []string{"T00:20:00+09:00", "T23:50:00-07:00", "T00:00:00+14:00", "T23:59:59+12:00"}[h.rng.IntN(4)]
	if h.flagged {
		h.repo.MustWrite("isms.toml", "classification = \"confidential\"\n"+baseConfig)
	} else {
		h.repo.MustWrite("isms.toml", baseConfig)
	}
	for range 4 {
		h.add(0)
	}
	h.commit(t, 0)
	for day := 1; day < 12; day++ {
		h.mend()
		for range 1 + h.rng.IntN(3) {
			h.step(day)
		}
		h.commit(t, day)
	}
	if h.mend() {
		h.commit(t, 12)
	}
	return h
}

// mend corrects the mistakes of the day before, and reports whether
// there were any.
func (h *rhHistory) mend() bool {
	any := false
	for _, d := range h.docs {
		if d.mistake && !d.deleted {
			d.mistake, any = false, true
			h.save(d)
		}
	}
	return any
}

// step makes one random change on day.
func (h *rhHistory) step(day int) {
	var alive []*rhDoc
	for _, d := range h.docs {
		if !d.deleted {
			alive = append(alive, d)
		}
	}
	if len(alive) < 2 || h.rng.IntN(10) == 0 {
		// Never a document added the day one is deleted: git pairs two
		// small files alike, and the new one, starting at the version
		// the old one had, carries it on, renumbered (docs/format.md).
		if h.deletedOn == day {
			return
		}
		h.addedOn = day
		if !h.readd(day) {
			h.add(day)
		}
		return
	}
	d := alive[h.rng.IntN(len(alive))]
	op := h.rng.IntN(11)
	defer func() { h.log = append(h.log, fmt.Sprintf("day %d: step %d on %s", day, op, d)) }()
	switch op {
	case 0, 1: // a new version
		if d.status == "draft" {
			d.status, d.approved = "approved", day
			h.write(d, day)
			return
		}
		d.minor++
		d.approved = day
		h.revise(d, day)
	case 2: // the body edited, the version not raised
		h.write(d, day)
	case 3: // a draft of the next version
		if d.status == "approved" {
			d.minor++
			d.status = "draft"
			h.revise(d, day)
		}
	case 4: // classified anew, as a new version
		d.class = []string{"public", "internal", "confidential"}[h.rng.IntN(3)]
		d.major, d.minor, d.approved = d.major+1, 0, day
		h.revise(d, day)
	case 5: // moved to another file
		to := fmt.Sprintf("content/tier2/moved-%d-%d.md", day, h.nextID)
		h.nextID++
		h.repo.MustMove(d.path, to)
		d.path = to
	case 6: // a new id, as a new version
		old := d.id()
		d.ids = append(d.ids, h.freshID())
		h.relink(old, d.id())
		d.minor++
		d.approved = day
		h.revise(d, day)
	case 7: // reviewed, nothing else
		d.reviewed = day
		h.save(d)
	case 9: // a slip: related names a document that never was
		d.mistake = true
		h.save(d)
	case 8: // withdrawn
		if h.addedOn == day {
			return
		}
		h.deletedOn = day
		h.repo.MustRemove(d.path)
		d.deleted = true
		h.relink(d.id(), "")
	case 10: // reverted to an earlier commit's file
		h.revert(d)
	}
}

// revert brings d's file back to what an earlier commit held (version,
// front matter and text), as git revert does, when one of them had
// another text under the same id, linking only documents that are
// still there.
func (h *rhHistory) revert(d *rhDoc) {
	var can []rhSnap
	for _, s := range d.snaps {
		if s.id == d.id() && s.text.marker != d.text.marker && h.linkable(s.text.links) {
			can = append(can, s)
		}
	}
	if len(can) == 0 {
		return
	}
	s := can[h.rng.IntN(len(can))]
	d.major, d.minor, d.class, d.status, d.text = s.major, s.minor, s.class, s.status, s.text
	d.history, d.approved, d.reviewed, d.mistake = slices.Clone(s.history), s.approved, s.reviewed, false
	h.save(d)
}

// linkable reports whether every id is a document's id now.
func (h *rhHistory) linkable(ids []string) bool {
	for _, id := range ids {
		if !slices.ContainsFunc(h.docs, func(o *rhDoc) bool { return !o.deleted && o.id() == id }) {
			return false
		}
	}
	return true
}

// relink makes the documents that link id link to, instead, now, or
// not at all when now is "", as a controller mends the links to a
// document renumbered or withdrawn (their texts and versions stay).
func (h *rhHistory) relink(id, now string) {
	for _, o := range h.docs {
		if o.deleted || !slices.Contains(o.text.links, id) {
			continue
		}
		var links []string
		for _, l := range o.text.links {
			if l == id {
				l = now
			}
			if l != "" {
				links = append(links, l)
			}
		}
		o.text.links = links
		h.save(o)
	}
}

func (h *rhHistory) freshID() string {
	h.nextID++
	return fmt.Sprintf("RH-%c-%03d", 'A'+rune(h.rng.IntN(6)), h.nextID)
}

// readd brings back, half the time, the id of a document whose
// tombstone was published, in a new file, as its next major version.
func (h *rhHistory) readd(day int) bool {
	var gone []*rhDoc
	for _, d := range h.docs {
		// Its deletion committed before today: git sees a file deleted
		// and one added the same day as one moved.
		if id := d.withdrawnAs(); d.deleted && id != "" && d.states[len(d.states)-1].day < day-1 &&
			!slices.ContainsFunc(h.docs, func(o *rhDoc) bool { return !o.deleted && o.id() == id }) {
			gone = append(gone, d)
		}
	}
	if len(gone) == 0 || h.rng.IntN(2) == 0 {
		return false
	}
	old := gone[h.rng.IntN(len(gone))]
	h.nextID++
	d := &rhDoc{ids: []string{old.withdrawnAs()}, number: h.nextID, style: old.style, major: old.major + 1, class: "internal", status: "approved", approved: day, versions: map[string]rhText{}}
	d.path = fmt.Sprintf("content/tier2/back-%d.md", h.nextID)
	switch h.rng.IntN(4) {
	case 0:
		d.class = "confidential"
	case 1:
		d.status = "draft"
	}
	h.docs = append(h.docs, d)
	h.revise(d, day)
	h.log = append(h.log, fmt.Sprintf("day %d: back %s", day, d))
	return true
}

func (h *rhHistory) add(day int) {
	d := &rhDoc{ids: []string{h.freshID()}, number: h.nextID, style: h.rng.IntN(3), major: 1, class: "internal", status: "approved", approved: day, versions: map[string]rhText{}}
	d.path = fmt.Sprintf("content/tier2/doc-%d.md", h.nextID)
	if h.rng.IntN(4) == 0 {
		d.class = "confidential"
	}
	h.docs = append(h.docs, d)
	h.revise(d, day)
	h.log = append(h.log, fmt.Sprintf("day %d: new %s", day, d))
}

// revise writes a new body with a [[history]] entry for the version.
func (h *rhHistory) revise(d *rhDoc, day int) {
	d.history = append(d.history, rhEntry{d.version(), day, h.rng.IntN(4) != 0})
	h.write(d, day)
}

// write gives d a new body and saves it.
func (h *rhHistory) write(d *rhDoc, day int) {
	secret := d.status == "draft" || d.class == "confidential"
	prefix := "rhtext"
	if secret {
		prefix = "qzsecret"
	}
	h.nextTxt++
	d.text = rhText{marker: fmt.Sprintf("%s%dx", prefix, h.nextTxt), secret: secret, day: day, confidential: d.class == "confidential", draft: d.status == "draft"}
	for range h.rng.IntN(3) {
		if o := h.docs[h.rng.IntN(len(h.docs))]; o != d && !o.deleted {
			d.text.links = append(d.text.links, o.id())
		}
	}
	h.texts = append(h.texts, d.text)
	h.save(d)
}

func (h *rhHistory) save(d *rhDoc) {
	var b strings.Builder
	fmt.Fprintf(&b, "+++\nid = %q\ntitle = \"Random %d\"\ntier = 2\ntype = \"procedure\"\nversion = %q\nstatus = %q\n",
		d.id(), d.number, d.version(), d.status)
	fmt.Fprintf(&b, "classification = %q\nowners = [\"isd\"]\nauthor = \"Author\"\napprover = \"CEO\"\n", d.class)
	if d.status == "approved" {
		fmt.Fprintf(&b, "approved = %s\n", h.day(d.approved))
	}
	if d.reviewed > 0 {
		fmt.Fprintf(&b, "last_reviewed = %s\n", h.day(d.reviewed))
	}
	switch {
	case d.mistake:
		b.WriteString("related = [\"RH-NEVER-1\"]\n")
	case len(d.text.links) > 0:
		fmt.Fprintf(&b, "related = [%q]\n", d.text.links[0])
	}
	for _, e := range d.history {
		fmt.Fprintf(&b, "\n[[history]]\nversion = %q\ndate = %s\nsummary = \"Revision\"\n", e.version, h.day(e.day))
		if !e.material {
			b.WriteString("material = false\n")
		}
	}
	fmt.Fprintf(&b, "+++\n# Random\n\nThe text %s of version %s.\n", d.text.marker, d.version())
	for _, id := range d.text.links {
		fmt.Fprintf(&b, "\nSee [](%s) and <%s>.\n", id, id)
	}
	h.repo.MustWrite(d.path, b.String())
}

func (h *rhHistory) day(n int) string {
	return model.Date{Year: 2026, Month: time.Month(1 + n/28), Day: 1 + n%28}.String()
}

func (h *rhHistory) commit(t *testing.T, day int) {
	when := "T10:00:00Z"
	if day == h.zoned {
		when = h.when
	}
	h.repo.MustCommit(h.day(day)+when, "Controller", fmt.Sprint("day ", day))
	date, _ := model.ParseDate(h.day(day))
	h.days = append(h.days, date)
	for _, d := range h.docs {
		if d.deleted {
			continue
		}
		d.versions[d.version()] = d.text
		if d.live() {
			d.published = true
		}
		d.states = append(d.states, rhState{day, d.id(), d.status, d.class, d.text.marker, d.mistake})
		if !d.mistake {
			d.snaps = append(d.snaps, rhSnap{d.id(), d.major, d.minor, d.class, d.status, d.text, slices.Clone(d.history), d.approved, d.reviewed})
		}
	}
}

// checkHead builds the site now and checks it against the model.
func (h *rhHistory) checkHead(t *testing.T) map[string][]byte {
	defer func() {
		if t.Failed() {
			t.Logf("day %d committed at %s\n%s", h.zoned, h.when, strings.Join(h.log, "\n"))
		}
	}()
	out := h.build(t, model.Date{})
	h.noTrace(t, out, -1)
	for _, d := range h.docs {
		page := out["docs/"+d.id()+"/index.html"]
		if d.deleted {
			page = out["docs/"+d.withdrawnAs()+"/index.html"]
		}
		switch {
		case d.live():
			if !bytes.Contains(page, []byte(d.text.marker)) {
				t.Errorf("%s: its page does not show its text %s", d.id(), d.text.marker)
			}
			for _, e := range d.history {
				text, ok := d.versions[e.version]
				if e.version == d.version() || !ok || text.secret {
					continue
				}
				if v := out["docs/"+d.id()+"/v/"+model.VersionFolder(e.version)+"/index.html"]; !bytes.Contains(v, []byte(text.marker)) {
					t.Errorf("%s: the page of version %s does not show its last text %s", d.id(), e.version, text.marker)
				}
			}
		case d.deleted && !d.leftOut():
			if page == nil {
				var near []string
				for name := range out {
					for _, id := range d.ids {
						if strings.HasPrefix(name, "docs/"+id+"/") {
							near = append(near, name)
						}
					}
				}
				t.Errorf("%s: deleted after it was published as %s, and no tombstone; pages: %v", d.id(), d.withdrawnAs(), near)
			}
		}
	}
	return out
}

// checkDay builds the site as of the day of commit n, and its evidence
// pack when pack is set.
func (h *rhHistory) checkDay(t *testing.T, n int, pack bool) {
	out := h.build(t, h.days[n])
	h.noTrace(t, out, n)
	if pack {
		h.checkPack(t, n)
	}
	for _, d := range h.docs {
		for _, s := range d.states {
			if s.day != n || s.status != "approved" || s.class == "confidential" || s.faulty {
				continue
			}
			if page := out["docs/"+s.id+"/index.html"]; !bytes.Contains(page, []byte(s.marker)) {
				t.Errorf("as of day %d: the page of %s does not show the text of that day, %s", n, s.id, s.marker)
			}
		}
	}
}

// checkDrafts builds the site now with --drafts: the drafts' texts are
// published, the confidential ones still nowhere.
func (h *rhHistory) checkDrafts(t *testing.T) {
	opts := h.options(filepath.Join(t.TempDir(), "public"))
	opts.Drafts = true
	mustBuild(t, opts)
	out := readTree(t, opts.Dest)
	for name, data := range out {
		for _, x := range h.texts {
			if x.confidential && bytes.Contains(data, []byte(x.marker)) {
				t.Errorf("--drafts: %s holds %s, written above the ceiling", name, x.marker)
			}
		}
	}
}

// checkConfidential builds the site now at the ceiling isms.toml
// allows, confidential: the text of each approved document is on its
// page, whatever its classification, and no draft's text anywhere.
func (h *rhHistory) checkConfidential(t *testing.T) {
	opts := options(h.repo.Dir, filepath.Join(t.TempDir(), "public"))
	mustBuild(t, opts)
	out := readTree(t, opts.Dest)
	for _, d := range h.docs {
		if !d.deleted && d.status == "approved" && !bytes.Contains(out["docs/"+d.id()+"/index.html"], []byte(d.text.marker)) {
			t.Errorf("at the ceiling confidential: %s's page does not show its text %s", d.id(), d.text.marker)
		}
	}
	for name, data := range out {
		for _, x := range h.texts {
			if x.draft && bytes.Contains(data, []byte(x.marker)) {
				t.Errorf("at the ceiling confidential: %s holds %s, a draft's text", name, x.marker)
			}
		}
	}
}

// checkPack makes the evidence pack of the day of commit n: it holds the
// text in force that day of each document published then, and nothing
// the site of that day may not show; made twice, it is the same bytes.
func (h *rhHistory) checkPack(t *testing.T, n int) {
	pack := func() []byte {
		var b bytes.Buffer
		opts := h.options("")
		opts.Now, opts.AsOf = h.days[n], h.days[n]
		res, err := generator.Pack(opts, &b)
		if err != nil || res.Diagnostics.HasErrors() {
			t.Fatalf("pack as of day %d: %v\n%s", n, err, printed(res.Diagnostics))
		}
		return b.Bytes()
	}
	zipped := pack()
	if !bytes.Equal(zipped, pack()) {
		t.Errorf("two packs of day %d differ", n)
	}
	r, err := zip.NewReader(bytes.NewReader(zipped), int64(len(zipped)))
	if err != nil {
		t.Fatal(err)
	}
	files := map[string][]byte{}
	var all []byte
	for _, f := range r.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		data, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		files[f.Name] = data
		all = append(all, data...)
	}
	h.noTrace(t, files, n)
	for _, d := range h.docs {
		for _, s := range d.states {
			if s.day == n && s.status == "approved" && s.class != "confidential" && !s.faulty && !bytes.Contains(all, []byte(s.marker)) {
				t.Errorf("the pack of day %d does not hold %s's text in force, %s", n, s.id, s.marker)
			}
		}
	}
}

// options are the options of every build of the history: with
// --classification internal when isms.toml allows confidential.
func (h *rhHistory) options(dest string) generator.Options {
	opts := options(h.repo.Dir, dest)
	if h.flagged {
		opts.Classification = "internal"
	}
	return opts
}

// noTrace checks that no text never published, and no id or text of a
// document left out (above the ceiling, or never published), appears in
// out, nor, in the site of day n (n >= 0), a text written after that
// day.
func (h *rhHistory) noTrace(t *testing.T, out map[string][]byte, n int) {
	t.Helper()
	var banned []string
	for _, x := range h.texts {
		if x.secret || n >= 0 && x.day > n {
			banned = append(banned, x.marker)
		}
	}
	on := n
	if on < 0 {
		on = len(h.days) - 1
	}
	shown := map[string]bool{} // an id back after its tombstone
	for _, d := range h.docs {
		if len(d.statesTo(on)) > 0 && !d.leftOutOn(on) {
			for _, s := range d.statesTo(on) {
				shown[s.id] = true
			}
		}
	}
	for _, d := range h.docs {
		if !d.leftOutOn(on) {
			continue
		}
		for _, s := range d.statesTo(on) {
			banned = append(banned, s.marker)
		}
		if n < 0 {
			for _, id := range d.ids {
				if !shown[id] {
					banned = append(banned, id)
				}
			}
		}
	}
	for name, data := range out {
		for _, b := range banned {
			if bytes.Contains(data, []byte(b)) {
				t.Errorf("%s holds %s, which this site must not show", name, b)
			}
		}
	}
}

// build builds the site now, or as of asOf, checks its links and
// returns its files.
func (h *rhHistory) build(t *testing.T, asOf model.Date) map[string][]byte {
	t.Helper()
	opts := h.options(filepath.Join(t.TempDir(), "public"))
	if !asOf.IsZero() {
		opts.Now, opts.AsOf = asOf, asOf
	}
	mustBuild(t, opts)
	problems, err := sitecheck.Links(opts.Dest)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range problems {
		t.Errorf("as of %v: %s", asOf, p)
	}
	return readTree(t, opts.Dest)
}
