import { describe, expect, it } from "vitest";
import { transition, type ReservationEvent, type ReservationState } from "./transitions";

const now = new Date("2026-11-22T10:00:00Z");
const later = new Date("2026-11-22T10:10:00Z");
const earlier = new Date("2026-11-22T09:50:00Z");

const hold = (extra: Partial<ReservationState> = {}): ReservationState => ({
  status: "ACTIVE",
  kind: "CHECKOUT_HOLD",
  expiresAt: later,
  ...extra,
});

type Row = [string, ReservationState, ReservationEvent, string];

describe("reservation transitions", () => {
  it.each<Row>([
    ["release an active hold", hold(), "RELEASE", "RELEASED/CHECKOUT_HOLD"],
    [
      "release an allocation",
      hold({ kind: "ORDER_ALLOCATION", expiresAt: null }),
      "RELEASE",
      "RELEASED/ORDER_ALLOCATION",
    ],
    [
      "release an expired hold not yet swept",
      hold({ expiresAt: earlier }),
      "RELEASE",
      "RELEASED/CHECKOUT_HOLD",
    ],
    [
      "cancel waiting presale demand",
      hold({ status: "WAITING", kind: "PRESALE", expiresAt: null }),
      "RELEASE",
      "RELEASED/PRESALE",
    ],
    ["release twice", hold({ status: "RELEASED" }), "RELEASE", "CONFLICT"],
    ["release after expiry", hold({ status: "EXPIRED" }), "RELEASE", "CONFLICT"],
    [
      "release a consumed allocation",
      hold({ status: "CONSUMED", kind: "ORDER_ALLOCATION" }),
      "RELEASE",
      "CONFLICT",
    ],
    ["expire a due hold", hold({ expiresAt: earlier }), "EXPIRE", "EXPIRED/CHECKOUT_HOLD"],
    ["expire exactly at expiry", hold({ expiresAt: now }), "EXPIRE", "EXPIRED/CHECKOUT_HOLD"],
    [
      "expire a pickup hold",
      hold({ kind: "PICKUP_HOLD", expiresAt: earlier }),
      "EXPIRE",
      "EXPIRED/PICKUP_HOLD",
    ],
    ["expire a hold not yet due", hold(), "EXPIRE", "CONFLICT"],
    [
      "expire an allocation",
      hold({ kind: "ORDER_ALLOCATION", expiresAt: null }),
      "EXPIRE",
      "CONFLICT",
    ],
    ["expire twice", hold({ status: "EXPIRED", expiresAt: earlier }), "EXPIRE", "CONFLICT"],
    ["confirm a live hold", hold(), "CONFIRM", "ACTIVE/ORDER_ALLOCATION"],
    ["confirm a pickup hold", hold({ kind: "PICKUP_HOLD" }), "CONFIRM", "ACTIVE/ORDER_ALLOCATION"],
    [
      "confirm a due hold the sweeper missed",
      hold({ expiresAt: earlier }),
      "CONFIRM",
      "HOLD_EXPIRED",
    ],
    [
      "confirm a swept hold",
      hold({ status: "EXPIRED", expiresAt: earlier }),
      "CONFIRM",
      "HOLD_EXPIRED",
    ],
    ["confirm a released hold", hold({ status: "RELEASED" }), "CONFIRM", "CONFLICT"],
    ["confirm twice", hold({ kind: "ORDER_ALLOCATION", expiresAt: null }), "CONFIRM", "CONFLICT"],
    [
      "consume an allocation",
      hold({ kind: "ORDER_ALLOCATION", expiresAt: null }),
      "CONSUME",
      "CONSUMED/ORDER_ALLOCATION",
    ],
    ["consume an unpaid hold", hold(), "CONSUME", "CONFLICT"],
    ["consume an expired hold", hold({ status: "EXPIRED" }), "CONSUME", "HOLD_EXPIRED"],
    [
      "consume twice",
      hold({ status: "CONSUMED", kind: "ORDER_ALLOCATION" }),
      "CONSUME",
      "CONFLICT",
    ],
    [
      "allocate waiting presale",
      hold({ status: "WAITING", kind: "PRESALE", expiresAt: null }),
      "ALLOCATE",
      "ACTIVE/ORDER_ALLOCATION",
    ],
    ["allocate an active hold", hold(), "ALLOCATE", "CONFLICT"],
  ])("%s", (_name, state, event, expected) => {
    const outcome = transition(state, event, now);
    expect(outcome.ok ? `${outcome.status}/${outcome.kind}` : outcome.code).toBe(expected);
  });
});
