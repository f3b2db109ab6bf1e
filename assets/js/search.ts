// Site search: the header box (a combobox with a drop-down of results) on
// every page, and the results page search/?q= (a list of links, fed by its
// own box and the header box). The index files are built by
// generator/search (see its doc.go for the format) and loaded lazily with
// <script src> tags, so search works offline, from file:// and under a
// Content-Security-Policy of default-src 'self'. The ranking below must stay
// in lockstep with generator/search/index.go (same integers, same order).

import { fileHref } from "./filelinks";

/** A document row of index.js: id, title, url ("" = docs/<id>/), tier, type, status, version, obsolete. */
export type Doc = [string, string, string, number, string, string, string, number];
interface Meta { v: number; shards: number; cap: number; docs: Doc[] }
/** Document text for snippets and its headings [text, anchor]. */
export type Frag = [string, [string, string][]];
/** A query term: k 0 word/compound, 1 one CJK character, 2 a CJK run. */
export interface Term { k: number; t: string; r: number[] }
/** A hit: document number and score. */
export interface Hit { d: number; s: number }
/** Loads the script at url and returns what it stored under key. */
export type Loader = (url: string, key: string) => Promise<unknown>;

// Scores: the same integers as generator/search/index.go.
const ID_EXACT = 1000, ID_PREFIX = 600, TITLE_EXACT = 300, TITLE_PREFIX = 200,
  HEAD_EXACT = 100, HEAD_PREFIX = 60, BODY_EXACT = 30, BODY_PREFIX = 20,
  PER_TF = 5, LOOSE = 5, WHOLE_ID = 10000, MAX_TERMS = 16, MAX_TOKEN = 32,
  MAX_PARTS = 8, BLOOM_BITS = 12, F_HEAD = 2, F_TITLE = 4, F_ID = 8,
  SNIPPET_LEN = 140, SNIPPET_LEAD = 30;

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
const DEC = new Uint8Array(128);
for (let i = 0; i < 64; i++) DEC[ALPHABET.charCodeAt(i)] = i;

/** fold maps a code point to its search form (generator/search fold). */
export function fold(c: number): number {
  if (c >= 65 && c <= 90) return c + 32;
  if (c < 0x80) return c;
  if (c >= 0xff01 && c <= 0xff5e) { c -= 0xfee0; return c >= 65 && c <= 90 ? c + 32 : c; }
  if (c === 0x3000) return 32;
  if (c === 0x2010 || c === 0x2011) return 45;
  if ((c >= 0xc0 && c <= 0xde && c !== 0xd7) || (c >= 0x391 && c <= 0x3a9 && c !== 0x3a2) ||
    (c >= 0x410 && c <= 0x42f)) return c + 32;
  return c;
}

function isCJK(c: number): boolean {
  return (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xf900 && c <= 0xfaff) ||
    (c >= 0x20000 && c <= 0x323af) || (c >= 0x3040 && c <= 0x30ff) || (c >= 0xac00 && c <= 0xd7af);
}

const WORD = /[\p{L}\p{Nd}\p{M}]/u;
function isWord(c: number): boolean {
  if (c < 0x80) return (c >= 97 && c <= 122) || (c >= 48 && c <= 57);
  return !isCJK(c) && c !== 0xfffd && WORD.test(String.fromCodePoint(c));
}

const cps = (s: string): number[] => Array.from(s, (ch) => fold(ch.codePointAt(0)!));
const str = (r: number[]): string => String.fromCodePoint(...r);

