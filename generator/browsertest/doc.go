// Package browsertest holds the tests that need a real browser.
//
// They build the sample site with generator.Build, open it in headless
// Chromium (Debian's chromium, or $ISMSGEN_CHROMIUM) through the DevTools
// protocol with chromedp, over loopback HTTP, under a sub-path and from
// file://, and audit every page type with axe-core
// (<repo>/.cache/node_modules/axe-core/axe.min.js, or $ISMSGEN_AXE).
// Without Chromium or axe-core the tests skip, except in CI (CI set), where
// they fail. The package has no non-test code.
package browsertest
