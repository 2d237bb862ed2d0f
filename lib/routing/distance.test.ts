import { describe, expect, it } from "vitest";
import { distanceKm, isSurelyFartherThan } from "./distance";
import { LUJIAZUI, PEOPLES_SQUARE } from "./testing/fixtures";

describe("distanceKm", () => {
  it.each([
    // By hand: Δlat 0.008° × 111.32 = 0.891 km, Δlng 0.0272° × 111.32 × cos 31.24° = 2.589 km,
    // √(0.891² + 2.589²) = 2.738 km.
    ["People's Square → Lujiazui", PEOPLES_SQUARE, LUJIAZUI, 2.738],
    ["a point to itself", PEOPLES_SQUARE, PEOPLES_SQUARE, 0],
    // Shanghai → Beijing city centres: about 1,068 km as the crow flies.
    [
      "Shanghai → Beijing",
      { lat: 31.2304, lng: 121.4737 },
      { lat: 39.9042, lng: 116.4074 },
      1068.5,
    ],
  ])("%s ≈ %d km", (_name, from, to, km) => {
    expect(distanceKm(from, to)).toBeCloseTo(km, 1);
    expect(distanceKm(to, from)).toBeCloseTo(km, 1);
  });
});

describe("isSurelyFartherThan", () => {
  it.each([
    // 0.1° of latitude is at least 11.05 km.
    [{ lat: 31.3317, lng: 121.4726 }, 11, true],
    [{ lat: 31.3317, lng: 121.4726 }, 12, false],
    // Longitude alone proves nothing, so the full formula decides.
    [{ lat: 31.2317, lng: 122.4726 }, 5, false],
  ])("%j within %d km → %s", (point, km, expected) => {
    expect(isSurelyFartherThan(PEOPLES_SQUARE, point, km)).toBe(expected);
  });
});