/** parseQuery splits a query into distinct terms, as parseQuery in index.go. */
export function parseQuery(q: string): Term[] {
  const rs = cps(q), n = rs.length, terms: Term[] = [], seen = new Set<string>();
  const add = (k: number, r: number[]) => {
    const t = str(r);
    if (!seen.has(t) && terms.length < MAX_TERMS) { seen.add(t); terms.push({ k, t, r }); }
  };
  for (let i = 0; i < n;) {
    if (isCJK(rs[i])) {
      let j = i + 1;
      while (j < n && isCJK(rs[j])) j++;
      add(j - i === 1 ? 1 : 2, rs.slice(i, j));
      i = j;
    } else if (isWord(rs[i])) {
      const parts: number[][] = [], joins: number[] = [];
      let j = i;
      for (;;) {
        let k = j;
        while (k < n && isWord(rs[k])) k++;
        parts.push(rs.slice(j, Math.min(k, j + MAX_TOKEN)));
        j = k;
        const c = rs[j];
        if (j + 1 < n && (c === 45 || c === 95 || c === 46) && isWord(rs[j + 1])) { joins.push(c); j++; } else break;
      }
      if (parts.length >= 2 && parts.length <= MAX_PARTS) {
        const r: number[] = [];
        parts.forEach((p, x) => { if (x) r.push(joins[x - 1]); r.push(...p); });
        add(0, r);
      } else parts.forEach((p) => add(0, p));
      i = j;
    } else i++;
  }
  return terms;
}

/** shardOf: FNV-1a over a token's key, see files.go. */
function shardOf(tok: string, n: number): number {
  const j = tok.search(/[-_.]/), len = j < 0 ? 2 : Array.from(tok.slice(0, j)).length + 2;
  let h = 0x811c9dc5, k = 0;
  for (const ch of tok) {
    if (k++ === len) break;
    h = Math.imul(h ^ ch.codePointAt(0)!, 16777619) >>> 0;
  }
  return h % n;
}

/** decode calls f for each posting of an encoded list. */
function decode(s: string, bigram: boolean, f: (d: number, info: number, bloom: number) => void): void {
  let d = -1;
  for (let i = 0; i < s.length;) {
    let v = 0, shift = 0, c: number;
    while ((c = DEC[s.charCodeAt(i++)]) >= 32) { v |= (c - 32) << shift; shift += 5; }
    d += (v | (c << shift)) + 1;
    const info = DEC[s.charCodeAt(i++)];
    let bloom = 0;
    if (bigram) { bloom = DEC[s.charCodeAt(i)] | (DEC[s.charCodeAt(i + 1)] << 6); i += 2; }
    f(d, info, bloom);
  }
}

function fieldScore(info: number, exact: boolean): number {
  const m = info & 15;
  if (m & F_ID) return exact ? ID_EXACT : ID_PREFIX;
  if (m & F_TITLE) return exact ? TITLE_EXACT : TITLE_PREFIX;
  if (m & F_HEAD) return exact ? HEAD_EXACT : HEAD_PREFIX;
  return (exact ? BODY_EXACT : BODY_PREFIX) + PER_TF * (info >> 4);
}

interface Shard { a: string[]; m: Map<string, string> }

/** Results of a query: its terms, the matching documents best first, and all documents. */
export interface Found { terms: Term[]; hits: Hit[]; docs: Doc[] }

/** An Engine loads an index lazily and answers queries. */
export interface Engine {
  /** open loads index.js (once). */
  open(): Promise<Meta>;
  /** search returns every document matching all terms of q, best first. */
  search(q: string): Promise<Found>;
  /** text loads document d's snippet text and headings. */
  text(d: number): Promise<Frag>;
}

