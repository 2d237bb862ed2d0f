import { CATALOGUE_TWINS } from "./cached-routes";

/** `/shop/:category` as Next's router matches it: one segment per parameter, any letter case. */
function pathPattern(path: string): RegExp {
  const source = path
    .split("/")
    .map((part) => (part.startsWith(":") ? "[^/]+" : part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")))
    .join("/");
  return new RegExp(`^${source}$`, "i");
}

const PLAIN = CATALOGUE_TWINS.map(({ path, keys }) => ({ pattern: pathPattern(path), keys }));
const TWINS = CATALOGUE_TWINS.map(({ twin }) => pathPattern(twin));

/** Next's rule for a `missing` query condition: a key with one empty value counts as absent. */
function hasQueryKey(query: URLSearchParams, key: string): boolean {
  const values = query.getAll(key);
  return values.length > 1 || (values.length === 1 && values[0] !== "");
}

/**
 * Whether a URL is served from Next's page cache: the home page, and a plain listing or product
 * URL that the page rewrites (i18n/page-rewrites.ts) send to the cached render rather than to its
 * per-request twin. Same source (CATALOGUE_TWINS), same rule, so the two cannot disagree.
 */
export function isCachedCataloguePage(pathname: string, query: URLSearchParams): boolean {
  if (pathname === "/") return true;
  // `/shop/filtered` matches `/shop/:category` but lands on the twin's own route.
  if (TWINS.some((twin) => twin.test(pathname))) return false;
  return PLAIN.some(
    ({ pattern, keys }) => pattern.test(pathname) && !keys.some((key) => hasQueryKey(query, key)),
  );
}
