import type { FeedEvent, FeedPage } from "./feed-types";

export type FeedStreamOptions = {
  /** Event id to start after. */
  since: number;
  /** Reads the events after a cursor (one page). */
  read: (since: number) => Promise<FeedPage>;
  /** Ends the stream when the client goes away. */
  signal: AbortSignal;
  pollMs?: number;
  /** A comment line this often keeps proxies from closing a quiet connection. */
  heartbeatMs?: number;
};

/** Delay between two looks at the feed table while the stream is idle. */
export const STREAM_POLL_MS = 200;
const HEARTBEAT_MS = 15_000;
/** Tells EventSource how long to wait before reconnecting (it then sends Last-Event-ID). */
const RETRY_MS = 2_000;

/** One server-sent event per feed event, `id:` being the cursor to resume after. */
export function formatFeedEvent(event: FeedEvent): string {
  return `id: ${event.id}\nevent: ats\ndata: ${JSON.stringify(event)}\n\n`;
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener("abort", done);
      resolve();
    }
    signal.addEventListener("abort", done, { once: true });
  });
}

/**
 * A text/event-stream body: the events after `since`, then new ones as they are published,
 * polled every `pollMs`. Pull-based, so a slow client is not buffered without bound; it ends
 * when `signal` aborts or the reader cancels. A read failure ends the stream after an `error`
 * event, and the client reconnects from its last event id.
 */
export function streamFeedEvents(options: FeedStreamOptions): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const pollMs = options.pollMs ?? STREAM_POLL_MS;
  const heartbeatMs = options.heartbeatMs ?? HEARTBEAT_MS;
  const stop = new AbortController();
  const onAbort = () => stop.abort();
  options.signal.addEventListener("abort", onAbort, { once: true });
  let cursor = options.since;
  let lastSent = Date.now();
  let cancelled = false;

  return new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(`retry: ${RETRY_MS}\n\n`));
    },
    async pull(controller) {
      const send = (text: string) => {
        // A cancelled stream refuses chunks; the reader is gone anyway.
        if (!cancelled) controller.enqueue(encoder.encode(text));
        lastSent = Date.now();
      };
      while (!stop.signal.aborted) {
        let page: FeedPage;
        try {
          page = await options.read(cursor);
        } catch (error) {
          console.error("channel feed stream read failed", error);
          send(`event: error\ndata: {"message":"feed unavailable"}\n\n`);
          break;
        }
        cursor = page.cursor;
        if (page.events.length > 0) return send(page.events.map(formatFeedEvent).join(""));
        if (Date.now() - lastSent >= heartbeatMs) return send(": keep-alive\n\n");
        await sleep(pollMs, stop.signal);
      }
      options.signal.removeEventListener("abort", onAbort);
      if (!cancelled) controller.close();
    },
    cancel() {
      cancelled = true;
      options.signal.removeEventListener("abort", onAbort);
      stop.abort();
    },
  });
}
