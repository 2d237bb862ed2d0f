import "server-only";
import { randomInt } from "node:crypto";
import { AppError } from "@/lib/errors/app-error";
import type { Db, Tx } from "@/lib/db/transaction.server";

/**
 * The membership of a consumer account (its points balance for checkout), or null while it has
 * none: pages read it, only an action creates it (ensureMemberId).
 */
export async function findMemberOf(
  db: Db,
  userId: string,
): Promise<{ id: string; pointsBalance: number } | null> {
  return db.member.findUnique({ where: { userId }, select: { id: true, pointsBalance: true } });
}

/** The consumer's membership, created on first need (every shopper is a member, 会员通). */
export async function ensureMemberId(db: Db, userId: string): Promise<string> {
  const found = await db.member.findUnique({ where: { userId }, select: { id: true } });
  if (found) return found.id;
  const member = await db.member.upsert({
    where: { userId },
    create: { userId, memberNo: `M${Date.now().toString().slice(-8)}${randomInt(1000, 9999)}` },
    update: {},
    select: { id: true },
  });
  return member.id;
}

/**
 * Locks the member row for the rest of the transaction, so that per-member rules (coupon claim
 * limits, points awarded once per order) are decided by one writer at a time.
 */
export async function lockMember(tx: Tx, memberId: string): Promise<void> {
  const rows = await tx.$queryRaw<
    { id: string }[]
  >`SELECT id FROM "Member" WHERE id = ${memberId} FOR UPDATE`;
  if (rows.length === 0)
    throw new AppError("NOT_FOUND", "No such member.", { details: { reason: "MEMBERSHIP" } });
}
