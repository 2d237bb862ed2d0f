import { describe, expect, it } from "vitest";
import { useMigratedDatabase } from "@/lib/db/testing/test-database";
import { publishFeed } from "@/lib/feed/publish-feed.server";
import { reserveStock } from "@/lib/reservations/reserve-stock.server";
import { createWorld } from "@/lib/reservations/test-world";
import { openLiveStockStream } from "./live-stock.server";

type Seen = { skuCode: string; ats: number; cause: string };

/** Reads server-sent events from a stream until `done` says enough, or the time is up. */
async function readUntil(body: ReadableStream<Uint8Array>, done: (seen: Seen[]) => boolean) {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  const seen: Seen[] = [];
  let text = "";
  const deadline = Date.now() + 10_000;
  while (!done(seen) && Date.now() < deadline) {
    const { value, done: ended } = await reader.read();
    if (ended) break;
    text += decoder.decode(value, { stream: true });
    const blocks = text.split("\n\n");
    text = blocks.pop() ?? "";
    for (const block of blocks) {
      const data = block.split("\n").find((line) => line.startsWith("data: "));
      if (block.includes("event: ats") && data) seen.push(JSON.parse(data.slice(6)) as Seen);
    }
  }
  reader.releaseLock();
  return seen;
}

describe("a product page's live stock", () => {
  const db = useMigratedDatabase("pglite");

  it("starts with the web's published figure of each watched SKU, then each change as it is published", async () => {
    const prisma = db();
    const w = await createWorld(prisma, {
      nodes: ["near"],
      channels: { web: { priority: 1, policy: { mode: "SHARED" } } },
      skus: { tee: { stock: { near: 1 } }, cap: { stock: { near: 4 } } },
    });
    await prisma.channel.update({ where: { id: w.channel("web") }, data: { code: "WEB" } });
    await publishFeed(prisma);
    const aborter = new AbortController();
    const response = await openLiveStockStream(prisma, {
      skuCodes: [w.sku("tee")],
      signal: aborter.signal,
    });
    expect(response.headers.get("content-type")).toContain("text/event-stream");
    const body = response.body!;
    expect(await readUntil(body, (s) => s.length >= 1)).toEqual([
      expect.objectContaining({ skuCode: w.sku("tee"), ats: 1, cause: "snapshot" }),
    ]);

    // The last unit sells: the watching page hears it; the SKU it does not watch stays out.
    for (const sku of ["tee", "cap"])
      await reserveStock(prisma, {
        channelId: w.channel("web"),
        skuId: w.sku(sku),
        nodeId: w.node("near"),
        quantity: 1,
        kind: "CHECKOUT_HOLD",
      });
    await publishFeed(prisma);
    const changes = await readUntil(body, (s) => s.length >= 1);
    expect(changes).toEqual([expect.objectContaining({ skuCode: w.sku("tee"), ats: 0 })]);
    aborter.abort();
  });
});
