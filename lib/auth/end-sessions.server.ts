import "server-only";
import type { Db } from "@/lib/db/transaction.server";
import { forgetSessionVersion } from "./session-version.server";

/**
 * Ends every session of `userId`: tokens issued before carry the old session version, which the
 * JWT callback refuses from now on. Called on sign-out and by every change of password or role
 * (`change-credentials.server.ts`). Returns the new version, or null when there is no such user.
 */
export async function endSessions(db: Db, userId: string): Promise<number | null> {
  const { count } = await db.user.updateMany({
    where: { id: userId },
    data: { sessionVersion: { increment: 1 } },
  });
  forgetSessionVersion(userId);
  if (count === 0) return null;
  const user = await db.user.findUnique({
    where: { id: userId },
    select: { sessionVersion: true },
  });
  return user?.sessionVersion ?? null;
}
