import { timingSafeEqual } from "node:crypto";

/** Wrong codes a pickup accepts before further tries are refused (the customer asks the store). */
export const MAX_PICKUP_CODE_ATTEMPTS = 5;

/** A pickup code is six digits. */
export const PICKUP_CODE_PATTERN = /^\d{6}$/;

/** Compares in constant time, so response timing does not leak how many digits were right. */
export function pickupCodeMatches(expected: string | null, given: string): boolean {
  if (expected === null || expected.length !== given.length) return false;
  return timingSafeEqual(Buffer.from(expected), Buffer.from(given));
}

/** Tries left after `attempts` wrong codes. */
export function attemptsLeft(attempts: number): number {
  return Math.max(0, MAX_PICKUP_CODE_ATTEMPTS - attempts);
}
