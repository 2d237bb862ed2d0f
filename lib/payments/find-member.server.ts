import "server-only";
import { getDb } from "@/lib/db/client.server";

/** The member record of a signed-in consumer (points balance for checkout), or null. */
export async function findMemberOf(
  userId: string,
): Promise<{ id: string; pointsBalance: number } | null> {
  const prisma = await getDb();
  return prisma.member.findUnique({ where: { userId }, select: { id: true, pointsBalance: true } });
}