/** engine makes an Engine for the index whose files are under base (ending with '/'). */
export function engine(base: string, load: Loader): Engine {
  const shards = new Map<number, Promise<Shard>>(), texts = new Map<number, Promise<Frag>>(),
    ids = new Map<string, number>(), titles: string[] = [];
  let ready: Promise<Meta> | undefined;
  const open = (): Promise<Meta> => ready ||= (load(base + "index.js", "i") as Promise<Meta>).then((m) => {
    m.docs.forEach((d, i) => { const k = str(cps(d[0])); if (!ids.has(k)) ids.set(k, i); });
    return m;
  });
  const shard = (k: number): Promise<Shard> => {
    let p = shards.get(k);
    if (!p) {
      p = (load(base + "p/" + k + ".js", "p" + k) as Promise<string[]>).then((a) => {
        const m = new Map<string, string>();
        for (let i = 0; i < a.length; i += 2) m.set(a[i], a[i + 1]);
        return { a, m };
      });
      shards.set(k, p);
    }
    return p;
  };
  const text = (d: number): Promise<Frag> => {
    let p = texts.get(d);
    if (!p) { p = load(base + "t/" + d + ".js", "t" + d) as Promise<Frag>; texts.set(d, p); }
    return p;
  };

  const termScores = (t: Term, docs: Doc[], get: (tok: string) => string, sh?: Shard): Int32Array => {
    const n = docs.length, scores = new Int32Array(n);
    if (t.k === 1 || (t.k === 0 && t.r.length < 2)) {
      decode(get(t.t), false, (d, info) => { scores[d] = fieldScore(info, true); });
    } else if (t.k === 0) {
      // A word matches the words it starts, a compound the compounds.
      const a = sh!.a, compound = /[-_.]/.test(t.t);
      for (let i = 0; i < a.length; i += 2) {
        if (!a[i].startsWith(t.t) || (!compound && /[-_.]/.test(a[i]))) continue;
        const exact = a[i] === t.t;
        decode(a[i + 1], false, (d, info) => { scores[d] = Math.max(scores[d], fieldScore(info, exact)); });
      }
    } else {
      const r = t.r, bigrams = new Set<string>();
      for (let i = 0; i + 1 < r.length; i++) bigrams.add(str(r.slice(i, i + 2)));
      const count = new Uint16Array(n), mask = new Uint8Array(n).fill(15), tf = new Uint8Array(n).fill(3),
        loose = new Uint8Array(n);
      for (const bg of bigrams) {
        decode(get(bg), true, (d, info) => { count[d]++; mask[d] &= info & 15; tf[d] = Math.min(tf[d], info >> 4); });
      }
      // Each three characters in a row must have been seen in a row:
      // bigram i's filter holds character i+2.
      for (let i = 0; i + 2 < r.length; i++) {
        const bit = 1 << (r[i + 2] % BLOOM_BITS);
        decode(get(str(r.slice(i, i + 2))), true, (d, _info, bloom) => { if (!(bloom & bit)) loose[d] = 1; });
      }
      for (let d = 0; d < n; d++) {
        if (count[d] !== bigrams.size) continue;
        scores[d] = (titles[d] ??= str(cps(docs[d][1]))).includes(t.t) ? TITLE_EXACT : loose[d] ? LOOSE :
          mask[d] & F_HEAD ? HEAD_EXACT : BODY_EXACT + PER_TF * tf[d];
      }
    }
    return scores;
  };

  const search = async (q: string): Promise<Found> => {
    const meta = await open(), docs = meta.docs, n = docs.length, terms = parseQuery(q), keys = new Set<number>();
    const key = (tok: string) => shardOf(tok, meta.shards);
    for (const t of terms) {
      if (t.k < 2) keys.add(key(t.t));
      else for (let i = 0; i + 1 < t.r.length; i++) keys.add(key(str(t.r.slice(i, i + 2))));
    }
    const loaded = new Map<number, Shard>();
    await Promise.all([...keys].map((k) => shard(k).then((s) => loaded.set(k, s))));
    const get = (tok: string) => loaded.get(key(tok))!.m.get(tok) || "";
    const total = new Int32Array(n);
    terms.forEach((t, x) => {
      const s = termScores(t, docs, get, loaded.get(key(t.t)));
      for (let d = 0; d < n; d++) total[d] = s[d] === 0 || (x > 0 && total[d] === 0) ? 0 : total[d] + s[d];
    });
    if (terms.length === 1 && terms[0].k === 0) {
      const d = ids.get(terms[0].t);
      if (d !== undefined && total[d] > 0) total[d] += WHOLE_ID;
    }
    const hits: Hit[] = [];
    for (let d = 0; d < n; d++) if (total[d] > 0) hits.push({ d, s: total[d] });
    hits.sort((a, b) => docs[a.d][7] - docs[b.d][7] || b.s - a.s || a.d - b.d);
    return { terms, hits, docs };
  };
  return { open, search, text };
}

