import "server-only";
import type { Tx } from "@/lib/db/transaction.server";

/**
 * Records a charge that succeeded. A Stripe checkout's pending row (keyed by its session) becomes
 * the succeeded charge keyed by the payment intent, the reference a refund needs; a charge seen
 * before (the session event and the payment intent event of one payment) is recorded once.
 */
export async function recordSucceededCharge(
  tx: Tx,
  input: {
    orderId: string;
    provider: "STRIPE" | "DEMO" | "IN_STORE" | "CHANNEL" | "EXCHANGE_CREDIT";
    amount: number;
    chargeRef: string;
    sessionRef?: string;
  },
): Promise<void> {
  const seen = await tx.payment.findUnique({ where: { providerRef: input.chargeRef } });
  if (seen) return;
  const pending = input.sessionRef
    ? await tx.payment.findUnique({ where: { providerRef: input.sessionRef } })
    : await tx.payment.findFirst({
        where: {
          orderId: input.orderId,
          provider: input.provider,
          kind: "CHARGE",
          status: "PENDING",
        },
        orderBy: { createdAt: "desc" },
      });
  if (pending && pending.orderId === input.orderId) {
    await tx.payment.update({
      where: { id: pending.id },
      data: { status: "SUCCEEDED", amount: input.amount, providerRef: input.chargeRef },
    });
    return;
  }
  await tx.payment.create({
    data: {
      orderId: input.orderId,
      provider: input.provider,
      kind: "CHARGE",
      status: "SUCCEEDED",
      amount: input.amount,
      providerRef: input.chargeRef,
    },
  });
}
