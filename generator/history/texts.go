package history

import (
	"bytes"
	"errors"
	"strings"

	"ismsgen/generator/load"
	"ismsgen/generator/model"
	"ismsgen/generator/validate"
)

// Earlier returns the text of an earlier version (model.Version.Blob),
// split into its front matter and body, and with cfg (when not nil)
// converted as far as it goes: a text that was valid then may not be
// now, and its page shows what it can.
func (h *History) Earlier(cfg *model.Config, blob, path string) (*model.EarlierText, error) {
	text, err := h.Text(blob)
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
	text, err := h.working(d.Path)
	if err != nil {
		return nil, err
	}
	if text == nil {
		return nil, errors.New(d.Path + ": the file is gone")
	}
	return split(nil, d.Path, text), nil
}

// split splits a document's text into its front matter and body and,
// with cfg, converts the front matter; diagnostics are of no use here.
// The front matter and body are slices of one copy of the text: a build
// splits about as many texts as it writes version pages.
func split(cfg *model.Config, path string, text []byte) *model.EarlierText {
	text = bytes.TrimPrefix(text, []byte("\xef\xbb\xbf"))
	if bytes.Contains(text, []byte("\r\n")) {
		text = bytes.ReplaceAll(text, []byte("\r\n"), []byte("\n"))
	}
	all := string(text)
	t := &model.EarlierText{Body: all}
	if first, rest, ok := strings.Cut(all, "\n"); ok && strings.TrimRight(first, " \t") == "+++" {
		for off := 0; off < len(rest); {
			end := strings.IndexByte(rest[off:], '\n')
			if end < 0 {
				end = len(rest) - off
			}
			if strings.TrimRight(rest[off:off+end], " \t") == "+++" {
				t.FrontMatter = rest[:off]
				t.Body = strings.TrimLeft(rest[min(len(rest), off+end+1):], "\n")
				break
			}
			off += end + 1
		}
	}
	if cfg == nil {
		return t
	}
	// The text is this call's own (read from git or the file for it):
	// the converted document may keep its body in it.
	f := load.ParseText(path, text)
	if f == nil {
		return t
	}
	d, _ := validate.Document(cfg, &load.Doc{File: f})
	t.Doc = d
	return t
}
