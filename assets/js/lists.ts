// Long lists (layouts/partials/list.html): the page shows one page of a
// list, with links to its other pages, which work without JavaScript.
// This script adds filters (text, tier, department, status, review state,
// type), sorting by any column and paging in place, with the state in the
// URL (?<list>.q=…&<list>.sort=…&<list>.p=…, shareable), and printing
// every row. It loads the list's rows (lists/<name>.js) and the documents
// they name (lists/docs.js) only when they are needed: on the first use
// of a control, or at once when the URL holds a state. The files are
// scripts, as the search index's are, so that this works from file://.
// The cells are the same as the template list-row makes.

import { fileHref } from "./filelinks";
import { currentState, initReviewStates } from "./reviewstate";

/** A document of lists/docs.js (see generator/render/listdata.go). */
type DocRow = [string, string, string, number, number, string, number, number[], number, number, number,
  0 | [number, number, number], number, number, number];
const ID = 0, TITLE = 1, URL = 2, TIER = 3, TYPE = 4, VERSION = 5, STATUS = 6, OWNERS = 7, EFFECTIVE = 8,
  APPROVED = 9, LAST_REVIEWED = 10, REVIEW = 11, AUTHOR = 12, REVIEWER = 13, APPROVER = 14;
interface Docs {
  docs: DocRow[]; now: number; sep: string; depts: [string, string][]; types: string[]; statuses: string[];
  states: string[]; people: string[]; labels: Record<string, string>;
}
/** A list's rows: document numbers, and what the list says of each (withdrawals, approvals, training). */
interface Rows { rows: number[]; x?: unknown[] }
type Withdrawal = [string, number, number, number, number[]];
type Pending = [number, number];
type Training = [string, [string, string][]];
type RecordRow = [string, number, number, string, number];
/** An action: anchor, id, title, source, owner, documents, due, closed, state, days, clause,
 * evidence document (-1: none), evidence link, evidence text. */
type Action = [string, string, string, string, number, number[], number, number, string, number, string, number, string, string];
type Source = [string, number];
/** A course: title, link, its first documents, how many more, departments, all staff (1). */
type Course = [string, string, number[], number, number[], number];

declare global { interface Window { ISMSListData?: Record<string, unknown> } }

const loaded = new Map<string, Promise<unknown>>();

/** load runs the data script at url (once) and returns what it stored under key. */
function load<T>(url: string, key: string): Promise<T> {
  let p = loaded.get(url);
  if (!p) {
    p = new Promise((resolve, reject) => {
      const s = document.createElement("script");
      s.src = url;
      s.async = true;
      s.onload = () => {
        const box = window.ISMSListData || {}, v = box[key];
        delete box[key];
        s.remove();
        v === undefined ? reject(new Error(url)) : resolve(v);
      };
      s.onerror = () => { s.remove(); loaded.delete(url); reject(new Error(url)); };
      document.head.appendChild(s);
    });
    loaded.set(url, p);
  }
  return p as Promise<T>;
}

/** The state of a list: its filters, its order and its page. */
interface State {
  q: string; tier: string; dept: string; status: string; review: string; type: string; source: string; sort: string; p: number;
}
const FILTERS = ["q", "tier", "dept", "status", "review", "type", "source"] as const;
const blank = (): State => ({ q: "", tier: "", dept: "", status: "", review: "", type: "", source: "", sort: "", p: 1 });

const fold = (s: string): string => s.normalize("NFKC").toLowerCase();
const fmt = (s: string, ...args: (string | number)[]): string =>
  s.replace(/\{(\d+)\}/g, (m, i) => (+i < args.length ? `${args[+i]}` : m));
const ymd = (n: number): string => {
  if (!n) return "—";
  const s = `${n}`;
  return `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}`;
};

function el<K extends keyof HTMLElementTagNameMap>(tag: K, cls?: string, text?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined) e.textContent = text;
  return e;
}

/** List is one long list on the page. */
class List {
  readonly id: string;
  readonly size: number;
  readonly root: string;
  readonly cols: { key: string; label: string; th: HTMLTableCellElement }[];
  readonly body: HTMLTableSectionElement;
  readonly range: HTMLElement;
  status: HTMLElement | null = null;
  pager: HTMLElement | null;
  state: State;
  data?: Promise<[Docs, Rows]>;
  ready?: [Docs, Rows];
  shown: number[] = []; // the rows that match, in order
  all = false; // every row is shown, for printing
  cleared = false; // a filter was changed: an unfiltered list says its range

