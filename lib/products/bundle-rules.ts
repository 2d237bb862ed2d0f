/** What the bundle rules need to know of the bundle SKU and of each component. */
export type BundleFacts = {
  bundle: { skuCode: string; partOfBundles: number };
  components: readonly { skuCode: string; isBundle: boolean }[];
};

/** Why a bundle's composition is refused, or null: components are single items, never itself. */
export function bundleProblem(
  facts: BundleFacts,
): { reason: "BUNDLE_SELF" } | { reason: "BUNDLE_NESTED"; skuCode: string; index?: number } | null {
  const self = facts.components.findIndex((c) => c.skuCode === facts.bundle.skuCode);
  if (self >= 0) return { reason: "BUNDLE_SELF" };
  // A SKU that is a component elsewhere would make that bundle contain a bundle.
  if (facts.bundle.partOfBundles > 0)
    return { reason: "BUNDLE_NESTED", skuCode: facts.bundle.skuCode };
  const nested = facts.components.findIndex((c) => c.isBundle);
  const component = facts.components[nested];
  if (component) return { reason: "BUNDLE_NESTED", skuCode: component.skuCode, index: nested };
  return null;
}
