import type { CatalogueProduct } from "./types";

/** Longest query the search accepts; longer input is cut. */
export const MAX_QUERY_LENGTH = 80;

/** Normalises a typed query: trimmed, inner spaces collapsed, cut to the maximum length. */
export function normaliseQuery(raw: string | undefined): string {
  return (raw ?? "").replace(/\s+/g, " ").trim().slice(0, MAX_QUERY_LENGTH);
}

/**
 * Styles whose English name, Chinese name or style code contain every word of the query,
 * ignoring case. Style-code hits come first, then name order is kept.
 */
export function searchProducts(
  products: readonly CatalogueProduct[],
  query: string,
): CatalogueProduct[] {
  const words = normaliseQuery(query).toLowerCase().split(" ").filter(Boolean);
  if (words.length === 0) return [];
  const hits = products.filter((p) => {
    const haystack = `${p.name} ${p.nameZh} ${p.styleCode}`.toLowerCase();
    return words.every((w) => haystack.includes(w));
  });
  const codeHit = (p: CatalogueProduct) => words.some((w) => p.styleCode.toLowerCase().includes(w));
  return [...hits.filter(codeHit), ...hits.filter((p) => !codeHit(p))];
}
