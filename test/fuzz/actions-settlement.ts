import fc from "fast-check";
import type { ActionSpec } from "./action-table";
import { RATE_KINDS } from "@/lib/settlement/rates";
import { int, num, oneOf, pattern, text } from "./input-shapes";

// Days before any run of the fuzzer: a well-formed rate is then refused as starting in the past,
// so no generated input can schedule a rate in the seeded database.
const pastDay = fc.constantFrom("2000-01-01", "2019-12-31", "2024-02-29");

/** The fuzz entries of lib/settlement/actions.ts (fee and commission rates). */
export const SETTLEMENT_ACTIONS: Record<string, ActionSpec> = {
  "settlement/saveRateAction": {
    callers: ["ADMIN"],
    shapes: [
      {
        kind: oneOf(RATE_KINDS),
        percent: num(0, 100),
        effectiveFrom: pattern(pastDay),
        note: text(200),
      },
      {
        kind: oneOf(RATE_KINDS),
        bps: int(0, 10_000),
        effectiveFrom: pattern(pastDay),
        note: text(200),
      },
    ],
  },
  "settlement/cancelRateAction": {
    callers: ["ADMIN"],
    // No seeded rate is scheduled, so a generated id names none that may be cancelled.
    shapes: [{ id: text(64) }],
  },
};
