package assets

import (
	"strings"
	"testing"
	"testing/fstest"
)

// A site's own stylesheet or script that loads a file from another host
// is an error at its line that says why (the pages' Content-Security-
// Policy would block it) and what to do; one that imports a missing
// file names it; a picture written into the stylesheet (data:) is kept.
func TestBuildSiteAssets(t *testing.T) {
	for _, tc := range []struct {
		name  string
		files map[string]string
		want  string // the diagnostics, one a line
		out   string // a part of the bundled stylesheet or script
	}{
		{
			name: "remote",
			files: map[string]string{
				"css/main.css": "@import url(\"https://fonts.example.com/a.css\");\nbody{background:url(//cdn.example.com/x.png)}\n",
				"js/main.ts":   "import \"https://cdn.example.com/lib.js\";\n",
			},
			want: "assets/css/main.css:1: the asset loads https://fonts.example.com/a.css from another host: pages load nothing but their own site's files (Content-Security-Policy default-src 'self'), so browsers would refuse it\n" +
				"assets/css/main.css:2: the asset loads //cdn.example.com/x.png from another host: pages load nothing but their own site's files (Content-Security-Policy default-src 'self'), so browsers would refuse it\n" +
				"assets/js/main.ts:1: the asset loads https://cdn.example.com/lib.js from another host: pages load nothing but their own site's files (Content-Security-Policy default-src 'self'), so browsers would refuse it\n",
		},
		{
			name: "missing",
			files: map[string]string{
				"css/main.css": "@import \"./gone.css\";\n",
				"js/main.ts":   "\nimport { f } from \"./nothere\";\nf();\n",
			},
			want: "assets/css/main.css:1: the asset imports assets/css/gone.css, which is neither in the site's assets/ folder nor among ismsgen's own\n" +
				"assets/js/main.ts:2: the asset imports assets/js/nothere.ts, which is neither in the site's assets/ folder nor among ismsgen's own\n",
		},
		{
			name:  "data picture",
			files: map[string]string{"css/main.css": "body{background:url(data:image/png;base64,iVBORw0KGgo=)}\n"},
			out:   "url(data:image/png;base64,iVBORw0KGgo=)",
		},
		{
			name: "pictures and fonts",
			files: map[string]string{
				"css/main.css":     ".logo{background:url(img/logo.png)}\n@font-face{font-family:f;src:url(\"f.woff2\")}\n",
				"css/img/logo.png": "\x89PNG\r\n\x1a\n",
				"css/f.woff2":      "wOF2",
			},
			out: `url("./logo-`,
		},
		{
			name:  "unknown kind",
			files: map[string]string{"css/main.css": "\n.x{background:url(notes.txt)}\n", "css/notes.txt": "x"},
			want:  "assets/css/main.css:2: the asset imports assets/css/notes.txt, a kind of file the bundle does not take\n",
		},
		{
			name: "own script",
			files: map[string]string{
				"js/main.ts":  "import { twice } from \"./extra\";\nconst n: number = twice(21);\nconsole.log(n);\n",
				"js/extra.ts": "export function twice(n: number): number { return n * 2 }\n",
			},
			out: "console.log(",
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			src := fstest.MapFS{}
			for name, text := range tc.files {
				src[name] = &fstest.MapFile{Data: []byte(text)}
			}
			b, diags := Build(src)
			var lines strings.Builder
			for _, d := range diags {
				lines.WriteString(strings.SplitN(d.String(), "\n", 2)[0] + "\n")
			}
			if lines.String() != tc.want {
				t.Errorf("diagnostics:\n%s\nwant:\n%s", lines.String(), tc.want)
			}
			if tc.out == "" {
				return
			}
			if b == nil {
				t.Fatal("no bundle")
			}
			var all strings.Builder
			for _, f := range b.Files {
				all.Write(f.Data)
				all.WriteString("\n" + f.Path + "\n")
			}
			if !strings.Contains(all.String(), tc.out) {
				t.Errorf("the bundle has no %q:\n%s", tc.out, all.String())
			}
		})
	}
}
