import type { RateLimitConfig } from "@/lib/rate-limit/limiter";

/**
 * The three sign-in limits, from `perMinute` attempts per account and address:
 * - pair: one account from one address, the budget for guessing one password;
 * - address: one address over all accounts (a shared office network tries several accounts);
 * - account: one account over all addresses, a slower ceiling for guessing spread over many
 *   addresses. It is wider than anything one address can spend (the pair budget over its
 *   window, with the sliding window's carry-over), so one address cannot lock the account out.
 */
export function signInLimitConfigs(perMinute: number): Record<SignInLimit, RateLimitConfig> {
  return {
    pair: { prefix: "onepool:ratelimit:signin", tokens: perMinute, windowSeconds: 60 },
    address: {
      prefix: "onepool:ratelimit:signin-address",
      tokens: perMinute * 6,
      windowSeconds: 60,
    },
    account: {
      prefix: "onepool:ratelimit:signin-account",
      tokens: perMinute * 10,
      windowSeconds: 300,
    },
  };
}

export type SignInLimit = "pair" | "address" | "account";

/** The key each limit counts an attempt under; the email is already trimmed and lower-cased. */
export function signInLimitKeys(email: string, clientAddress: string): Record<SignInLimit, string> {
  return { pair: `${email}|${clientAddress}`, address: clientAddress, account: email };
}

/**
 * The order the limits are asked in. An attempt the pair limit refuses spends nothing of the
 * account's ceiling, so a burst from one address never eats the budget of other addresses.
 */
export const SIGN_IN_LIMIT_ORDER: readonly SignInLimit[] = ["pair", "address", "account"];

/** How a wait is shown: seconds under two minutes, else whole minutes (rounded up). */
export function retryAfterWording(seconds: number): { wait: number; unit: "SECONDS" | "MINUTES" } {
  return seconds < 120
    ? { wait: seconds, unit: "SECONDS" }
    : { wait: Math.ceil(seconds / 60), unit: "MINUTES" };
}
