import { z } from "zod";
import type { Refusal } from "@/lib/errors/app-error";

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

/** The refusal a sign-in error stands for, so that the page words it like every other refusal. */
export function signInRefusal(error: string | null | undefined): Refusal {
  return error === SIGN_IN_ERRORS.limited
    ? { code: "RATE_LIMITED", details: { reason: "SIGN_IN" } }
    : { code: "UNAUTHENTICATED", details: { reason: "BAD_CREDENTIALS" } };
}
