// Site search: the header box (a combobox with a drop-down of results) on
// every page, and the results page search/?q= (a list of links, fed by its
// own box and the header box). The index files are built by
// generator/search (see its doc.go for the format) and loaded lazily with
// <script src> tags, so search works offline, from file:// and under a
// Content-Security-Policy of default-src 'self'. The ranking below must stay
// in lockstep with generator/search/index.go (same integers, same order).

import { fileHref } from "./filelinks";

/** A document of the index (search/d/<n>.js): id, title, url ("" = docs/<id>/), tier, type, status,
 * version, obsolete, the start of its text for snippets, and its headings [text, anchor]. */
export type Doc = [string, string, string, number, string, string, string, number, string, [string, string][]];
/** A directory of chunks: each chunk's first key and its size in bytes. */
type Dir = [string, number][];
interface Meta { v: number; n: number; cap: number; pb: number; obs: string; tl: string; w: Dir; b: Dir; a: Dir; i: Dir }
/** A query term: k 0 word/compound, 1 one CJK character, 2 a CJK run; w: a
 * word before a hyphen, matched whole; p and j: a word with hyphens' words
 * and joined form (index.go term). */
export interface Term { k: number; t: string; r: number[]; w?: boolean; p?: Term[]; j?: Term }
/** A hit: document number and score. */
export interface Hit { d: number; s: number }
/** Loads the script at url and returns what it stored under key. */
export type Loader = (url: string, key: string) => Promise<unknown>;

// Scores: the same integers as generator/search/index.go.
const ID_EXACT = 1000, ID_PREFIX = 600, TITLE_EXACT = 300, TITLE_PREFIX = 200,
  HEAD_EXACT = 100, HEAD_PREFIX = 60, BODY_EXACT = 30, BODY_PREFIX = 20,
  PER_TF = 5, LOOSE = 5, WHOLE_ID = 10000, WHOLE_TITLE = 1000, TITLE_SHARE = 100, MAX_TITLE = 20, MAX_TERMS = 16, MAX_TOKEN = 32,
  MAX_PARTS = 8, BLOOM_BITS = 12, F_HEAD = 2, F_TITLE = 4, F_ID = 8,
  SNIPPET_LEN = 140, SNIPPET_LEAD = 30;

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_",
  GAP_LAST = "!#$%&'()*+,./:;=", GAP_MORE = ">?@[]^`{|}~";
const DEC = new Uint8Array(128).fill(255);
for (let i = 0; i < 64; i++) DEC[ALPHABET.charCodeAt(i)] = i;
for (let i = 0; i < GAP_LAST.length; i++) DEC[GAP_LAST.charCodeAt(i)] = 64 + i;
for (let i = 0; i < GAP_MORE.length; i++) DEC[GAP_MORE.charCodeAt(i)] = 96 + i;

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

/** hyphenForms gives a word with hyphens its words, all but the last
 * whole, and its joined form when no word holds '.' or '_' (index.go
 * hyphenForms). */
function hyphenForms(t: Term): Term {
  if (t.k !== 0 || !t.t.includes("-")) return t;
  const words = t.t.split("-");
  t.p = words.map((w, i) => ({ k: 0, t: w, r: cps(w), w: i < words.length - 1 }));
  if (!/[_.]/.test(t.t)) {
    const r = cps(words.join("")).slice(0, MAX_TOKEN); // as a word is indexed
    t.j = { k: 0, t: str(r), r };
  }
  return t;
}

/** parseQuery splits a query into distinct terms, as parseQuery in index.go. */
export function parseQuery(q: string): Term[] {
  const rs = cps(q), n = rs.length, terms: Term[] = [], seen = new Set<string>();
  const add = (k: number, r: number[]) => {
    const t = str(r);
    if (!seen.has(t) && terms.length < MAX_TERMS) { seen.add(t); terms.push(hyphenForms({ k, t, r })); }
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

/** cmp compares strings by code points, as Go sorts the index's keys
 * (UTF-16 puts U+E000–U+FFFF after the surrogates that make the code
 * points above them). */
function cmp(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i), y = b.charCodeAt(i);
    if (x === y) continue;
    const sx = x >= 0xd800 && x < 0xe000, sy = y >= 0xd800 && y < 0xe000;
    return sx !== sy ? (sx ? 1 : -1) : x - y;
  }
  return a.length - b.length;
}

