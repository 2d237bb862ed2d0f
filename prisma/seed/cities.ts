export type CityKey = "SH" | "BJ" | "GZ";

export type BoundingBox = { south: number; north: number; west: number; east: number };

export type City = {
  key: CityKey;
  name: string;
  nameZh: string;
  /** The municipality's extent; every node and delivery address of the city lies inside it. */
  bounds: BoundingBox;
  /** City centre, for scattering member addresses. */
  centre: { latitude: number; longitude: number };
  /** Streets used in made-up delivery addresses. */
  streets: readonly string[];
};

/** The three cities the brand has stores in. */
export const CITIES: Record<CityKey, City> = {
  SH: {
    key: "SH",
    name: "Shanghai",
    nameZh: "上海",
    bounds: { south: 30.68, north: 31.87, west: 120.86, east: 122.0 },
    centre: { latitude: 31.2304, longitude: 121.4737 },
    streets: [
      "Changshou Road",
      "Zhaojiabang Road",
      "Siping Road",
      "Tianyaoqiao Road",
      "Dongfang Road",
      "Yan'an Road West",
      "Gubei Road",
      "Wanhangdu Road",
    ],
  },
  BJ: {
    key: "BJ",
    name: "Beijing",
    nameZh: "北京",
    bounds: { south: 39.44, north: 41.06, west: 115.42, east: 117.51 },
    centre: { latitude: 39.9042, longitude: 116.4074 },
    streets: [
      "Dongsi North Street",
      "Xueyuan Road",
      "Chaoyang North Road",
      "Jiaodaokou South Street",
      "Andingmen Outer Street",
      "Fuxing Road",
      "Guanganmen Inner Street",
      "Beiyuan Road",
    ],
  },
  GZ: {
    key: "GZ",
    name: "Guangzhou",
    nameZh: "广州",
    bounds: { south: 22.56, north: 23.94, west: 112.95, east: 114.05 },
    centre: { latitude: 23.1291, longitude: 113.2644 },
    streets: [
      "Dongfeng East Road",
      "Huanshi East Road",
      "Tianhe North Road",
      "Zhongshan 5th Road",
      "Gongye Avenue",
      "Xingang West Road",
      "Baiyun Avenue",
      "Guangzhou Avenue",
    ],
  },
};

/** True when the point lies inside the box. */
export function insideBounds(box: BoundingBox, latitude: number, longitude: number): boolean {
  return (
    latitude >= box.south && latitude <= box.north && longitude >= box.west && longitude <= box.east
  );
}

/** Great-circle distance in km. */
export function haversineKm(
  a: { latitude: number; longitude: number },
  b: { latitude: number; longitude: number },
): number {
  const rad = Math.PI / 180;
  const dLat = (b.latitude - a.latitude) * rad;
  const dLon = (b.longitude - a.longitude) * rad;
  const h =
    Math.sin(dLat / 2) ** 2 +
    Math.cos(a.latitude * rad) * Math.cos(b.latitude * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(h));
}

/** A point `km` away from `from` in direction `bearing` (radians), flat-earth approximation. */
export function offsetKm(
  from: { latitude: number; longitude: number },
  km: number,
  bearing: number,
): { latitude: number; longitude: number } {
  const dLat = (km * Math.cos(bearing)) / 111.32;
  const dLon = (km * Math.sin(bearing)) / (111.32 * Math.cos((from.latitude * Math.PI) / 180));
  return { latitude: from.latitude + dLat, longitude: from.longitude + dLon };
}
