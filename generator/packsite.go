package generator

import (
	"io"
	"mime"
	"path"
	"strings"
	"sync"

	"ismsgen/generator/diag"
	"ismsgen/generator/internal/safefile"
	"ismsgen/generator/model"
	"ismsgen/generator/pack"
)

// Pack builds the site as it stood at the end of opts.AsOf (see asOf) in
// memory and writes its audit evidence pack to w (see package pack). The
// ceiling and --drafts apply as to a build.
func Pack(opts Options, w io.Writer) (*Result, error) {
	if opts.AsOf.IsZero() {
		return nil, diag.Usagef("pack needs --as-of YYYY-MM-DD: the day whose documents in force it holds")
	}
	out := &memory{files: map[string][]byte{}}
	res, err := Run(opts, out)
	if err != nil || res.Diagnostics.HasErrors() {
		return res, err
	}
	in := pack.Input{Date: opts.AsOf, Files: out.files, Attachment: out.image, Earlier: map[string]string{}, SinceApproval: map[string]string{}}
	for _, e := range res.Reports.Approvals.InForce {
		in.InForce = append(in.InForce, e.Doc)
		if since := e.Doc.SinceApprovalURL(); since != "" && out.files[e.Doc.URL()+since+"index.html"] != nil {
			in.SinceApproval[e.Doc.ID] = e.Doc.URL() + since
		}
	}
	// A document whose current version is approved but takes effect
	// later is in force by the version before it: its page, from git.
	for _, d := range res.Reports.Approvals.NotEffective {
		v := d.InForceEarlier(opts.AsOf)
		if v == nil || model.VersionFolder(v.Version) == "" {
			continue
		}
		if page := d.URL() + "v/" + model.VersionFolder(v.Version) + "/"; out.files[page+"index.html"] != nil {
			in.Earlier[d.ID] = page
			if since := page + "since-approval/"; d.EarlierSinceApprovalURL(v.Version) != "" && out.files[since+"index.html"] != nil {
				in.SinceApproval[d.ID] = since
			}
		}
	}
	res.InForce = len(in.InForce) + len(in.Earlier)
	return res, pack.Write(w, in)
}

// memory is an Output that keeps the site in memory, the images among
// the copied files too (the pack shows them inside its pages).
type memory struct {
	mu     sync.Mutex
	files  map[string][]byte
	images map[string][]byte
}

func (m *memory) File(rel string, data []byte) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.files[rel] = append([]byte(nil), data...)
	return nil
}

func (m *memory) Copy(rel string, a model.Attachment) error {
	if !strings.HasPrefix(mime.TypeByExtension(path.Ext(rel)), "image/") {
		return nil
	}
	// As the build copies attachments: the bytes the page lists, read
	// without following a symbolic link that took the file's place.
	data, err := safefile.Read(a.Source, a.Size, a.SHA256)
	if err != nil {
		return err
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.images == nil {
		m.images = map[string][]byte{}
	}
	m.images[rel] = data
	return nil
}

func (m *memory) image(rel string) ([]byte, error) { return m.images[rel], nil }
