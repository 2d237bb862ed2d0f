import type Stripe from "stripe";
import { describe, expect, it } from "vitest";
import { parseStripeForm } from "@/test/stripe/form-body";
import { paymentStatusAfterRefund, planRefund, type PaymentFact } from "./refund-plan";
import { activePaymentProvider, stripeEndpointFrom } from "./stripe-config";
import { readStripeEvent } from "./stripe-event";

const charge = (amount: number, status: PaymentFact["status"] = "SUCCEEDED"): PaymentFact => ({
  provider: "STRIPE",
  kind: "CHARGE",
  status,
  amount,
  providerRef: "pi_1",
});
const refund = (amount: number, status: PaymentFact["status"] = "SUCCEEDED"): PaymentFact => ({
  provider: "STRIPE",
  kind: "REFUND",
  status,
  amount,
  providerRef: `re_${amount}`,
});

describe("planRefund", () => {
  it.each([
    { payments: [], requested: undefined, expected: { kind: "NOTHING", charged: 0, refunded: 0 } },
    {
      payments: [charge(1000, "PENDING")],
      requested: undefined,
      expected: { kind: "NOTHING", charged: 0, refunded: 0 },
    },
    {
      payments: [charge(1000)],
      requested: undefined,
      expected: { kind: "REFUND", amount: 1000, chargeRef: "pi_1" },
    },
    { payments: [charge(1000)], requested: 300, expected: { kind: "REFUND", amount: 300 } },
    {
      payments: [charge(1000), refund(300)],
      requested: undefined,
      expected: { kind: "REFUND", amount: 700, refunded: 300 },
    },
    {
      payments: [charge(1000), refund(300)],
      requested: 5000,
      expected: { kind: "REFUND", amount: 700 },
    },
    // A refund still settling counts as given back; a failed one does not.
    {
      payments: [charge(1000), refund(1000, "PENDING")],
      requested: undefined,
      expected: { kind: "NOTHING", refunded: 1000 },
    },
    {
      payments: [charge(1000), refund(1000, "FAILED")],
      requested: undefined,
      expected: { kind: "REFUND", amount: 1000 },
    },
  ])(
    "charges $payments.length rows, asks $requested → $expected.kind",
    ({ payments, requested, expected }) => {
      expect(planRefund(payments, requested)).toMatchObject(expected);
    },
  );

  it("names the order's payment status after a refund", () => {
    expect(paymentStatusAfterRefund(1000, 0)).toBe("PAID");
    expect(paymentStatusAfterRefund(1000, 400)).toBe("PARTIALLY_REFUNDED");
    expect(paymentStatusAfterRefund(1000, 1000)).toBe("REFUNDED");
  });
});

describe("Stripe configuration", () => {
  it("uses Stripe only with a secret key", () => {
    expect(activePaymentProvider({})).toBe("DEMO");
    expect(activePaymentProvider({ stripeSecretKey: "sk_test_x" })).toBe("STRIPE");
  });

  it("reads an API base into the SDK's host, port and protocol", () => {
    expect(stripeEndpointFrom(undefined)).toBeNull();
    expect(stripeEndpointFrom("http://127.0.0.1:12111")).toEqual({
      host: "127.0.0.1",
      port: 12111,
      protocol: "http",
    });
    expect(stripeEndpointFrom("https://stripe.example")).toEqual({
      host: "stripe.example",
      port: 443,
      protocol: "https",
    });
  });

  it("parses the SDK's form encoding into nested objects", () => {
    expect(
      parseStripeForm(
        "metadata[orderId]=o1&line_items[0][price_data][unit_amount]=500&mode=payment",
      ),
    ).toEqual({
      metadata: { orderId: "o1" },
      line_items: { "0": { price_data: { unit_amount: "500" } } },
      mode: "payment",
    });
  });
});

function event(type: string, object: Record<string, unknown>): Stripe.Event {
  return { id: "evt_1", type, created: 1_700_000_000, data: { object } } as unknown as Stripe.Event;
}

describe("readStripeEvent", () => {
  const paidAt = new Date(1_700_000_000_000);

  it("reads a paid session's order, amount and payment intent", () => {
    expect(
      readStripeEvent(
        event("checkout.session.completed", {
          id: "cs_1",
          payment_status: "paid",
          amount_total: 1299,
          payment_intent: "pi_9",
          metadata: { orderId: "o1" },
        }),
      ),
    ).toEqual({
      kind: "PAID",
      orderId: "o1",
      amount: 1299,
      chargeRef: "pi_9",
      sessionRef: "cs_1",
      paidAt,
    });
  });

  it("waits for a delayed method's async success instead of a completed but unpaid session", () => {
    expect(
      readStripeEvent(
        event("checkout.session.completed", {
          id: "cs_1",
          payment_status: "unpaid",
          metadata: { orderId: "o1" },
        }),
      ).kind,
    ).toBe("IGNORED");
  });

  it("reads a payment intent that carries the order", () => {
    expect(
      readStripeEvent(
        event("payment_intent.succeeded", {
          id: "pi_2",
          amount_received: 500,
          metadata: { orderId: "o2" },
        }),
      ),
    ).toEqual({
      kind: "PAID",
      orderId: "o2",
      amount: 500,
      chargeRef: "pi_2",
      paidAt,
    });
    expect(
      readStripeEvent(
        event("payment_intent.succeeded", { id: "pi_3", amount_received: 500, metadata: {} }),
      ).kind,
    ).toBe("IGNORED");
  });

  it("marks an expired session failed and ignores other event types", () => {
    expect(readStripeEvent(event("checkout.session.expired", { id: "cs_4" }))).toEqual({
      kind: "FAILED",
      ref: "cs_4",
    });
    expect(readStripeEvent(event("customer.created", { id: "cus_1" })).kind).toBe("IGNORED");
  });
});