  constructor(readonly box: HTMLElement) {
    this.id = box.dataset.list || "";
    this.size = Number(box.dataset.size) || 100;
    this.root = box.dataset.root || "";
    this.body = box.querySelector("tbody")!;
    this.range = box.querySelector(".list-range")!;
    this.pager = box.querySelector(".pager");
    this.cols = Array.from(box.querySelectorAll<HTMLTableCellElement>("thead th[data-col]"), (th) =>
      ({ key: th.dataset.col!, label: th.textContent || "", th }));
    this.state = this.fromURL();
    this.tools();
  }

  /** fromURL reads the list's state from the address. */
  fromURL(): State {
    const q = new URLSearchParams(location.search), s = blank();
    for (const f of FILTERS) s[f] = (q.get(`${this.id}.${f}`) || "").trim(); // as typed in the filter
    s.sort = q.get(`${this.id}.sort`) || "";
    // A page number edited by hand ("2.5", "-1", "x") is a whole page or this one.
    const p = Math.floor(Number(q.get(`${this.id}.p`)));
    s.p = p >= 1 ? p : Number(this.box.dataset.page) || 1;
    return s;
  }

  /** stated reports whether the address holds a state for the list. */
  stated(): boolean {
    const q = new URLSearchParams(location.search);
    return [...FILTERS, "sort", "p"].some((f) => q.has(`${this.id}.${f}`));
  }

  /** toURL writes the list's state into the address (file:// may refuse). */
  toURL(): void {
    const q = new URLSearchParams(location.search), s = this.state;
    for (const f of [...FILTERS, "sort", "p"]) q.delete(`${this.id}.${f}`);
    for (const f of FILTERS) if (s[f]) q.set(`${this.id}.${f}`, s[f]);
    if (s.sort) q.set(`${this.id}.sort`, s.sort);
    // The page is said unless it is the one this address shows anyway:
    // page 1 too, on a later page's own file (docs-2.html).
    const own = Number(this.box.dataset.page) || 1;
    if (s.p !== own || (s.p > 1 && (this.filtered() || s.sort))) q.set(`${this.id}.p`, `${s.p}`);
    const search = q.toString();
    try {
      history.replaceState(history.state, "", location.pathname + (search ? "?" + search : "") + location.hash);
    } catch { /* the state stays on the page */ }
  }

  filtered(): boolean { return FILTERS.some((f) => this.state[f] !== ""); }

  /** tools adds the filters (from lists/tools.js, those the list offers),
   * the order, the sort buttons and the print button. */
  tools(): void {
    const shared = window.ISMSListData?.tools as { html: string; label: string } | undefined;
    if (shared) {
      const tpl = document.createElement("template");
      tpl.innerHTML = shared.html;
      const tools = tpl.content.firstElementChild as HTMLElement;
      const offered = (this.box.dataset.filters || "").split(" ");
      tools.querySelectorAll<HTMLSelectElement>("select[name]").forEach((s) => {
        if (s.name !== "sort" && !offered.includes(s.name)) s.closest("label")?.remove();
      });
      tools.setAttribute("aria-label", fmt(shared.label, this.box.dataset.title || ""));
      this.range.before(tools);
      this.status = tools.querySelector(".list-status");
      for (const f of FILTERS) {
        const c = tools.querySelector<HTMLInputElement | HTMLSelectElement>(`[name="${f}"]`);
        if (!c) { this.state[f] = ""; continue; } // a filter the list does not offer
        c.id = `${this.id}-${f}`;
        c.value = this.state[f];
        // A value the filter does not offer (an address edited by hand, or
        // one from before a department was renamed) filters nothing, as
        // the filter then shows.
        if (c instanceof HTMLSelectElement && c.value !== this.state[f]) this.state[f] = "";
        // The text box drops line breaks: it filters by what it shows.
        if (c instanceof HTMLInputElement) this.state[f] = c.value.trim();
        let timer = 0;
        const apply = () => { this.state[f] = c.value.trim(); this.state.p = 1; this.cleared = true; this.update(); };
        const later = () => {
          clearTimeout(timer);
          timer = window.setTimeout(apply, c instanceof HTMLInputElement ? 150 : 0);
        };
        // The pinyin an input method is composing is no filter: the
        // characters chosen are (compositionend).
        c.addEventListener(c instanceof HTMLInputElement ? "input" : "change", (e) => { if (!(e as InputEvent).isComposing) later(); });
        c.addEventListener("compositionend", later);
        c.addEventListener("focus", () => void this.need(), { once: true });
      }
      tools.querySelector(".list-print")?.addEventListener("click", () => void this.printAll());
      // The headings, which sort, are hidden on a phone: there the order
      // is chosen here (the stylesheet shows this only on a narrow screen).
      const order = tools.querySelector<HTMLSelectElement>("select[name=sort]");
      if (order) {
        order.id = `${this.id}-sort`;
        for (const c of this.cols) {
          if (!sortable.has(c.key)) continue;
          order.append(new Option(c.label + " ↑", c.key), new Option(c.label + " ↓", "-" + c.key));
        }
        order.value = this.state.sort;
        if (order.value !== this.state.sort) this.state.sort = ""; // not a column of this list
        order.addEventListener("change", () => { this.state.sort = order.value; this.state.p = 1; void this.update(); });
        order.addEventListener("focus", () => void this.need(), { once: true });
        this.order = order;
      }
    }
    for (const c of this.cols) {
      if (!sortable.has(c.key)) continue;
      const b = el("button", "list-sort", c.label);
      b.type = "button";
      c.th.textContent = "";
      c.th.append(b);
      b.addEventListener("click", () => {
        const s = this.state;
        s.sort = s.sort === c.key ? "-" + c.key : c.key;
        s.p = 1;
        void this.update();
      });
      b.addEventListener("focus", () => void this.need(), { once: true });
    }
    this.marks();
  }

