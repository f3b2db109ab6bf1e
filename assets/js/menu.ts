// The phone menu: on a narrow screen the navigation folds behind a
// "菜单" button, so that the header does not take a third of the screen.
// Without JavaScript the button stays hidden and the navigation shows.

/** initMenu shows the menu button and makes it open and close the navigation. */
export function initMenu(): void {
  const button = document.querySelector<HTMLButtonElement>(".menu-toggle");
  const nav = document.getElementById("site-menu");
  if (!button || !nav) return;
  document.documentElement.classList.add("has-menu");
  button.hidden = false;
  button.addEventListener("click", () => {
    const open = button.getAttribute("aria-expanded") !== "true";
    button.setAttribute("aria-expanded", `${open}`);
    nav.classList.toggle("is-open", open);
  });
}
