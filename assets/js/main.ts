// ismsgen page script: bundled and minified by esbuild at build time.
// Every feature degrades: without JavaScript the pages show the state as of
// the build date, and search falls back to the register.
import { initFileLinks } from "./filelinks";
import { initSearch } from "./search";
import { initReviewStates } from "./reviewstate";
import { initActionFilter, initPrintButtons } from "./actionfilter";
import { initLists } from "./lists";

function start(): void {
  initFileLinks();
  initReviewStates();
  initActionFilter();
  initPrintButtons();
  initLists();
  initSearch();
}

if (document.readyState === "loading") {
  document.addEventListener("DOMContentLoaded", start);
} else {
  start();
}
