package corpus

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"
)

// meta is a document's front matter.
type meta struct {
	version        version
	status         string
	owners         []string
	author         string
	reviewer       string
	approver       string
	approved       time.Time // zero: not approved
	effective      time.Time
	nextReview     time.Time // zero: none, or reviewCycle
	reviewCycle    string
	classification string
	distribution   []string
	supersedes     []string
	controls       []string
	clauses        []string
	retention      string
	training       []training
	history        []change
}

type version struct{ major, minor int }

func (v version) String() string { return strconv.Itoa(v.major) + "." + strconv.Itoa(v.minor) }

type training struct{ title, url string }

// change is one [[history]] entry.
type change struct {
	version version
	date    time.Time
	author  string
	summary string
}

// The dates of the corpus: approvals fall between firstDay and about
// four years and ten months later, so that with --now in late 2026 some
// reviews are overdue, some due soon and most current.
var firstDay = time.Date(2021, 1, 1, 0, 0, 0, 0, time.UTC)

const approvalSpanDays = 365*4 + 300

// historyStep is the time between two versions of a document's history.
const historyStep = 200 * 24 * time.Hour

// drawMeta draws the front matter of d; tiers holds the documents of each
// tier (tiers[1] … tiers[3]) for its parent, all every document for its
// related ones.
func drawMeta(r *rng, d *doc, tiers [4][]*doc, all []*doc) {
	m := &d.meta
	m.version = version{r.between(1, 3), r.between(0, 4)}
	switch x := r.intn(100); {
	case x < 80:
		m.status = "approved"
	case x < 87:
		m.status = "draft"
	case x < 95:
		m.status = "review"
	default:
		m.status = "obsolete"
	}
	m.owners = sample(r, departmentIDs, pick(r, []int{1, 1, 1, 2, 2, 3}))
	m.author = pick(r, people)
	m.reviewer = pick(r, people)
	base := firstDay.AddDate(0, 0, r.between(0, approvalSpanDays))
	if m.status == "approved" || m.status == "obsolete" {
		m.approver = pick(r, approvers)
		m.approved = base
		m.effective = base.AddDate(0, 0, pick(r, []int{0, 0, 7, 14, 30}))
	}
	switch x := r.intn(100); {
	case x < 75: // some land before late 2025: overdue reviews
		m.nextReview = addMonths(base, pick(r, []int{12, 12, 12, 24, 6}))
	case x < 90:
		m.reviewCycle = pick(r, []string{"12 months", "24 months", "6 months"})
	}
	switch x := r.intn(100); {
	case x < 10:
		m.classification = "public"
	case x < 80:
		m.classification = "internal"
	case x < 95:
		m.classification = "confidential"
	default:
		m.classification = "secret"
	}
	if r.chance(0.35) {
		m.distribution = []string{"all"}
	} else {
		m.distribution = sample(r, departmentIDs, r.between(1, 4))
	}

	if d.tier == 1 {
		if first := tiers[1][0]; first != d {
			d.parent = first
		}
	} else {
		d.parent = pick(r, tiers[d.tier-1])
	}
	for range pick(r, []int{0, 1, 1, 2, 3}) {
		o := pick(r, all)
		if o != d && o != d.parent && !slices.Contains(d.related, o) {
			d.related = append(d.related, o)
		}
	}

	if r.chance(0.05) {
		m.supersedes = []string{fmt.Sprintf("ISMS-2016-%03d", r.between(1, 200))}
	}
	cs := sample(r, annexA, r.between(1, 4))
	slices.SortFunc(cs, func(a, b control) int { return cmp.Or(a.theme-b.theme, a.n-b.n) })
	for _, c := range cs {
		m.controls = append(m.controls, fmt.Sprintf("%d.%d", c.theme, c.n))
	}
	if d.tier <= 2 && r.chance(0.5) {
		m.clauses = sample(r, clauses, r.between(1, 3))
	}
	if d.kind == record || d.kind == form {
		m.retention = pick(r, []string{"1 year", "3 years", "5 years", "permanent"})
	}
	if r.chance(0.15) {
		for range r.between(1, 2) {
			t := pick(r, topics)
			title := pick(r, []string{t.zh + "意识培训", t.en + " training"})
			m.training = append(m.training, training{title, fmt.Sprintf("https://lms.example.com/course/%d", r.between(1, 999))})
		}
	}
	drawHistory(r, m, base)
}

