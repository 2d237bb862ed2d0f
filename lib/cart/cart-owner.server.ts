import "server-only";
import { randomBytes } from "node:crypto";
import { cookies } from "next/headers";
import { AppError } from "@/lib/errors/app-error";
import { hasRole, type SessionUser } from "@/lib/auth/roles";
import { env } from "@/lib/env";
import { servesOverHttps } from "@/lib/http/security-headers";
import { CART_ROLES } from "./cart-rules";

/** httpOnly cookie holding the random token of a visitor's anonymous cart. */
export const CART_COOKIE = "onepool-cart";
const CART_COOKIE_MAX_AGE = 30 * 24 * 3600;

/** Whose cart a request works on: a signed-in consumer's, or the browser's anonymous one. */
export type CartOwner =
  | { kind: "user"; userId: string; anonymousToken: string | null }
  | { kind: "anonymous"; token: string | null };

/** Staff, employees and admins have their own areas; the shop cart is for shoppers. */
export function assertCartUser(user: SessionUser | null): void {
  if (user && !hasRole(user, CART_ROLES)) {
    throw new AppError(
      "FORBIDDEN",
      "This account cannot use the shop cart. Sign in as a shopper.",
      { details: { reason: "SHOPPERS_ONLY" } },
    );
  }
}

export async function readCartOwner(user: SessionUser | null): Promise<CartOwner> {
  assertCartUser(user);
  const token = (await cookies()).get(CART_COOKIE)?.value ?? null;
  const valid = token && /^[A-Za-z0-9_-]{20,64}$/.test(token) ? token : null;
  return user
    ? { kind: "user", userId: user.id, anonymousToken: valid }
    : { kind: "anonymous", token: valid };
}

/** A fresh token for a new anonymous cart; only callable where cookies may be set (actions). */
export async function issueCartToken(): Promise<string> {
  const token = randomBytes(24).toString("base64url");
  (await cookies()).set(CART_COOKIE, token, {
    httpOnly: true,
    sameSite: "lax",
    // Over https the cart token never travels in clear, like the session cookie.
    secure: servesOverHttps(env.NEXTAUTH_URL),
    path: "/",
    maxAge: CART_COOKIE_MAX_AGE,
  });
  return token;
}

/** Forgets the anonymous cart after it was merged into the signed-in one (actions only). */
export async function dropCartToken(): Promise<void> {
  (await cookies()).delete(CART_COOKIE);
}