/** chunkOf returns the chunk of dir where key is or would be (-1: none). */
function chunkOf(dir: Dir, key: string): number {
  let lo = 0, hi = dir.length; // the first chunk whose first key is after key
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cmp(dir[mid][0], key) > 0) hi = mid; else lo = mid + 1;
  }
  return dir.length ? Math.max(0, lo - 1) : -1;
}

/** decode calls f for each posting of an encoded list: the document, the
 * field bits and body frequency, a bigram's places in the title (when it
 * is in the title), and the posting's number in the list. */
function decode(s: string, bigram: boolean, f: (d: number, info: number, title: number[] | null, j: number) => void): void {
  let d = -1;
  const varint = (): number => {
    let v = 0, shift = 0, c: number;
    while ((c = DEC[s.charCodeAt(i++)]) >= 32) { v += (c - 32) * 2 ** shift; shift += 5; }
    return v + c * 2 ** shift;
  };
  let i = 0;
  for (let j = 0; i < s.length; j++) {
    let skip = 0, mul = 1, c: number;
    while ((c = DEC[s.charCodeAt(i)]) >= 64) {
      i++;
      if (c >= 96) { skip += (c - 96) * mul; mul *= GAP_MORE.length; continue; }
      skip += (c - 64) * mul + 1;
      break;
    }
    d += skip + 1;
    const info = DEC[s.charCodeAt(i++)];
    let title: number[] | null = null;
    if (bigram && info & F_TITLE) {
      title = [];
      for (let n = varint(), p = 0; n > 0; n--) title.push(p += varint());
    }
    f(d, info, title, j);
  }
}

function fieldScore(info: number, exact: boolean): number {
  const m = info & 15;
  if (m & F_ID) return exact ? ID_EXACT : ID_PREFIX;
  if (m & F_TITLE) return exact ? TITLE_EXACT : TITLE_PREFIX;
  if (m & F_HEAD) return exact ? HEAD_EXACT : HEAD_PREFIX;
  return (exact ? BODY_EXACT : BODY_PREFIX) + PER_TF * (info >> 4);
}

/** termLength is what a term counts towards a query's title length
 * (index.go termLength): a CJK character or a word each. */
const termLength = (t: Term): number => t.k !== 0 ? t.r.length : t.t.split(/[-_.]/).length;

/** titleScore is what a document whose title holds every term gains
 * (index.go titleScore); inT: 0 not in the title, 1 some, 2 exact. */
function titleScore(inT: number, qlen: number, tlen: number): number {
  if (!inT || !tlen) return 0;
  let s = Math.floor(TITLE_SHARE * Math.min(qlen, tlen) / tlen);
  if (inT === 2 && qlen === tlen && tlen < MAX_TITLE) s += WHOLE_TITLE;
  return s;
}

/** A loaded chunk: its keys and values in order, and by key. */
interface Chunk { a: (string | number)[]; m: Map<string, string | number> }

/** Results of a query: its terms, the matching documents best first, and
 * the Annex A controls the query names (see controlsOf). */
export interface Found { terms: Term[]; hits: Hit[]; controls: string[] }

/** An Engine loads an index lazily and answers queries. */
export interface Engine {
  /** open loads index.js (once). */
  open(): Promise<unknown>;
  /** search returns every document matching all terms of q, best first. */
  search(q: string): Promise<Found>;
  /** doc loads what a result shows of document d. */
  doc(d: number): Promise<Doc>;
}

/** engine makes an Engine for the index whose files are under base (ending with '/').
 * A query reads index.js (once) and the chunks its terms need: the chunk
 * of each exact token; for a word prefix the chunks its tokens span, or
 * its merged list when they span more than the budget; for a run of CJK
 * characters its bigrams and the filters of all but the last; then, for
 * a word with hyphens that is no id, its words' and joined form's; for a
 * one-word query its id (first when it holds a digit). */
