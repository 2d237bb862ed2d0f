import { AppError } from "@/lib/errors/app-error";
import { hasRole, type Role, type SessionUser } from "./roles";

/** Throws a typed refusal unless the user is signed in with one of the allowed roles. */
export function assertRoleOf(user: SessionUser | null, allowed: readonly Role[]): SessionUser {
  if (!user) throw new AppError("UNAUTHENTICATED", "Please sign in first.");
  if (!hasRole(user, allowed)) throw new AppError("FORBIDDEN", "Your role may not do this.");
  return user;
}
