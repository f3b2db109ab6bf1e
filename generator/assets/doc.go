// Package assets bundles and minifies the site's CSS and TypeScript with
// esbuild's Go API (no Node.js at build time), adds the code-highlighting
// stylesheet from chroma, and names each output by its content hash so that
// browsers never use a stale copy. It reads the site's assets/ folder over
// the embedded defaults, file by file.
package assets
