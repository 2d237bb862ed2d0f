import type { Role } from "@/lib/generated/prisma/enums";

export type { Role };

export const ROLES = [
  "CONSUMER",
  "EMPLOYEE",
  "STORE_STAFF",
  "ADMIN",
] as const satisfies readonly Role[];

/**
 * Accounts that buy for themselves: consumers in the web store, employees in the employee store.
 * Both use the one cart, checkout, payment and order pages.
 */
export const BUYER_ROLES = ["CONSUMER", "EMPLOYEE"] as const satisfies readonly Role[];

/** The signed-in person as the server sees them. */
export type SessionUser = {
  id: string;
  email: string;
  name: string;
  role: Role;
  /** Set for store staff: the one store they work in. */
  storeNodeId: string | null;
};

/** Where each role lands after signing in. */
export const HOME_OF_ROLE: Record<Role, string> = {
  CONSUMER: "/",
  EMPLOYEE: "/employee",
  STORE_STAFF: "/store",
  ADMIN: "/admin",
};

/** Whether a user may act in an area open to `allowed` roles. */
export function hasRole(user: Pick<SessionUser, "role">, allowed: readonly Role[]): boolean {
  return allowed.includes(user.role);
}