  order: HTMLSelectElement | null = null;

  /** marks shows the order on the column headers and in the order's select. */
  marks(): void {
    if (this.order) this.order.value = this.state.sort;
    for (const c of this.cols) {
      const s = this.state.sort;
      if (s === c.key) c.th.setAttribute("aria-sort", "ascending");
      else if (s === "-" + c.key) c.th.setAttribute("aria-sort", "descending");
      else c.th.removeAttribute("aria-sort");
    }
  }

  /** need loads the list's rows and documents (once). */
  need(): Promise<[Docs, Rows]> {
    if (!this.data) {
      const b = this.box.dataset;
      this.data = Promise.all([load<Docs>(b.docs!, "docs"), load<Rows>(b.src!, b.src!.replace(/^.*lists\/|\.js$/g, ""))]);
      this.data.then((d) => { this.ready = d; }, () => { this.data = undefined; });
    }
    return this.data;
  }

  say(s: string): void { if (this.status) this.status.textContent = s; }

  /** sayData says "loading" or "failed", in the words the page gives. */
  sayData(what: "loading" | "failed"): void { this.say(this.status?.dataset[what] || ""); }

  /** update shows the list as its state says, loading what it needs. */
  async update(): Promise<void> {
    this.marks();
    this.toURL();
    let d: [Docs, Rows];
    try {
      if (!this.ready) this.sayData("loading");
      d = await this.need();
    } catch {
      this.sayData("failed");
      return;
    }
    this.render(d[0], d[1]);
    this.toURL(); // with the page that exists (an address may name one past the end)
  }

