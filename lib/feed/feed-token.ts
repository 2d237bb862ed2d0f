import { createHash, timingSafeEqual } from "node:crypto";

/** sha256 of a bearer token, hex: what Channel.feedTokenHash stores, so a leaked row is no token. */
export function hashToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** Whether `token` hashes to `hash`, compared in constant time. */
export function tokenMatchesHash(token: string, hash: string | null | undefined): boolean {
  if (!hash) return false;
  const expected = Buffer.from(hash, "hex");
  const actual = Buffer.from(hashToken(token), "hex");
  // Both are sha256 digests, so equal lengths reveal nothing; a malformed stored hash never matches.
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}

/** The demo connector token of a seeded channel, e.g. `feed-demo-tmall` (documented in the README). */
export function demoFeedToken(channelCode: string): string {
  return `feed-demo-${channelCode.toLowerCase()}`;
}
