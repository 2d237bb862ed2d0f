import { beforeAll, describe, expect, it } from "vitest";
import { useMigratedDatabase } from "@/lib/db/testing/test-database";
import { isAppError } from "@/lib/errors/app-error";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { loadOrderContext, loadSkuPrices } from "./order-context.server";
import { placeOrderSchema } from "./order-input";
import { placeOrder, type PlaceOrderOptions } from "./place-order.server";
import { createOrderWorld, type OrderWorld } from "./testing/order-world";

// An order's channel, prices, buyer and pickup store come from one statement; these tests hold
// it to the rules: which price wins, who may buy, and every refusal before anything is written.

let keys = 0;

function pickup(w: OrderWorld, extra: Partial<PlaceOrderOptions> = {}): PlaceOrderOptions {
  return {
    channelCode: w.webCode,
    buyer: { kind: "MEMBER", userId: w.memberUserId },
    lines: [{ skuId: w.sku("tee"), quantity: 1 }],
    method: "PICKUP",
    destination: { kind: "store", nodeId: w.node("near") },
    contact: { name: "Li Wei" },
    paymentProvider: "DEMO",
    idempotencyKey: `context-${++keys}`,
    ...extra,
  };
}

async function refusal(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!isAppError(error)) throw error ?? new Error("expected a refusal");
  return { code: error.code, reason: error.details?.reason };
}

async function writes(prisma: PrismaClient) {
  return {
    orders: await prisma.order.count(),
    reservations: await prisma.reservation.count(),
  };
}

describe("the order's context (PGlite)", () => {
  const db = useMigratedDatabase("pglite");
  let w: OrderWorld;
  beforeAll(async () => {
    w = await createOrderWorld(db());
    // tee: the web channel's own price over its own; cap: the SKU's price; rare: the style's.
    await db().channelPrice.create({
      data: { channelId: w.channel("web"), skuId: w.sku("tee"), price: 45_000 },
    });
    await db().sku.update({ where: { id: w.sku("cap") }, data: { listPrice: 12_300 } });
    await db().sku.update({ where: { id: w.sku("tee") }, data: { listPrice: 50_000 } });
  });

  it("prices each SKU at the channel's price, else the SKU's, else the style's", async () => {
    const prisma = db();
    const rare = await prisma.sku.findUniqueOrThrow({
      where: { id: w.sku("rare") },
      include: { product: true },
    });
    const prices = await loadSkuPrices(prisma, w.channel("web"), [
      w.sku("tee"),
      w.sku("cap"),
      w.sku("rare"),
    ]);
    expect(Object.fromEntries(prices)).toEqual({
      [w.sku("tee")]: 45_000,
      [w.sku("cap")]: 12_300,
      [w.sku("rare")]: rare.listPrice ?? rare.product.listPrice,
    });
  });

  it("reads the member, their points and the pickup store with the channel", async () => {
    const input = placeOrderSchema.parse(pickup(w));
    const context = await loadOrderContext(db(), input);
    expect(context.channelId).toBe(w.channel("web"));
    expect(context.buyer).toEqual({
      buyerType: "MEMBER",
      userId: w.memberUserId,
      memberId: w.memberId,
      employeeId: null,
      guideUserId: null,
      pointsBalance: 500,
    });
    expect(context.pickupNode?.id).toBe(w.node("near"));
    expect(context.kinds.bundles.size).toBe(0);
    expect(context.employeeQuota).toBeNull();
  });

  it("lets store staff place a walk-in order, and no one else", async () => {
    const staff = placeOrderSchema.parse(
      pickup(w, { buyer: { kind: "WALK_IN", guideUserId: w.staffUserId } }),
    );
    expect((await loadOrderContext(db(), staff)).buyer).toMatchObject({
      buyerType: "WALK_IN",
      guideUserId: w.staffUserId,
      userId: null,
    });
    const before = await writes(db());
    expect(
      await refusal(
        placeOrder(db(), pickup(w, { buyer: { kind: "WALK_IN", guideUserId: w.memberUserId } })),
      ),
    ).toEqual({ code: "FORBIDDEN", reason: "STORE_STAFF_ONLY" });
    expect(await writes(db())).toEqual(before);
  });

  it("refuses an unknown channel, SKU, buyer or store and an inactive channel or store, writing nothing", async () => {
    const prisma = db();
    const before = await writes(prisma);
    expect(await refusal(placeOrder(prisma, pickup(w, { channelCode: "NO-SUCH" })))).toEqual({
      code: "NOT_FOUND",
      reason: "CHANNEL",
    });
    expect(
      await refusal(
        placeOrder(prisma, pickup(w, { lines: [{ skuId: "sku_no_such", quantity: 1 }] })),
      ),
    ).toEqual({ code: "NOT_FOUND", reason: "ITEMS" });
    expect(
      await refusal(
        placeOrder(prisma, pickup(w, { buyer: { kind: "MEMBER", userId: "usr_no_such" } })),
      ),
    ).toEqual({ code: "NOT_FOUND", reason: "ACCOUNT" });
    expect(
      await refusal(
        placeOrder(prisma, pickup(w, { destination: { kind: "store", nodeId: "node_no_such" } })),
      ),
    ).toEqual({ code: "NOT_FOUND", reason: "STORE" });

    await prisma.node.update({ where: { id: w.node("far") }, data: { active: false } });
    expect(
      await refusal(
        placeOrder(prisma, pickup(w, { destination: { kind: "store", nodeId: w.node("far") } })),
      ),
    ).toEqual({ code: "NOT_FOUND", reason: "STORE" });
    await prisma.node.update({ where: { id: w.node("far") }, data: { active: true } });

    await prisma.channel.update({ where: { id: w.channel("web") }, data: { active: false } });
    expect(await refusal(placeOrder(prisma, pickup(w)))).toEqual({
      code: "CONFLICT",
      reason: "CHANNEL_INACTIVE",
    });
    await prisma.channel.update({ where: { id: w.channel("web") }, data: { active: true } });
    expect(await writes(prisma)).toEqual(before);
  });

  it("records the order at those prices", async () => {
    const placed = await placeOrder(
      db(),
      pickup(w, {
        lines: [
          { skuId: w.sku("tee"), quantity: 2 },
          { skuId: w.sku("rare"), quantity: 1 },
        ],
      }),
    );
    const lines = await db().orderLine.findMany({ where: { orderId: placed.orderId } });
    expect(lines.find((l) => l.skuId === w.sku("tee"))?.unitPrice).toBe(45_000);
  });
});
