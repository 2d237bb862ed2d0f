import type { PrismaClient } from "@/lib/generated/prisma/client";
import { readChannelFeed } from "@/lib/feed/read-channel-feed.server";

/**
 * A marketplace connector in miniature: polls `?since=cursor` (the function the route calls) and
 * records when each event was first seen, so a change's delay is its commit to that moment.
 */
export function startFeedPoller(db: PrismaClient, options: { code: string; pollMs: number }) {
  const seen: { id: number; skuCode: string; at: number }[] = [];
  const waiters = new Set<() => void>();
  let cursor = 0;
  let running = true;

  const loop = (async () => {
    while (running) {
      const page = await readChannelFeed(db, {
        code: options.code,
        since: cursor,
      });
      if (!("events" in page)) throw new Error("expected a page of events");
      const at = performance.now();
      for (const e of page.events) seen.push({ id: e.id, skuCode: e.skuCode, at });
      cursor = page.cursor;
      if (page.events.length > 0) for (const wake of waiters) wake();
      if (!page.hasMore) await new Promise((resolve) => setTimeout(resolve, options.pollMs));
    }
  })();

  return {
    /** The last event id seen. */
    cursor: () => cursor,
    /** When an event for the SKU after `afterId` was first seen; null after `timeoutMs`. */
    async seenAt(skuCode: string, afterId: number, timeoutMs: number): Promise<number | null> {
      const find = () => seen.find((e) => e.id > afterId && e.skuCode === skuCode)?.at ?? null;
      const deadline = performance.now() + timeoutMs;
      for (;;) {
        const at = find();
        if (at !== null || performance.now() > deadline) return at;
        await new Promise<void>((resolve) => {
          const wake = () => {
            waiters.delete(wake);
            clearTimeout(timer);
            resolve();
          };
          const timer = setTimeout(wake, 50);
          waiters.add(wake);
        });
      }
    },
    async stop(): Promise<void> {
      running = false;
      await loop;
    },
  };
}
