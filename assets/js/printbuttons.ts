// The print buttons of the management-review input pack.

// Buttons marked data-print print the page (the management-review
// handout); they are hidden without JavaScript, where the browser's own
// print command does the same.
export function initPrintButtons(): void {
  document.querySelectorAll<HTMLButtonElement>("button[data-print]").forEach((b) => {
    b.addEventListener("click", () => window.print());
    b.hidden = false;
  });
}
