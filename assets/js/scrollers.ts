// Boxes that scroll sideways on a narrow screen (a wide table, a long
// line of code) can be scrolled with the keyboard only when they take
// the focus: each is made focusable while it scrolls, and no longer
// once it fits again, so that a box that fits is no stop for Tab.

const boxes = ".table-wrap, .doc-body table, .doc-body pre";

/** initScrollers keeps each box's tabindex in step with whether it scrolls. */
export function initScrollers(): void {
  const all = Array.from(document.querySelectorAll<HTMLElement>(boxes));
  if (all.length === 0) return;
  const check = (box: HTMLElement): void => {
    const scrolls = box.scrollWidth > box.clientWidth + 1;
    if (scrolls && !box.hasAttribute("tabindex")) {
      box.tabIndex = 0;
      box.dataset.scroller = "";
    } else if (!scrolls && box.dataset.scroller !== undefined) {
      box.removeAttribute("tabindex");
      delete box.dataset.scroller;
    }
  };
  all.forEach(check);
  if (typeof ResizeObserver === "undefined") return;
  // The box changes size with the window; what it holds, when a list
  // shows other rows.
  const owner = new Map<Element, HTMLElement>();
  const seen = new ResizeObserver((entries) => {
    for (const e of entries) {
      const box = owner.get(e.target);
      if (box) check(box);
    }
  });
  for (const box of all) {
    owner.set(box, box);
    seen.observe(box);
    const inner = box.firstElementChild;
    if (inner) {
      owner.set(inner, box);
      seen.observe(inner);
    }
  }
}
