import type { CategorySlug } from "./catalogue-types";
import type { SkuFacts } from "./catalogue";
import type { CityKey } from "./cities";
import type { NodeFacts } from "./nodes";
import { createRandom } from "./random";

/** A SKU as sold at one node: its demand there, after local taste and store quirks. */
export type LocalSku = { sku: SkuFacts; localDemand: number };

/** What every node stocks: warehouses carry everything, stores a subset. */
export type Assortment = Map<string, LocalSku[]>;

// Local taste: basketball is big in Beijing, light apparel sells better in warm Guangzhou.
const CITY_TASTE: Record<CityKey, Partial<Record<CategorySlug, number>>> = {
  SH: { "running-shoes": 1.2, "lifestyle-shoes": 1.2 },
  BJ: { "basketball-shoes": 1.5, jackets: 1.4, hoodies: 1.3 },
  GZ: { tees: 1.4, shorts: 1.6, jackets: 0.5, hoodies: 0.6 },
};

/**
 * Decides which SKUs each store carries (~30–50 % of the range, more in busy stores) and how
 * well each sells there, so that one store sells out of a style another store cannot shift.
 */
export function buildAssortment(
  stocked: readonly SkuFacts[],
  nodes: readonly NodeFacts[],
): Assortment {
  const random = createRandom("assortment");
  const byStyle = new Map<string, SkuFacts[]>();
  for (const sku of stocked)
    byStyle.set(sku.styleCode, [...(byStyle.get(sku.styleCode) ?? []), sku]);
  const assortment: Assortment = new Map();

  for (const node of nodes) {
    const taste = CITY_TASTE[node.city];
    const local: LocalSku[] = [];
    // Busier stores have more floor space and carry a wider range.
    const breadth = node.kind === "WAREHOUSE" ? 1 : 0.52 + 0.1 * Math.min(node.traffic, 3);
    for (const [, skus] of byStyle) {
      const first = skus[0];
      if (!first) continue;
      // A store's own quirk for a style: the same shoe flies off one shelf and gathers dust on another.
      const quirk = node.kind === "WAREHOUSE" ? 1 : random.between(0.25, 2.2);
      const styleDemand = (taste[first.category] ?? 1) * quirk;
      if (node.kind === "STORE" && !carriesStyle(first, breadth, random.next())) continue;
      const leadColours = new Map(skus.map((s) => [s.colour, s.colourRank === 0]));
      const keptColours = new Set(
        [...leadColours]
          .filter(([, lead]) => node.kind === "WAREHOUSE" || lead || random.chance(0.6))
          .map(([colour]) => colour),
      );
      for (const sku of skus) {
        if (!keptColours.has(sku.colour)) continue;
        if (node.kind === "STORE") {
          if (sku.presale) continue;
          // Small stores skip the extreme sizes.
          if (random.next() > 0.55 + 0.45 * Math.min(1, sku.demand / maxSizeDemand(skus, sku)))
            continue;
        }
        local.push({ sku, localDemand: sku.demand * styleDemand });
      }
    }
    assortment.set(node.id, local);
  }
  return assortment;
}

function carriesStyle(style: SkuFacts, breadth: number, roll: number): boolean {
  // Stores make room for new launches and hits; clearance mostly lives in the warehouses.
  const appeal = style.lifecycle === "CLEARANCE" ? 0.35 : style.lifecycle === "NEW" ? 1.2 : 1;
  return roll < Math.min(0.97, breadth * appeal);
}

function maxSizeDemand(skus: readonly SkuFacts[], sku: SkuFacts): number {
  return Math.max(...skus.filter((s) => s.colour === sku.colour).map((s) => s.demand));
}
