import { ROLES, type Role } from "./roles";

/** What the header shows of the signed-in person. */
export type SignedInUser = { name: string; role: Role };

/**
 * Reads the body of next-auth's session endpoint (`GET /api/auth/session`): `{}` when nobody is
 * signed in, else `{ user: { name, role, … }, expires }`. Anything else, or a role this store
 * does not know, counts as signed out: the header then offers sign-in, and pages still decide
 * access on the server.
 */
export function parseSignedInUser(body: unknown): SignedInUser | null {
  if (typeof body !== "object" || body === null) return null;
  const user = (body as { user?: unknown }).user;
  if (typeof user !== "object" || user === null) return null;
  const { name, role } = user as { name?: unknown; role?: unknown };
  const known = ROLES.find((r) => r === role);
  if (!known) return null;
  return { name: typeof name === "string" ? name : "", role: known };
}
