import { z } from "zod";
import type { ReservationKind } from "@/lib/generated/prisma/enums";

/** Pass as `nodeId` to let the engine pick the node with the deepest available stock. */
export const BEST_NODE = "best";

/** Largest quantity one reservation may ask for; a bigger number is a typo, not an order. */
export const MAX_RESERVE_QUANTITY = 10_000;
/** A hold lives between 1 second and 24 hours. */
export const TTL_BOUNDS = { minSeconds: 1, maxSeconds: 24 * 60 * 60 } as const;
/** A checkout hold lasts as long as a payment page reasonably stays open. */
export const DEFAULT_CHECKOUT_HOLD_SECONDS = 15 * 60;

/** Kinds that are holds: they expire when unpaid. */
export const HOLD_KINDS = [
  "CHECKOUT_HOLD",
  "PICKUP_HOLD",
] as const satisfies readonly ReservationKind[];
/** Kinds a caller may reserve directly (presale demand has its own use case). */
export const RESERVE_KINDS = [...HOLD_KINDS, "ORDER_ALLOCATION"] as const;

const id = z.string().trim().min(1, "Required.").max(200);
const quantity = z
  .number({ error: "Must be a number." })
  .int("Must be a whole number.")
  .positive("Must be at least 1.");

/** Input of reserveStock and reserveBundle (skuId is the bundle SKU for the latter). */
export const reserveInputSchema = z
  .object({
    channelId: id,
    skuId: id,
    nodeId: id,
    /** With nodeId "best": restricts the choice to these nodes (e.g. pickup stores in a city). */
    candidateNodeIds: z.array(id).min(1).max(1_000).optional(),
    quantity: quantity.max(MAX_RESERVE_QUANTITY, `At most ${MAX_RESERVE_QUANTITY}.`),
    kind: z.enum(RESERVE_KINDS),
    ttlSeconds: z
      .number()
      .int("Must be a whole number of seconds.")
      .min(TTL_BOUNDS.minSeconds, "At least 1 second.")
      .max(TTL_BOUNDS.maxSeconds, "At most 24 hours.")
      .optional(),
    orderId: id.optional(),
    /** The order line this promise serves; with the node it identifies a fulfilment line's hold. */
    orderLineId: id.optional(),
    idempotencyKey: id.optional(),
  })
  .superRefine((input, ctx) => {
    if (input.kind === "ORDER_ALLOCATION" && input.ttlSeconds !== undefined) {
      ctx.addIssue({
        code: "custom",
        path: ["ttlSeconds"],
        message: "Order allocations do not expire.",
      });
    }
    if (input.candidateNodeIds && input.nodeId !== BEST_NODE) {
      ctx.addIssue({
        code: "custom",
        path: ["candidateNodeIds"],
        message: `Only with nodeId "${BEST_NODE}".`,
      });
    }
  });
export type ReserveInput = z.infer<typeof reserveInputSchema>;

/** Input of reservePresale: demand sold against inbound supply, without a node yet. */
export const presaleInputSchema = z.object({
  channelId: id,
  skuId: id,
  quantity: quantity.max(MAX_RESERVE_QUANTITY, `At most ${MAX_RESERVE_QUANTITY}.`),
  orderId: id.optional(),
  /** The order line the units are for: the fulfilment line made on receipt points at it. */
  orderLineId: id.optional(),
  idempotencyKey: id.optional(),
  /**
   * How long unpaid demand may wait for its payment, like a checkout hold; paying clears the
   * expiry (the demand then waits for inbound for as long as it takes). Omitted: never expires.
   */
  ttlSeconds: z.number().int().min(TTL_BOUNDS.minSeconds).max(TTL_BOUNDS.maxSeconds).optional(),
});
export type PresaleInput = z.infer<typeof presaleInputSchema>;

const targetFields = { reservationId: id.optional(), groupId: id.optional() };
const exactlyOneTarget = {
  check: (t: { reservationId?: string; groupId?: string }) =>
    (t.reservationId === undefined) !== (t.groupId === undefined),
  params: { message: "Give either reservationId or groupId.", path: ["reservationId"] },
};

/** Which reservations a release or consume acts on: one, or a bundle's whole group. */
export const reservationTargetSchema = z
  .object(targetFields)
  .refine(exactlyOneTarget.check, exactlyOneTarget.params);
export type ReservationTarget = z.infer<typeof reservationTargetSchema>;

/** Input of confirmReservation: the target, and the order the paid hold now belongs to. */
export const confirmInputSchema = z
  .object({ ...targetFields, orderId: id.optional() })
  .refine(exactlyOneTarget.check, exactlyOneTarget.params);

/** Input of the expiry sweeper. */
export const sweepInputSchema = z.object({
  limit: z.number().int().min(1).max(10_000).default(500),
});

/**
 * How long a new reservation holds before the sweeper releases it: an explicit TTL wins; pickup
 * holds default to the configured minutes, checkout holds to 15 minutes; allocations never expire.
 */
export function holdTtlSeconds(
  kind: ReservationKind,
  ttlSeconds: number | undefined,
  pickupHoldMinutes: number,
): number | null {
  if (kind === "ORDER_ALLOCATION" || kind === "PRESALE") return null;
  if (ttlSeconds !== undefined) return ttlSeconds;
  if (kind === "PICKUP_HOLD") {
    const seconds = Math.round(pickupHoldMinutes * 60);
    return Math.min(TTL_BOUNDS.maxSeconds, Math.max(TTL_BOUNDS.minSeconds, seconds));
  }
  return DEFAULT_CHECKOUT_HOLD_SECONDS;
}

/** The expiry instant of a hold created at `now`, or null for one that never expires. */
export function holdExpiresAt(now: Date, ttlSeconds: number | null): Date | null {
  return ttlSeconds === null ? null : new Date(now.getTime() + ttlSeconds * 1000);
}

/** True when a hold with this expiry is past due at `now` (the expiry instant itself counts). */
export function isPastExpiry(expiresAt: Date | null, now: Date): boolean {
  return expiresAt !== null && expiresAt.getTime() <= now.getTime();
}