  /** matches returns the rows that pass the filters, in the list's order. */
  matches(docs: Docs, rows: Rows): number[] {
    const s = this.state, q = fold(s.q), dept = docs.depts.findIndex((x) => x[0] === s.dept);
    const out: number[] = [];
    rows.rows.forEach((n, i) => {
      if (this.courses) { // a course by its title and the departments that take it
        const c = rows.x![i] as Course;
        if ((s.dept && !c[5] && !c[4].includes(dept)) || (q && !fold(c[0]).includes(q))) return;
        out.push(i);
        return;
      }
      const d = docs.docs[n], rv = d[REVIEW];
      if (this.actions) { // an action is filtered by its owner, its source and its id and title
        const a = rows.x![i] as Action;
        if ((s.dept && a[4] !== dept) || (s.source && a[3] !== s.source) ||
          (q && !fold(a[1]).includes(q) && !fold(a[2]).includes(q))) return;
        out.push(i);
        return;
      }
      if (s.tier && `${d[TIER]}` !== s.tier) return;
      if (s.status && docs.statuses[d[STATUS]] !== s.status) return;
      if (s.type && docs.types[d[TYPE]] !== s.type) return;
      if (s.dept && !d[OWNERS].includes(dept)) return;
      if (s.review && reviewNow(docs, rv) !== s.review) return;
      if (q && !fold(d[ID]).includes(q) && !fold(d[TITLE]).includes(q)) return;
      out.push(i);
    });
    const key = s.sort.replace(/^-/, "");
    if (sortable.has(key)) {
      const by = sortable.get(key)!, dir = s.sort.startsWith("-") ? -1 : 1;
      const keys = new Map<number, string | number>();
      for (const i of out) keys.set(i, by(docs, docs.docs[rows.rows[i]], rows.x?.[i]));
      const coll = new Intl.Collator(document.documentElement.lang || undefined, { numeric: true });
      out.sort((a, b) => {
        const x = keys.get(a)!, y = keys.get(b)!;
        if (x === "" || y === "") return x === y ? a - b : x === "" ? 1 : -1; // the blanks last
        const c = typeof x === "number" && typeof y === "number" ? x - y : coll.compare(`${x}`, `${y}`);
        return c * dir || a - b;
      });
    }
    return out;
  }

  /** render shows the page of the rows that match (all of them when printing). */
  render(docs: Docs, rows: Rows): void {
    this.shown = this.matches(docs, rows);
    const n = this.shown.length, pages = Math.max(1, Math.ceil(n / this.size));
    const s = this.state;
    s.p = Math.min(Math.max(1, s.p), pages);
    const from = this.all ? 0 : (s.p - 1) * this.size, to = this.all ? n : Math.min(n, from + this.size);
    const frag = document.createDocumentFragment();
    for (let i = from; i < to; i++) frag.append(this.row(docs, rows, this.shown[i]));
    this.body.replaceChildren(frag);
    const total = rows.rows.length;
    this.range.textContent = n === 0 ? label(docs, "list.none") : fmt(label(docs, "list.range"), from + 1, to, n) +
      (n < total ? " · " + fmt(label(docs, "list.matching"), n, total) : "");
    // The count is said as it changes; a filter emptied says the whole
    // list's range, so that a screen reader hears every row is back.
    this.say(this.filtered() ? (n ? fmt(label(docs, "list.matching"), n, total) : label(docs, "list.none")) :
      this.cleared ? this.range.textContent : "");
    this.cleared = false;
    this.paging(docs, pages);
    initReviewStates();
  }

  /** paging makes the pager for the rows that match: links that keep the
   * state in the address, followed in place. */
  paging(docs: Docs, pages: number): void {
    const p = this.state.p, nav = this.pager || el("nav", "pager");
    if (!this.pager) {
      nav.setAttribute("aria-label", this.box.querySelector(".list-tools")?.getAttribute("aria-label") || "");
      this.box.querySelector(".table-wrap")!.after(nav);
      this.pager = nav;
    }
    nav.hidden = pages < 2 || this.all;
    const ul = el("ul");
    const link = (k: number, text: string, rel?: string): HTMLLIElement => {
      const li = el("li"), a = el("a", "", text);
      const q = new URLSearchParams(location.search);
      q.set(`${this.id}.p`, `${k}`);
      a.href = "?" + q.toString() + "#list-" + this.id;
      if (rel) a.rel = rel;
      if (k === p && !rel) a.setAttribute("aria-current", "page");
      a.addEventListener("click", (e) => {
        if (e.button || e.ctrlKey || e.metaKey || e.shiftKey || e.altKey) return; // a new tab or window: the address
        e.preventDefault();
        this.state.p = k;
        void this.update().then(() => this.range.focus());
      });
      li.append(a);
      return li;
    };
    const prev = label(docs, "list.prev"), next = label(docs, "list.next");
    if (p > 1) ul.append(Object.assign(link(p - 1, prev, "prev"), { className: "pager-prev" }));
    let last = 0;
    for (let k = 1; k <= pages; k++) {
      if (k !== 1 && k !== pages && Math.abs(k - p) > 2) continue;
      if (k > last + 1) {
        const gap = el("li");
        gap.append(el("span", "pager-gap", "…"));
        ul.append(gap);
      }
      ul.append(link(k, `${k}`));
      last = k;
    }
    if (p < pages) ul.append(Object.assign(link(p + 1, next, "next"), { className: "pager-next" }));
    nav.replaceChildren(ul);
    this.range.tabIndex = -1;
  }

