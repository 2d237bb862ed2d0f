import "server-only";
import type Stripe from "stripe";
import { AppError } from "@/lib/errors/app-error";
import type { Db } from "@/lib/db/transaction.server";
import { isUniqueViolation } from "@/lib/db/unique-violation";
import { paymentStatusAfterRefund, planRefund } from "./refund-plan";
import { getStripe } from "./stripe-client.server";

/**
 * Gives an order's payment back (all that is left, or `amount`): a Stripe refund through the SDK,
 * or a demo refund, recorded as a REFUND payment row. Safe to call twice: the provider reference
 * of a refund is derived from what was refunded before, so a retry or a racing call records
 * nothing new.
 */
export async function refundOrderPayment(
  db: Db,
  input: {
    orderId: string;
    amount?: number;
    reason: string;
    /** Tests pass a client pointed at a local stand-in; the server uses its configured one. */
    stripe?: Stripe;
  },
): Promise<{ refunded: number }> {
  if (input.amount !== undefined && (!Number.isInteger(input.amount) || input.amount <= 0)) {
    throw new AppError("INVALID_INPUT", "A refund amount is a positive number of fen.");
  }
  const order = await db.order.findUnique({
    where: { id: input.orderId },
    select: { id: true, currency: true, payments: true },
  });
  if (!order) throw new AppError("NOT_FOUND", "No such order.", { details: { reason: "ORDER" } });
  const plan = planRefund(order.payments, input.amount);
  if (plan.kind === "NOTHING") return { refunded: 0 };

  const ref = await refundAtProvider({ ...input, plan, orderId: order.id });
  try {
    await db.payment.create({
      data: {
        orderId: order.id,
        provider: plan.provider,
        kind: "REFUND",
        status: ref.status,
        amount: plan.amount,
        currency: order.currency,
        providerRef: ref.id,
      },
    });
  } catch (error) {
    // The same refund was recorded by a concurrent call: it is given back once.
    if (isUniqueViolation(error)) return { refunded: 0 };
    throw error;
  }
  await db.order.update({
    where: { id: order.id },
    data: { paymentStatus: paymentStatusAfterRefund(plan.charged, plan.refunded + plan.amount) },
  });
  return { refunded: plan.amount };
}

async function refundAtProvider(input: {
  orderId: string;
  reason: string;
  stripe?: Stripe;
  plan: Extract<ReturnType<typeof planRefund>, { kind: "REFUND" }>;
}): Promise<{ id: string; status: "PENDING" | "SUCCEEDED" }> {
  const { plan } = input;
  // Keyed by what was refunded before, so a retry of this step asks for the same refund.
  const key = `refund_${input.orderId}_${plan.refunded}`;
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
