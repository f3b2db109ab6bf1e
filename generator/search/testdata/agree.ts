// agree.ts runs the browser's search code (assets/js/search.ts) in Node.js
// against index files on disk, for browser_test.go.
//
//   node agree.mjs SITE_DIR QUERIES_JSON LIMIT   → JSON results
//   node agree.mjs SITE_DIR time QUERY...        → load and query times in ms
//   node agree.mjs SITE_DIR reads QUERY...       → the files each query reads, from a fresh engine
import { engine, snippet } from "../../../assets/js/search.ts";
import { readFileSync } from "node:fs";
import { runInThisContext } from "node:vm";

const g = globalThis as unknown as { window: unknown; ISMSSearchData: Record<string, unknown> };
g.window = globalThis;
const [dir, mode, ...rest] = process.argv.slice(2);
let reads: string[] = [];
const load = async (url: string, key: string): Promise<unknown> => {
  reads.push(url.slice(dir.length + "/search/".length));
  runInThisContext(readFileSync(url, "utf8"));
  const v = g.ISMSSearchData[key];
  delete g.ISMSSearchData[key];
  return v;
};

async function main(): Promise<void> {
  if (mode === "time") {
    for (const q of rest) {
      const t0 = performance.now();
      const e = engine(dir + "/search/", load);
      await e.open();
      const t1 = performance.now();
      const r = await e.search(q);
      const top = r.hits.slice(0, 10);
      await Promise.all(top.map((h) => e.doc(h.d).then((f) => snippet(f[8], r.terms))));
      const t2 = performance.now();
      const again = performance.now();
      await e.search(q);
      console.log(JSON.stringify({ q, hits: r.hits.length, loadMs: +(t1 - t0).toFixed(1),
        firstQueryMs: +(t2 - t1).toFixed(1), totalMs: +(t2 - t0).toFixed(1), repeatMs: +(performance.now() - again).toFixed(1) }));
    }
    return;
  }
  if (mode === "reads") {
    for (const q of rest) {
      reads = [];
      await engine(dir + "/search/", load).search(q);
      console.log(JSON.stringify({ q, reads }));
    }
    return;
  }
  const queries: string[] = JSON.parse(readFileSync(mode, "utf8"));
  const limit = Number(rest[0]);
  const e = engine(dir + "/search/", load);
  const out = [];
  for (const q of queries) {
    const r = await e.search(q);
    const hits = [];
    for (const h of r.hits.slice(0, limit)) {
      const doc = await e.doc(h.d);
      const s = snippet(doc[8], r.terms);
      const text = (s.pre ? "…" : "") + s.parts.map(([t, m]) => (m ? "⟦" + t + "⟧" : t)).join("") + (s.post ? "…" : "");
      hits.push({ ID: doc[0], Score: h.s, Snippet: text });
    }
    out.push({ q, hits });
  }
  console.log(JSON.stringify(out));
}

main().catch((e) => { console.error(e); process.exit(1); });
