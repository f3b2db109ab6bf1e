// Re-evaluates review states against the reader's date: a page built in
// March must not say "ok" in June. The build-time state stays in the HTML
// for readers without JavaScript.

const labels: Record<string, Record<string, string>> = {
  zh: { overdue: "评审逾期", due_soon: "即将到期", ok: "正常" },
  en: { overdue: "Overdue", due_soon: "Due soon", ok: "OK" },
};

function parseDate(s: string | null): number | null {
  if (!s || !/^\d{4}-\d{2}-\d{2}$/.test(s)) return null;
  const [y, m, d] = s.split("-").map(Number);
  return Date.UTC(y, m - 1, d);
}

function today(): number {
  const now = new Date();
  return Date.UTC(now.getFullYear(), now.getMonth(), now.getDate());
}

export function stateFor(review: number, now: number, dueSoonDays: number): string {
  const days = Math.round((review - now) / 86400000);
  if (days < 0) return "overdue";
  if (days <= dueSoonDays) return "due_soon";
  return "ok";
}

/** currentState is the state of a review due on date ("YYYY-MM-DD") that
 * the build found built: the state the page shows, the reader's date's
 * once that is after the build's (see initReviewStates). */
export function currentState(date: string, built: string): string {
  const b = parseDate(document.body.getAttribute("data-now")), now = today(), review = parseDate(date);
  if (b === null || now <= b || review === null) return built;
  return stateFor(review, now, Number(document.body.getAttribute("data-due-soon") || "30"));
}

export function initReviewStates(): void {
  const built = parseDate(document.body.getAttribute("data-now"));
  const now = today();
  if (built === null || now <= built) return;
  const lang = document.documentElement.lang.startsWith("zh") ? "zh" : "en";
  const dueSoon = Number(document.body.getAttribute("data-due-soon") || "30");
  document.querySelectorAll<HTMLElement>(".review-state[data-review-date]").forEach((el) => {
    const review = parseDate(el.getAttribute("data-review-date"));
    if (review === null) return;
    const state = stateFor(review, now, dueSoon);
    const before = Array.from(el.classList).find((c) => c.startsWith("review-state--"));
    if (before === "review-state--" + state) return;
    if (before) el.classList.remove(before);
    el.classList.add("review-state--" + state);
    const label = el.firstChild;
    // The label's trailing space keeps it apart from the date after it.
    if (label && label.nodeType === Node.TEXT_NODE) label.textContent = labels[lang][state] + (/\s$/.test(label.textContent ?? "") ? " " : "");
  });
  // A document page built before its review date carries a hidden
  // "review overdue" banner; show it once that date has passed.
  document.querySelectorAll<HTMLElement>("[data-overdue-after]").forEach((el) => {
    const review = parseDate(el.getAttribute("data-overdue-after"));
    if (review !== null && review < now) el.hidden = false;
  });
}
