import "server-only";
import { lockMember } from "@/lib/account/member.server";
import { AppError } from "@/lib/errors/app-error";
import { withTransaction, type Db } from "@/lib/db/transaction.server";
import { ORDER_PAID_REASON } from "./points-rules";

/**
 * Credits the points an order earned once it is paid: one ORDER_PAID entry per order and the
 * balance raised in the same transaction. Idempotent: the member row is locked and an existing
 * entry means it was done already (a replayed webhook awards nothing).
 */
export async function awardPointsForPaidOrder(
  db: Db,
  input: { orderId: string },
): Promise<{ awarded: number; already: boolean }> {
  return withTransaction(db, async (tx) => {
    const order = await tx.order.findUnique({
      where: { id: input.orderId },
      select: { memberId: true, pointsEarned: true, paymentStatus: true },
    });
    if (!order) throw new AppError("NOT_FOUND", "No such order.", { details: { reason: "ORDER" } });
    if (!order.memberId || order.pointsEarned <= 0) return { awarded: 0, already: false };
    await lockMember(tx, order.memberId);
    const existing = await tx.pointsEntry.findFirst({
      where: { orderId: input.orderId, reason: ORDER_PAID_REASON },
      select: { id: true },
    });
    if (existing) return { awarded: 0, already: true };
    await tx.pointsEntry.create({
      data: {
        memberId: order.memberId,
        delta: order.pointsEarned,
        reason: ORDER_PAID_REASON,
        orderId: input.orderId,
      },
    });
    await tx.member.update({
      where: { id: order.memberId },
      data: { pointsBalance: { increment: order.pointsEarned } },
    });
    return { awarded: order.pointsEarned, already: false };
  });
}
