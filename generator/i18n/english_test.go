package i18n_test

import (
	"testing"
	"unicode"
)

// An English site prints each message's English format as it is, so a
// format must not lean on Chinese words to explain itself: an English
// reader cannot read them. Chinese belongs in the zh-CN translation.
// A Chinese example of what an author writes (a title, a link's text)
// is content, not explanation, and is listed here.
var chineseInEnglishAllowed = map[string]bool{}

func TestEnglishMessagesHaveNoChinese(t *testing.T) {
	src := walkSource(t)
	for _, f := range src.sortedFormats() {
		if chineseInEnglishAllowed[f] {
			continue
		}
		for _, r := range f {
			if unicode.Is(unicode.Han, r) {
				t.Errorf("%s: the English message %q holds Chinese, which an English site shows as it is", src.formats[f], f)
				break
			}
		}
	}
}