  /** printAll shows every row that matches and prints the page. */
  async printAll(): Promise<void> {
    try {
      await this.need();
    } catch {
      this.sayData("failed");
      return;
    }
    this.showAll(true);
    window.print();
  }

  /** showAll shows every row that matches (for printing), or the page again. */
  showAll(on: boolean): void {
    if (!this.ready || this.all === on) return;
    this.all = on;
    this.box.classList.toggle("list--all", on);
    this.render(this.ready[0], this.ready[1]);
  }

  /** find shows the page of the list's default order that holds the
   * action with this anchor (an address of the actions list that names
   * an action on another page), and scrolls to it. */
  async find(anchor: string): Promise<void> {
    let d: [Docs, Rows];
    try {
      d = await this.need();
    } catch {
      return;
    }
    const i = (d[1].x || []).findIndex((x) => (x as Action)[0] === anchor);
    if (i < 0) return;
    this.state = blank();
    this.state.p = Math.floor(i / this.size) + 1;
    this.render(d[0], d[1]);
    document.getElementById(anchor)?.scrollIntoView();
  }

  /** actions reports whether the list is of actions. */
  get actions(): boolean { return this.cols[0]?.key === "a-id"; }

  /** courses reports whether the list is of courses (no document of its own). */
  get courses(): boolean { return this.cols[0]?.key === "c-title"; }

  /** row makes the row of the list's row i, cell by cell as list-row does. */
  row(docs: Docs, rows: Rows, i: number): HTMLTableRowElement {
    const tr = el("tr"), d = docs.docs[rows.rows[i]] as DocRow | undefined, x = rows.x?.[i];
    if (this.actions) tr.id = (x as Action)[0];
    for (const c of this.cols) {
      const td = el("td");
      fill(td, c.key, docs, d, x, this.root);
      tr.append(td);
    }
    return tr;
  }
}

const label = (docs: Docs, key: string): string => docs.labels[key] ?? key;

/** reviewState is a document's review state as its cell shows it: the
 * build's, brought up to the reader's date ("none": not reviewed). */
const reviewNow = (docs: Docs, rv: 0 | [number, number, number]): string =>
  !rv ? "none" : rv[1] ? currentState(ymd(rv[1]), docs.states[rv[0]]) : docs.states[rv[0]];
// A count: the label's form for one ("{0} day left") where it has one.
const count = (docs: Docs, key: string, n: number): string =>
  fmt((Math.abs(n) === 1 && docs.labels[key + ".one"]) || label(docs, key), n);

const person = (docs: Docs, n: number): string => docs.people[n] || "—";
const href = (root: string, d: DocRow): string => fileHref(root + (d[URL] || "docs/" + d[ID] + "/"));

function link(root: string, d: DocRow, text: string): HTMLAnchorElement {
  const a = el("a", "", text);
  a.href = href(root, d);
  return a;
}

function badge(docs: Docs, status: string): HTMLSpanElement {
  return el("span", "badge badge--" + status, label(docs, "status." + status));
}

function reviewState(docs: Docs, d: DocRow): HTMLSpanElement {
  const rv = d[REVIEW];
  if (!rv) return el("span", "review-state review-state--none", label(docs, "review.none"));
  const state = docs.states[rv[0]], s = el("span", "review-state review-state--" + state, label(docs, "review." + state));
  s.dataset.reviewDate = rv[1] ? ymd(rv[1]) : "";
  if (rv[1]) s.append(" ", el("span", "review-state__date", ymd(rv[1])));
  return s;
}

