import "server-only";
import { getServerSession } from "next-auth";
import { cookies } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { z } from "zod";
import { authOptions } from "./options.server";
import { recentSessionUser, rememberSessionUser, sessionReadMark } from "./recent-sessions.server";
import { ROLES, hasRole, type Role, type SessionUser } from "./roles";
import { SESSION_VERSION_CACHE_MS } from "./session-version.server";

const sessionUserSchema = z.object({
  id: z.string().min(1),
  email: z.string(),
  name: z.string(),
  role: z.enum(ROLES),
  storeNodeId: z.string().nullable(),
});

// next-auth's session cookie, over https or http, whole or split in chunks (".0", ".1", …).
const SESSION_COOKIE = /^(__Secure-)?next-auth\.session-token(\.\d+)?$/;

async function readSession(): Promise<SessionUser | null> {
  const session = await getServerSession(authOptions);
  const parsed = sessionUserSchema.safeParse(session?.user);
  return parsed.success ? parsed.data : null;
}

/**
 * The signed-in user, or null. The same session cookies read in the last few seconds are not
 * decrypted again (`recent-sessions.server.ts`): the key is every session cookie the request
 * sent, so whatever next-auth would read is part of it.
 */
export async function getSessionUser(): Promise<SessionUser | null> {
  const sent = (await cookies())
    .getAll()
    .filter((c) => SESSION_COOKIE.test(c.name))
    .map((c) => `${c.name}=${c.value}`)
    .sort()
    .join("; ");
  if (!sent) return readSession();
  const known = recentSessionUser(sent, SESSION_VERSION_CACHE_MS);
  if (known) return known;
  const mark = sessionReadMark();
  const user = await readSession();
  if (user) rememberSessionUser(sent, user, mark);
  return user;
}

/** For layouts and pages: anonymous → sign-in, wrong role → 403. */
export async function requirePageRole(
  allowed: readonly Role[],
  returnTo: string,
): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) redirect(`/signin?callbackUrl=${encodeURIComponent(returnTo)}`);
  if (!hasRole(user, allowed)) forbidden();
  return user;
}
