import { beforeEach, expect, it, vi } from "vitest";
import { describeIfPostgres } from "@/lib/db/testing/databases";
import { useMigratedDatabase } from "@/lib/db/testing/test-database";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { reconcileLedger } from "@/lib/inventory/reconcile-ledger.server";
import { isDatabaseBusy } from "@/lib/db/database-busy";
import { createWorld, type World } from "@/lib/reservations/test-world";

// Checkout as the browser drives it, on PostgreSQL: the cart and checkout actions with a
// stand-in session and cookie jar; wrapper, validation, cart, order engine and pool are real.
vi.mock(
  "next/headers",
  async () => (await import("@/lib/http/testing/request-stand-ins")).nextHeaders,
);
vi.mock(
  "@/lib/auth/session.server",
  async () => (await import("@/lib/http/testing/request-stand-ins")).session,
);
vi.mock(
  "@/lib/db/client.server",
  async () => (await import("@/lib/http/testing/request-stand-ins")).dbClient,
);
const { request: state } = await import("@/lib/http/testing/request-stand-ins");

const { addToCart } = await import("@/lib/cart/actions");
const { placeCheckoutOrder } = await import("./actions");

/** A signed-in consumer with one unit of `tee` in the cart. */
async function shopperWithCart(prisma: PrismaClient, tag: string) {
  state.prisma = prisma;
  const world = await createWorld(prisma, {
    nodes: ["near"],
    channels: { web: { priority: 1, policy: { mode: "SHARED" } } },
    skus: { tee: { stock: { near: 5 } } },
  });
  await prisma.channel.update({ where: { id: world.channel("web") }, data: { code: "WEB" } });
  const member = await prisma.user.create({
    data: {
      email: `${tag}@test.dev`,
      name: "Member",
      passwordHash: "-",
      role: "CONSUMER",
      member: { create: { memberNo: `M-${tag}` } },
    },
  });
  state.user = {
    id: member.id,
    email: member.email,
    name: "Member",
    role: "CONSUMER",
    storeNodeId: null,
  };
  expect(await addToCart({ skuId: world.sku("tee"), quantity: 1 })).toMatchObject({ ok: true });
  return world;
}

const press = (world: World, key: string) =>
  placeCheckoutOrder({
    idempotencyKey: key,
    method: "PICKUP",
    storeNodeId: world.node("near"),
    contactName: "Member",
  });

async function writes(prisma: PrismaClient, world: World) {
  const skuId = world.sku("tee");
  return Promise.all([
    prisma.order.count(),
    prisma.reservation.count({ where: { skuId } }),
    prisma.stockMovement.count({ where: { skuId } }),
  ]);
}

beforeEach(() => {
  state.jar.clear();
});

describeIfPostgres("checkout under load, on PostgreSQL", () => {
  const db = useMigratedDatabase("postgres", { poolSize: 10 });

  it("'Place order' pressed 20 times at once places one order with one hold", async () => {
    const prisma = db();
    const world = await shopperWithCart(prisma, "presses");
    const key = `presses-${Date.now()}-0123456789`;
    const results = await Promise.all(Array.from({ length: 20 }, () => press(world, key)));
    const ids = new Set(results.map((r) => (r.ok ? r.data.orderNo : r.code)));
    expect(results.every((r) => r.ok)).toBe(true);
    expect(ids.size).toBe(1);
    const [orders, holds] = await writes(prisma, world);
    expect(orders).toBe(1);
    expect(holds).toBe(1);
    const level = await prisma.stockLevel.findFirstOrThrow({ where: { skuId: world.sku("tee") } });
    expect(level.reserved).toBe(1);
    expect(await reconcileLedger(prisma)).toEqual([]);
  });
});

describeIfPostgres("checkout with the connection pool exhausted, on PostgreSQL", () => {
  // One connection, given up after 300 ms: a peak where every connection is taken.
  const db = useMigratedDatabase("postgres", { poolSize: 1, connectionWaitMs: 300 });

  it("answers BUSY with nothing written, and the same press succeeds once a connection is free", async () => {
    const prisma = db();
    const world = await shopperWithCart(prisma, "busy");
    const before = await writes(prisma, world);
    const key = `busy-${Date.now()}-0123456789`;
    let free!: () => void;
    const freed = new Promise<void>((resolve) => (free = resolve));
    const holder = prisma.$transaction(async (tx) => {
      await tx.$queryRaw`select 1`;
      await freed;
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    const refused = await press(world, key);
    free();
    await holder;
    expect(refused).toMatchObject({
      ok: false,
      code: "BUSY",
      details: { reason: "DATABASE", retryAfterSeconds: expect.any(Number) },
    });
    expect(await writes(prisma, world)).toEqual(before);
    const again = await press(world, key);
    expect(again).toMatchObject({ ok: true });
    expect((await writes(prisma, world))[0]).toBe(before[0] + 1);
  });

  it("a transaction that cannot start in time is told apart from a fault", async () => {
    const prisma = db();
    let free!: () => void;
    const freed = new Promise<void>((resolve) => (free = resolve));
    const holder = prisma.$transaction(async (tx) => {
      await tx.$queryRaw`select 1`;
      await freed;
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    const late = await prisma
      .$transaction(async (tx) => tx.$queryRaw`select 2`, { maxWait: 100 })
      .catch((error: unknown) => error);
    free();
    await holder;
    expect(isDatabaseBusy(late)).toBe(true);
    expect(isDatabaseBusy(await prisma.$queryRaw`select x`.catch((e: unknown) => e))).toBe(false);
  });
});
