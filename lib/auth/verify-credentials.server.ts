import "server-only";
import bcrypt from "bcryptjs";
import type { Db } from "@/lib/db/transaction.server";
import type { RateLimiter } from "@/lib/rate-limit/limiter";
import type { SessionUser } from "./roles";
import { SIGN_IN_ERRORS, signInSchema } from "./validation";

// Compared against when the account does not exist, so a wrong email costs the same time as a
// wrong password and timing does not reveal which accounts exist.
let dummyHash: string | undefined;
function hashForMissingAccount(): string {
  dummyHash ??= bcrypt.hashSync("no-such-account", 10);
  return dummyHash;
}

export type SignInOutcome =
  | { ok: true; user: SessionUser }
  | { ok: false; error: (typeof SIGN_IN_ERRORS)[keyof typeof SIGN_IN_ERRORS] };

/** Checks an email and password, counting the attempt against the per-account and per-address limits. */
export async function verifyCredentials(
  db: Db,
  raw: unknown,
  deps: { limiters: { account: RateLimiter; address: RateLimiter }; clientAddress: string },
): Promise<SignInOutcome> {
  const parsed = signInSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, error: SIGN_IN_ERRORS.invalid };
  const { email, password } = parsed.data;

  const [byAccount, byAddress] = await Promise.all([
    deps.limiters.account.limit(email),
    deps.limiters.address.limit(deps.clientAddress),
  ]);
  if (!byAccount.success || !byAddress.success) return { ok: false, error: SIGN_IN_ERRORS.limited };

  const user = await db.user.findUnique({ where: { email } });
  const matches = await bcrypt.compare(password, user?.passwordHash ?? hashForMissingAccount());
  if (!user || !matches) return { ok: false, error: SIGN_IN_ERRORS.invalid };

  return {
    ok: true,
    user: {
      id: user.id,
      email: user.email,
      name: user.name,
      role: user.role,
      storeNodeId: user.storeNodeId,
    },
  };
}
