package corpus

import (
	"fmt"
	"math"
	"strconv"
)

// doc is one generated document.
type doc struct {
	id, title string
	tier      int
	kind      kind
	bundle    bool // written as content/tierN/ID/index.md with images beside it
	parent    *doc
	related   []*doc
	meta      meta
	body      []block
	images    []image // the bundle's images
}

// dir is the document's folder under content/, and file its Markdown
// file's path relative to content/.
func (d *doc) dir() string { return "tier" + strconv.Itoa(d.tier) }

func (d *doc) file() string {
	if d.bundle {
		return d.dir() + "/" + d.id + "/index.md"
	}
	return d.dir() + "/" + d.id + ".md"
}

// tierShares are the shares of tier 1 and tier 2; tier 3 has the rest.
const (
	tier1Share = 0.02
	tier2Share = 0.18
)

// planDocs decides every document's id, tier, type and title: the first
// document is the ISMS manual and the first of tier 3 the Statement of
// Applicability.
func planDocs(n int, r *rng) []*doc {
	n1 := max(1, roundInt(float64(n)*tier1Share))
	n2 := 0
	if n > 2 {
		n2 = max(1, roundInt(float64(n)*tier2Share))
	}
	n3 := n - n1 - n2
	if n3 < 0 {
		n2, n3 = n2+n3, 0
	}
	counts := map[string]int{}
	docs := make([]*doc, 0, n)
	add := func(tier int, k kind) {
		counts[k.code]++
		seq := counts[k.code]
		docs = append(docs, &doc{
			id:    fmt.Sprintf("ISMS-%s-%04d", k.code, seq),
			title: title(r, k, seq),
			tier:  tier,
			kind:  k,
		})
	}
	for i := range n1 {
		switch {
		case i == 0:
			add(1, manual)
		case r.chance(0.85):
			add(1, policy)
		default:
			add(1, manual)
		}
	}
	for range n2 {
		add(2, pick(r, tier2Kinds))
	}
	for i := range n3 {
		switch {
		case i == 0:
			add(3, soa)
		case r.chance(0.6):
			add(3, record)
		default:
			add(3, form)
		}
	}
	return docs
}

// title makes the title of the seq-th document of kind k.
func title(r *rng, k kind, seq int) string {
	t := pick(r, topics)
	x := r.intn(100)
	switch k {
	case manual:
		if seq == 1 {
			return "信息安全管理手册 (ISMS Manual)"
		}
		return fmt.Sprintf("%s管理手册 (%s Manual)", t.zh, t.en)
	case soa:
		return "适用性声明 (Statement of Applicability)"
	case form, record:
		year := r.between(2021, 2025)
		switch {
		case x < 40:
			return fmt.Sprintf("%s%s %d-Q%d", t.zh, k.zh, year, r.between(1, 4))
		case x < 70:
			return fmt.Sprintf("%s %s %d #%d", t.en, k.en, year, seq)
		default:
			return fmt.Sprintf("%s%s (%s %s) #%d", t.zh, k.zh, t.en, k.en, seq)
		}
	}
	var s string
	switch {
	case x < 45:
		s = t.zh + k.zh
	case x < 75:
		s = fmt.Sprintf("%s%s (%s %s)", t.zh, k.zh, t.en, k.en)
	default:
		s = t.en + " " + k.en
	}
	if seq > len(topics) {
		s += fmt.Sprintf(" v%d", seq/len(topics)+1)
	}
	return s
}

func roundInt(x float64) int { return int(math.Round(x)) }