/** fill makes the cell of column key for document d (and what the list says of it, x). */
function fill(td: HTMLTableCellElement, key: string, docs: Docs, d: DocRow | undefined, x: unknown, root: string): void {
  if (!d) { // a course, which has no document of its own
    fillCourse(td, key, docs, x as Course, root);
    return;
  }
  const status = docs.statuses[d[STATUS]], rv = d[REVIEW];
  switch (key) {
    case "id": td.className = "doc-id"; td.textContent = d[ID]; return;
    case "title": td.append(link(root, d, d[TITLE])); return;
    case "title-status":
      td.append(link(root, d, d[TITLE]));
      if (status !== "approved") td.append(" ", badge(docs, status));
      return;
    case "title-withdrawn": {
      td.append(link(root, d, d[TITLE]));
      if ((x as Withdrawal)[3]) td.append(" ", el("span", "badge", label(docs, "withdrawn.earlier")));
      else if (status !== "obsolete") td.append(" ", badge(docs, status));
      return;
    }
    case "version": td.textContent = d[VERSION]; return;
    case "owners": td.textContent = d[OWNERS].map((o) => docs.depts[o][1]).join(docs.sep) || "—"; return;
    case "status": td.append(badge(docs, status)); return;
    case "effective": td.textContent = ymd(d[EFFECTIVE]); return;
    case "approved": td.textContent = ymd(d[APPROVED]); return;
    case "last-reviewed": td.textContent = ymd(d[LAST_REVIEWED]); return;
    case "review": case "review-state": td.append(reviewState(docs, d)); return;
    case "type": td.textContent = label(docs, "type." + docs.types[d[TYPE]]); return;
    case "author": td.textContent = person(docs, d[AUTHOR]); return;
    case "reviewer": td.textContent = person(docs, d[REVIEWER]); return;
    case "approver": td.textContent = person(docs, d[APPROVER]); return;
    case "days-overdue": case "days-left": case "days": {
      td.className = "num";
      if (!rv) { td.textContent = "—"; return; }
      const state = docs.states[rv[0]], days = rv[2];
      td.textContent = state === "overdue" ? (key === "days-overdue" ? `${-days}` : count(docs, "review.days_overdue", -days)) :
        state === "missing" ? "—" : key === "days-left" ? `${days}` : count(docs, "review.days_left", days);
      return;
    }
    case "since": td.textContent = ymd((x as Pending)[0]); return;
    case "waiting": {
      const p = x as Pending;
      td.className = "num";
      td.textContent = p[0] ? count(docs, "approvals.days", p[1]) : "—";
      return;
    }
    case "w-version": td.textContent = (x as Withdrawal)[0]; return;
    case "w-date": {
      const w = x as Withdrawal;
      if (!w[1]) { td.textContent = label(docs, "withdrawn.no_date"); return; }
      td.textContent = ymd(w[1]);
      if (w[2]) td.append(" ", el("span", "badge badge--review", label(docs, "withdrawn.scheduled")));
      return;
    }
    case "replaced-by": {
      const w = x as Withdrawal;
      if (w[3]) { td.append(link(root, d, fmt(label(docs, "withdrawn.current_version"), d[VERSION]))); return; }
      if (!w[4].length) { td.textContent = "—"; return; }
      const ul = el("ul", "report-inline-list");
      for (const n of w[4]) {
        const r = docs.docs[n], a = link(root, r, " " + r[TITLE]), li = el("li");
        a.prepend(el("span", "doc-id", r[ID]));
        li.append(a, ` (${r[VERSION]})`);
        ul.append(li);
      }
      td.append(ul);
      return;
    }
    case "courses": {
      const ul = el("ul", "report-inline-list training-list");
      for (const [title, url] of (x as Training)[1]) {
        const a = el("a", "", title), li = el("li");
        a.href = url;
        a.rel = "noopener noreferrer";
        li.append(a);
        ul.append(li);
      }
      td.append(ul);
      return;
    }
    case "ack": {
      const ack = (x as Training)[0];
      if (!ack) { td.textContent = "—"; return; }
      const a = el("a", "", label(docs, "training.ack"));
      a.href = ack;
      a.rel = "noopener noreferrer";
      td.append(a);
      return;
    }
    case "retention": td.textContent = (x as RecordRow)[0] || "—"; return;
    case "r-from": td.textContent = ymd((x as RecordRow)[1]); return;
    case "r-disposal": {
      const r = x as RecordRow;
      if (!r[2]) td.textContent = label(docs, "records.no_date");
      else td.append(el("span", "record-state record-state--" + r[3], ymd(r[2])));
      return;
    }
    case "r-days-past": case "r-days-left": {
      const r = x as RecordRow;
      td.className = "num";
      td.textContent = !r[2] ? "—" : `${key === "r-days-past" ? -r[4] : r[4]}`;
      return;
    }
    case "mr-event": td.textContent = fmt(label(docs, "mr.event." + (x as Source)[0]), ymd((x as Source)[1])); return;
  }
  if (key.startsWith("a-")) fillAction(td, key, docs, d, x as Action, root);
}

