import "server-only";
import { randomUUID } from "node:crypto";
import { AppError } from "@/lib/errors/app-error";
import { withTransaction, type Db } from "@/lib/db/transaction.server";
import { demoPaymentsEnabled } from "./pay-demo-order.server";

/**
 * Records a declined demo payment; the order and its hold are left as they were. One decline is
 * one outcome: pressing "Decline" again, or in a second tab at the same moment, records nothing
 * more while the last outcome is that decline. The order row is locked first, the same row a
 * payment flips, so a decline and a payment pressed together are taken one after the other: a
 * decline after the payment is refused, a payment after the decline goes through.
 */
export async function recordDemoFailure(
  db: Db,
  input: { orderNo: string; userId: string; enabled?: boolean },
): Promise<{ orderNo: string; recorded: boolean }> {
  if (!(input.enabled ?? demoPaymentsEnabled())) {
    throw new AppError("FORBIDDEN", "Demo payments are switched off on this server.", {
      details: { reason: "DEMO_PAYMENTS_OFF" },
    });
  }
  return withTransaction(db, async (tx) => {
    const [order] = await tx.$queryRaw<
      { id: string; orderNo: string; userId: string | null; status: string; total: number }[]
    >`SELECT "id", "orderNo", "userId", "status"::text AS "status", "total" FROM "Order"
      WHERE "orderNo" = ${input.orderNo} FOR UPDATE`;
    if (!order || order.userId !== input.userId)
      throw new AppError("NOT_FOUND", "No such order.", { details: { reason: "ORDER" } });
    if (order.status !== "PENDING_PAYMENT")
      throw new AppError("CONFLICT", "This order is not waiting for payment.", {
        details: { reason: "NOT_AWAITING_PAYMENT" },
      });
    const last = await tx.payment.findFirst({
      where: { orderId: order.id },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      select: { status: true },
    });
    if (last?.status === "FAILED") return { orderNo: order.orderNo, recorded: false };
    await tx.payment.create({
      data: {
        orderId: order.id,
        provider: "DEMO",
        kind: "CHARGE",
        status: "FAILED",
        amount: order.total,
        providerRef: `demo_declined_${randomUUID()}`,
      },
    });
    return { orderNo: order.orderNo, recorded: true };
  });
}
