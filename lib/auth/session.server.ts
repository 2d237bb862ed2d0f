import "server-only";
import { getServerSession } from "next-auth";
import { forbidden, redirect } from "next/navigation";
import { z } from "zod";
import { authOptions } from "./options.server";
import { ROLES, hasRole, type Role, type SessionUser } from "./roles";

const sessionUserSchema = z.object({
  id: z.string().min(1),
  email: z.string(),
  name: z.string(),
  role: z.enum(ROLES),
  storeNodeId: z.string().nullable(),
});

/** The signed-in user, or null. */
export async function getSessionUser(): Promise<SessionUser | null> {
  const session = await getServerSession(authOptions);
  const parsed = sessionUserSchema.safeParse(session?.user);
  return parsed.success ? parsed.data : null;
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
