import type Stripe from "stripe";

/** What a Stripe event means for an order, read from the event alone. */
export type StripeEventEffect =
  | {
      kind: "PAID";
      orderId: string;
      amount: number;
      chargeRef: string;
      sessionRef?: string;
      paidAt: Date;
    }
  | { kind: "FAILED"; ref: string }
  | { kind: "IGNORED"; why: string };

function idOf(value: string | { id: string } | null | undefined): string | null {
  if (!value) return null;
  return typeof value === "string" ? value : value.id;
}

/** Reads the order, amount and charge reference out of the event types checkout listens to. */
export function readStripeEvent(event: Stripe.Event): StripeEventEffect {
  const paidAt = new Date(event.created * 1000);
  switch (event.type) {
    case "checkout.session.completed":
    case "checkout.session.async_payment_succeeded": {
      const session = event.data.object;
      // A delayed method completes the session unpaid; its async_payment_succeeded follows.
      if (session.payment_status !== "paid")
        return { kind: "IGNORED", why: "session not paid yet" };
      const orderId = session.metadata?.orderId;
      const chargeRef = idOf(session.payment_intent);
      if (!orderId || !chargeRef || session.amount_total === null) {
        return { kind: "IGNORED", why: "session without an order" };
      }
      return {
        kind: "PAID",
        orderId,
        amount: session.amount_total,
        chargeRef,
        sessionRef: session.id,
        paidAt,
      };
    }
    case "payment_intent.succeeded": {
      const intent = event.data.object;
      const orderId = intent.metadata?.orderId;
      if (!orderId) return { kind: "IGNORED", why: "payment without an order" };
      return {
        kind: "PAID",
        orderId,
        amount: intent.amount_received,
        chargeRef: intent.id,
        paidAt,
      };
    }
    case "checkout.session.expired":
    case "checkout.session.async_payment_failed":
      return { kind: "FAILED", ref: event.data.object.id };
    default:
      return { kind: "IGNORED", why: `not handled: ${event.type}` };
  }
}
