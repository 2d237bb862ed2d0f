import type { FulfilmentMethod, RoutingLine, RoutingRequest } from "@/lib/routing/types";
import { createRandom, type Random } from "@/prisma/seed/random";
import { BENCH_CITIES, scatter, type Network } from "./network";

// Express customers outside the three store cities.
const OTHER_CITIES = [
  { lat: 30.2741, lng: 120.1551 },
  { lat: 32.0603, lng: 118.7969 },
  { lat: 39.0842, lng: 117.2009 },
  { lat: 22.5431, lng: 114.0579 },
  { lat: 30.5928, lng: 114.3055 },
  { lat: 30.5728, lng: 104.0668 },
];

const LINE_COUNTS = [1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 5, 5];

/** An SKU by popularity: the top of the range sells far more often (Zipf-like). */
function pickSku(random: Random, skuIds: readonly string[]): string {
  const rank = Math.min(
    skuIds.length - 1,
    Math.floor(Math.pow(random.next(), 2.2) * skuIds.length),
  );
  return skuIds[rank] ?? skuIds[0] ?? "";
}

/** 1–5 distinct lines, mostly one unit each. */
export function pickLines(random: Random, skuIds: readonly string[]): RoutingLine[] {
  const count = random.pick(LINE_COUNTS);
  const seen = new Set<string>();
  const lines: RoutingLine[] = [];
  while (lines.length < count) {
    const skuId = pickSku(random, skuIds);
    if (seen.has(skuId)) continue;
    seen.add(skuId);
    const roll = random.next();
    lines.push({ skuId, quantity: roll < 0.85 ? 1 : roll < 0.97 ? 2 : 3 });
  }
  return lines;
}

/** Deterministic orders: half express (a quarter of them out of town), 30 % same-city, 20 % pickup. */
export function buildOrders(
  network: Network,
  count: number,
  seed: string,
  methods?: readonly FulfilmentMethod[],
): RoutingRequest[] {
  const random = createRandom(`routing-orders:${seed}`);
  const stores = network.nodes.filter((n) => n.offersPickup);
  const orders: RoutingRequest[] = [];
  for (let i = 0; i < count; i++) {
    const roll = random.next();
    const method: FulfilmentMethod = methods
      ? random.pick(methods)
      : roll < 0.5
        ? "EXPRESS"
        : roll < 0.8
          ? "SAME_CITY"
          : "PICKUP";
    const lines = pickLines(random, network.skuIds);
    if (method === "PICKUP") {
      orders.push({
        lines,
        method,
        destination: { kind: "store", nodeId: random.pick(stores).id },
      });
      continue;
    }
    const centre =
      method === "EXPRESS" && random.chance(0.25)
        ? random.pick(OTHER_CITIES)
        : random.pick(BENCH_CITIES);
    orders.push({ lines, method, destination: { kind: "point", ...scatter(random, centre, 8) } });
  }
  return orders;
}
