/** A payment row as the refund rules see it. */
export type PaymentFact = {
  provider: "STRIPE" | "DEMO" | "IN_STORE";
  kind: "CHARGE" | "REFUND";
  status: "PENDING" | "SUCCEEDED" | "FAILED";
  amount: number;
  providerRef: string | null;
};

export type RefundPlan =
  | { kind: "NOTHING"; charged: number; refunded: number }
  | {
      kind: "REFUND";
      provider: "STRIPE" | "DEMO" | "IN_STORE";
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
  const charge = charges[0];
  if (amount <= 0 || !charge) return { kind: "NOTHING", charged, refunded };
  return {
    kind: "REFUND",
    provider: charge.provider,
    chargeRef: charge.providerRef,
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