/** fillCourse makes the cell of column key for a course. */
function fillCourse(td: HTMLTableCellElement, key: string, docs: Docs, c: Course, root: string): void {
  switch (key) {
    case "c-title": {
      const a = el("a", "", c[0]);
      a.href = c[1];
      a.rel = "noopener noreferrer";
      td.append(a);
      return;
    }
    case "c-docs": {
      const ul = el("ul", "report-inline-list");
      for (const n of c[2]) {
        const r = docs.docs[n], a = link(root, r, " " + r[TITLE]), li = el("li");
        a.prepend(el("span", "doc-id", r[ID]));
        li.append(a, " " + fmt(label(docs, "training.version"), r[VERSION]));
        ul.append(li);
      }
      if (c[3]) {
        const a = el("a", "", fmt(label(docs, "list.more"), c[3])), li = el("li");
        a.href = fileHref(root + "training/#list-by-document");
        li.append(a);
        ul.append(li);
      }
      td.append(ul);
      return;
    }
    case "c-depts":
      td.textContent = c[5] ? label(docs, "field.all_staff") : c[4].map((n) => docs.depts[n]?.[1] || "").join(label(docs, "list.sep"));
      return;
  }
}

/** fillAction makes the cell of column key for an action (d is the record that raises it). */
function fillAction(td: HTMLTableCellElement, key: string, docs: Docs, d: DocRow, a: Action, root: string): void {
  const idTitle = (r: DocRow): HTMLAnchorElement => {
    const l = link(root, r, " " + r[TITLE]);
    l.prepend(el("span", "doc-id", r[ID]));
    return l;
  };
  switch (key) {
    case "a-id": td.className = "doc-id"; td.textContent = a[1]; return;
    case "a-title": {
      const rec = el("span", "action-record", label(docs, "action.raised_by") + " ");
      rec.append(idTitle(d));
      if (a[10]) rec.append(` · ${label(docs, "action.clause")} ${a[10]}`);
      td.append(a[2], rec);
      return;
    }
    case "a-source": td.textContent = label(docs, "action.source." + a[3]); return;
    case "a-owner": {
      const o = el("a", "", docs.depts[a[4]]?.[1] || "");
      o.href = fileHref(root + "owners/" + (docs.depts[a[4]]?.[0] || "") + "/#actions");
      td.append(o);
      return;
    }
    case "a-docs": {
      if (!a[5].length) { td.textContent = "—"; return; }
      const ul = el("ul", "report-inline-list");
      for (const n of a[5]) {
        const li = el("li");
        li.append(idTitle(docs.docs[n]));
        ul.append(li);
      }
      td.append(ul);
      return;
    }
    case "a-due": td.textContent = ymd(a[6]); return;
    case "a-closed": td.append(el("span", "action-state action-state--closed", ymd(a[7]))); return;
    case "a-evidence": {
      if (a[11] >= 0) td.append(idTitle(docs.docs[a[11]]));
      else if (a[12]) {
        const l = el("a", "", a[12]);
        l.href = a[12];
        l.rel = "noopener noreferrer";
        td.append(l);
      } else td.textContent = a[13] || "—";
      return;
    }
    case "a-state": {
      const state = a[8], s = el("span", "action-state action-state--" + state, label(docs, "action.state." + state));
      s.dataset.due = ymd(a[6]) === "—" ? "" : ymd(a[6]);
      s.textContent += state === "overdue" ? " · " + count(docs, "action.days_overdue", -a[9]) :
        state === "open" ? " · " + (a[9] ? count(docs, "action.days_left", a[9]) : label(docs, "action.due_today")) :
          " " + ymd(a[7]);
      td.append(s);
      return;
    }
  }
}

/** sortable gives each column that can be sorted the key of a row: a
 * number, or text compared as the reader's language does; "" sorts last. */
