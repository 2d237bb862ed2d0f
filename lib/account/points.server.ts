import "server-only";
import type { Db } from "@/lib/db/transaction.server";

/** Balance and recent entries of the shopper's points; an account without membership has none. */
export async function loadPoints(db: Db, input: { userId: string; take?: number }) {
  const member = await db.member.findUnique({
    where: { userId: input.userId },
    select: {
      memberNo: true,
      tier: true,
      pointsBalance: true,
      pointsEntries: {
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        take: input.take ?? 50,
        select: {
          id: true,
          delta: true,
          reason: true,
          createdAt: true,
          order: { select: { orderNo: true } },
        },
      },
    },
  });
  if (!member) return { memberNo: null, tier: null, balance: 0, entries: [] };
  return {
    memberNo: member.memberNo,
    tier: member.tier,
    balance: member.pointsBalance,
    entries: member.pointsEntries.map((e) => ({
      id: e.id,
      delta: e.delta,
      reason: e.reason,
      createdAt: e.createdAt,
      orderNo: e.order?.orderNo ?? null,
    })),
  };
}
