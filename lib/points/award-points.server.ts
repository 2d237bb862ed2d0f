import "server-only";
import { ensureMemberId, lockMember } from "@/lib/members/member.server";
import { AppError } from "@/lib/errors/app-error";
import { withTransaction, type Db, type Tx } from "@/lib/db/transaction.server";
import { ORDER_PAID_REASON } from "./points-rules";

/**
 * Credits the points an order earned once it is paid: one ORDER_PAID entry per order and the
 * balance raised in the same transaction. A consumer who had no membership yet gets one (every
 * shopper is a member) and the order is linked to it. Idempotent: the member row is locked and
 * an existing entry means it was done already (a replayed webhook awards nothing).
 */
export async function awardPointsForPaidOrder(
  db: Db,
  input: { orderId: string },
): Promise<{ awarded: number; already: boolean }> {
  return withTransaction(db, async (tx) => {
    const order = await tx.order.findUnique({
      where: { id: input.orderId },
      select: { memberId: true, userId: true, buyerType: true, pointsEarned: true },
    });
    if (!order) throw new AppError("NOT_FOUND", "No such order.", { details: { reason: "ORDER" } });
    if (order.pointsEarned <= 0) return { awarded: 0, already: false };
    const memberId = order.memberId ?? (await joinMembership(tx, input.orderId, order));
    if (!memberId) return { awarded: 0, already: false };
    await lockMember(tx, memberId);
    const existing = await tx.pointsEntry.findFirst({
      where: { orderId: input.orderId, reason: ORDER_PAID_REASON },
      select: { id: true },
    });
    if (existing) return { awarded: 0, already: true };
    await tx.pointsEntry.create({
      data: {
        memberId,
        delta: order.pointsEarned,
        reason: ORDER_PAID_REASON,
        orderId: input.orderId,
      },
    });
    await tx.member.update({
      where: { id: memberId },
      data: { pointsBalance: { increment: order.pointsEarned } },
    });
    return { awarded: order.pointsEarned, already: false };
  });
}

/** A member's order placed before the account had a membership: the membership starts now. */
async function joinMembership(
  tx: Tx,
  orderId: string,
  order: { userId: string | null; buyerType: string },
): Promise<string | null> {
  if (order.buyerType !== "MEMBER" || !order.userId) return null;
  const memberId = await ensureMemberId(tx, order.userId);
  await tx.order.update({ where: { id: orderId }, data: { memberId } });
  return memberId;
}
