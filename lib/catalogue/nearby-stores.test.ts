import { describe, expect, it } from "vitest";
import { centreOf, rankNearbyStores, type StoreWithStock } from "./nearby-stores";

const store = (
  code: string,
  latitude: number,
  longitude: number,
  available: number,
): StoreWithStock => ({
  nodeId: `node_${code}`,
  code,
  name: code,
  nameZh: code,
  city: "Shanghai",
  district: "Huangpu",
  address: "",
  latitude,
  longitude,
  available,
});

describe("rankNearbyStores", () => {
  const peoplesSquare = { lat: 31.2304, lng: 121.4737 };
  const stores = [
    store("SH-003", 31.1946, 121.4375, 4), // Xujiahui, ~5.2 km
    store("SH-001", 31.2366, 121.4798, 2), // Nanjing Road, under 1 km
    store("SH-009", 31.0, 121.2, 0), // far and empty
  ];

  it("lists only stores with the SKU, nearest first, with km to one decimal", () => {
    const ranked = rankNearbyStores(stores, peoplesSquare);
    expect(ranked.map((s) => s.code)).toEqual(["SH-001", "SH-003"]);
    expect(ranked[0]?.distanceKm).toBeCloseTo(0.9, 1);
    expect(ranked[1]?.distanceKm).toBeGreaterThan(4.5);
    expect(ranked[1]?.distanceKm).toBeLessThan(6);
    for (const s of ranked) expect(Number.isInteger(s.distanceKm * 10)).toBe(true);
  });

  it("stops at the limit", () => {
    expect(rankNearbyStores(stores, peoplesSquare, 1).map((s) => s.code)).toEqual(["SH-001"]);
  });
});

describe("centreOf", () => {
  it("averages the points, and has none for no points", () => {
    expect(
      centreOf([
        { latitude: 30, longitude: 120 },
        { latitude: 32, longitude: 122 },
      ]),
    ).toEqual({ lat: 31, lng: 121 });
    expect(centreOf([])).toBeNull();
  });
});
