import type { CandidateNode, RoutingRule, SkuStock } from "../types";

/** People's Square, Shanghai: the customer in most tests. */
export const PEOPLES_SQUARE = { lat: 31.2317, lng: 121.4726 };
/** Lujiazui (Oriental Pearl Tower), 2.69 km east of People's Square. */
export const LUJIAZUI = { lat: 31.2397, lng: 121.4998 };

/** Stock record shorthand: sku → [available, displayMin]. */
export function stockOf(entries: Record<string, [number, number?]>): Record<string, SkuStock> {
  const out: Record<string, SkuStock> = {};
  for (const [skuId, [available, displayMin = 0]] of Object.entries(entries)) {
    out[skuId] = { available, displayMin, onHand: available };
  }
  return out;
}

const base = {
  shipsExpress: false,
  offersPickup: false,
  offersSameCity: false,
  sameCityRadiusKm: 0,
  shipmentsToday: 0,
  stock: {},
} satisfies Partial<CandidateNode>;

/** The Qingpu central warehouse, 33.9 km from People's Square: ¥12 + ¥0.02/km. */
export const warehouse = (extra: Partial<CandidateNode> = {}): CandidateNode => ({
  ...base,
  id: "cw",
  code: "CW-SH",
  name: "East China Central Warehouse",
  type: "CENTRAL_WAREHOUSE",
  lat: 31.17,
  lng: 121.124,
  shipsExpress: true,
  dailyCapacity: 5000,
  costPerShipment: 1200,
  costPerKm: 2,
  ...extra,
});

/** Nanjing Road flagship, 0.48 km from People's Square; ships express, same-city within 6 km. */
export const flagship = (extra: Partial<CandidateNode> = {}): CandidateNode => ({
  ...base,
  id: "s1",
  code: "SH-001",
  name: "Shanghai Nanjing Road Flagship",
  type: "STORE_DIRECT",
  lat: 31.2355,
  lng: 121.475,
  shipsExpress: true,
  offersPickup: true,
  offersSameCity: true,
  sameCityRadiusKm: 6,
  dailyCapacity: 40,
  costPerShipment: 800,
  costPerKm: 150,
  ...extra,
});

/** Lujiazui store, 2.69 km from People's Square; same-city within 5 km. */
export const lujiazui = (extra: Partial<CandidateNode> = {}): CandidateNode => ({
  ...flagship(),
  id: "s2",
  code: "SH-002",
  name: "Shanghai Lujiazui",
  shipsExpress: false,
  sameCityRadiusKm: 5,
  dailyCapacity: 30,
  ...LUJIAZUI,
  ...extra,
});

/** Xujiahui franchise store, 5.34 km from People's Square; same-city within 5 km. */
export const xujiahui = (extra: Partial<CandidateNode> = {}): CandidateNode => ({
  ...flagship(),
  id: "s3",
  code: "SH-003",
  name: "Shanghai Xujiahui",
  type: "STORE_FRANCHISE",
  shipsExpress: false,
  sameCityRadiusKm: 5,
  dailyCapacity: 30,
  costPerShipment: 1000,
  lat: 31.195,
  lng: 121.4365,
  ...extra,
});

/** A rule with defaults: enabled, weight 1, no method, empty params. */
export function rule(
  kind: RoutingRule["kind"],
  mode: RoutingRule["mode"],
  extra: Partial<RoutingRule> = {},
): RoutingRule {
  return { kind, mode, weight: 1, position: 1, enabled: true, params: {}, ...extra };
}

const STORES = ["STORE_DIRECT", "STORE_FRANCHISE"];

/** The seeded default rule set (prisma/seed/routing-rules.ts), as plain data. */
export const DEFAULT_RULES: RoutingRule[] = [
  rule("CAPACITY", "FILTER", { position: 1 }),
  rule("NODE_TYPES", "FILTER", { position: 2, method: "PICKUP", params: { nodeTypes: STORES } }),
  rule("NODE_TYPES", "FILTER", { position: 3, method: "SAME_CITY", params: { nodeTypes: STORES } }),
  rule("NODE_TYPES", "FILTER", {
    position: 4,
    method: "EXPRESS",
    params: { nodeTypes: ["CENTRAL_WAREHOUSE", "REGIONAL_WAREHOUSE", "STORE_DIRECT"] },
  }),
  rule("NEAREST", "SCORE", { position: 5, weight: 0.35 }),
  rule("FEWEST_SPLITS", "SCORE", { position: 6, weight: 0.3 }),
  rule("STOCK_DEPTH", "SCORE", { position: 7, weight: 0.2, params: { protectDisplayMin: true } }),
  rule("LOWEST_COST", "SCORE", { position: 8, weight: 0.15 }),
];
