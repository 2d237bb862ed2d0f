import { z } from "zod";
import type { Prisma } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/errors/app-error";
import type { ItemNaming } from "@/lib/errors/error-details";
import { atMost } from "@/lib/errors/field-problem";
import { spreadProportionally } from "@/lib/pricing/spread";

export const RETURN_REASONS = [
  "WRONG_SIZE",
  "NOT_AS_DESCRIBED",
  "DEFECTIVE",
  "CHANGED_MIND",
  "OTHER",
] as const;
export type ReturnReason = (typeof RETURN_REASONS)[number];

export const requestReturnSchema = z.object({
  orderNo: z.string().trim().min(1).max(40),
  mode: z.enum(["ONLINE", "AT_STORE"]),
  reason: z.enum(RETURN_REASONS),
  note: z.string().trim().max(500).optional(),
  lines: z
    .array(
      z.object({
        orderLineId: z.string().min(1).max(64),
        quantity: z.number().int("Quantity must be a whole number.").min(0).max(999),
      }),
    )
    .min(1)
    .max(100),
});
export type RequestReturnInput = z.infer<typeof requestReturnSchema>;

export type ReturnableLine = {
  orderLineId: string;
  bought: number;
  returned: number;
  lineTotal: number;
  /** The line's item as the shopper knows it, for a refusal that names it. */
  naming?: ItemNaming;
};

/** Units of a line still returnable: bought minus those in returns that were not rejected. */
export function returnableQuantity(line: Pick<ReturnableLine, "bought" | "returned">): number {
  return Math.max(0, line.bought - line.returned);
}

/**
 * Keeps the lines the shopper asked to return (quantity > 0) and refuses anything above what is
 * still returnable, or a line that is not on the order.
 */
export function chooseReturnLines(
  lines: readonly ReturnableLine[],
  wanted: readonly { orderLineId: string; quantity: number }[],
): { orderLineId: string; quantity: number }[] {
  const byId = new Map(lines.map((l) => [l.orderLineId, l]));
  const chosen = new Map<string, number>();
  for (const w of wanted) chosen.set(w.orderLineId, (chosen.get(w.orderLineId) ?? 0) + w.quantity);
  const picked = [...chosen.entries()].filter(([, q]) => q > 0);
  if (picked.length === 0) {
    throw new AppError("INVALID_INPUT", "Choose at least one item to return.", {
      details: { reason: "NOTHING_CHOSEN" },
    });
  }
  for (const [orderLineId, quantity] of picked) {
    const line = byId.get(orderLineId);
    if (!line)
      throw new AppError("NOT_FOUND", "That item is not on this order.", {
        details: { reason: "ORDER_LINE" },
      });
    const left = returnableQuantity(line);
    if (quantity > left) {
      throw new AppError("INVALID_INPUT", `Only ${left} of that item can still be returned.`, {
        details: { reason: "ABOVE_RETURNABLE", orderLineId, returnable: left, ...line.naming },
        fieldErrors: { [`lines.${orderLineId}`]: [atMost(left)] },
      });
    }
  }
  return picked.map(([orderLineId, quantity]) => ({ orderLineId, quantity }));
}

/**
 * The refund due for returned units, in fen: what was paid for the goods (line totals after the
 * coupon, less the value of redeemed points, spread over the lines) in proportion to the units
 * returned, rounded down. Delivery fees are not refunded.
 */
export function refundFor(
  order: {
    lines: readonly { orderLineId: string; quantity: number; lineTotal: number }[];
    pointsValue: number;
  },
  returned: readonly { orderLineId: string; quantity: number }[],
): number {
  const goods = order.lines.reduce((s, l) => s + l.lineTotal, 0);
  const pointsShares = spreadProportionally(
    Math.min(order.pointsValue, goods),
    order.lines.map((l) => l.lineTotal),
  );
  const paidByLine = new Map(
    order.lines.map((l, i) => [
      l.orderLineId,
      { paid: l.lineTotal - pointsShares[i]!, units: l.quantity },
    ]),
  );
  return returned.reduce((sum, r) => {
    const line = paidByLine.get(r.orderLineId);
    return line ? sum + Math.floor((line.paid * r.quantity) / line.units) : sum;
  }, 0);
}

/** Whether the goods reached the shopper, so they can be sent back. */
export function orderIsReturnable(order: {
  status: string;
  paymentStatus: string;
  fulfilmentStatuses: readonly string[];
}): boolean {
  if (order.paymentStatus !== "PAID" && order.paymentStatus !== "PARTIALLY_REFUNDED") return false;
  if (order.status === "COMPLETED") return true;
  const active = order.fulfilmentStatuses.filter((s) => s !== "CANCELLED" && s !== "REJECTED");
  return active.length > 0 && active.every((s) => s === "PICKED_UP" || s === "DELIVERED");
}

const CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

/** A return code the shopper reads out at a store: 8 characters, no 0/O or 1/I look-alikes. */
export function makeReturnCode(randomIndex: (max: number) => number): string {
  return Array.from({ length: 8 }, () => CODE_ALPHABET[randomIndex(CODE_ALPHABET.length)]).join("");
}

