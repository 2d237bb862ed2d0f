import type { Prisma } from "@/lib/generated/prisma/client";
import { CITIES, type CityKey } from "./cities";
import { BRAND_ORG, FRANCHISEE_BY_CITY, organizationId } from "./organisations";
import { createRandom } from "./random";
import { STORE_SITES } from "./store-sites";

/** The node's row id. */
export const nodeId = (code: string): string => `node_${code}`;

/** What the stock and history generators need to know about a node. */
export type NodeFacts = {
  id: string;
  code: string;
  kind: "WAREHOUSE" | "STORE";
  city: CityKey;
  organizationId: string;
  latitude: number;
  longitude: number;
  /** Relative footfall of a store (warehouses: 0). */
  traffic: number;
  sameCityRadiusKm: number;
};

export type Nodes = { rows: Prisma.NodeCreateManyInput[]; facts: NodeFacts[] };

/** The warehouse serving express orders of each city. */
export const EXPRESS_WAREHOUSE_BY_CITY: Record<CityKey, string> = {
  SH: "CW-SH",
  BJ: "RW-BJ",
  GZ: "RW-GZ",
};

const WAREHOUSES = [
  {
    code: "CW-SH",
    type: "CENTRAL_WAREHOUSE",
    city: "SH",
    name: "East China Central Warehouse",
    nameZh: "华东中央仓",
    district: "Qingpu",
    address: "1 Logistics Park Road, Huaxin Town",
    latitude: 31.17,
    longitude: 121.124,
    dailyCapacity: 5000,
  },
  {
    code: "RW-BJ",
    type: "REGIONAL_WAREHOUSE",
    city: "BJ",
    name: "North China Regional Warehouse",
    nameZh: "华北区域仓",
    district: "Daxing",
    address: "9 Jinxing Road, Huangcun Town",
    latitude: 39.727,
    longitude: 116.338,
    dailyCapacity: 2000,
  },
  {
    code: "RW-GZ",
    type: "REGIONAL_WAREHOUSE",
    city: "GZ",
    name: "South China Regional Warehouse",
    nameZh: "华南区域仓",
    district: "Huadu",
    address: "6 Airport Logistics Avenue",
    latitude: 23.392,
    longitude: 113.226,
    dailyCapacity: 2000,
  },
] as const;

/** One central and two regional warehouses, then 30 stores in Shanghai, Beijing and Guangzhou. */
export function buildNodes(): Nodes {
  const random = createRandom("nodes");
  const rows: Prisma.NodeCreateManyInput[] = [];
  const facts: NodeFacts[] = [];
  for (const w of WAREHOUSES) {
    const city = CITIES[w.city];
    rows.push({
      id: nodeId(w.code),
      code: w.code,
      name: w.name,
      nameZh: w.nameZh,
      type: w.type,
      organizationId: organizationId(BRAND_ORG),
      city: city.name,
      cityZh: city.nameZh,
      district: w.district,
      address: w.address,
      latitude: w.latitude,
      longitude: w.longitude,
      shipsExpress: true,
      dailyCapacity: w.dailyCapacity,
      // Express parcels cost a flat rate plus a little per km of line-haul.
      costPerShipment: 1200,
      costPerKm: 2,
    });
    facts.push({
      id: nodeId(w.code),
      code: w.code,
      kind: "WAREHOUSE",
      city: w.city,
      organizationId: organizationId(BRAND_ORG),
      latitude: w.latitude,
      longitude: w.longitude,
      traffic: 0,
      sameCityRadiusKm: 0,
    });
  }
  for (const site of STORE_SITES) {
    const city = CITIES[site.city];
    const org = organizationId(site.franchise ? FRANCHISEE_BY_CITY[site.city] : BRAND_ORG);
    const radius = site.sameCity ? random.int(5, 8) : 0;
    // Only the three city flagships (x-001) ship express, as overflow for their warehouse.
    const flagship = site.code.endsWith("-001");
    rows.push({
      id: nodeId(site.code),
      code: site.code,
      name: site.name,
      nameZh: site.nameZh,
      type: site.franchise ? "STORE_FRANCHISE" : "STORE_DIRECT",
      organizationId: org,
      city: city.name,
      cityZh: city.nameZh,
      district: site.district,
      address: site.address,
      latitude: site.latitude,
      longitude: site.longitude,
      shipsExpress: flagship,
      offersPickup: true,
      offersSameCity: site.sameCity,
      sameCityRadiusKm: radius,
      dailyCapacity: Math.max(20, Math.round(site.traffic * 40)),
      // Franchisees charge a little more per order they pack than the brand's own stores.
      costPerShipment: site.franchise ? 1000 : 800,
      // Same-city riders are paid by the km.
      costPerKm: 150,
    });
    facts.push({
      id: nodeId(site.code),
      code: site.code,
      kind: "STORE",
      city: site.city,
      organizationId: org,
      latitude: site.latitude,
      longitude: site.longitude,
      traffic: site.traffic,
      sameCityRadiusKm: radius,
    });
  }
  return { rows, facts };
}
