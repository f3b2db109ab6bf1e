package load

import "ismsgen/generator/diag"

// TOML that the decoder (github.com/BurntSushi/toml) handles in time and
// memory quadratic in its nesting: inline tables 2,000 deep allocate
// 600 MB and 50,000 deep exhaust any machine; a key of 50,000 dotted
// parts takes minutes. Front matter and isms.toml need two or three
// levels, so tomlGuard refuses anything deeper before the decoder sees it.
const (
	maxTOMLDepth    = 32 // nested [ and {
	maxTOMLKeyParts = 32 // parts of one dotted key or table name
)

// tomlGuard returns the 0-based line of the first place where text nests
// too deeply or a key has too many parts, with a message, or -1. It knows
// just enough TOML to skip strings and comments.
func tomlGuard(text []byte) (int, diag.Text) {
	line, depth, dots := 0, 0, 0
	for i := 0; i < len(text); i++ {
		switch c := text[i]; c {
		case '\n':
			line++
			dots = 0
		case '#':
			for i+1 < len(text) && text[i+1] != '\n' {
				i++
			}
		case '"', '\'':
			quote := text[i : i+1]
			multi := i+2 < len(text) && text[i+1] == c && text[i+2] == c
			if multi {
				quote = text[i : i+3]
			}
			i += len(quote)
			for i < len(text) {
				if text[i] == '\\' && c == '"' {
					if i+1 < len(text) && text[i+1] == '\n' {
						line++
					}
					i += 2
					continue
				}
				if text[i] == '\n' {
					if !multi {
						i-- // an unterminated string, which the decoder reports
						break
					}
					line++
				}
				if hasPrefixAt(text, i, quote) {
					i += len(quote) - 1
					break
				}
				i++
			}
		case '[', '{':
			depth++
			dots = 0
			if depth > maxTOMLDepth {
				return line, diag.Msg("tables or lists are nested more than 32 levels deep")
			}
		case ']', '}':
			depth = max(depth-1, 0)
		case ',', '=':
			dots = 0
		case '.':
			dots++
			if dots >= maxTOMLKeyParts {
				return line, diag.Msg("a key has more than 32 dotted parts")
			}
		}
	}
	return -1, diag.Text{}
}

func hasPrefixAt(text []byte, i int, p []byte) bool {
	return len(text)-i >= len(p) && string(text[i:i+len(p)]) == string(p)
}