const sortable = new Map<string, (docs: Docs, d: DocRow, x: unknown) => string | number>([
  ["id", (_, d) => d[ID]],
  ["title", (_, d) => d[TITLE]], ["title-status", (_, d) => d[TITLE]], ["title-withdrawn", (_, d) => d[TITLE]],
  ["version", (_, d) => d[VERSION]],
  ["owners", (docs, d) => d[OWNERS].map((o) => docs.depts[o][1]).join(docs.sep)],
  ["status", (_, d) => d[STATUS]],
  ["type", (_, d) => d[TYPE]],
  ["effective", (_, d) => d[EFFECTIVE] || ""], ["approved", (_, d) => d[APPROVED] || ""],
  ["last-reviewed", (_, d) => d[LAST_REVIEWED] || ""],
  ["review", (_, d) => (d[REVIEW] && d[REVIEW][1]) || ""],
  ["review-state", (docs, d) => (d[REVIEW] ? docs.states.indexOf(reviewNow(docs, d[REVIEW])) : "")],
  ["days-overdue", (_, d) => (d[REVIEW] && d[REVIEW][1] ? -d[REVIEW][2] : "")],
  ["days-left", (_, d) => (d[REVIEW] && d[REVIEW][1] ? d[REVIEW][2] : "")],
  ["days", (_, d) => (d[REVIEW] && d[REVIEW][1] ? d[REVIEW][2] : "")],
  ["author", (docs, d) => docs.people[d[AUTHOR]]], ["reviewer", (docs, d) => docs.people[d[REVIEWER]]],
  ["approver", (docs, d) => docs.people[d[APPROVER]]],
  ["since", (_, _d, x) => (x as Pending)[0] || ""], ["waiting", (_, _d, x) => ((x as Pending)[0] ? (x as Pending)[1] : "")],
  ["w-version", (_, _d, x) => (x as Withdrawal)[0]], ["w-date", (_, _d, x) => (x as Withdrawal)[1] || ""],
  ["retention", (_, _d, x) => (x as RecordRow)[0]], ["r-from", (_, _d, x) => (x as RecordRow)[1] || ""],
  ["r-disposal", (_, _d, x) => (x as RecordRow)[2] || ""],
  ["r-days-past", (_, _d, x) => ((x as RecordRow)[2] ? -(x as RecordRow)[4] : "")],
  ["r-days-left", (_, _d, x) => ((x as RecordRow)[2] ? (x as RecordRow)[4] : "")],
  ["mr-event", (_, _d, x) => (x as Source)[1] || ""],
  ["a-id", (_, _d, x) => (x as Action)[1]], ["a-title", (_, _d, x) => (x as Action)[2]],
  ["a-source", (_, _d, x) => (x as Action)[3]], ["a-owner", (docs, _d, x) => docs.depts[(x as Action)[4]]?.[1] || ""],
  ["a-due", (_, _d, x) => (x as Action)[6] || ""], ["a-closed", (_, _d, x) => (x as Action)[7] || ""],
  ["a-state", (_, _d, x) => (x as Action)[9]],
  ["c-title", (_, _d, x) => (x as Course)[0]], ["c-docs", (_, _d, x) => (x as Course)[2].length + (x as Course)[3]],
]);

/** initLists wires up every list of the page, once lists/tools.js has
 * run: the page script and it are both deferred, and this one may run
 * first. */
export function initLists(): void {
  const tools = document.querySelector<HTMLScriptElement>('script[src$="lists/tools.js"]');
  if (!tools || window.ISMSListData?.tools) return wireLists();
  let wired = false;
  const once = () => { if (!wired) { wired = true; wireLists(); } };
  tools.addEventListener("load", once, { once: true });
  tools.addEventListener("error", once, { once: true }); // the lists page without their filters
}

function wireLists(): void {
  const lists = Array.from(document.querySelectorAll<HTMLElement>(".list[data-list]"), (box) => new List(box));
  if (!lists.length) return;
  // A state in the address is shown once the page has loaded: the rows
  // load after the page, which is complete without them.
  const restore = () => {
    for (const l of lists) if (l.stated()) void l.update();
    let target = location.hash.slice(1);
    try { target = decodeURIComponent(target); } catch { /* a malformed escape: the fragment as written */ }
    if (target && !document.getElementById(target)) for (const l of lists) if (l.actions) void l.find(target);
  };
  if (document.readyState === "complete") restore(); else window.addEventListener("load", restore, { once: true });
  // Printing with the browser's command prints every row of the lists
  // whose rows are loaded; the others print their page and say so.
  window.addEventListener("beforeprint", () => { for (const l of lists) l.showAll(true); });
  window.addEventListener("afterprint", () => { for (const l of lists) l.showAll(false); });
}
