import "server-only";
import { AppError } from "@/lib/errors/app-error";
import type { Db } from "@/lib/db/transaction.server";
import { hashToken, tokenMatchesHash } from "./feed-token";

export type VerifyFeedTokenOptions = { code: string; token: string };

/**
 * Admits a marketplace connector to one channel's feed: its bearer token must hash to that
 * channel's feedTokenHash. A token of no channel is UNAUTHENTICATED (whatever the code, so it
 * learns nothing); a valid token reading an unknown channel is NOT_FOUND, another channel FORBIDDEN.
 */
export async function verifyFeedToken(db: Db, options: VerifyFeedTokenOptions): Promise<void> {
  const { code, token } = options;
  const channel = await db.channel.findUnique({
    where: { code },
    select: { feedTokenHash: true },
  });
  if (channel && tokenMatchesHash(token, channel.feedTokenHash)) return;
  const holder = await db.channel.findFirst({
    where: { feedTokenHash: hashToken(token) },
    select: { id: true },
  });
  if (!holder) throw new AppError("UNAUTHENTICATED", "The feed token is not valid.");
  if (!channel)
    throw new AppError("NOT_FOUND", `There is no channel ${code}.`, {
      details: { reason: "CHANNEL" },
    });
  throw new AppError("FORBIDDEN", "This token reads another channel's feed.");
}
