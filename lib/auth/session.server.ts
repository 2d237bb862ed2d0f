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

// next-auth's names for the session cookie, over https and over http.
const SESSION_COOKIES = ["__Secure-next-auth.session-token", "next-auth.session-token"];

async function readSession(): Promise<SessionUser | null> {
  const session = await getServerSession(authOptions);
  const parsed = sessionUserSchema.safeParse(session?.user);
  return parsed.success ? parsed.data : null;
}

/**
 * The signed-in user, or null. A cookie read in the last few seconds is not decrypted again
 * (`recent-sessions.server.ts`); anything else (no cookie, a cookie split in chunks) is read by
 * next-auth as it comes.
 */
export async function getSessionUser(): Promise<SessionUser | null> {
  const jar = await cookies();
  const cookie = SESSION_COOKIES.map((name) => jar.get(name)?.value).find(Boolean);
  if (!cookie) return readSession();
  const known = recentSessionUser(cookie, SESSION_VERSION_CACHE_MS);
  if (known) return known;
  const mark = sessionReadMark();
  const user = await readSession();
  if (user) rememberSessionUser(cookie, user, mark);
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
