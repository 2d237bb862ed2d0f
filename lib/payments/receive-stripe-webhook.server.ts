import "server-only";
import Stripe from "stripe";
import { env } from "@/lib/env";
import { z } from "zod";
import { AppError } from "@/lib/errors/app-error";
import type { Db } from "@/lib/db/transaction.server";
import { settlePayment, type SettleOutcome } from "./settle-payment.server";
import { readStripeEvent } from "./stripe-event";
import { isUniqueViolation } from "@/lib/db/unique-violation";
import { parseInput } from "@/lib/validation/parse-input";

export type WebhookReceipt = {
  eventId: string;
  /** True when the event was processed before: nothing was done again. */
  duplicate: boolean;
  outcome: SettleOutcome | "FAILED" | "IGNORED";
  refunded: number;
};

/** Verifies the signature on the raw body; a forged or stale event is refused before anything changes. */
export function verifyStripeEvent(
  payload: string,
  signature: string | null,
  secret: string,
): Stripe.Event {
  if (!signature) throw new AppError("INVALID_INPUT", "The Stripe-Signature header is missing.");
  let event: unknown;
  try {
    event = Stripe.webhooks.constructEvent(payload, signature, secret);
  } catch {
    throw new AppError("INVALID_INPUT", "The webhook signature does not match.");
  }
  // A signed body is still input: `null` or an event without an id must be refused, not crash.
  parseInput(signedEventSchema, event);
  return event as Stripe.Event;
}

const signedEventSchema = z.object({
  id: z.string().min(1).max(255),
  type: z.string().min(1).max(255),
});

/**
 * Handles one Stripe webhook delivery. The event id goes into WebhookEvent first (unique), and is
 * marked processed only when its effect is complete: a replay of a processed event changes
 * nothing, while a redelivery of one that failed half-way finishes it (each step is idempotent,
 * see settlePayment).
 */
export async function receiveStripeWebhook(
  db: Db,
  input: {
    stripe?: Stripe;
    webhookSecret?: string;
    payload: string;
    signature: string | null;
  },
): Promise<WebhookReceipt> {
  const secret = input.webhookSecret ?? env.STRIPE_WEBHOOK_SECRET;
  if (!secret)
    throw new AppError("NOT_FOUND", "Stripe webhooks are not configured on this server.");
  const event = verifyStripeEvent(input.payload, input.signature, secret);

  let firstDelivery = true;
  try {
    await db.webhookEvent.create({
      data: { id: event.id, provider: "STRIPE", type: event.type },
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    firstDelivery = false;
    const seen = await db.webhookEvent.findUnique({ where: { id: event.id } });
    if (seen?.processedAt)
      return { eventId: event.id, duplicate: true, outcome: "IGNORED", refunded: 0 };
  }

  const { outcome, refunded } = await applyEvent(db, event, input.stripe);
  await db.webhookEvent.update({ where: { id: event.id }, data: { processedAt: new Date() } });
  return { eventId: event.id, duplicate: !firstDelivery, outcome, refunded };
}

async function applyEvent(
  db: Db,
  event: Stripe.Event,
  stripe: Stripe | undefined,
): Promise<{ outcome: WebhookReceipt["outcome"]; refunded: number }> {
  const effect = readStripeEvent(event);
  if (effect.kind === "IGNORED") return { outcome: "IGNORED", refunded: 0 };
  if (effect.kind === "FAILED") {
    await db.payment.updateMany({
      where: { providerRef: effect.ref, status: "PENDING" },
      data: { status: "FAILED" },
    });
    return { outcome: "FAILED", refunded: 0 };
  }
  const order = await db.order.findUnique({
    where: { id: effect.orderId },
    select: { id: true },
  });
  // An event for an order this store does not know (another integration on the account).
  if (!order) return { outcome: "IGNORED", refunded: 0 };
  const { outcome, refunded } = await settlePayment(db, {
    ...effect,
    provider: "STRIPE",
    stripe,
  });
  return { outcome, refunded };
}