/** snippet picks the piece of text around the first match, as index.go's snippet. */
export function snippet(text: string, terms: Term[]): { parts: [string, boolean][]; pre: boolean; post: boolean } {
  const t = Array.from(text), f = t.map((ch) => fold(ch.codePointAt(0)!)), n = f.length;
  const ranges: [number, number][] = [];
  const find = (p: number[], ws: boolean, we: boolean): boolean => {
    let found = false;
    outer: for (let i = 0; i + p.length <= n; i++) {
      for (let j = 0; j < p.length; j++) if (f[i + j] !== p[j]) continue outer;
      if (ws && i > 0 && isWord(f[i - 1])) continue;
      if (we && i + p.length < n && isWord(f[i + p.length])) continue;
      ranges.push([i, i + p.length]);
      found = true;
    }
    return found;
  };
  for (const x of terms) {
    if (x.k === 0) find(x.r, true, x.r.length < 2);
    else if (x.k === 1) find(x.r, false, false);
    else if (!find(x.r, false, false)) for (let i = 0; i + 1 < x.r.length; i++) find(x.r.slice(i, i + 2), false, false);
  }
  ranges.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: [number, number][] = []; // overlapping or touching matches become one
  for (const r of ranges) {
    const m = merged[merged.length - 1];
    if (m && r[0] <= m[1]) m[1] = Math.max(m[1], r[1]); else merged.push(r);
  }
  let start = merged.length ? Math.max(0, merged[0][0] - SNIPPET_LEAD) : 0;
  const end = Math.min(n, start + SNIPPET_LEN);
  start = Math.max(0, Math.min(start, end - SNIPPET_LEN));
  const parts: [string, boolean][] = [];
  let pos = start;
  for (const [a, b] of merged) {
    const s = Math.max(a, pos), e = Math.min(b, end);
    if (s >= e) continue;
    if (s > pos) parts.push([t.slice(pos, s).join(""), false]);
    parts.push([t.slice(s, e).join(""), true]);
    pos = e;
  }
  if (pos < end) parts.push([t.slice(pos, end).join(""), false]);
  return { parts, pre: start > 0, post: end < n };
}

// ---- the page ----

declare global { interface Window { ISMSSearchData?: Record<string, unknown> } }

/** scriptLoader loads an index file with a <script src> tag. */
const scriptLoader: Loader = (url, key) => new Promise((resolve, reject) => {
  const s = document.createElement("script");
  s.src = url;
  s.async = true;
  s.onload = () => {
    const box = window.ISMSSearchData || {};
    const v = box[key];
    delete box[key];
    s.remove();
    v === undefined ? reject(new Error(url)) : resolve(v);
  };
  s.onerror = () => { s.remove(); reject(new Error(url)); };
  document.head.appendChild(s);
});

const ZH = {
  tier: ["一级", "二级", "三级"],
  st: { draft: "草稿", review: "审核中", approved: "已批准", obsolete: "作废" } as Record<string, string>,
  found: "找到 %n 个文件", none: "没有与“%q”匹配的文件", loading: "正在搜索…", failed: "无法加载搜索索引",
  all: "查看全部 %n 个结果", more: "显示更多", results: "搜索结果",
};
const EN: typeof ZH = {
  tier: ["Tier 1", "Tier 2", "Tier 3"],
  st: { draft: "Draft", review: "In review", approved: "Approved", obsolete: "Obsolete" },
  found: "%n documents found", none: "No document matches “%q”", loading: "Searching…",
  failed: "The search index could not be loaded", all: "See all %n results", more: "Show more",
  results: "Search results",
};

function el<K extends keyof HTMLElementTagNameMap>(tag: K, cls?: string, text?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined) e.textContent = text;
  return e;
}

const PAGE_SIZE = 50, DROP_SIZE = 8;

/** initSearch wires up the header box (a combobox with a listbox of results)
 * and, on search/, the results page (a plain list of links, fed by the page's
 * own box and the header box). */
