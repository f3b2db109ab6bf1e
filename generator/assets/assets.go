package assets

import (
	"errors"
	"io/fs"
	"path"
	"sort"
	"strings"

	"github.com/alecthomas/chroma/v2/formatters/html"
	"github.com/alecthomas/chroma/v2/styles"
	"github.com/evanw/esbuild/pkg/api"

	"ismsgen/generator/diag"
	"ismsgen/generator/internal/safefile"
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
	var results []api.BuildResult
	for _, e := range []string{CSSEntry, JSEntry} {
		if _, err := fs.Stat(src, e); err == nil || errors.Is(err, safefile.ErrNotAFile) {
			results = append(results, bundle(src, e))
		}
	}
	var result api.BuildResult
	for _, r := range results {
		result.Errors = append(result.Errors, r.Errors...)
		result.OutputFiles = append(result.OutputFiles, r.OutputFiles...)
	}
	for _, m := range result.Errors {
		file, line := "assets", 0
		if m.Location != nil {
			file, line = "assets/"+strings.TrimPrefix(m.Location.File, "ismsgen:/"), m.Location.Line
		}
		switch p, _ := m.Detail.(problem); p.kind {
		case remote:
			diags.Errorf(file, line, diag.Msg("download the file into the site's assets/ folder and import it by its path from this file, or delete the line"),
				"the asset loads %s from another host: pages load nothing but their own site's files (Content-Security-Policy default-src 'self'), so browsers would refuse it", p.path)
		case unknownKind:
			diags.Errorf(file, line, diag.Msg("import stylesheets (.css) and scripts (.ts, .js); a stylesheet's url() may name a picture (.png, .jpg, .gif, .webp, .avif, .svg, .ico) or a font (.woff2, .woff, .ttf, .otf)"),
				"the asset imports assets/%s, a kind of file the bundle does not take", p.path)
		case notAFile:
			diags.Errorf("assets/"+p.path, 1, "put the file itself in its place (a symbolic link to a file is followed)", "the file is not a regular file but a named pipe or a device: ismsgen does not read it")
		case missing:
			diags.Errorf(file, line, diag.Msg("check the path, which is relative to this file, or add the file to the site's assets/ folder"),
				"the asset imports assets/%s, which is neither in the site's assets/ folder nor among ismsgen's own", p.path)
		default:
			diags.Errorf(file, line, "fix the asset source, or delete the site's copy to use the default", "asset bundling failed: %s", m.Text)
		}
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

// bundle bundles and minifies one entry point. A stylesheet's syntax
// is not minified (the rules merged, the duplicates dropped): esbuild
// compares every rule with every other of the same declarations whose
// selectors differ only in class names, and a site's stylesheet of
// 5,000 such rules took seconds, 20,000 a minute; its whitespace is, and
// the default stylesheet is 6% larger for it.
func bundle(src fs.FS, entry string) api.BuildResult {
	return api.Build(api.BuildOptions{
		EntryPoints:       []string{"/" + entry},
		Bundle:            true,
		Write:             false,
		Outdir:            "/out",
		EntryNames:        "[name]-[hash]",
		AssetNames:        "[name]-[hash]",
		MinifyWhitespace:  true,
		MinifyIdentifiers: true,
		MinifySyntax:      entry != CSSEntry,
		Format:            api.FormatIIFE,
		Target:            api.ES2019,
		Charset:           api.CharsetUTF8,
		LegalComments:     api.LegalCommentsNone,
		Plugins:           []api.Plugin{fromFS(src)},
		LogLevel:          api.LogLevelSilent,
	})
}

// fromFS is an esbuild plugin that resolves and loads every import from
// the assets overlay instead of the disk.
func fromFS(src fs.FS) api.Plugin {
	return api.Plugin{
		Name: "ismsgen-assets",
		Setup: func(b api.PluginBuild) {
			b.OnResolve(api.OnResolveOptions{Filter: ".*"}, func(a api.OnResolveArgs) (api.OnResolveResult, error) {
				p := a.Path
				if isRemote(p) {
					return api.OnResolveResult{Errors: []api.Message{{Text: "remote " + p, Detail: problem{remote, p}}}}, nil
				}
				if strings.HasPrefix(strings.ToLower(p), "data:") {
					return api.OnResolveResult{Path: p, External: true}, nil // a picture in the stylesheet itself
				}
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
				if errors.Is(err, safefile.ErrNotAFile) {
					return api.OnLoadResult{Errors: []api.Message{{Text: "not a file " + name, Detail: problem{notAFile, name}}}}, nil
				}
				if errors.Is(err, fs.ErrNotExist) {
					return api.OnLoadResult{Errors: []api.Message{{Text: "missing " + name, Detail: problem{missing, name}}}}, nil
				}
				if err != nil {
					return api.OnLoadResult{}, err
				}
				text := string(data)
				loader, ok := loaders[strings.ToLower(path.Ext(name))]
				if !ok {
					return api.OnLoadResult{Errors: []api.Message{{Text: "kind " + name, Detail: problem{kind: unknownKind, path: name}}}}, nil
				}
				return api.OnLoadResult{Contents: &text, Loader: loader}, nil
			})
		},
	}
}

// problem is a mistake of an asset's that the plugin finds, carried in
// esbuild's message to be said in the site's language.
type problem struct {
	kind int
	path string
}

const (
	_           = iota
	remote      // an import or url() of another host's file
	missing     // an import of a file that is not there
	unknownKind // an import of a file of no kind in loaders
	notAFile    // a named pipe or a device (safefile.ErrNotAFile)
)

// loaders are how each kind of file the assets may import is bundled:
// stylesheets and scripts into the bundle; the pictures and fonts a
// stylesheet names with url() are published beside it, named by their
// content, as the site's own files that the pages' Content-Security-
// Policy allows.
var loaders = map[string]api.Loader{
	".css": api.LoaderCSS, ".ts": api.LoaderTS, ".js": api.LoaderJS,
	".png": api.LoaderFile, ".jpg": api.LoaderFile, ".jpeg": api.LoaderFile, ".gif": api.LoaderFile,
	".webp": api.LoaderFile, ".avif": api.LoaderFile, ".svg": api.LoaderFile, ".ico": api.LoaderFile,
	".woff2": api.LoaderFile, ".woff": api.LoaderFile, ".ttf": api.LoaderFile, ".otf": api.LoaderFile,
}

// isRemote reports whether an import names a file on another host:
// an address with a scheme (https:, http:, ftp:), or one that starts
// with // (the page's own scheme). A data: address is the file itself.
func isRemote(p string) bool {
	if strings.HasPrefix(p, "//") {
		return true
	}
	scheme, _, ok := strings.Cut(p, ":")
	if !ok || scheme == "" || strings.ContainsAny(scheme, "/.?#") || strings.EqualFold(scheme, "data") {
		return false
	}
	for _, r := range scheme {
		if !('a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9' || r == '+' || r == '-') {
			return false
		}
	}
	return true
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
