import { bundleAvailable, expandBundle, type BundlePart } from "@/lib/inventory/bundles";
import type { CandidateNode, RoutingLine, SkuStock } from "@/lib/routing/types";

/**
 * How an order's SKUs are filled: a bundle by its components (all at one node), a presale SKU
 * from inbound supply (no node until the goods arrive), anything else from stock.
 */
export type LineKinds = {
  /** Components per bundle SKU. */
  bundles: ReadonlyMap<string, readonly BundlePart[]>;
  /** Presale SKU ids. */
  presale: ReadonlySet<string>;
};

/** Lines sold from inbound supply (presale) and lines routed to nodes with stock. */
export function splitPresale(
  lines: readonly RoutingLine[],
  kinds: LineKinds,
): { routed: RoutingLine[]; presale: RoutingLine[] } {
  return {
    routed: lines.filter((l) => !kinds.presale.has(l.skuId)),
    presale: lines.filter((l) => kinds.presale.has(l.skuId)),
  };
}

/** Every SKU whose stock routing must see: regular lines as they are, bundles as components. */
export function stockSkuIds(lines: readonly RoutingLine[], kinds: LineKinds): string[] {
  const ids = new Set<string>();
  for (const line of lines) {
    const parts = kinds.bundles.get(line.skuId);
    if (parts) parts.forEach((p) => ids.add(p.componentSkuId));
    else ids.add(line.skuId);
  }
  return [...ids];
}

/**
 * Adds each bundle to every candidate's stock as the whole bundles that node can fill alone:
 * min over components of floor(component available / quantity). Routing then places a bundle
 * line only at nodes that hold all of its components.
 */
export function withBundleStock(
  candidates: readonly CandidateNode[],
  bundles: LineKinds["bundles"],
): CandidateNode[] {
  if (bundles.size === 0) return [...candidates];
  return candidates.map((c) => {
    const stock: Record<string, SkuStock> = { ...c.stock };
    for (const [bundleId, parts] of bundles) {
      const of = (field: "available" | "onHand") => (id: string) => c.stock[id]?.[field] ?? 0;
      stock[bundleId] = {
        available: bundleAvailable(parts, of("available")),
        displayMin: 0,
        onHand: bundleAvailable(parts, of("onHand")),
      };
    }
    return { ...c, stock };
  });
}

/**
 * The first bundle component the channel cannot supply at all for the order's bundle lines
 * (summed over every node), or null. Components are checked in SKU order.
 */
export function bundleShortfall(
  lines: readonly RoutingLine[],
  kinds: LineKinds,
  candidates: readonly CandidateNode[],
): { bundleSkuId: string; componentSkuId: string; requested: number; available: number } | null {
  for (const line of lines) {
    const parts = kinds.bundles.get(line.skuId);
    if (!parts) continue;
    for (const need of expandBundle(parts, line.quantity)) {
      const available = candidates.reduce(
        (sum, c) => sum + Math.max(0, c.stock[need.skuId]?.available ?? 0),
        0,
      );
      if (available < need.quantity)
        return {
          bundleSkuId: line.skuId,
          componentSkuId: need.skuId,
          requested: need.quantity,
          available,
        };
    }
  }
  return null;
}

/** Units per SKU of an order's plain lines: what the Redis stock gate counts (order-stock-gate.server.ts). */
export function gatedUnits(
  lines: readonly { skuId: string; quantity: number }[],
  kinds: LineKinds,
): Map<string, number> {
  const units = new Map<string, number>();
  for (const { skuId, quantity } of lines) {
    // A bundle's stock is its components' and a presale line sells against its cap, not the
    // channel's stock: the database alone decides those.
    if (kinds.bundles.has(skuId) || kinds.presale.has(skuId)) continue;
    units.set(skuId, (units.get(skuId) ?? 0) + quantity);
  }
  return units;
}
