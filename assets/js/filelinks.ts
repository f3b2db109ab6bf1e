// Links for file://: a web server answers a folder URL (docs/X/) with the
// folder's index.html, a file share or the local disk shows a folder
// listing instead. When the site is opened from a file, the site's own
// relative links and form actions get the "index.html" that a server would
// have added.

/** onFile reports whether the page was opened from a file:// URL. */
export const onFile = (): boolean => location.protocol === "file:";

/** withIndex adds "index.html" to a relative URL that names a folder
 * ("./", "docs/X/", "../../tiers/2/#top", "search/?q=x"), before its query
 * or fragment. Other URLs (absolute ones, files, "#frag") come back as they
 * are. */
export function withIndex(u: string): string {
  if (/^([a-z][a-z\d+.-]*:|[/\\])/i.test(u)) return u; // scheme, /path or //host
  const i = u.search(/[?#]/), path = i < 0 ? u : u.slice(0, i);
  if (!path) return u; // "?q" or "#frag": this page
  const dir = path.endsWith("/") ? "" : /(^|\/)\.\.?$/.test(path) ? "/" : undefined;
  return dir === undefined ? u : path + dir + "index.html" + u.slice(path.length);
}

/** fileHref is u with index.html added (see withIndex) when the page was
 * opened from a file, and u otherwise. */
export const fileHref = (u: string): string => (onFile() ? withIndex(u) : u);

/** initFileLinks rewrites the page's folder links and form actions, from
 * file:// only. */
export function initFileLinks(): void {
  if (!onFile()) return;
  const fix = (e: Element, attr: string) => {
    const v = e.getAttribute(attr);
    if (v === null) return;
    const w = withIndex(v.trim());
    if (w !== v) e.setAttribute(attr, w);
  };
  document.querySelectorAll("a[href], area[href]").forEach((a) => fix(a, "href"));
  document.querySelectorAll("form[action]").forEach((f) => fix(f, "action"));
}
