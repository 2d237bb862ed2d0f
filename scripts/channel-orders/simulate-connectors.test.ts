import { beforeAll, describe, expect, it, vi } from "vitest";
import {
  createChannelOrderWorld,
  type ChannelOrderWorld,
} from "@/lib/channel-orders/testing/channel-order-world";
import { publishFeed } from "@/lib/feed/publish-feed.server";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { useMigratedDatabase } from "@/lib/db/testing/test-database";
import { simulateConnectors } from "./simulate-connectors";

// The simulator's HTTP calls go to the route handlers themselves, over an embedded database.
const harness = vi.hoisted(() => ({ prisma: undefined as PrismaClient | undefined }));
vi.mock("@/lib/auth/session.server", () => ({ getSessionUser: async () => null }));
vi.mock("@/lib/db/client.server", () => ({
  getDb: async () => {
    if (!harness.prisma) throw new Error("database not open");
    return harness.prisma;
  },
}));

type Handler = (
  request: Request,
  context: { params: Promise<{ code: string }> },
) => Promise<Response>;
const routes: Record<string, Handler> = {
  "GET stock": (await import("@/app/api/channels/[code]/stock/route")).GET,
  "POST orders": (await import("@/app/api/channels/[code]/orders/route")).POST,
  "GET order-events": (await import("@/app/api/channels/[code]/order-events/route")).GET,
};

const inProcess: typeof fetch = async (input, init) => {
  const request = new Request(input, init);
  const [, , , code = "", what = ""] = new URL(request.url).pathname.split("/");
  const handler = routes[`${request.method} ${what}`];
  if (!handler) return new Response("no such route", { status: 404 });
  return handler(request, { params: Promise.resolve({ code: decodeURIComponent(code) }) });
};

describe("simulateConnectors", () => {
  const db = useMigratedDatabase("pglite");
  let w: ChannelOrderWorld;
  beforeAll(async () => {
    harness.prisma = db();
    w = await createChannelOrderWorld(db());
    await publishFeed(db());
  });

  it("places each channel's orders, answers resends with the same order, and reads the events back", async () => {
    const tokens = new Map([
      [w.tm.code, w.tm.token],
      [w.jd.code, w.jd.token],
    ]);
    const report = await simulateConnectors({
      base: "http://test",
      channels: [w.tm.code, w.jd.code],
      ordersPerChannel: 6,
      tokenOf: (code) => tokens.get(code) ?? "",
      runId: "t1",
      fetch: inProcess,
      resendEvery: 3,
      ratePerSecond: 200,
      concurrency: 2,
      pickupStoreCode: w.node("near"),
    });
    const tm = report[w.tm.code]!;
    expect(tm).toMatchObject({ resent: 2, resendsSame: 2 });
    // Its share of the scarce SKU is one unit: an order for two of it is refused by line.
    expect(tm.placed).toBeGreaterThanOrEqual(4);
    expect(tm.placed + (tm.refused["OUT_OF_STOCK/ORDER_LINES"] ?? 0)).toBe(6);
    expect(tm.events).toEqual({ ACCEPTED: tm.placed, PAID: tm.placed });
    expect(tm.latency.p50Ms).toBeGreaterThan(0);
    // Every third order is collected at the store: those land in its queue as pickups.
    const pickups = await db().order.count({
      where: { channelId: w.tm.id, method: "PICKUP", channelOrderId: { startsWith: "SIM-t1-" } },
    });
    expect(pickups).toBeGreaterThanOrEqual(1);
    // jd holds one unit of each SKU: what it cannot sell is refused line by line, never oversold.
    const jd = report[w.jd.code]!;
    expect(jd.resendsSame).toBe(jd.resent);
    expect(jd.placed + (jd.refused["OUT_OF_STOCK/ORDER_LINES"] ?? 0)).toBe(6);
    const held = await db().reservation.groupBy({
      by: ["skuId"],
      where: { channelId: w.jd.id, status: "ACTIVE" },
      _sum: { quantity: true },
    });
    expect(held.every((h) => (h._sum.quantity ?? 0) <= 1)).toBe(true);
  });
});
