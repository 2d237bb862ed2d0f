/** One component of a bundle: units of the component SKU in one bundle. */
export type BundlePart = { componentSkuId: string; quantity: number };

/**
 * Bundle availability: the minimum over components of floor(component available / quantity).
 * A bundle without components cannot be sold, so it has none available.
 */
export function bundleAvailable(
  parts: readonly BundlePart[],
  availableOf: (componentSkuId: string) => number,
): number {
  if (parts.length === 0) return 0;
  let result = Number.POSITIVE_INFINITY;
  for (const part of parts) {
    if (part.quantity <= 0) return 0;
    const units = Math.max(0, availableOf(part.componentSkuId));
    result = Math.min(result, Math.floor(units / part.quantity));
  }
  return result;
}

/**
 * The component quantities that `bundles` units of the bundle need, merged per component (a
 * component listed twice is needed once with the summed quantity) and sorted by SKU id so that
 * callers lock rows in one global order.
 */
export function expandBundle(
  parts: readonly BundlePart[],
  bundles: number,
): { skuId: string; quantity: number }[] {
  const needs = new Map<string, number>();
  for (const part of parts) {
    needs.set(part.componentSkuId, (needs.get(part.componentSkuId) ?? 0) + part.quantity * bundles);
  }
  return [...needs.entries()]
    .map(([skuId, quantity]) => ({ skuId, quantity }))
    .sort((a, b) => (a.skuId < b.skuId ? -1 : a.skuId > b.skuId ? 1 : 0));
}
