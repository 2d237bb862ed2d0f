/** A payment row as the refund rules see it. */
export type PaymentFact = {
  provider: "STRIPE" | "DEMO" | "IN_STORE" | "CHANNEL" | "EXCHANGE_CREDIT";
  kind: "CHARGE" | "REFUND";
  status: "PENDING" | "SUCCEEDED" | "FAILED";
  amount: number;
  providerRef: string | null;
};

export type RefundPlan =
  | { kind: "NOTHING"; charged: number; refunded: number }
  | {
      kind: "REFUND";
      provider: "STRIPE" | "DEMO" | "IN_STORE" | "CHANNEL";
      /** The charge to refund against (Stripe: its payment intent id). */
      chargeRef: string | null;
      amount: number;
      charged: number;
      refunded: number;
    };

/**
 * How much of an order's payment can still be refunded, and against which charge. A pending
 * refund counts as given back, so a retry while it settles never refunds twice.
 */
export function planRefund(payments: readonly PaymentFact[], requested?: number): RefundPlan {
  const charges = payments.filter((p) => p.kind === "CHARGE" && p.status === "SUCCEEDED");
  const charged = charges.reduce((sum, p) => sum + p.amount, 0);
  const refunded = payments
    .filter((p) => p.kind === "REFUND" && p.status !== "FAILED")
    .reduce((sum, p) => sum + p.amount, 0);
  const left = Math.max(0, charged - refunded);
  const amount = requested === undefined ? left : Math.min(requested, left);
  // Money goes back the way it came in; an order paid only with an exchange's credit is paid
  // back at the till.
  const charge = charges.find((c) => c.provider !== "EXCHANGE_CREDIT");
  if (amount <= 0 || charges.length === 0) return { kind: "NOTHING", charged, refunded };
  return {
    kind: "REFUND",
    provider: charge && charge.provider !== "EXCHANGE_CREDIT" ? charge.provider : "IN_STORE",
    chargeRef: charge?.providerRef ?? null,
    amount,
    charged,
    refunded,
  };
}

/** The order's payment status after refunds. */
export function paymentStatusAfterRefund(
  charged: number,
  refundedTotal: number,
): "REFUNDED" | "PARTIALLY_REFUNDED" | "PAID" {
  if (refundedTotal <= 0) return "PAID";
  return refundedTotal >= charged ? "REFUNDED" : "PARTIALLY_REFUNDED";
}
