import { beforeAll, describe, expect, it, vi } from "vitest";
import type { SessionUser } from "@/lib/auth/roles";
import { createFeedWorld } from "@/lib/feed/feed-test-support";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { reserveStock } from "@/lib/reservations/reserve-stock.server";
import { useMigratedDatabase } from "@/lib/db/testing/test-database";

const CRON_SECRET = "scheduler-secret-0123456789";
const harness = vi.hoisted(() => ({
  user: null as SessionUser | null,
  prisma: undefined as PrismaClient | undefined,
}));
vi.mock("@/lib/auth/session.server", () => ({ getSessionUser: async () => harness.user }));
vi.mock("@/lib/db/client.server", () => ({
  getDb: async () => {
    if (!harness.prisma) throw new Error("database not open");
    return harness.prisma;
  },
}));
vi.mock("@/lib/env", async (importOriginal) => {
  const actual = await importOriginal<typeof import("@/lib/env")>();
  return { ...actual, env: { ...actual.env, CRON_SECRET: "scheduler-secret-0123456789" } };
});

const { POST } = await import("./route");

const admin: SessionUser = { id: "u1", email: "a@x", name: "A", role: "ADMIN", storeNodeId: null };
const post = (authorization?: string) =>
  POST(
    new Request("http://test/api/cron/release-expired-holds", {
      method: "POST",
      headers: authorization ? { authorization } : {},
    }),
  );

describe("POST /api/cron/release-expired-holds", () => {
  const db = useMigratedDatabase("pglite");
  beforeAll(() => {
    harness.prisma = db();
  });

  it.each([
    ["no credentials", undefined],
    ["a wrong secret", "Bearer not-the-secret-at-all"],
    ["a malformed header", `Basic ${CRON_SECRET}`],
  ])("refuses %s with 401 and releases nothing", async (_label, authorization) => {
    harness.user = null;
    const response = await post(authorization);
    expect(response.status).toBe(401);
    expect(await db().logCursor.count()).toBe(0);
  });

  it("lets the scheduler release due holds and publish them", async () => {
    harness.user = null;
    const w = await createFeedWorld(db());
    await reserveStock(db(), {
      channelId: w.channel("web"),
      skuId: w.sku("tee"),
      nodeId: w.node("n1"),
      quantity: 3,
      kind: "CHECKOUT_HOLD",
      ttlSeconds: 1,
      now: new Date(Date.now() - 60_000),
    });

    const response = await post(`Bearer ${CRON_SECRET}`);

    expect(response.status).toBe(200);
    const body = (await response.json()) as {
      released: number;
      more: boolean;
      feed: { rebuilt: boolean };
    };
    expect(body).toMatchObject({ released: 1, more: false, feed: { rebuilt: true } });
    const level = await db().stockLevel.findFirstOrThrow({ where: { skuId: w.sku("tee") } });
    expect(level.reserved).toBe(0);
    const ats = await db().channelAts.findUniqueOrThrow({
      where: { channelId_skuId: { channelId: w.channel("web"), skuId: w.sku("tee") } },
    });
    expect(ats.ats).toBe(100);
  });

  it("lets an admin run it on demand", async () => {
    harness.user = admin;
    const response = await post();
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ released: 0, feed: { rebuilt: false } });
  });
});
