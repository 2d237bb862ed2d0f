import { z } from "zod";
import type { Refusal } from "@/lib/errors/app-error";
import { retryAfterWording } from "./sign-in-limits";

export const signInSchema = z.object({
  email: z.string().trim().toLowerCase().email().max(200),
  password: z.string().min(1).max(200),
});

export type SignInInput = z.infer<typeof signInSchema>;

/** Refusal codes the sign-in page turns into words; none says whether the account exists. */
export const SIGN_IN_ERRORS = {
  invalid: "INVALID_CREDENTIALS",
  limited: "RATE_LIMITED",
} as const;

/**
 * The error next-auth hands to the sign-in page: the code, and for a refusal by the limits the
 * seconds to wait (`RATE_LIMITED:42`), so that the page can say when to try again.
 */
export function signInErrorText(
  outcome:
    | { error: typeof SIGN_IN_ERRORS.invalid }
    | { error: typeof SIGN_IN_ERRORS.limited; retryAfterSeconds: number },
): string {
  return outcome.error === SIGN_IN_ERRORS.limited
    ? `${outcome.error}:${outcome.retryAfterSeconds}`
    : outcome.error;
}

const limitedError = /^RATE_LIMITED(?::(\d{1,6}))?$/;

/** The refusal a sign-in error stands for, so that the page words it like every other refusal. */
export function signInRefusal(error: string | null | undefined): Refusal {
  const limited = limitedError.exec(error ?? "");
  if (!limited) return { code: "UNAUTHENTICATED", details: { reason: "BAD_CREDENTIALS" } };
  const seconds = Number(limited[1] ?? 60);
  return { code: "RATE_LIMITED", details: { reason: "SIGN_IN", ...retryAfterWording(seconds) } };
}