export function engine(base: string, load: Loader): Engine {
  const chunks = new Map<string, Promise<Chunk>>(), docs = new Map<number, Promise<Doc>>();
  let ready: Promise<Meta> | undefined;
  const open = (): Promise<Meta> => ready ||= load(base + "index.js", "i") as Promise<Meta>;
  const chunk = (name: string): Promise<Chunk> => {
    let p = chunks.get(name);
    if (!p) {
      p = (load(base + name[0] + "/" + name.slice(1) + ".js", name) as Promise<(string | number)[]>).then((a) => {
        const m = new Map<string, string | number>();
        for (let i = 0; i < a.length; i += 2) m.set(a[i] as string, a[i + 1]);
        return { a, m };
      });
      chunks.set(name, p);
    }
    return p;
  };
  const doc = (d: number): Promise<Doc> => {
    let p = docs.get(d);
    if (!p) { p = load(base + "d/" + d + ".js", "d" + d) as Promise<Doc>; docs.set(d, p); }
    return p;
  };

  // A 2013 control id is looked up in search/c.js, loaded the first time.
  let map2013: Promise<Record<string, string[]>> | undefined;
  const controls = async (q: string): Promise<string[]> => {
    const c = controlOf(q), old = /^\s*a\.?\s*(\d{1,2}\.\d{1,2}\.\d{1,2})\s*$/i.exec(q);
    if (c || !old) return c ? [c] : [];
    map2013 ||= load(base + "c.js", "c") as Promise<Record<string, string[]>>;
    return map2013.then((m) => m[old[1]] || [], () => []);
  };

  const search = async (q: string): Promise<Found> => {
    const named = controls(q);
    const m = await open(), n = m.n, terms = parseQuery(q), loaded = new Map<string, Chunk>();
    const spans = new Map<Term, { lo: number; hi: number; merged: boolean } | null>();
    const bigrams = (t: Term): string[] => {
      const out: string[] = [];
      for (let i = 0; i + 1 < t.r.length; i++) out.push(str(t.r.slice(i, i + 2)));
      return out;
    };
    // read loads the chunks the terms ts need, and id's chunk of ids.
    const read = (ts: Term[], id?: string): Promise<unknown> => {
      const want = new Set<string>();
      const need = (s: "w" | "b" | "a" | "i", key: string) => {
        const k = chunkOf(m[s], key);
        if (k >= 0) want.add(s + k);
      };
      // A prefix's span: the chunks from its own on that start with it.
      for (const t of ts) {
        spans.set(t, null);
        if (t.k !== 0 || t.r.length < 2 || t.w) continue;
        const lo = chunkOf(m.w, t.t);
        if (lo < 0) continue;
        let hi = lo, size = m.w[lo][1];
        while (hi + 1 < m.w.length && m.w[hi + 1][0].startsWith(t.t)) size += m.w[++hi][1];
        spans.set(t, { lo, hi, merged: hi > lo && size > m.pb });
      }
      ts.forEach((t) => {
        const sp = spans.get(t);
        if (t.k === 2) {
          bigrams(t).forEach((bg, i, all) => { need("w", bg); if (i + 1 < all.length) need("b", bg); });
        } else if (!sp) need("w", t.t);
        else if (sp.merged) { want.add("w" + sp.lo); need("a", t.t); } else for (let k = sp.lo; k <= sp.hi; k++) want.add("w" + k);
      });
      if (id !== undefined) need("i", id);
      return Promise.all([...want].map((name) => chunk(name).then((c) => loaded.set(name, c))));
    };
    const get = (s: "w" | "b" | "a" | "i", key: string): string | number | undefined =>
      loaded.get(s + chunkOf(m[s], key))?.m.get(key);
    const list = (s: "w" | "b" | "a", key: string): string => (get(s, key) as string | undefined) || "";

    // termScores gives each document's score for term t, and in title
    // how it matched the title (0 not, 1 a word it starts, 2 exactly).
    const termScores = (t: Term, title: Uint8Array): Int32Array => {
      const scores = new Int32Array(n), sp = spans.get(t);
      if (t.k === 1 || (t.k === 0 && !sp)) {
        decode(list("w", t.t), false, (d, info) => { scores[d] = fieldScore(info, true); title[d] = info & F_TITLE ? 2 : 0; });
      } else if (t.k === 0 && sp) {
        // A word matches the words it starts, a compound the compounds;
        // the title match is the best posting's (the first of equals).
        const compound = /[-_.]/.test(t.t);
        const add = (post: string, exact: boolean) =>
          decode(post, false, (d, info) => {
            const s = fieldScore(info, exact);
            if (s > scores[d]) { scores[d] = s; title[d] = info & F_TITLE ? (exact ? 2 : 1) : 0; }
          });
        if (sp.merged) {
          add(list("w", t.t), true);
          add(list("a", t.t), false);
        } else {
          for (let k = sp.lo; k <= sp.hi; k++) {
            const a = loaded.get("w" + k)!.a;
            for (let i = 0; i < a.length; i += 2) {
              const tok = a[i] as string;
              if (tok.startsWith(t.t) && (compound || !/[-_.]/.test(tok))) add(a[i + 1] as string, tok === t.t);
            }
          }
        }
      } else {
        const r = t.r, bgs = bigrams(t), distinct = new Set(bgs);
        const count = new Uint16Array(n), mask = new Uint8Array(n).fill(15), tf = new Uint8Array(n).fill(3),
          loose = new Uint8Array(n);
        const places = new Map<string, Map<number, number[]>>(); // bigram → document → places in the title
        for (const bg of distinct) {
          const inTitle = new Map<number, number[]>();
          places.set(bg, inTitle);
          decode(list("w", bg), true, (d, info, title) => {
            count[d]++;
            mask[d] &= info & 15;
            tf[d] = Math.min(tf[d], info >> 4);
            if (title) inTitle.set(d, title);
          });
        }
        // Each three characters in a row must have been seen in a row:
        // bigram i's filter holds character i+2.
        for (let i = 0; i + 2 < r.length; i++) {
          const bit = 1 << (r[i + 2] % BLOOM_BITS), bloom = list("b", bgs[i]);
          decode(list("w", bgs[i]), true, (d, _info, _title, j) => {
            if (!((DEC[bloom.charCodeAt(2 * j)] | (DEC[bloom.charCodeAt(2 * j + 1)] << 6)) & bit)) loose[d] = 1;
          });
        }
        // The title holds the run where bigram i is i places after bigram 0.
        const inTitle = (d: number): boolean => (places.get(bgs[0])!.get(d) || []).some((p) =>
          bgs.every((bg, i) => places.get(bg)!.get(d)!.includes(p + i)));
        for (let d = 0; d < n; d++) {
          if (count[d] !== distinct.size) continue;
          const held = !!(mask[d] & F_TITLE) && inTitle(d);
          title[d] = held ? 2 : 0;
          scores[d] = held ? TITLE_EXACT : loose[d] ? LOOSE :
            mask[d] & F_HEAD ? HEAD_EXACT : BODY_EXACT + PER_TF * tf[d];
        }
      }
      return scores;
    };

    // hyphenScores is termScores for a word with hyphens (index.go
    // hyphenScores), given its scores as written: or joined, or else all
    // its words (the weakest's score), together above apart. An id has
    // lost its other forms (below) and matches only as written.
    const hyphenScores = (t: Term, scores: Int32Array, title: Uint8Array): Int32Array => {
      if (!t.p) return scores;
      if (t.j) {
        const jin = new Uint8Array(n), js = termScores(t.j, jin);
        for (let d = 0; d < n; d++) if (js[d] > scores[d]) { scores[d] = js[d]; title[d] = Math.min(jin[d], 1); }
      }
      let weakest = new Int32Array(0);
      const weakIn = new Uint8Array(n);
      t.p.forEach((p, i) => {
        const pin = new Uint8Array(n), s = termScores(p, pin);
        if (i === 0) { weakest = s; weakIn.set(pin); return; }
        for (let d = 0; d < n; d++) { weakest[d] = Math.min(weakest[d], s[d]); weakIn[d] = Math.min(weakIn[d], pin[d]); }
      });
      for (let d = 0; d < n; d++) {
        if (weakest[d] > 0) { scores[d] += weakest[d]; title[d] = Math.max(title[d], weakIn[d]); }
      }
      return scores;
    };

    // The terms' chunks first; then, from their scores as written, what
    // else the query needs. A word with hyphens that some id field holds
    // (ISMS-P-009, P-009, ISMS-P-00, a control) is an id: it loses its
    // other forms, which the snippet would mark, and only the others'
    // words and joined forms are read: an id's words are in every id
    // ("isms" has a posting for every document). A one-word query's id
    // (for the whole-id bonus) is read with its chunks when it holds a
    // digit, as ids do, else only when an id field holds it exactly, as
    // the id of a document must.
    const whole = terms.length === 1 && terms[0].k === 0, idFirst = whole && /\d/.test(terms[0].t);
    await read(terms, idFirst ? terms[0].t : undefined);
    const own = new Map<Term, [Int32Array, Uint8Array]>(), more: Term[] = [];
    const asWritten = (t: Term): Int32Array => {
      const title = new Uint8Array(n), s = termScores(t, title);
      own.set(t, [s, title]);
      return s;
    };
    for (const t of terms) {
      if (!t.p) continue;
      if (asWritten(t).some((v) => v >= ID_PREFIX)) { delete t.p; delete t.j; } else more.push(...t.p, ...(t.j ? [t.j] : []));
    }
    const idLater = whole && !idFirst && (own.get(terms[0])?.[0] || asWritten(terms[0])).some((v) => v >= ID_EXACT);
    if (more.length || idLater) await read(more, idLater ? terms[0].t : undefined);

    const total = new Int32Array(n), held = new Uint8Array(n);
    let qlen = 0;
    terms.forEach((t, x) => {
      const o = own.get(t), title = o ? o[1] : new Uint8Array(n), s = o ? hyphenScores(t, o[0], title) : termScores(t, title);
      qlen += termLength(t);
      for (let d = 0; d < n; d++) {
        total[d] = s[d] === 0 || (x > 0 && total[d] === 0) ? 0 : total[d] + s[d];
        held[d] = x === 0 ? title[d] : Math.min(held[d], title[d]);
      }
    });
    // tl: each document's title length × 3 + its tier code (index.go rankKey).
    const key = (d: number): number => DEC[m.tl.charCodeAt(d)];
    for (let d = 0; d < n; d++) if (total[d] > 0) total[d] += titleScore(held[d], qlen, Math.floor(key(d) / 3));
    if (whole) {
      const d = get("i", terms[0].t) as number | undefined;
      if (d !== undefined && total[d] > 0) total[d] += WHOLE_ID;
    }
    const obsolete = (d: number): number => (DEC[m.obs.charCodeAt((d / 6) | 0)] >> (d % 6)) & 1;
    const hits: Hit[] = [];
    for (let d = 0; d < n; d++) if (total[d] > 0) hits.push({ d, s: total[d] });
    // At equal scores, the higher tier first: the procedure before its forms.
    hits.sort((a, b) => obsolete(a.d) - obsolete(b.d) || b.s - a.s || key(a.d) % 3 - key(b.d) % 3 || a.d - b.d);
    return { terms, hits, controls: await named };
  };
  return { open, search, doc };
}

