import "server-only";
import bcrypt from "bcryptjs";
import type { Db } from "@/lib/db/transaction.server";
import { retryAfterSeconds, type RateLimiter } from "@/lib/rate-limit/limiter";
import type { SessionUser } from "./roles";
import { SIGN_IN_LIMIT_ORDER, signInLimitKeys, type SignInLimit } from "./sign-in-limits";
import { SIGN_IN_ERRORS, signInSchema } from "./validation";

// Compared against when the account does not exist, so a wrong email costs the same time as a
// wrong password and timing does not reveal which accounts exist.
let dummyHash: string | undefined;
function hashForMissingAccount(): string {
  dummyHash ??= bcrypt.hashSync("no-such-account", 10);
  return dummyHash;
}

export type SignInOutcome =
  | { ok: true; user: SessionUser; sessionVersion: number }
  | { ok: false; error: typeof SIGN_IN_ERRORS.invalid }
  | { ok: false; error: typeof SIGN_IN_ERRORS.limited; retryAfterSeconds: number };

/**
 * Checks an email and password, counting the attempt against the sign-in limits
 * (`sign-in-limits.ts`): per account and address, per address, and per account.
 */
export async function verifyCredentials(
  db: Db,
  raw: unknown,
  deps: {
    limiters: Record<SignInLimit, RateLimiter>;
    clientAddress: string;
    /** The limiters' clock, for the wait reported with a refusal. */
    now?: () => number;
  },
): Promise<SignInOutcome> {
  const parsed = signInSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, error: SIGN_IN_ERRORS.invalid };
  const { email, password } = parsed.data;

  const keys = signInLimitKeys(email, deps.clientAddress);
  // One after another: a limit that refuses leaves the later ones untouched.
  for (const limit of SIGN_IN_LIMIT_ORDER) {
    const result = await deps.limiters[limit].limit(keys[limit]);
    if (!result.success) {
      return {
        ok: false,
        error: SIGN_IN_ERRORS.limited,
        retryAfterSeconds: retryAfterSeconds(result, (deps.now ?? Date.now)()),
      };
    }
  }

  const user = await db.user.findUnique({ where: { email } });
  const matches = await bcrypt.compare(password, user?.passwordHash ?? hashForMissingAccount());
  if (!user || !matches) return { ok: false, error: SIGN_IN_ERRORS.invalid };

  return {
    ok: true,
    sessionVersion: user.sessionVersion,
    user: {
      id: user.id,
      email: user.email,
      name: user.name,
      role: user.role,
      storeNodeId: user.storeNodeId,
    },
  };
}
