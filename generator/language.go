package generator

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"

	"ismsgen/generator/diag"
	"ismsgen/generator/i18n"
	"ismsgen/generator/internal/safefile"
	"ismsgen/generator/load"
	"ismsgen/generator/model"
)

// Language is the interface language of the site at source, for what is
// said before a build has read isms.toml, or without one: the language
// isms.toml names (on a line of its own when the file is not valid TOML,
// so that its errors are said in that language), the default language
// when it names none, and the reader's locale (LC_ALL, LC_MESSAGES, LANG)
// when there is no isms.toml to read.
func Language(source string) string {
	f, _ := load.Config(source)
	if f == nil {
		if lang := writtenLanguage(source); lang != "" {
			return lang
		}
		return localeLanguage()
	}
	if lang, ok := f.Meta["language"].(string); ok && slices.Contains(i18n.Languages, lang) {
		return lang
	} else if near := nearLanguage(lang); ok && near != "" {
		return near // its error is said in the language it meant
	}
	return model.DefaultLanguage
}

// nearLanguage is the language ismsgen speaks that a tag it does not
// speak means (en-US, EN, zh_CN, zh-Hans), or "".
func nearLanguage(tag string) string {
	t := strings.ToLower(strings.TrimSpace(tag))
	switch {
	case strings.HasPrefix(t, "en"):
		return "en"
	case strings.HasPrefix(t, "zh"), t == "cn", t == "chinese", t == "中文":
		return "zh-CN"
	}
	return ""
}

// languageLine is a line language = "…" of a TOML file.
var languageLine = regexp.MustCompile(`(?m)^[ \t]*language[ \t]*=[ \t]*["']([^"'\n]*)["']`)

// writtenLanguage is the language the line language = "…" of the site's
// isms.toml names, "" when it has none that ismsgen speaks.
func writtenLanguage(source string) string {
	data, err := safefile.ReadRegular(filepath.Join(source, model.ConfigFile))
	if err != nil {
		return ""
	}
	if m := languageLine.FindSubmatch(data); m != nil && slices.Contains(i18n.Languages, string(m[1])) {
		return string(m[1])
	} else if m != nil {
		return nearLanguage(string(m[1]))
	}
	return ""
}

// localeLanguage is Chinese for a Chinese locale, else English.
func localeLanguage() string {
	for _, v := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if l := os.Getenv(v); l != "" {
			if strings.HasPrefix(strings.ToLower(l), "zh") {
				return "zh-CN"
			}
			return "en"
		}
	}
	return "en"
}

// Messages is the catalog that puts diagnostics and the command line's
// messages in lang; English when lang has none.
func Messages(d Defaults, lang string) *diag.Catalog {
	c, err := i18n.Messages(d.I18n, lang)
	if err != nil {
		return nil // the embedded catalogs are tested; a site has no catalog of its own
	}
	return c
}