/** withForms is terms with each hyphenated word's words and joined form
 * after it (index.go withForms). */
function withForms(terms: Term[]): Term[] {
  return terms.flatMap((t) => [t, ...(t.p || []), ...(t.j ? [t.j] : [])]);
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
  for (const x of withForms(terms)) {
    if (x.k === 0) find(x.r, true, x.r.length < 2 || !!x.w);
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

/** section is the fragment ("#4-程序") of the heading under which the
 * snippet's first match stands, so that a result opens the section that
 * matched rather than the top of the document; "" when the match is in
 * the title only, or above the first heading. */
export function section(doc: Doc, parts: [string, boolean][]): string {
  const text = doc[8], heads = doc[9] || [], first = parts.find((p) => p[1]);
  if (!first || !text) return "";
  const at = text.indexOf(first[0]);
  if (at < 0) return "";
  let anchor = "", from = 0;
  for (const [h, id] of heads) {
    const i = text.indexOf(h, from);
    if (i < 0 || i > at) break;
    anchor = id;
    from = i + h.length;
  }
  return anchor ? "#" + encodeURIComponent(anchor) : "";
}

/** controlOf reads a query that is an Annex A control id, in the 2022
 * form or with "A." ("5.15", "A.5.15", "a5.15"), and returns the id, or
 * "" when the query is none of the 93 controls. */
export function controlOf(q: string): string {
  const m = /^\s*(?:a\.?\s*)?([5-8])\.(\d{1,2})\s*$/i.exec(q);
  if (!m) return "";
  const n = Number(m[2]), last = [37, 8, 14, 34][Number(m[1]) - 5];
  return n >= 1 && n <= last ? m[1] + "." + n : "";
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
  found: "找到 %n 个文件", foundOne: "找到 1 个文件", none: "没有与“%q”匹配的文件", loading: "正在搜索…", failed: "无法加载搜索索引",
  all: "查看全部 %n 个结果", more: "显示更多", results: "搜索结果",
  control: "附录A控制措施 %c", controlHint: "查看该控制措施，以及实施它的文件和适用性声明的结论",
};
const EN: typeof ZH = {
  tier: ["Tier 1", "Tier 2", "Tier 3"],
  st: { draft: "Draft", review: "In review", approved: "Approved", obsolete: "Obsolete" },
  found: "%n documents found", foundOne: "1 document found", none: "No document matches “%q”", loading: "Searching…",
  failed: "The search index could not be loaded", all: "See all %n results", more: "Show more",
  results: "Search results",
  control: "Annex A control %c", controlHint: "The control, the documents that implement it and the Statement of Applicability's verdict",
};

function el<K extends keyof HTMLElementTagNameMap>(tag: K, cls?: string, text?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined) e.textContent = text;
  return e;
}

// PAGE_SIZE: the results a page shows before its "more" button; ten, as
// most search pages show: each result reads its document's record for the
// snippet, the most a fresh search reads after the index itself.
const PAGE_SIZE = 10, DROP_SIZE = 8;

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
  const controlHref = (id: string): string => fileHref(root + "controls/" + id + "/");
  const count = (q: string, n: number) => (!q ? "" : n === 1 ? L.foundOne : n ? L.found.replace("%n", `${n}`) : L.none.replace("%q", () => q)); // q as typed: "$&" is no pattern

  /** item is a result: its title (a link when link is set, else text with
   * the address in data-href), id, tier, status and a snippet with the
   * matches in <mark>. Index data only ever goes into textContent. */
  const item = (doc: Doc, terms: Term[], link: boolean): HTMLLIElement => {
    const li = el("li", "search-result" + (doc[7] ? " is-obsolete" : ""));
    const title = el(link ? "a" : "span", "search-title", doc[1]);
    const s = snippet(doc[8], terms), to = href(doc) + section(doc, s.parts);
    if (link) (title as HTMLAnchorElement).href = to; else li.dataset.href = to;
    const meta = el("span", "search-meta");
    meta.append(el("span", "search-id", doc[0]), el("span", "search-tier", L.tier[doc[3] - 1] || `${doc[3]}`),
      el("span", "search-status status-" + doc[5], doc[7] ? L.st.obsolete : L.st[doc[5]] || doc[5]));
    const snip = el("span", "search-snippet");
    if (s.pre) snip.append("…");
    for (const [text, mark] of s.parts) snip.append(mark ? el("mark", "", text) : text);
    if (s.post) snip.append("…");
    li.append(title, meta, snip);
    return li;
  };
  /** docsOf loads the documents of hits[from:to], in order. */
  const docsOf = (hits: Hit[], from: number, to: number): Promise<Doc[]> =>
    Promise.all(hits.slice(from, to).map((h) => eng.doc(h.d)));

  // query searches q and calls show with the results and the documents of
  // the first few (none: the index did not load). Typing waits for the
  // next frame, so a burst of keystrokes costs one search; only the latest
  // query's results are shown.
  let seq = 0, frame = 0;
  const none: Found = { terms: [], hits: [], controls: [] };
  const query = (q: string, first: number, show: (q: string, r?: Found, docs?: Doc[]) => void, wait: boolean) => {
    cancelAnimationFrame(frame);
    const go = () => {
      const my = ++seq;
      if (!q) return show(q, none, []);
      eng.search(q).then((r) => docsOf(r.hits, 0, first).then((docs) => { if (my === seq) show(q, r, docs); }))
        .catch(() => { if (my === seq) show(q); });
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
    let found: Found = none, shown = 0;
    const say = (s: string) => { if (status) status.textContent = s; };
    // more appends the documents of the next hits, once they are loaded.
    const more = (docs: Doc[]) => {
      list.querySelector(".search-more")?.remove();
      for (const doc of docs) list.appendChild(item(doc, found.terms, true));
      shown += docs.length;
      if (shown < found.hits.length) {
        // at: the place of the first result it adds, after the controls' entries too.
        const li = el("li", "search-more"), b = el("button", "", L.more), next = shown, at = list.children.length, shows = found;
        b.type = "button";
        b.addEventListener("click", () => docsOf(shows.hits, next, next + PAGE_SIZE).then((d) => {
          if (found !== shows) return;
          more(d);
          list.children[at]?.querySelector("a")?.focus();
        }, () => say(L.failed)));
        li.appendChild(b);
        list.appendChild(li);
      }
    };
    const show = (q: string, r?: Found, docs?: Doc[]) => {
      if (!r || !docs) return say(L.failed);
      found = r;
      shown = 0;
      list.textContent = "";
      list.dataset.q = q; // the query the list shows (typing may be ahead of it)
      // A control id: its page lists the documents that implement it.
      for (const ctl of r.controls) {
        const li = el("li", "search-result search-control"), a = el("a", "search-title", L.control.replace("%c", ctl));
        a.href = controlHref(ctl);
        li.append(a, el("span", "search-snippet", L.controlHint));
        list.appendChild(li);
      }
      more(docs);
      say(count(q, r.hits.length));
    };
    const run = (q: string, wait: boolean) => {
      q = q.trim();
      try {
        history.replaceState(history.state, "", location.pathname + (q ? "?q=" + encodeURIComponent(q) : "") + location.hash);
      } catch { /* file:// may refuse */ }
      if (q && !wait) say(L.loading);
      query(q, PAGE_SIZE, show, wait);
    };
    const q = new URLSearchParams(location.search).get("q") || "";
    for (const b of boxes) {
      b.value = q;
      const sync = () => { for (const o of boxes) if (o !== b) o.value = b.value; };
      // The pinyin an input method is composing is no query: the
      // characters chosen are (compositionend).
      const typed = () => { sync(); run(b.value, true); };
      b.addEventListener("input", (e) => { if (!(e as InputEvent).isComposing) typed(); });
      b.addEventListener("compositionend", typed);
      b.form?.addEventListener("submit", (e) => { e.preventDefault(); sync(); run(b.value, false); });
    }
    run(boxes[0]?.value ?? q, false); // what the box shows: it drops an address's line breaks
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
    const show = (q: string, r?: Found, docs?: Doc[]) => {
      lastQ = list.dataset.q = q;
      list.textContent = foot.textContent = "";
      active = -1;
      input.removeAttribute("aria-activedescendant");
      const hits = r && docs ? r.hits : [];
      if (!docs) r = undefined;
      // The pages of the controls the query names come first.
      const ctls = r ? r.controls : [];
      ctls.forEach((ctl, x) => {
        const li = el("li", "search-result search-control");
        li.append(el("span", "search-title", L.control.replace("%c", ctl)), el("span", "search-snippet", L.controlHint));
        li.id = list.id + "-c" + x;
        li.dataset.href = controlHref(ctl);
        li.setAttribute("role", "option");
        li.setAttribute("aria-selected", "false");
        list.appendChild(li);
      });
      hits.slice(0, DROP_SIZE).forEach((_h, x) => {
        const li = item(docs![x], r!.terms, false);
        li.id = list.id + "-" + x;
        li.setAttribute("role", "option");
        li.setAttribute("aria-selected", "false");
        list.appendChild(li);
      });
      list.hidden = !hits.length && !ctls.length;
      if (hits.length > DROP_SIZE) {
        const a = el("a", "", L.all.replace("%n", `${hits.length}`));
        a.href = fileHref(root + "search/?q=" + encodeURIComponent(q));
        foot.appendChild(a);
      } else if (q) foot.textContent = r ? (hits.length || ctls.length ? "" : count(q, 0)) : L.failed;
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
    const typed = () => query(input.value.trim(), DROP_SIZE, show, true);
    input.addEventListener("input", (e) => { if (!(e as InputEvent).isComposing) typed(); }); // not the pinyin being composed
    input.addEventListener("compositionend", typed);
    list.addEventListener("click", (e) => go((e.target as Element).closest<HTMLElement>("[role=option]") || undefined));
    input.addEventListener("keydown", (e) => {
      if (e.isComposing) return; // the input method's keys: choosing and committing characters
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
