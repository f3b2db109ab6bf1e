// The filter of the actions list: by owner and by source. The rows carry
// data-owner and data-source; without JavaScript the form stays hidden and
// every action shows (each owner's page lists its own). The choice is
// kept in the address (?owner=it&source=audit), so that a filtered list
// can be bookmarked or sent.

export function initActionFilter(): void {
  const form = document.querySelector<HTMLFormElement>("form[data-action-filter]");
  if (!form) return;
  const owner = form.querySelector<HTMLSelectElement>("select[name=owner]");
  const source = form.querySelector<HTMLSelectElement>("select[name=source]");
  const status = form.querySelector<HTMLElement>(".action-filter__status");
  if (!owner || !source) return;
  const rows = Array.from(document.querySelectorAll<HTMLTableRowElement>("tr[data-owner][data-source]"));
  const template = form.getAttribute("data-status") || "{0} / {1}";

  const params = new URLSearchParams(window.location.search);
  for (const sel of [owner, source]) {
    const want = params.get(sel.name);
    if (want && Array.from(sel.options).some((o) => o.value === want)) sel.value = want;
  }

  const apply = (): void => {
    let shown = 0;
    for (const row of rows) {
      const match = (!owner.value || row.dataset.owner === owner.value) && (!source.value || row.dataset.source === source.value);
      row.hidden = !match;
      if (match) shown++;
    }
    if (status) {
      status.textContent = owner.value || source.value ? template.replace("{0}", String(shown)).replace("{1}", String(rows.length)) : "";
    }
  };
  const remember = (): void => {
    const q = new URLSearchParams(window.location.search);
    for (const sel of [owner, source]) {
      if (sel.value) q.set(sel.name, sel.value);
      else q.delete(sel.name);
    }
    const search = q.toString();
    history.replaceState(null, "", window.location.pathname + (search ? "?" + search : "") + window.location.hash);
  };
  form.addEventListener("change", () => {
    apply();
    remember();
  });
  form.addEventListener("submit", (e) => e.preventDefault());
  form.hidden = false;
  apply();
}

// Buttons marked data-print print the page (the management-review
// handout); they are hidden without JavaScript, where the browser's own
// print command does the same.
export function initPrintButtons(): void {
  document.querySelectorAll<HTMLButtonElement>("button[data-print]").forEach((b) => {
    b.addEventListener("click", () => window.print());
    b.hidden = false;
  });
}
