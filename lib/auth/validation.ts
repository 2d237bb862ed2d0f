import { z } from "zod";

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
