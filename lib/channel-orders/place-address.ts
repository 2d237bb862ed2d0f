/** A node's place as intake reads it, to locate an address sent without coordinates. */
export type NodePlace = {
  city: string;
  cityZh: string;
  district: string;
  latitude: number;
  longitude: number;
};

const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/**
 * The point an address stands for: its own coordinates, else the centre of the nodes in its
 * district (by English or Chinese city name), else of the nodes in its city; null when no node
 * is there, so the address cannot be placed.
 */
export function placeAddress(
  address: { city: string; district?: string; latitude?: number; longitude?: number },
  nodes: readonly NodePlace[],
): { latitude: number; longitude: number } | null {
  if (address.latitude !== undefined && address.longitude !== undefined)
    return { latitude: address.latitude, longitude: address.longitude };
  const inCity = nodes.filter((n) => same(n.city, address.city) || same(n.cityZh, address.city));
  const { district } = address;
  const inDistrict = district ? inCity.filter((n) => same(n.district, district)) : [];
  const chosen = inDistrict.length > 0 ? inDistrict : inCity;
  if (chosen.length === 0) return null;
  const mean = (pick: (n: NodePlace) => number) =>
    chosen.reduce((sum, n) => sum + pick(n), 0) / chosen.length;
  return { latitude: mean((n) => n.latitude), longitude: mean((n) => n.longitude) };
}
