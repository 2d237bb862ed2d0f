import "server-only";
import { randomInt } from "node:crypto";
import { AppError } from "@/lib/errors/app-error";
import type { Db, Tx } from "@/lib/db/transaction.server";

/** The member id of a consumer account, or NOT_FOUND when the account has no membership. */
export async function memberIdOf(prisma: Db, userId: string): Promise<string> {
  const member = await prisma.member.findUnique({ where: { userId }, select: { id: true } });
  if (!member) throw new AppError("NOT_FOUND", "This account has no membership yet.");
  return member.id;
}

/** The consumer's membership, created on first need (every shopper is a member, 会员通). */
export async function ensureMemberId(prisma: Db, userId: string): Promise<string> {
  const found = await prisma.member.findUnique({ where: { userId }, select: { id: true } });
  if (found) return found.id;
  const member = await prisma.member.upsert({
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
  if (rows.length === 0) throw new AppError("NOT_FOUND", "No such member.");
}
