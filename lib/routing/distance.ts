import { getDistance } from "geolib";

/** A point on the map in decimal degrees. */
export type LatLng = { lat: number; lng: number };

// geolib rounds to its accuracy argument (metres); 1 m is far finer than any routing decision.
const ACCURACY_M = 1;

/** Great-circle (haversine) distance in kilometres. */
export function distanceKm(from: LatLng, to: LatLng): number {
  return (
    getDistance(
      { latitude: from.lat, longitude: from.lng },
      { latitude: to.lat, longitude: to.lng },
      ACCURACY_M,
    ) / 1000
  );
}

// A degree of latitude is at least 110.5 km anywhere on Earth, so a latitude gap alone proves
// a node is out of a radius without the full formula; this keeps same-city checks cheap.
const MIN_KM_PER_DEGREE_LAT = 110.5;

/** True when the two points are certainly farther apart than `km`. */
export function isSurelyFartherThan(from: LatLng, to: LatLng, km: number): boolean {
  return Math.abs(from.lat - to.lat) * MIN_KM_PER_DEGREE_LAT > km;
}
