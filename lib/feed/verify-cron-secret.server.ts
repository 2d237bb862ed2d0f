import "server-only";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors/app-error";
import { hashToken, tokenMatchesHash } from "./feed-token";

/**
 * Admits a scheduler presenting CRON_SECRET as its bearer token. Without CRON_SECRET configured no
 * token is accepted, and only an admin session can trigger the job.
 */
export async function verifyCronSecret(token: string, secret = env.CRON_SECRET): Promise<void> {
  // Comparing digests keeps the comparison constant-time whatever the token's length.
  if (secret && tokenMatchesHash(token, hashToken(secret))) return;
  throw new AppError("UNAUTHENTICATED", "The scheduler token is not valid.");
}
