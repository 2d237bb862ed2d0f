import type { CandidateNode, NodeType, RoutingRequest, SkuStock } from "@/lib/routing/types";
import { createRandom, type Random } from "@/prisma/seed/random";
import { BENCH_CITIES, scatter } from "./network";
import { pickLines } from "./orders";

/** One order with its own 20–40 candidate nodes: small enough for an exact solver. */
export type SmallInstance = { request: RoutingRequest; nodes: CandidateNode[] };

const SKUS = Array.from({ length: 60 }, (_, i) => `sku-${String(i).padStart(4, "0")}`);

type Kind = { type: NodeType; cost: number; perKm: number; sigmaKm: number };
const WAREHOUSE: Kind = { type: "REGIONAL_WAREHOUSE", cost: 1200, perKm: 2, sigmaKm: 30 };
const FRONT: Kind = { type: "FRONT_WAREHOUSE", cost: 900, perKm: 3, sigmaKm: 6 };
const DIRECT: Kind = { type: "STORE_DIRECT", cost: 800, perKm: 150, sigmaKm: 7 };
const FRANCHISE: Kind = { type: "STORE_FRANCHISE", cost: 1000, perKm: 150, sigmaKm: 7 };

// Scarcer than the big network on purpose: a third of the warehouses lack a given SKU, so many
// multi-line orders must be split and the split planner is what gets measured.
function stockFor(kind: Kind, skuIds: readonly string[], random: Random): Record<string, SkuStock> {
  const stock: Record<string, SkuStock> = {};
  for (const skuId of skuIds) {
    const isStore = kind.type.startsWith("STORE");
    const carried = random.chance(kind === WAREHOUSE ? 0.65 : kind === FRONT ? 0.5 : 0.35);
    if (!carried) continue;
    const onHand = isStore ? random.int(1, 4) : random.int(1, kind === WAREHOUSE ? 50 : 20);
    stock[skuId] = { onHand, available: onHand, displayMin: isStore ? random.int(0, 1) : 0 };
  }
  return stock;
}

function buildNode(
  kind: Kind,
  index: number,
  centre: { lat: number; lng: number },
  skuIds: readonly string[],
  random: Random,
): CandidateNode {
  const isStore = kind.type.startsWith("STORE");
  const sameCity = isStore && random.chance(0.7);
  const capacity = isStore ? random.int(20, 60) : 2000;
  return {
    id: `n${index}`,
    code: `N-${String(index).padStart(2, "0")}`,
    name: `${kind.type.toLowerCase()} ${index}`,
    type: kind.type,
    ...scatter(random, centre, kind.sigmaKm),
    shipsExpress: !isStore || (kind === DIRECT && random.chance(0.4)),
    offersPickup: isStore,
    offersSameCity: sameCity,
    sameCityRadiusKm: sameCity ? random.int(3, 8) : 0,
    dailyCapacity: capacity,
    shipmentsToday: random.chance(0.05) ? capacity : random.int(0, Math.floor(capacity / 2)),
    costPerShipment: kind.cost,
    costPerKm: kind.perKm,
    stock: stockFor(kind, skuIds, random),
  };
}

/** `count` deterministic small instances, half express and half same-city. */
export function buildSmallInstances(count: number, seed: string): SmallInstance[] {
  const random = createRandom(`routing-small:${seed}`);
  const instances: SmallInstance[] = [];
  for (let i = 0; i < count; i++) {
    const city = random.pick(BENCH_CITIES);
    const lines = pickLines(random, SKUS);
    const skuIds = lines.map((l) => l.skuId);
    const size = random.int(20, 40);
    const kinds: Kind[] = [WAREHOUSE, WAREHOUSE, FRONT, FRONT];
    while (kinds.length < size) kinds.push(random.chance(0.7) ? DIRECT : FRANCHISE);
    const nodes = kinds.map((kind, index) => buildNode(kind, index, city, skuIds, random));
    const method = i % 2 === 0 ? "EXPRESS" : "SAME_CITY";
    instances.push({
      request: { lines, method, destination: { kind: "point", ...scatter(random, city, 5) } },
      nodes,
    });
  }
  return instances;
}
