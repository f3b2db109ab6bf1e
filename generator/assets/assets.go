package assets

import (
	"io/fs"
	"path"
	"sort"
	"strings"

	"github.com/alecthomas/chroma/v2/formatters/html"
	"github.com/alecthomas/chroma/v2/styles"
	"github.com/evanw/esbuild/pkg/api"

	"ismsgen/generator/diag"
)

// Entry points, relative to the assets folder.
const (
	CSSEntry = "css/main.css"
	JSEntry  = "js/main.ts"
)

// chromaCSS is the virtual stylesheet that main.css imports for code blocks.
const chromaCSS = "css/chroma.css"

// File is one output file, relative to the site root.
type File struct {
	Path string
	Data []byte
}

// Bundle is the built assets.
type Bundle struct {
	CSS   string // e.g. "assets/main-5XK2.css"
	JS    string // e.g. "assets/main-P3QA.js"
	Files []File
}

// Build bundles the entry points found in src.
func Build(src fs.FS) (*Bundle, diag.List) {
	var diags diag.List
	var entries []string
	for _, e := range []string{CSSEntry, JSEntry} {
		if _, err := fs.Stat(src, e); err == nil {
			entries = append(entries, "/"+e)
		}
	}
	result := api.Build(api.BuildOptions{
		EntryPoints:       entries,
		Bundle:            true,
		Write:             false,
		Outdir:            "/out",
		EntryNames:        "[name]-[hash]",
		AssetNames:        "[name]-[hash]",
		MinifyWhitespace:  true,
		MinifyIdentifiers: true,
		MinifySyntax:      true,
		Format:            api.FormatIIFE,
		Target:            api.ES2019,
		Charset:           api.CharsetUTF8,
		LegalComments:     api.LegalCommentsNone,
		Plugins:           []api.Plugin{fromFS(src)},
		LogLevel:          api.LogLevelSilent,
	})
	for _, m := range result.Errors {
		file, line := "assets", 0
		if m.Location != nil {
			file, line = "assets/"+strings.TrimPrefix(m.Location.File, "ismsgen:/"), m.Location.Line
		}
		diags.Errorf(file, line, "fix the asset source, or delete the site's copy to use the default", "asset bundling failed: %s", m.Text)
	}
	if len(result.Errors) > 0 {
		return nil, diags
	}
	b := &Bundle{}
	for _, f := range result.OutputFiles {
		name := path.Base(f.Path)
		out := "assets/" + name
		switch path.Ext(name) {
		case ".css":
			b.CSS = out
		case ".js":
			b.JS = out
		}
		b.Files = append(b.Files, File{Path: out, Data: f.Contents})
	}
	sort.Slice(b.Files, func(i, j int) bool { return b.Files[i].Path < b.Files[j].Path })
	return b, diags
}

// fromFS is an esbuild plugin that resolves and loads every import from
// the assets overlay instead of the disk.
func fromFS(src fs.FS) api.Plugin {
	return api.Plugin{
		Name: "ismsgen-assets",
		Setup: func(b api.PluginBuild) {
			b.OnResolve(api.OnResolveOptions{Filter: ".*"}, func(a api.OnResolveArgs) (api.OnResolveResult, error) {
				p := a.Path
				if !strings.HasPrefix(p, "/") {
					p = path.Join(path.Dir(a.Importer), p)
				}
				p = path.Clean(p)
				if path.Ext(p) == "" {
					p += ".ts"
				}
				return api.OnResolveResult{Path: p, Namespace: "ismsgen"}, nil
			})
			b.OnLoad(api.OnLoadOptions{Filter: ".*", Namespace: "ismsgen"}, func(a api.OnLoadArgs) (api.OnLoadResult, error) {
				name := strings.TrimPrefix(a.Path, "/")
				var data []byte
				var err error
				if name == chromaCSS {
					data = []byte(highlightCSS())
				} else {
					data, err = fs.ReadFile(src, name)
				}
				if err != nil {
					return api.OnLoadResult{}, err
				}
				text := string(data)
				loader := map[string]api.Loader{".css": api.LoaderCSS, ".ts": api.LoaderTS, ".js": api.LoaderJS}[path.Ext(name)]
				return api.OnLoadResult{Contents: &text, Loader: loader}, nil
			})
		},
	}
}

// highlightCSS is chroma's stylesheet for code blocks, light and dark.
func highlightCSS() string {
	var b strings.Builder
	f := html.New(html.WithClasses(true))
	_ = f.WriteCSS(&b, styles.Get("github"))
	b.WriteString("@media (prefers-color-scheme: dark) {\n")
	_ = f.WriteCSS(&b, styles.Get("github-dark"))
	b.WriteString("}\n")
	return b.String()
}