export function initSearch(): void {
  const input = document.getElementById("site-search-q") as HTMLInputElement | null;
  const page = document.getElementById("search-page");
  const host = page || input;
  if (!host) return;
  const L = /^zh/i.test(document.documentElement.lang) ? ZH : EN;
  const indexURL = host.getAttribute("data-index") || "search/index.js";
  const root = host.getAttribute("data-root") || "";
  const eng = engine(indexURL.slice(0, indexURL.lastIndexOf("/") + 1), scriptLoader);
  const href = (doc: Doc): string => fileHref(root + (doc[2] || "docs/" + doc[0] + "/"));
  const count = (q: string, n: number) => (!q ? "" : n ? L.found.replace("%n", `${n}`) : L.none.replace("%q", q));

  /** item is a result: its title (a link when link is set, else text with
   * the address in data-href), id, tier, status and a snippet with the
   * matches in <mark>. Index data only ever goes into textContent. */
  const item = (h: Hit, { terms, docs }: Found, link: boolean): HTMLLIElement => {
    const doc = docs[h.d], li = el("li", "search-result" + (doc[7] ? " is-obsolete" : ""));
    const title = el(link ? "a" : "span", "search-title", doc[1]);
    if (link) (title as HTMLAnchorElement).href = href(doc); else li.dataset.href = href(doc);
    const meta = el("span", "search-meta");
    meta.append(el("span", "search-id", doc[0]), el("span", "search-tier", L.tier[doc[3] - 1] || `${doc[3]}`),
      el("span", "search-status status-" + doc[5], doc[7] ? L.st.obsolete : L.st[doc[5]] || doc[5]));
    const snip = el("span", "search-snippet");
    li.append(title, meta, snip);
    eng.text(h.d).then((fr) => {
      const s = snippet(fr[0], terms);
      if (s.pre) snip.append("…");
      for (const [text, mark] of s.parts) snip.append(mark ? el("mark", "", text) : text);
      if (s.post) snip.append("…");
    }, () => { /* no snippet */ });
    return li;
  };

  // query searches q and calls show with the results (none: the index did
  // not load). Typing waits for the next frame, so a burst of keystrokes
  // costs one search; only the latest query's results are shown.
  let seq = 0, frame = 0;
  const query = (q: string, show: (q: string, r?: Found) => void, wait: boolean) => {
    cancelAnimationFrame(frame);
    const go = () => {
      const my = ++seq;
      if (!q) return show(q, { terms: [], hits: [], docs: [] });
      eng.search(q).then((r) => { if (my === seq) show(q, r); }, () => { if (my === seq) show(q); });
    };
    if (wait) frame = requestAnimationFrame(go); else go();
  };

  let slash = input;
  if (page) {
    // The results page: an ordered list of links; Tab moves through them.
    const list = document.getElementById("search-results") || page.appendChild(el("ol"));
    const status = document.getElementById("search-status");
    const own = document.getElementById("search-page-q") as HTMLInputElement | null;
    const boxes = [own, input].filter((b): b is HTMLInputElement => !!b);
    slash = own || input;
    let found: Found = { terms: [], hits: [], docs: [] }, shown = 0;
    const say = (s: string) => { if (status) status.textContent = s; };
    const more = () => {
      list.querySelector(".search-more")?.remove();
      const hits = found.hits, stop = Math.min(hits.length, shown + PAGE_SIZE);
      for (; shown < stop; shown++) list.appendChild(item(hits[shown], found, true));
      if (shown < hits.length) {
        const li = el("li", "search-more"), b = el("button", "", L.more), next = shown;
        b.type = "button";
        b.addEventListener("click", () => { more(); list.children[next]?.querySelector("a")?.focus(); });
        li.appendChild(b);
        list.appendChild(li);
      }
    };
    const show = (q: string, r?: Found) => {
      if (!r) return say(L.failed);
      found = r;
      shown = 0;
      list.textContent = "";
      list.dataset.q = q; // the query the list shows (typing may be ahead of it)
      more();
      say(count(q, r.hits.length));
    };
    const run = (q: string, wait: boolean) => {
      q = q.trim();
      try {
        history.replaceState(history.state, "", location.pathname + (q ? "?q=" + encodeURIComponent(q) : "") + location.hash);
      } catch { /* file:// may refuse */ }
      if (q && !wait) say(L.loading);
      query(q, show, wait);
    };
    const q = new URLSearchParams(location.search).get("q") || "";
    for (const b of boxes) {
      b.value = q;
      const sync = () => { for (const o of boxes) if (o !== b) o.value = b.value; };
      b.addEventListener("input", () => { sync(); run(b.value, true); });
      b.form?.addEventListener("submit", (e) => { e.preventDefault(); sync(); run(b.value, false); });
    }
    run(q, false);
  } else if (input) {
    // The header box: an ARIA 1.2 combobox. The options are not links (a
    // link inside an option is a control inside a control): Enter or a
    // click opens the option's data-href. The focus stays in the box.
    const pop = el("div", "site-search-pop"), list = el("ul", "site-search-list"),
      foot = el("div", "site-search-foot"), live = el("span", "visually-hidden");
    list.id = "site-search-list";
    list.setAttribute("role", "listbox");
    list.setAttribute("aria-label", L.results);
    live.setAttribute("role", "status");
    pop.hidden = true;
    pop.append(list, foot);
    pop.addEventListener("mousedown", (e) => e.preventDefault()); // keep the focus in the box
    (input.form || input.parentElement!).append(pop, live);
    let active = -1, lastQ = "";
    const options = () => list.children as HTMLCollectionOf<HTMLElement>;
    const select = (i: number) => {
      const o = options();
      active = i;
      for (let x = 0; x < o.length; x++) o[x].setAttribute("aria-selected", `${x === i}`);
      if (i >= 0) {
        input.setAttribute("aria-activedescendant", o[i].id);
        o[i].scrollIntoView({ block: "nearest" });
      } else input.removeAttribute("aria-activedescendant");
    };
    const open = (on: boolean) => {
      on &&= !!lastQ;
      pop.hidden = !on;
      input.setAttribute("aria-expanded", `${on}`);
      if (!on) select(-1);
    };
    const go = (o?: HTMLElement) => { if (o?.dataset.href) location.href = o.dataset.href; };
    const show = (q: string, r?: Found) => {
      lastQ = list.dataset.q = q;
      list.textContent = foot.textContent = "";
      active = -1;
      input.removeAttribute("aria-activedescendant");
      const hits = r ? r.hits : [];
      hits.slice(0, DROP_SIZE).forEach((h, x) => {
        const li = item(h, r!, false);
        li.id = list.id + "-" + x;
        li.setAttribute("role", "option");
        li.setAttribute("aria-selected", "false");
        list.appendChild(li);
      });
      list.hidden = !hits.length;
      if (hits.length > DROP_SIZE) {
        const a = el("a", "", L.all.replace("%n", `${hits.length}`));
        a.href = fileHref(root + "search/?q=" + encodeURIComponent(q));
        foot.appendChild(a);
      } else if (q) foot.textContent = r ? (hits.length ? "" : count(q, 0)) : L.failed;
      foot.hidden = !foot.firstChild;
      live.textContent = r ? count(q, hits.length) : L.failed;
      open(document.activeElement === input);
    };
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-controls", list.id);
    input.setAttribute("aria-expanded", "false");
    input.addEventListener("focus", () => { eng.open().catch(() => { /* said at the search */ }); open(true); });
    input.addEventListener("blur", () => open(false));
    input.addEventListener("input", () => query(input.value.trim(), show, true));
    list.addEventListener("click", (e) => go((e.target as Element).closest<HTMLElement>("[role=option]") || undefined));
    input.addEventListener("keydown", (e) => {
      const k = e.key, n = options().length;
      if (k === "ArrowDown" || k === "ArrowUp") {
        e.preventDefault();
        if (pop.hidden) open(true);
        if (!pop.hidden && n) select(k === "ArrowDown" ? (active + 1) % n : active <= 0 ? n - 1 : active - 1);
      } else if (k === "Enter" && active >= 0 && !pop.hidden) {
        e.preventDefault();
        go(options()[active]);
      } else if (k === "Escape" && !pop.hidden) {
        e.preventDefault();
        open(false);
      }
    });
  }
  if (slash) {
    const box = slash;
    document.addEventListener("keydown", (e) => {
      const t = e.target as HTMLElement;
      if (e.key !== "/" || e.ctrlKey || e.metaKey || e.altKey || t.isContentEditable ||
        /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName)) return;
      e.preventDefault();
      box.focus();
      box.select();
    });
  }
}
