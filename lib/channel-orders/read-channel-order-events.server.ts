import "server-only";
import type { Db } from "@/lib/db/transaction.server";
import { findFeedChannel } from "@/lib/feed/read-channel-feed.server";
import { FEED_PAGE_LIMIT } from "@/lib/feed/feed-types";

/** One status change of a channel's order, as its connector reads it. */
export type ChannelOrderEventView = {
  id: number;
  channelOrderId: string;
  orderNo: string;
  kind: string;
  courierName: string | null;
  trackingNo: string | null;
  /** REFUNDED: the amount given back, in fen. */
  amount: number | null;
  at: string;
};

export type ChannelOrderEventPage = {
  channel: string;
  /** Pass as `since` to continue: the last event's id, or `since` when there is none. */
  cursor: number;
  hasMore: boolean;
  events: ChannelOrderEventView[];
};

/**
 * A channel's order events after `since` (0: from the start), oldest first, in pages of at most
 * FEED_PAGE_LIMIT: the stock feed's cursor semantics (ids commit in order, so `id > since` never
 * skips one). NOT_FOUND for an unknown channel.
 */
export async function readChannelOrderEvents(
  db: Db,
  options: { code: string; since?: number; limit?: number },
): Promise<ChannelOrderEventPage> {
  const channel = await findFeedChannel(db, options.code);
  const since = options.since ?? 0;
  const limit = Math.min(options.limit ?? FEED_PAGE_LIMIT, FEED_PAGE_LIMIT);
  const rows = await db.channelOrderEvent.findMany({
    where: { channelId: channel.id, id: { gt: since } },
    orderBy: { id: "asc" },
    take: limit + 1,
    include: { order: { select: { orderNo: true } } },
  });
  const page = rows.slice(0, limit);
  return {
    channel: channel.code,
    cursor: page.at(-1)?.id ?? since,
    hasMore: rows.length > limit,
    events: page.map((e) => ({
      id: e.id,
      channelOrderId: e.channelOrderId,
      orderNo: e.order.orderNo,
      kind: e.kind,
      courierName: e.courierName,
      trackingNo: e.trackingNo,
      amount: e.amount,
      at: e.createdAt.toISOString(),
    })),
  };
}
