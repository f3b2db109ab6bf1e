// ismsgen page script: bundled and minified by esbuild at build time.
// Every feature degrades: without JavaScript the pages show the state as of
// the build date, and search falls back to the register.
import { initFileLinks } from "./filelinks";
import { initSearch } from "./search";
import { initReviewStates } from "./reviewstate";
import { initPrintButtons } from "./printbuttons";
import { initLists } from "./lists";
import { initMenu } from "./menu";
import { initScrollers } from "./scrollers";

function start(): void {
  initMenu();
  initFileLinks();
  initReviewStates();
  initPrintButtons();
  initLists();
  initSearch();
  initScrollers();
}

if (document.readyState === "loading") {
  document.addEventListener("DOMContentLoaded", start);
} else {
  start();
}
