import "server-only";
import type Stripe from "stripe";
import { confirmOrderPayment } from "@/lib/orders/confirm-order-payment.server";
import { withTransaction, type Db } from "@/lib/db/transaction.server";
import { recordSucceededCharge } from "./record-charge.server";
import { refundOrderPayment } from "./refund-order-payment.server";
import { isUniqueViolation } from "@/lib/db/unique-violation";

export type SettleOutcome = "PAID" | "ALREADY_PAID" | "REFUND_NEEDED";

/**
 * A provider reports money received for an order: the charge is recorded, the order engine turns
 * holds into allocations (re-reserving lapsed ones when it can), and when the stock is gone the
 * money goes back. Every step is idempotent, so a redelivered event (or one that failed
 * half-way) can simply run it again: the charge row is keyed by its provider reference, the
 * order flips by compare-and-set, and a refund only gives back what is left.
 */
export async function settlePayment(
  db: Db,
  input: {
    orderId: string;
    provider: "STRIPE" | "DEMO";
    amount: number;
    chargeRef: string;
    sessionRef?: string;
    paidAt?: Date;
    stripe?: Stripe;
  },
): Promise<{ outcome: SettleOutcome; orderNo: string; refunded: number }> {
  try {
    await withTransaction(db, (tx) => recordSucceededCharge(tx, input));
  } catch (error) {
    // A concurrent delivery recorded it first; the rest below is safe to repeat.
    if (!isUniqueViolation(error)) throw error;
  }
  const confirmed = await confirmOrderPayment(db, {
    orderId: input.orderId,
    provider: input.provider,
    amount: input.amount,
    paidAt: input.paidAt,
  });
  // Also after a repeat (ALREADY_PAID): a paid order that stayed cancelled still owes its refund.
  const order = await db.order.findUniqueOrThrow({
    where: { id: input.orderId },
    select: { status: true, paymentStatus: true },
  });
  const owesRefund = order.status === "CANCELLED" && order.paymentStatus === "PAID";
  if (confirmed.outcome !== "REFUND_NEEDED" && !owesRefund) return { ...confirmed, refunded: 0 };
  const { refunded } = await refundOrderPayment(db, {
    orderId: input.orderId,
    reason: "Paid after the hold expired and the stock was gone",
    stripe: input.stripe,
  });
  return { outcome: "REFUND_NEEDED", orderNo: confirmed.orderNo, refunded };
}
