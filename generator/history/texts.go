package history

import (
	"errors"
	"io/fs"
	"path/filepath"
	"strings"
	"unicode/utf8"
	"unsafe"

	"ismsgen/generator/internal/fast"
	"ismsgen/generator/internal/wholefile"
	"ismsgen/generator/load"
	"ismsgen/generator/model"
	"ismsgen/generator/validate"
)

// Earlier returns the text of an earlier version (model.Version.Blob),
// split into its front matter and body, and with cfg (when not nil)
// converted as far as it goes: a text that was valid then may not be
// now, and its page shows what it can.
func (h *History) Earlier(cfg *model.Config, blob, path string) (*model.EarlierText, error) {
	text, err := h.textString(blob)
	if err != nil {
		return nil, err
	}
	return split(cfg, path, text), nil
}

// Current returns the text of the document's file as it is now, split:
// what the current version's changes are compared with.
func (h *History) Current(d *model.Document) (*model.EarlierText, error) {
	if h == nil {
		return nil, errors.New("no git history was read")
	}
	if d.FromGit != nil {
		return h.Earlier(nil, d.FromGit.Blob, d.Path) // the file holds a draft (model.Document.FromGit)
	}
	text, ok, err := h.workingString(d.Path)
	if err != nil {
		return nil, err
	}
	if !ok {
		return nil, errors.New(d.Path + ": the file is gone")
	}
	return split(nil, d.Path, text), nil
}

// split splits a document's text into its front matter and body and,
// with cfg, converts the front matter; diagnostics are of no use here.
// The front matter and body are slices of text: a build splits about as
// many texts as it writes version pages, and reads each as a string
// once (textString, workingString).
func split(cfg *model.Config, path string, text string) *model.EarlierText {
	text = strings.TrimPrefix(text, "\xef\xbb\xbf")
	if strings.Contains(text, "\r\n") {
		text = strings.ReplaceAll(text, "\r\n", "\n")
	}
	// What the file's text may not show on a page (a bidi override, a
	// control character) its earlier texts do not show either.
	text = load.WithoutInvisible(text)
	t := &model.EarlierText{Body: text}
	closed := false
	if first, rest, ok := strings.Cut(text, "\n"); ok && strings.TrimRight(first, " \t") == "+++" {
		for off := 0; off < len(rest); {
			end := strings.IndexByte(rest[off:], '\n')
			if end < 0 {
				end = len(rest) - off
			}
			if strings.TrimRight(rest[off:off+end], " \t") == "+++" {
				t.FrontMatter = rest[:off]
				t.Body = strings.TrimLeft(rest[min(len(rest), off+end+1):], "\n")
				closed = true
				break
			}
			off += end + 1
		}
	}
	if cfg != nil {
		t.Doc = convert(cfg, path, text, t.FrontMatter, closed)
	}
	return t
}

// convert converts the front matter of an earlier text as load and
// validate convert a document's, for its page: the body is shown as
// written (EarlierText.Body), so the document has none, and with the
// fast paths on, only the fields the page shows are converted.
func convert(cfg *model.Config, path, text, frontMatter string, closed bool) *model.Document {
	f := &load.File{Path: path}
	switch {
	case strings.HasPrefix(text, "\xef\xbb\xbf") || strings.IndexByte(text, '\r') >= 0:
		// A second byte-order mark, or a line that ends in a CR alone
		// (which load reads as a line end): load splits the text itself.
		if f = load.ParseText(path, []byte(text)); f == nil {
			return nil
		}
		f.Body = nil
	case !closed || !utf8.ValidString(text):
		return nil // as load finds it
	default:
		// With the fast paths on, the values of the keys Shown reads
		// alone are made (ParseFrontMatterOf is ParseFrontMatter when
		// they are off).
		if f.Meta = load.ParseFrontMatterOf(path, frontMatter, validate.ShownKeys); f.Meta == nil {
			return nil
		}
		f.BodyLine = 3 + strings.Count(frontMatter, "\n") // after the lines +++, the front matter's and +++
	}
	if fast.On() {
		// Only the fields the page shows (validate.Shown gives them as
		// Document does, which a test holds it to).
		return validate.Shown(cfg, &load.Doc{File: f})
	}
	d, _ := validate.Document(cfg, &load.Doc{File: f})
	return d
}

// EarlierIn is Earlier with the text read into room: the text and what
// is sliced from it are valid until room is emptied. A text not kept in
// the store is read as Earlier reads it.
func (h *History) EarlierIn(room *model.TextRoom, cfg *model.Config, blob, path string) (*model.EarlierText, error) {
	if h == nil {
		return nil, errors.New("no git history was read")
	}
	text, ok, err := h.texts.getIn(room, blob)
	if err != nil {
		return nil, err
	}
	if !ok {
		return h.Earlier(cfg, blob, path)
	}
	return split(cfg, path, text), nil
}

// CurrentIn is Current with the file read into room, valid until room
// is emptied.
func (h *History) CurrentIn(room *model.TextRoom, d *model.Document) (*model.EarlierText, error) {
	if h == nil {
		return nil, errors.New("no git history was read")
	}
	if d.FromGit != nil {
		return h.EarlierIn(room, nil, d.FromGit.Blob, d.Path) // the file holds a draft (model.Document.FromGit)
	}
	// Read as load reads it, without package os's registering of the
	// file with the network poller: a build reads the current file of
	// every document with earlier versions.
	b := room.Take(0)
	text, err := wholefile.ReadInto(*b, filepath.Join(h.source, filepath.FromSlash(d.Path)), maxBlob)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, errors.New(d.Path + ": the file is gone")
	}
	if err != nil {
		return nil, err
	}
	*b = text // room's buffer, or a larger one that room now holds
	return split(nil, d.Path, unsafe.String(unsafe.SliceData(text), len(text))), nil
}
