import "server-only";
import { recordChannelOrderEvent } from "@/lib/order-events/record-channel-order-event.server";
import type Stripe from "stripe";
import { AppError } from "@/lib/errors/app-error";
import { withTransaction, type Db, type Tx } from "@/lib/db/transaction.server";
import { isUniqueViolation } from "@/lib/db/unique-violation";
import { bookRefund } from "@/lib/settlement/book-refund.server";
import { paymentStatusAfterRefund, planRefund } from "./refund-plan";
import { getStripe } from "./stripe-client.server";

/** What a refund is for, when it pays back a return: keys the refund and is written with it. */
export type RefundFor = {
  returnId: string;
  /**
   * An exchange: the value is not paid out but carried to the new order as EXCHANGE_CREDIT (no
   * provider call); keyed apart from the return's money refund.
   */
  asCredit?: boolean;
  /** Runs in the transaction that records the refund, only for the call that records it. */
  onRecorded: (tx: Tx, refund: { paymentId: string; amount: number; at: Date }) => Promise<void>;
};

/**
 * Gives an order's payment back (all that is left, or `amount`): a Stripe refund through the SDK,
 * or a demo refund, recorded as a REFUND payment row together with its settlement entries and
 * the order's payment status, in one transaction. Safe to call twice: the provider reference of
 * a refund is derived from the return it pays back (or from what was refunded before), so a
 * retry or a racing call asks the provider for the same refund and records nothing new.
 */
export async function refundOrderPayment(
  db: Db,
  input: {
    orderId: string;
    amount?: number;
    reason: string;
    /** Tests pass a client pointed at a local stand-in; the server uses its configured one. */
    stripe?: Stripe;
    refundFor?: RefundFor;
    now?: Date;
  },
): Promise<{ refunded: number }> {
  if (input.amount !== undefined && (!Number.isInteger(input.amount) || input.amount <= 0)) {
    throw new AppError("INVALID_INPUT", "A refund amount is a positive number of fen.");
  }
  try {
    return await withTransaction(db, (tx) => refundLocked(tx, input));
  } catch (error) {
    // The same refund was recorded by a concurrent call: it is given back once.
    if (isUniqueViolation(error)) return { refunded: 0 };
    throw error;
  }
}

/**
 * Under the order's row lock, so that refunds of one order run one after the other: what is left
 * is planned from the payments as they are now (two returns refunded at once never give back
 * more than was paid), the provider is asked, and the refund is recorded before the lock goes.
 */
async function refundLocked(
  tx: Tx,
  input: Parameters<typeof refundOrderPayment>[1],
): Promise<{ refunded: number }> {
  const locked = await tx.$queryRaw<
    { id: string }[]
  >`SELECT id FROM "Order" WHERE id = ${input.orderId} FOR UPDATE`;
  if (locked.length === 0)
    throw new AppError("NOT_FOUND", "No such order.", { details: { reason: "ORDER" } });
  const order = await tx.order.findUniqueOrThrow({
    where: { id: input.orderId },
    select: { id: true, currency: true, payments: true },
  });
  const forReturn = input.refundFor;
  const credit = forReturn?.asCredit === true;
  if (
    forReturn &&
    order.payments.some(
      (p) =>
        p.kind === "REFUND" &&
        p.status !== "FAILED" &&
        p.returnId === forReturn.returnId &&
        (p.provider === "EXCHANGE_CREDIT") === credit,
    )
  )
    return { refunded: 0 };
  const plan = planRefund(order.payments, input.amount);
  if (plan.kind === "NOTHING") {
    if (forReturn) throw refundAbovePaid(0);
    return { refunded: 0 };
  }
  // A return is refunded exactly what it is worth, or refused: never cut short silently.
  if (forReturn && input.amount !== undefined && plan.amount < input.amount)
    throw refundAbovePaid(plan.amount);

  const ref = credit
    ? { id: `exchange_credit_${forReturn!.returnId}`, status: "SUCCEEDED" as const }
    : await refundAtProvider({ ...input, plan, orderId: order.id });
  const at = input.now ?? new Date();
  const payment = await tx.payment.create({
    data: {
      orderId: order.id,
      provider: credit ? "EXCHANGE_CREDIT" : plan.provider,
      kind: "REFUND",
      status: ref.status,
      amount: plan.amount,
      currency: order.currency,
      providerRef: ref.id,
      returnId: forReturn?.returnId ?? null,
      createdAt: at,
    },
    select: { id: true },
  });
  await tx.order.update({
    where: { id: order.id },
    data: { paymentStatus: paymentStatusAfterRefund(plan.charged, plan.refunded + plan.amount) },
  });
  await bookRefund(tx, {
    orderId: order.id,
    paymentId: payment.id,
    returnId: forReturn?.returnId ?? null,
    amount: plan.amount,
    before: plan.refunded,
    at,
  });
  await forReturn?.onRecorded(tx, { paymentId: payment.id, amount: plan.amount, at });
  await recordChannelOrderEvent(tx, {
    orderId: order.id,
    kind: "REFUNDED",
    dedupeKey: `REFUNDED:${payment.id}`,
    amount: plan.amount,
  });
  return { refunded: plan.amount };
}

function refundAbovePaid(refundable: number): AppError {
  return new AppError("INVALID_INPUT", `At most ${refundable} can still be refunded.`, {
    details: { reason: "REFUND_ABOVE_PAID", refundable },
  });
}

async function refundAtProvider(input: {
  orderId: string;
  reason: string;
  stripe?: Stripe;
  refundFor?: RefundFor;
  plan: Extract<ReturnType<typeof planRefund>, { kind: "REFUND" }>;
}): Promise<{ id: string; status: "PENDING" | "SUCCEEDED" }> {
  const { plan } = input;
  // Keyed by the return it pays back, or by what was refunded before, so a retry of this step
  // asks for the same refund.
  const key = input.refundFor
    ? `refund_return_${input.refundFor.returnId}`
    : `refund_${input.orderId}_${plan.refunded}`;
  // Demo and in-store money is given back by the demo provider or at the counter: nothing to call.
  if (plan.provider !== "STRIPE")
    return { id: `${plan.provider.toLowerCase()}_${key}`, status: "SUCCEEDED" };
  if (!plan.chargeRef?.startsWith("pi_")) {
    throw new AppError("CONFLICT", "The card payment has no payment reference to refund against.", {
      details: { reason: "NO_PAYMENT_REFERENCE" },
    });
  }
  const stripe = input.stripe ?? getStripe();
  const refund = await stripe.refunds.create(
    {
      payment_intent: plan.chargeRef,
      amount: plan.amount,
      metadata: { orderId: input.orderId, reason: input.reason.slice(0, 400) },
    },
    { idempotencyKey: key },
  );
  return { id: refund.id, status: refund.status === "succeeded" ? "SUCCEEDED" : "PENDING" };
}
