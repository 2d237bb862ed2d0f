import "server-only";
import { z } from "zod";
import type { Db } from "@/lib/db/transaction.server";
import { WEB_CHANNEL_CODE } from "@/lib/cart/shop-channel.server";
import type { FeedEvent } from "@/lib/feed/feed-types";
import { streamFeedEvents } from "@/lib/feed/feed-stream";
import { createPublishLoop, type PublishLoop } from "@/lib/feed/publish-loop";
import { findFeedChannel, readFeedPage } from "@/lib/feed/read-channel-feed.server";
import { LiveStockBoard } from "./live-stock-board";

/** How often the process's one reader looks for new web-stock changes while pages watch. */
export const LIVE_STOCK_POLL_MS = 250;

/** The SKUs one product page watches: a style's sizes of one colour (or a few colours). */
export const liveStockQuerySchema = z.object({
  skus: z
    .string()
    .trim()
    .transform((s) => s.split(","))
    .pipe(
      z
        .array(
          z
            .string()
            .trim()
            .regex(/^[A-Za-z0-9-]{1,64}$/, "A SKU code."),
        )
        .min(1)
        .max(60),
    ),
});

type Watch = { board: LiveStockBoard; loop: PublishLoop; channelId: string; pages: number };

// One board per server process, shared by every page watching, also across dev reloads.
const globalForLive = globalThis as unknown as { onepoolLiveStock?: Promise<Watch> };

async function openWatch(db: Db): Promise<Watch> {
  const channel = await findFeedChannel(db, WEB_CHANNEL_CODE);
  const last = await db.channelFeedEvent.findFirst({
    where: { channelId: channel.id },
    orderBy: { id: "desc" },
    select: { id: true },
  });
  const board = new LiveStockBoard(last?.id ?? 0);
  const loop = createPublishLoop({
    publish: async () => {
      const page = await readFeedPage(db, channel, board.cursor);
      board.add(page);
      return { more: page.hasMore };
    },
    intervalMs: LIVE_STOCK_POLL_MS,
    debounceMs: 0,
    onError: (error) => console.error("live stock read failed", error),
  });
  return { board, loop, channelId: channel.id, pages: 0 };
}

/** The web channel's published stock of these SKUs now, as events at the board's cursor. */
async function snapshot(db: Db, watch: Watch, skuCodes: readonly string[]): Promise<FeedEvent[]> {
  const at = new Date().toISOString();
  const rows = await db.channelAts.findMany({
    where: { channelId: watch.channelId, sku: { skuCode: { in: [...skuCodes] } } },
    select: { ats: true, sku: { select: { skuCode: true } } },
  });
  return rows.map((r) => ({
    id: watch.board.cursor,
    skuCode: r.sku.skuCode,
    ats: r.ats,
    cause: "snapshot",
    at,
  }));
}

/**
 * A product page's live stock as server-sent events: the web channel's published figure of each
 * SKU now, then every change as the channel feed publishes it (within a second of a sale). The
 * stream reads the process's board, never the database, so a page watched by a crowd costs one
 * reader per server, not one per shopper.
 */
export async function openLiveStockStream(
  db: Db,
  options: { skuCodes: readonly string[]; signal: AbortSignal },
): Promise<Response> {
  const opening = (globalForLive.onepoolLiveStock ??= openWatch(db));
  const watch = await opening.catch((error: unknown) => {
    globalForLive.onepoolLiveStock = undefined;
    throw error;
  });
  watch.pages++;
  const leave = () => {
    if (--watch.pages > 0 || globalForLive.onepoolLiveStock !== opening) return;
    globalForLive.onepoolLiveStock = undefined;
    void watch.loop.stop();
  };
  if (options.signal.aborted) leave();
  else options.signal.addEventListener("abort", leave, { once: true });
  const codes = new Set(options.skuCodes);
  let first: FeedEvent[] | null = await snapshot(db, watch, options.skuCodes);
  const body = streamFeedEvents({
    since: watch.board.cursor,
    signal: options.signal,
    read: async (since) => {
      const events = first ?? [];
      first = null;
      const page = watch.board.page(since, codes);
      return {
        channel: WEB_CHANNEL_CODE,
        cursor: page.cursor,
        events: [...events, ...page.events],
        hasMore: false,
      };
    },
  });
  return new Response(body, {
    headers: {
      "Content-Type": "text/event-stream; charset=utf-8",
      "Cache-Control": "no-store, no-transform",
      "X-Accel-Buffering": "no",
    },
  });
}
