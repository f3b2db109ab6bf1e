// Runs search queries against a Pagefind bundle in Node, for
// cmd/searchcompare. Usage:
//
//	node pagefind-query.mjs <site dir>  < queries.json  > results.json
//
// queries.json is a JSON array of query strings; results.json is an array,
// one entry per query, of the result URLs in Pagefind's order (all of
// them, not just the first five). Pagefind's pagefind.js loads its WASM
// and index chunks with fetch, which Node has only for http(s): file URLs
// are served here from disk instead.
import { readFile } from "node:fs/promises";
import { fileURLToPath, pathToFileURL } from "node:url";
import path from "node:path";

const site = path.resolve(process.argv[2] || ".");
const realFetch = globalThis.fetch;
globalThis.fetch = async (input, init) => {
  const url = typeof input === "string" ? input : input.url ?? String(input);
  if (url.startsWith("file:")) {
    try {
      const data = await readFile(fileURLToPath(url.split(/[?#]/)[0]));
      const type = url.endsWith(".wasm") || url.includes("wasm.") ? "application/wasm" : "application/octet-stream";
      return new Response(data, { status: 200, headers: { "content-type": type } });
    } catch {
      return new Response("not found", { status: 404 });
    }
  }
  return realFetch(input, init);
};

// The pages say <html lang="zh-CN">; pagefind.js reads the language from
// the document in a browser, so give it the same answer here.
globalThis.document ??= { currentScript: null, querySelector: () => ({ getAttribute: () => "zh-CN" }) };

const chunks = [];
for await (const c of process.stdin) chunks.push(c);
const queries = JSON.parse(Buffer.concat(chunks).toString("utf8"));

const pagefind = await import(pathToFileURL(path.join(site, "pagefind", "pagefind.js")).href);
await pagefind.options({ basePath: pathToFileURL(path.join(site, "pagefind") + "/").href });
await pagefind.init();

const out = [];
for (const q of queries) {
  const res = await pagefind.search(q);
  const urls = [];
  for (const r of res?.results ?? []) {
    const d = await r.data();
    urls.push(d.url);
  }
  out.push(urls);
}
process.stdout.write(JSON.stringify(out));
