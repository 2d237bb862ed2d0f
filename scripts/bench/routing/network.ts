import type { CandidateNode, NodeType, SkuStock } from "@/lib/routing/types";
import { createRandom, type Random } from "@/prisma/seed/random";

/** A city the brand has nodes in: its centre and how many nodes it gets. */
export type BenchCity = { key: string; name: string; lat: number; lng: number; nodes: number };

/** Shanghai, Beijing and Guangzhou: 180 + 160 + 160 = 500 nodes. */
export const BENCH_CITIES: readonly BenchCity[] = [
  { key: "SH", name: "Shanghai", lat: 31.2304, lng: 121.4737, nodes: 180 },
  { key: "BJ", name: "Beijing", lat: 39.9042, lng: 116.4074, nodes: 160 },
  { key: "GZ", name: "Guangzhou", lat: 23.1291, lng: 113.2644, nodes: 160 },
];

/** The generated network: nodes with stock, SKUs by popularity, and each node's city. */
export type Network = { nodes: CandidateNode[]; skuIds: string[]; cityOf: Map<string, BenchCity> };

const KM_PER_DEGREE = 111.32;

/** A point about `sigmaKm` around a centre (normal in each direction, capped at 3 sigma). */
export function scatter(random: Random, centre: { lat: number; lng: number }, sigmaKm: number) {
  const normal = () => {
    const u = Math.max(1e-9, random.next());
    const v = random.next();
    return Math.max(-3, Math.min(3, Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v)));
  };
  const dLat = (normal() * sigmaKm) / KM_PER_DEGREE;
  const dLng = (normal() * sigmaKm) / (KM_PER_DEGREE * Math.cos((centre.lat * Math.PI) / 180));
  return { lat: centre.lat + dLat, lng: centre.lng + dLng };
}

type Profile = {
  type: NodeType;
  count: number;
  ship: boolean;
  costPerShipment: number;
  costPerKm: number;
};

// Per city: one warehouse 30 km out of town, two front warehouses and a dealer in town, and stores.
const PROFILES = (city: BenchCity): Profile[] => [
  {
    type: city.key === "SH" ? "CENTRAL_WAREHOUSE" : "REGIONAL_WAREHOUSE",
    count: 1,
    ship: true,
    costPerShipment: 1200,
    costPerKm: 2,
  },
  { type: "FRONT_WAREHOUSE", count: 2, ship: true, costPerShipment: 900, costPerKm: 3 },
  { type: "DEALER_WAREHOUSE", count: 1, ship: true, costPerShipment: 1100, costPerKm: 2 },
  {
    type: "STORE_DIRECT",
    count: Math.round((city.nodes - 4) * 0.7),
    ship: false,
    costPerShipment: 800,
    costPerKm: 150,
  },
  {
    type: "STORE_FRANCHISE",
    count: city.nodes - 4 - Math.round((city.nodes - 4) * 0.7),
    ship: false,
    costPerShipment: 1000,
    costPerKm: 150,
  },
];

/** Stock of one node: warehouses deep and broad, front warehouses the best sellers, stores shallow and partial. */
function stockFor(
  type: NodeType,
  skuIds: readonly string[],
  random: Random,
): Record<string, SkuStock> {
  const stock: Record<string, SkuStock> = {};
  skuIds.forEach((skuId, rank) => {
    const popularity = 1 / (1 + rank / 40);
    let onHand = 0;
    let displayMin = 0;
    if (type === "CENTRAL_WAREHOUSE" || type === "REGIONAL_WAREHOUSE") {
      if (random.chance(0.9)) onHand = random.int(5, Math.round(20 + 280 * popularity));
    } else if (type === "FRONT_WAREHOUSE") {
      if (random.chance(0.8 * popularity)) onHand = random.int(2, 40);
    } else if (type === "DEALER_WAREHOUSE") {
      if (random.chance(0.5)) onHand = random.int(1, 50);
    } else if (random.chance(0.08 + 0.4 * popularity)) {
      onHand = random.int(1, 6);
      displayMin = Math.min(onHand, random.int(0, 2));
    }
    if (onHand === 0) return;
    const reserved = random.chance(0.2) ? random.int(0, Math.min(2, onHand)) : 0;
    stock[skuId] = { onHand, displayMin, available: onHand - reserved };
  });
  return stock;
}

/** Builds a deterministic network of `BENCH_CITIES` nodes over `skuCount` SKUs. */
export function buildNetwork(seed: string, skuCount = 400): Network {
  const random = createRandom(`routing-network:${seed}`);
  const skuIds = Array.from({ length: skuCount }, (_, i) => `sku-${String(i).padStart(4, "0")}`);
  const nodes: CandidateNode[] = [];
  const cityOf = new Map<string, BenchCity>();
  for (const city of BENCH_CITIES) {
    let n = 0;
    for (const profile of PROFILES(city)) {
      for (let i = 0; i < profile.count; i++) {
        n += 1;
        const code = `${city.key}-${profile.type.slice(0, 2)}-${String(n).padStart(3, "0")}`;
        const isStore = profile.type.startsWith("STORE");
        const isWarehouse =
          profile.type.endsWith("_WAREHOUSE") && !profile.type.startsWith("FRONT");
        const where = isWarehouse
          ? scatter(random, city, 30)
          : scatter(random, city, isStore ? 9 : 5);
        const capacity = isStore ? random.int(20, 60) : isWarehouse ? 5000 : 800;
        const sameCity = isStore && random.chance(0.6);
        nodes.push({
          id: code,
          code,
          name: `${city.name} ${profile.type.toLowerCase().replace("_", " ")} ${n}`,
          type: profile.type,
          ...where,
          shipsExpress: profile.ship || (profile.type === "STORE_DIRECT" && random.chance(0.1)),
          offersPickup: isStore,
          offersSameCity: sameCity,
          sameCityRadiusKm: sameCity ? random.int(3, 8) : 0,
          dailyCapacity: capacity,
          // About one store in twenty has already shipped its day's capacity.
          shipmentsToday:
            isStore && random.chance(0.05) ? capacity : random.int(0, Math.floor(capacity / 2)),
          costPerShipment: profile.costPerShipment,
          costPerKm: profile.costPerKm,
          stock: stockFor(profile.type, skuIds, random),
        });
        cityOf.set(code, city);
      }
    }
  }
  return { nodes, skuIds, cityOf };
}
