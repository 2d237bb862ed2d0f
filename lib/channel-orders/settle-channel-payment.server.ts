import "server-only";
import { AppError } from "@/lib/errors/app-error";
import { withTransaction, type Db } from "@/lib/db/transaction.server";
import { isUniqueViolation } from "@/lib/db/unique-violation";
import { confirmOrderPayment } from "@/lib/orders/confirm-order-payment.server";
import { recordSucceededCharge } from "@/lib/payments/record-charge.server";
import { refundOrderPayment } from "@/lib/payments/refund-order-payment.server";

/**
 * The marketplace says its customer paid: the charge is booked once (keyed by the order, so
 * racing resends book it once) and the order engine confirms the holds as for any payment. When
 * the stock went meanwhile the money is given back and OUT_OF_STOCK / SOLD_MEANWHILE answered.
 */
export async function settleChannelPayment(
  db: Db,
  order: { orderId: string; orderNo: string; total: number; now: Date },
): Promise<void> {
  try {
    await withTransaction(db, (tx) =>
      recordSucceededCharge(tx, {
        orderId: order.orderId,
        provider: "CHANNEL",
        amount: order.total,
        chargeRef: `channel_${order.orderId}`,
      }),
    );
  } catch (error) {
    // A racing resend booked the same charge first.
    if (!isUniqueViolation(error)) throw error;
  }
  const paid = await confirmOrderPayment(db, {
    orderId: order.orderId,
    provider: "CHANNEL",
    amount: order.total,
    paidAt: order.now,
  });
  if (paid.outcome !== "REFUND_NEEDED") return;
  await refundOrderPayment(db, {
    orderId: order.orderId,
    reason: "stock taken before the channel's payment arrived",
  });
  throw new AppError("OUT_OF_STOCK", "The stock was taken before the payment arrived.", {
    details: { reason: "SOLD_MEANWHILE", orderNo: order.orderNo },
  });
}
