import type { ReservationKind, ReservationStatus } from "@/lib/generated/prisma/enums";
import { HOLD_KINDS, isPastExpiry } from "./rules";

/** What can happen to a reservation. */
export type ReservationEvent = "RELEASE" | "EXPIRE" | "CONFIRM" | "CONSUME" | "ALLOCATE";

export type ReservationState = {
  status: ReservationStatus;
  kind: ReservationKind;
  expiresAt: Date | null;
};

/**
 * The states each event may start from. Server code builds its compare-and-set `WHERE` from this
 * table, so the rule and the guard cannot drift apart. `due`: the hold must be past its expiry
 * (EXPIRE) or still before it (CONFIRM); otherwise expiry does not matter.
 */
export const FROM_STATES: Record<
  ReservationEvent,
  {
    statuses: readonly ReservationStatus[];
    kinds: readonly ReservationKind[];
    due?: "past" | "before";
  }
> = {
  RELEASE: {
    statuses: ["ACTIVE", "WAITING"],
    kinds: ["CHECKOUT_HOLD", "PICKUP_HOLD", "ORDER_ALLOCATION", "PRESALE"],
  },
  // Anything still open whose expiry passed lapses: holds, and unpaid presale demand (waiting, or
  // already allocated on receipt); paid allocations carry no expiry, so they never lapse.
  EXPIRE: {
    statuses: ["ACTIVE", "WAITING"],
    kinds: [...HOLD_KINDS, "PRESALE", "ORDER_ALLOCATION"],
    due: "past",
  },
  CONFIRM: { statuses: ["ACTIVE"], kinds: HOLD_KINDS, due: "before" },
  CONSUME: { statuses: ["ACTIVE"], kinds: ["ORDER_ALLOCATION"] },
  // Lapsed unpaid demand is not served from new stock; the sweeper gives it back instead.
  ALLOCATE: { statuses: ["WAITING"], kinds: ["PRESALE"], due: "before" },
};

/** The state an event leads to from an allowed state. */
export const TO_STATE: Record<
  ReservationEvent,
  { status: ReservationStatus; kind?: ReservationKind }
> = {
  RELEASE: { status: "RELEASED" },
  EXPIRE: { status: "EXPIRED" },
  CONFIRM: { status: "ACTIVE", kind: "ORDER_ALLOCATION" },
  CONSUME: { status: "CONSUMED" },
  ALLOCATE: { status: "ACTIVE", kind: "ORDER_ALLOCATION" },
};

export type TransitionOutcome =
  | { ok: true; status: ReservationStatus; kind: ReservationKind }
  | { ok: false; code: "HOLD_EXPIRED" | "CONFLICT"; message: string };

/** True when the event is allowed from this state at `now`. */
export function canTransition(
  state: ReservationState,
  event: ReservationEvent,
  now: Date,
): boolean {
  const from = FROM_STATES[event];
  if (!from.statuses.includes(state.status) || !from.kinds.includes(state.kind)) return false;
  if (from.due === "past") return isPastExpiry(state.expiresAt, now);
  if (from.due === "before") return !isPastExpiry(state.expiresAt, now);
  return true;
}

/**
 * The next state, or why the event is refused: HOLD_EXPIRED when the hold ran out (even if the
 * sweeper has not released it yet), CONFLICT when the reservation is already closed or not in a
 * state the event applies to.
 */
export function transition(
  state: ReservationState,
  event: ReservationEvent,
  now: Date,
): TransitionOutcome {
  if (canTransition(state, event, now)) {
    const to = TO_STATE[event];
    return { ok: true, status: to.status, kind: to.kind ?? state.kind };
  }
  const expired =
    state.status === "EXPIRED" || (state.status === "ACTIVE" && isPastExpiry(state.expiresAt, now));
  if (expired && (event === "CONFIRM" || event === "CONSUME")) {
    return {
      ok: false,
      code: "HOLD_EXPIRED",
      message: "The hold has expired; its stock was or will be released.",
    };
  }
  return { ok: false, code: "CONFLICT", message: refusalMessage(state, event) };
}

function refusalMessage(state: ReservationState, event: ReservationEvent): string {
  switch (state.status) {
    case "RELEASED":
      return "The reservation was already released.";
    case "EXPIRED":
      return "The hold already expired and was released.";
    case "CONSUMED":
      return "The reservation was already consumed.";
    case "WAITING":
      return "The presale reservation is still waiting for inbound stock.";
    case "ACTIVE":
      if (event === "CONSUME") return "The hold must be confirmed (paid) before it is consumed.";
      if (event === "CONFIRM") return "The reservation is already an order allocation.";
      if (event === "EXPIRE") return "The reservation is not a hold past its expiry.";
      return "The reservation is not waiting for inbound stock.";
  }
}
