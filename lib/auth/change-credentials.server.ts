import "server-only";
import bcrypt from "bcryptjs";
import { z } from "zod";
import { withTransaction, type Db } from "@/lib/db/transaction.server";
import { parseInput } from "@/lib/validation/parse-input";
import { endSessions } from "./end-sessions.server";
import { forgetSessionVersion } from "./session-version.server";
import { ROLES } from "./roles";

const passwordChangeSchema = z.object({
  userId: z.string().min(1),
  password: z.string().min(8).max(200),
});

const roleChangeSchema = z.object({
  userId: z.string().min(1),
  role: z.enum(ROLES),
  storeNodeId: z.string().min(1).nullable(),
});

/** Sets a new password and ends every session signed in with the old one. */
export async function changePassword(db: Db, raw: unknown): Promise<void> {
  const { userId, password } = parseInput(passwordChangeSchema, raw);
  const passwordHash = await bcrypt.hash(password, 10);
  await withTransaction(db, async (tx) => {
    await tx.user.update({ where: { id: userId }, data: { passwordHash } });
    await endSessions(tx, userId);
  });
  // Again after commit: a session read during the transaction may have cached the old version.
  forgetSessionVersion(userId);
}

/** Gives a user another role (and store), and ends the sessions that carry the old one. */
export async function changeRole(db: Db, raw: unknown): Promise<void> {
  const { userId, role, storeNodeId } = parseInput(roleChangeSchema, raw);
  await withTransaction(db, async (tx) => {
    await tx.user.update({ where: { id: userId }, data: { role, storeNodeId } });
    await endSessions(tx, userId);
  });
  // Again after commit: a session read during the transaction may have cached the old version.
  forgetSessionVersion(userId);
}
