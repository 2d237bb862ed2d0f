import "server-only";
import type { Db } from "@/lib/db/transaction.server";
import { streamFeedEvents } from "./feed-stream";
import { findFeedChannel, readFeedPage } from "./read-channel-feed.server";

export type OpenFeedStreamOptions = {
  code: string;
  /** Event id to start after (Last-Event-ID on a reconnect, else `?since`, else 0). */
  since: number;
  signal: AbortSignal;
  pollMs?: number;
};

/**
 * A channel's feed as server-sent events. The channel is looked up before the stream starts, so
 * an unknown code is a plain 404, not a stream that fails later.
 */
export async function openFeedStream(db: Db, options: OpenFeedStreamOptions): Promise<Response> {
  const { signal } = options;
  const channel = await findFeedChannel(db, options.code);
  const body = streamFeedEvents({
    since: options.since,
    signal,
    pollMs: options.pollMs,
    read: (since) => readFeedPage(db, channel, since),
  });
  return new Response(body, {
    headers: {
      "Content-Type": "text/event-stream; charset=utf-8",
      // A channel's stock, read with its token: never kept by a shared cache (private, no-store).
      "Cache-Control": "private, no-store, no-transform",
      // Reverse proxies (nginx) would otherwise buffer the stream.
      "X-Accel-Buffering": "no",
    },
  });
}