/** Whether a return may still be asked for: within `days` after the goods reached the buyer. */
export function returnWindowOpen(reachedBuyerAt: Date | null, now: Date, days: number): boolean {
  if (!reachedBuyerAt) return true;
  return now.getTime() - reachedBuyerAt.getTime() <= days * 24 * 60 * 60 * 1000;
}

/** The refusal for a return asked for after the window closed. */
export function returnWindowClosed(days: number): AppError {
  return new AppError("CONFLICT", `Returns are accepted within ${days} days of delivery.`, {
    details: { reason: "RETURN_WINDOW_CLOSED", days },
  });
}

export const COUNTER_DECISIONS = ["RESTOCK", "DAMAGED", "REFUSE"] as const;
export type CounterDecision = (typeof COUNTER_DECISIONS)[number];

const lineDecision = z
  .object({
    decision: z.enum(COUNTER_DECISIONS),
    refuseReason: z.string().trim().max(300).optional(),
  })
  .refine((d) => d.decision !== "REFUSE" || (d.refuseReason?.length ?? 0) > 0, {
    message: "Say why the item is refused.",
    path: ["refuseReason"],
  });

/** Staff's decision on each line of a return at the counter or the warehouse. */
export const receiveReturnSchema = z.object({
  returnId: z.string().min(1).max(64),
  /** Where the goods are received: a store's staff receive at their own store. */
  nodeId: z.string().min(1).max(64).optional(),
  lines: z
    .array(lineDecision.and(z.object({ returnLineId: z.string().min(1).max(64) })))
    .min(1)
    .max(100),
});
export type ReceiveReturnInput = z.infer<typeof receiveReturnSchema>;

/** A walk-in customer returns at the counter without asking first: order number and contact. */
export const walkInReturnSchema = z.object({
  orderNo: z.string().trim().min(1).max(40),
  contact: z.string().trim().min(3).max(200),
  reason: z.enum(RETURN_REASONS),
  lines: z
    .array(
      lineDecision.and(
        z.object({
          orderLineId: z.string().min(1).max(64),
          quantity: z.number().int("Quantity must be a whole number.").min(0).max(999),
        }),
      ),
    )
    .min(1)
    .max(100),
});
export type WalkInReturnInput = z.infer<typeof walkInReturnSchema>;

/** Looking a return up at the counter: its code, or the order number (with the buyer's contact). */
export const findReturnSchema = z.object({
  query: z.string().trim().min(3).max(60),
  contact: z.string().trim().max(200).optional(),
});

/** Whether a phone or email given at the counter is the order's buyer (spacing and case aside). */
export function contactMatches(
  given: string,
  known: { phone: string | null; email: string | null },
): boolean {
  const g = given.trim().toLowerCase();
  if (known.email && g === known.email.trim().toLowerCase()) return true;
  const gd = nationalDigits(g);
  return gd.length >= 5 && !!known.phone && nationalDigits(known.phone) === gd;
}

/** A phone number's digits without China's country code, as staff type it at the counter. */
function nationalDigits(phone: string): string {
  const digits = phone.replace(/[^0-9]/g, "");
  if (digits.startsWith("0086") && digits.length > 13) return digits.slice(4);
  if (digits.startsWith("86") && digits.length === 13) return digits.slice(2);
  return digits;
}

/**
 * The refund due for the units a return accepted back: their paid share (`refundFor`), plus the
 * delivery fee when this return brings the last units of the order back (stated policy: the fee
 * is refunded only when the whole order is returned), never more than what is left to refund.
 */
export function refundForAccepted(input: {
  order: {
    lines: readonly { orderLineId: string; quantity: number; lineTotal: number }[];
    pointsValue: number;
    shippingFee: number;
  };
  accepted: readonly { orderLineId: string; quantity: number }[];
  /** Units accepted back by earlier returns, per order line. */
  acceptedBefore: readonly { orderLineId: string; quantity: number }[];
  leftToRefund: number;
}): number {
  const goods = refundFor(input.order, input.accepted);
  const back = new Map<string, number>();
  for (const r of [...input.acceptedBefore, ...input.accepted])
    back.set(r.orderLineId, (back.get(r.orderLineId) ?? 0) + r.quantity);
  const all = input.order.lines.every((l) => (back.get(l.orderLineId) ?? 0) >= l.quantity);
  const fee = all && input.accepted.length > 0 ? input.order.shippingFee : 0;
  return Math.max(0, Math.min(goods + fee, input.leftToRefund));
}

/** Points earned by an order that the returned goods stand for (cumulative, rounded down). */
export function pointsToTakeBack(input: {
  pointsEarned: number;
  goodsPaid: number;
  refundedGoods: number;
  takenBefore: number;
}): number {
  if (input.goodsPaid <= 0) return 0;
  const due = Math.floor(
    (input.pointsEarned * Math.min(input.refundedGoods, input.goodsPaid)) / input.goodsPaid,
  );
  return Math.max(0, due - input.takenBefore);
}

/**
 * Which return lines count as units given back (for what is still returnable): lines of returns
 * not rejected, except lines the counter refused. A Prisma `where` on ReturnLine.
 */
export const COUNTED_RETURN_LINES: Prisma.ReturnLineWhereInput = {
  return: { status: { not: "REJECTED" } },
  OR: [{ condition: null }, { condition: { not: "REFUSED" } }],
};
