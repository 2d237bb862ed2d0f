import "server-only";
import { randomUUID } from "node:crypto";
import { AppError } from "@/lib/errors/app-error";
import type { Db } from "@/lib/db/transaction.server";
import { demoPaymentsEnabled } from "./pay-demo-order.server";

/** Records a declined demo payment; the order and its hold are left as they were. */
export async function recordDemoFailure(
  db: Db,
  input: { orderNo: string; userId: string; enabled?: boolean },
): Promise<{ orderNo: string }> {
  if (!(input.enabled ?? demoPaymentsEnabled())) {
    throw new AppError("FORBIDDEN", "Demo payments are switched off on this server.", {
      details: { reason: "DEMO_PAYMENTS_OFF" },
    });
  }
  const order = await db.order.findUnique({
    where: { orderNo: input.orderNo },
    select: { id: true, orderNo: true, userId: true, status: true, total: true },
  });
  if (!order || order.userId !== input.userId)
    throw new AppError("NOT_FOUND", "No such order.", { details: { reason: "ORDER" } });
  if (order.status !== "PENDING_PAYMENT")
    throw new AppError("CONFLICT", "This order is not waiting for payment.", {
      details: { reason: "NOT_AWAITING_PAYMENT" },
    });
  await db.payment.create({
    data: {
      orderId: order.id,
      provider: "DEMO",
      kind: "CHARGE",
      status: "FAILED",
      amount: order.total,
      providerRef: `demo_declined_${randomUUID()}`,
    },
  });
  return { orderNo: order.orderNo };
}
