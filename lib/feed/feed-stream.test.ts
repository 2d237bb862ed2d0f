import { describe, expect, it } from "vitest";
import type { FeedPage } from "./feed-types";
import { streamFeedEvents } from "./feed-stream";

const event = (id: number, ats: number) => ({
  id,
  skuCode: `SKU-${id}`,
  ats,
  cause: "stock",
  at: "2025-06-01T00:00:00.000Z",
});

/** A fake feed: the events above `since`, two per page. */
function feedOf(events: FeedPage["events"], reads: number[] = []) {
  return async (since: number): Promise<FeedPage> => {
    reads.push(since);
    const after = events.filter((e) => e.id > since);
    const page = after.slice(0, 2);
    return {
      channel: "WEB",
      cursor: page.at(-1)?.id ?? since,
      events: page,
      hasMore: after.length > 2,
    };
  };
}

async function readUntil(stream: ReadableStream<Uint8Array>, done: (text: string) => boolean) {
  const reader = stream.getReader();
  const decoder = new TextDecoder();
  let text = "";
  while (!done(text)) {
    const chunk = await reader.read();
    if (chunk.done) break;
    text += decoder.decode(chunk.value);
  }
  return { text, reader };
}

describe("streamFeedEvents", () => {
  it("sends the events after `since` with their ids, page after page", async () => {
    const events = [event(1, 5), event(3, 4), event(7, 3), event(9, 0)];
    const controller = new AbortController();
    const stream = streamFeedEvents({
      since: 1,
      read: feedOf(events),
      signal: controller.signal,
      pollMs: 5,
    });
    const { text, reader } = await readUntil(stream, (t) => t.includes("id: 9"));
    controller.abort();
    await reader.cancel();
    expect(text.startsWith("retry: ")).toBe(true);
    expect([...text.matchAll(/^id: (\d+)$/gm)].map((m) => Number(m[1]))).toEqual([3, 7, 9]);
    expect(text).toContain(`event: ats\ndata: ${JSON.stringify(event(9, 0))}\n\n`);
  });

  it("polls while idle and pushes an event published later", async () => {
    const events: FeedPage["events"] = [];
    const reads: number[] = [];
    const controller = new AbortController();
    const stream = streamFeedEvents({
      since: 0,
      read: feedOf(events, reads),
      signal: controller.signal,
      pollMs: 5,
    });
    setTimeout(() => events.push(event(4, 2)), 30);
    const { text, reader } = await readUntil(stream, (t) => t.includes("id: 4"));
    controller.abort();
    await reader.cancel();
    expect(text).toContain("id: 4\n");
    expect(reads.length).toBeGreaterThan(2);
  });

  it("closes when the client goes away", async () => {
    const controller = new AbortController();
    const stream = streamFeedEvents({
      since: 0,
      read: feedOf([]),
      signal: controller.signal,
      pollMs: 5,
    });
    const reader = stream.getReader();
    await reader.read(); // retry line
    setTimeout(() => controller.abort(), 20);
    await expect(reader.read()).resolves.toEqual({ done: true, value: undefined });
  });

  it("sends a keep-alive comment when nothing happens for a while", async () => {
    const controller = new AbortController();
    const stream = streamFeedEvents({
      since: 0,
      read: feedOf([]),
      signal: controller.signal,
      pollMs: 5,
      heartbeatMs: 20,
    });
    const { text, reader } = await readUntil(stream, (t) => t.includes(": keep-alive"));
    controller.abort();
    await reader.cancel();
    expect(text).toContain(": keep-alive\n\n");
  });

  it("ends with an error event when the feed cannot be read", async () => {
    const controller = new AbortController();
    const stream = streamFeedEvents({
      since: 0,
      read: async () => {
        throw new Error("database away");
      },
      signal: controller.signal,
    });
    const { text } = await readUntil(stream, () => false);
    expect(text).toContain("event: error\n");
  });
});
