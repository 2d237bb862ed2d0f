import "server-only";
import { AppError } from "@/lib/errors/app-error";
import type { Db } from "@/lib/db/transaction.server";
import { FEED_PAGE_LIMIT, type FeedPage, type FeedSnapshot } from "./feed-types";

export type ReadChannelFeedOptions = {
  code: string;
  /** Event id to continue after; without it the full snapshot is returned. */
  since?: number;
  limit?: number;
};

/** The channel named by a feed URL; NOT_FOUND for an unknown code. */
export async function findFeedChannel(db: Db, code: string) {
  const channel = await db.channel.findUnique({
    where: { code },
    select: { id: true, code: true, feedTokenHash: true },
  });
  if (!channel)
    throw new AppError("NOT_FOUND", `There is no channel ${code}.`, {
      details: { reason: "CHANNEL" },
    });
  return channel;
}

async function readSnapshot(db: Db, channel: { id: string; code: string }): Promise<FeedSnapshot> {
  // The cursor is read before the rows: rows newer than the cursor only make the connector
  // apply an event it already reflects, while the reverse order could skip an event.
  const last = await db.channelFeedEvent.findFirst({
    where: { channelId: channel.id },
    orderBy: { id: "desc" },
    select: { id: true },
  });
  const generatedAt = new Date().toISOString();
  const rows = await db.channelAts.findMany({
    where: { channelId: channel.id },
    select: { ats: true, updatedAt: true, sku: { select: { skuCode: true } } },
    orderBy: { sku: { skuCode: "asc" } },
  });
  return {
    channel: channel.code,
    cursor: last?.id ?? 0,
    generatedAt,
    items: rows.map((r) => ({
      skuCode: r.sku.skuCode,
      ats: r.ats,
      updatedAt: r.updatedAt.toISOString(),
    })),
  };
}

/** Events of one channel after `since` (channel id known), for the poll endpoint and the stream. */
export async function readFeedPage(
  db: Db,
  channel: { id: string; code: string },
  since: number,
  limit = FEED_PAGE_LIMIT,
): Promise<FeedPage> {
  const rows = await db.channelFeedEvent.findMany({
    where: { channelId: channel.id, id: { gt: since } },
    orderBy: { id: "asc" },
    take: limit + 1,
    select: {
      id: true,
      ats: true,
      cause: true,
      createdAt: true,
      sku: { select: { skuCode: true } },
    },
  });
  const page = rows.slice(0, limit);
  return {
    channel: channel.code,
    cursor: page.at(-1)?.id ?? since,
    events: page.map((r) => ({
      id: r.id,
      skuCode: r.sku.skuCode,
      ats: r.ats,
      cause: r.cause,
      at: r.createdAt.toISOString(),
    })),
    hasMore: rows.length > limit,
  };
}

/**
 * What a channel's feed endpoint answers: the full snapshot, or with `since` the events after
 * that cursor (at most `limit`, `hasMore` when there are more).
 */
export async function readChannelFeed(
  db: Db,
  options: ReadChannelFeedOptions,
): Promise<FeedSnapshot | FeedPage> {
  const channel = await findFeedChannel(db, options.code);
  if (options.since === undefined) return readSnapshot(db, channel);
  return readFeedPage(db, channel, options.since, options.limit);
}
