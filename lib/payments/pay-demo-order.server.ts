import "server-only";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors/app-error";
import type { Db } from "@/lib/db/transaction.server";
import { settlePayment, type SettleOutcome } from "./settle-payment.server";
import { activePaymentProvider } from "./stripe-config";

/** Whether the demo provider answers on this server: only when Stripe is not configured. */
export function demoPaymentsEnabled(): boolean {
  return activePaymentProvider({ stripeSecretKey: env.STRIPE_SECRET_KEY }) === "DEMO";
}

/**
 * The demo provider's "Pay" button: no money moves, but the order goes through the path a real
 * payment takes (charge row, confirmOrderPayment). Unlike a card payment that already happened,
 * the shopper is still deciding here, so an order whose hold has lapsed is refused before
 * anything is recorded: nothing is charged, nothing reserved. Refused when Stripe is configured.
 */
export async function payDemoOrder(
  db: Db,
  input: {
    orderNo: string;
    userId: string;
    now?: Date;
    /** Tests exercise the demo path whatever the server's configuration. */
    enabled?: boolean;
  },
): Promise<{ outcome: SettleOutcome; orderNo: string }> {
  if (!(input.enabled ?? demoPaymentsEnabled())) {
    throw new AppError("FORBIDDEN", "Demo payments are switched off on this server.", {
      details: { reason: "DEMO_PAYMENTS_OFF" },
    });
  }
  const now = input.now ?? new Date();
  const order = await db.order.findUnique({
    where: { orderNo: input.orderNo },
    select: {
      id: true,
      orderNo: true,
      userId: true,
      status: true,
      total: true,
      // Presale demand waiting for inbound runs on the same payment deadline as a hold.
      reservations: {
        where: { status: { in: ["ACTIVE", "WAITING"] } },
        select: { expiresAt: true },
      },
    },
  });
  if (!order || order.userId !== input.userId)
    throw new AppError("NOT_FOUND", "No such order.", { details: { reason: "ORDER" } });
  if (order.status !== "PENDING_PAYMENT") {
    if (order.status === "CANCELLED") throw holdExpired();
    return { outcome: "ALREADY_PAID", orderNo: order.orderNo };
  }
  const lapsed =
    order.reservations.length === 0 ||
    order.reservations.some((r) => r.expiresAt && r.expiresAt <= now);
  if (lapsed) throw holdExpired();
  const { outcome } = await settlePayment(db, {
    orderId: order.id,
    provider: "DEMO",
    amount: order.total,
    // One demo charge per order: a double click records one payment.
    chargeRef: `demo_charge_${order.id}`,
    paidAt: now,
  });
  return { outcome, orderNo: order.orderNo };
}

function holdExpired(): AppError {
  return new AppError(
    "HOLD_EXPIRED",
    "The hold on this order has expired and its items were released. Nothing was charged.",
  );
}