// drawHistory writes one to four earlier versions ending in the current
// one, newest last, 200 days apart, the last on base.
func drawHistory(r *rng, m *meta, base time.Time) {
	var vs []version
	v := m.version
	for range r.between(1, 4) {
		vs = append(vs, v)
		if v.minor > 0 {
			v.minor--
		} else if v.major > 1 {
			v = version{v.major - 1, r.between(0, 3)}
		} else {
			break
		}
	}
	slices.Reverse(vs)
	date := base.Add(-historyStep * time.Duration(len(vs)-1))
	for _, v := range vs {
		author := m.author
		if v != m.version {
			author = pick(r, people)
		}
		m.history = append(m.history, change{v, date, author, pick(r, summaries)(r)})
		date = date.Add(historyStep)
	}
}

// addMonths adds months to a date, on day 28 at most of the month it
// lands in.
func addMonths(t time.Time, months int) time.Time {
	return time.Date(t.Year(), t.Month()+time.Month(months), min(t.Day(), 28), 0, 0, 0, 0, time.UTC)
}

// frontMatter writes d's front matter as TOML, in the order a document
// controller would.
func (d *doc) frontMatter() string {
	m := &d.meta
	var b strings.Builder
	str := func(key, v string) { b.WriteString(key + " = " + tomlString(v) + "\n") }
	list := func(key string, vs []string) { b.WriteString(key + " = " + tomlList(vs) + "\n") }
	date := func(key string, t time.Time) { b.WriteString(key + " = " + t.Format(time.DateOnly) + "\n") }
	str("id", d.id)
	str("title", d.title)
	fmt.Fprintf(&b, "tier = %d\n", d.tier)
	str("type", d.kind.name)
	str("version", m.version.String())
	str("status", m.status)
	list("owners", m.owners)
	str("author", m.author)
	str("reviewer", m.reviewer)
	if !m.approved.IsZero() {
		str("approver", m.approver)
		date("approved", m.approved)
		date("effective", m.effective)
	}
	if !m.nextReview.IsZero() {
		date("next_review", m.nextReview)
	} else if m.reviewCycle != "" {
		str("review_cycle", m.reviewCycle)
	}
	str("classification", m.classification)
	list("distribution", m.distribution)
	if d.parent != nil {
		str("parent", d.parent.id)
	}
	if len(d.related) > 0 {
		ids := make([]string, len(d.related))
		for i, o := range d.related {
			ids[i] = o.id
		}
		list("related", ids)
	}
	if m.supersedes != nil {
		list("supersedes", m.supersedes)
	}
	list("controls", m.controls)
	if m.clauses != nil {
		list("clauses", m.clauses)
	}
	if m.retention != "" {
		str("retention", m.retention)
	}
	for _, t := range m.training {
		b.WriteString("\n[[training]]\n")
		str("title", t.title)
		str("url", t.url)
	}
	for _, h := range m.history {
		b.WriteString("\n[[history]]\n")
		str("version", h.version.String())
		date("date", h.date)
		str("author", h.author)
		str("summary", h.summary)
	}
	return b.String()
}

// tomlString quotes s as a TOML basic string.
func tomlString(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, c := range s {
		switch {
		case c == '"' || c == '\\':
			b.WriteByte('\\')
			b.WriteRune(c)
		case c == '\n':
			b.WriteString(`\n`)
		case c < 0x20 || c == 0x7f:
			fmt.Fprintf(&b, `\u%04x`, c)
		default:
			b.WriteRune(c)
		}
	}
	b.WriteByte('"')
	return b.String()
}

func tomlList(vs []string) string {
	q := make([]string, len(vs))
	for i, v := range vs {
		q[i] = tomlString(v)
	}
	return "[" + strings.Join(q, ", ") + "]"
}
