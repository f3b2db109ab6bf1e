package history

import (
	"slices"
	"strings"
	"sync"

	"ismsgen/generator/load"
	"ismsgen/generator/model"
	"ismsgen/generator/validate"
)

// thenDefaults knows the default classification that the site applied
// at each commit of the main line: default_classification in the
// isms.toml of that commit. An earlier text that names no classification
// is judged by it, as that version's own site judged it: today's default
// may be lower, and would publish a version that was above the ceiling
// then. Read on the first text without a classification.
type thenDefaults struct {
	mu      sync.Mutex
	read    bool
	pos     map[string]int    // commit hash → its place on the main line, 0 the head
	changes []configRev       // the commits that changed isms.toml, newest first
	byBlob  map[string]string // isms.toml's blob → its default; "" when unknown
}

type configRev struct {
	pos  int
	blob string // "" when the commit deleted it
}

// classAt is class, a text's classification as written, or when it is
// empty the default classification of the site at commit c; "" when
// that is not known (no isms.toml then, or one that does not parse):
// the build then applies today's.
func (h *History) classAt(class string, c model.Commit) string {
	return h.classOf(class, c, 0)
}

// classBefore is classAt at the commit before c on the main line: the
// site that last showed a text that c deleted.
func (h *History) classBefore(class string, c model.Commit) string {
	return h.classOf(class, c, 1)
}

func (h *History) classOf(class string, c model.Commit, before int) string {
	if class != "" || c.Hash == "" || h.repo == nil || h.repo.run == nil {
		return class
	}
	d := &h.defaults
	d.mu.Lock()
	defer d.mu.Unlock()
	if !d.read {
		d.read = true
		d.load(h.repo)
	}
	p, ok := d.pos[c.Hash]
	if !ok {
		return ""
	}
	p += before
	// The newest change of isms.toml at or before c.
	k := slices.IndexFunc(d.changes, func(r configRev) bool { return r.pos >= p })
	if k < 0 || d.changes[k].blob == "" {
		return ""
	}
	blob := d.changes[k].blob
	if v, ok := d.byBlob[blob]; ok {
		return v
	}
	v := ""
	if out, err := h.repo.run.output("cat-file", "blob", blob); err == nil {
		v = defaultClassification(out)
	}
	d.byBlob[blob] = v
	return v
}

// load reads the main line's commits and the changes of isms.toml on
// it; when git fails, every default is unknown.
func (d *thenDefaults) load(r *Repo) {
	d.pos, d.byBlob = map[string]int{}, map[string]string{}
	out, err := r.run.longOutput("rev-list", "--first-parent", r.head)
	if err != nil {
		return
	}
	for i, hash := range strings.Fields(string(out)) {
		d.pos[hash] = i
	}
	out, err = r.logOf(r.head, ":(literal)"+r.prefix+model.ConfigFile)
	if err != nil {
		return
	}
	l := &Log{files: map[string]*fileLog{}}
	if l.parse(out, map[string]*fileLog{}, r.rel) != nil {
		return
	}
	var revs []rev
	if f := l.files[model.ConfigFile]; f != nil {
		revs = f.revs
	}
	for _, f := range l.deleted {
		if f.revs[0].path == model.ConfigFile {
			revs = append(revs, f.revs...)
		}
	}
	for _, rv := range revs {
		if p, ok := d.pos[l.commits[rv.commit].Hash]; ok {
			d.changes = append(d.changes, configRev{pos: p, blob: rv.blob})
		}
	}
	slices.SortStableFunc(d.changes, func(a, b configRev) int { return a.pos - b.pos })
}

// defaultClassification is the default classification that an
// isms.toml of these bytes gives documents naming none, as validate
// reads it (default_classification, else "internal"); "" when it does
// not parse, or names a level it does not list.
func defaultClassification(src []byte) string {
	f, diags := load.ParseConfig(model.ConfigFile, src)
	if f == nil || diags.HasErrors() {
		return ""
	}
	levels := validate.DefaultLevels
	if list, ok := f.Meta["classification_levels"].([]any); ok {
		levels = nil
		for _, l := range list {
			if s, ok := l.(string); ok {
				levels = append(levels, s)
			}
		}
	}
	def, _ := f.Meta["default_classification"].(string)
	if def == "" {
		def = "internal"
	}
	if !slices.Contains(levels, def) {
		return ""
	}
	return def
}
