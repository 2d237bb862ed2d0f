import { distanceKm, type LatLng } from "@/lib/routing/distance";

/** A pickup store and how many units of the asked SKU it has available. */
export type StoreWithStock = {
  nodeId: string;
  code: string;
  name: string;
  nameZh: string;
  city: string;
  district: string;
  address: string;
  latitude: number;
  longitude: number;
  available: number;
};

export type NearbyStore = StoreWithStock & { distanceKm: number };

/** How many stores a nearby search lists at most. */
export const NEARBY_STORE_LIMIT = 10;

/** Stores that have the SKU, nearest first, with the distance from the shopper in km (one decimal). */
export function rankNearbyStores(
  stores: readonly StoreWithStock[],
  origin: LatLng,
  limit = NEARBY_STORE_LIMIT,
): NearbyStore[] {
  return stores
    .filter((s) => s.available > 0)
    .map((s) => ({
      ...s,
      distanceKm: Math.round(distanceKm(origin, { lat: s.latitude, lng: s.longitude }) * 10) / 10,
    }))
    .sort((a, b) => a.distanceKm - b.distanceKm || a.code.localeCompare(b.code))
    .slice(0, limit);
}

/** The middle of the given stores (a district's stores stand for the district). */
export function centreOf(
  points: readonly { latitude: number; longitude: number }[],
): LatLng | null {
  if (points.length === 0) return null;
  const lat = points.reduce((sum, p) => sum + p.latitude, 0) / points.length;
  const lng = points.reduce((sum, p) => sum + p.longitude, 0) / points.length;
  return { lat, lng };
}
