import { beforeAll, describe, expect, it } from "vitest";
import { destinationOf, checkoutSchema } from "@/lib/checkout/checkout-input";
import { useMigratedDatabase } from "@/lib/db/testing/test-database";
import { AppError } from "@/lib/errors/app-error";
import { placeOrder } from "./place-order.server";
import { quoteMethods, type MethodQuote } from "./quote-methods.server";
import { createOrderWorld, NEAR_POINT, SUZHOU_POINT, type OrderWorld } from "./testing/order-world";

// What checkout offers, against a real database: the same availability routing honours, pickup
// stores nearest first, and same-city reasons that say which problem the shopper has.

describe("quoteMethods (PGlite)", () => {
  const db = useMigratedDatabase("pglite");
  let w: OrderWorld;
  beforeAll(async () => {
    w = await createOrderWorld(db());
  });
  const quote = async (
    lines: [string, number][],
    extra: { point?: { latitude: number; longitude: number }; pickupNodeId?: string } = {},
  ) => {
    const quotes = await quoteMethods(db(), {
      channelCode: w.webCode,
      lines: lines.map(([sku, quantity]) => ({ skuId: w.sku(sku), quantity })),
      ...extra,
    });
    const of = (method: MethodQuote["method"]) => quotes.find((q) => q.method === method);
    return { pickup: of("PICKUP"), sameCity: of("SAME_CITY"), express: of("EXPRESS") };
  };

  it("lists pickup stores nearest to the shopper first, each saying whether it has everything", async () => {
    const { pickup } = await quote([["cap", 1]], { point: NEAR_POINT });
    expect(pickup?.pickupStores?.map((s) => [s.nodeId, s.hasEverything])).toEqual([
      [w.node("near"), false],
      [w.node("far"), true],
    ]);
    const km = pickup?.pickupStores?.map((s) => s.distanceKm ?? -1) ?? [];
    expect(km[0]).toBeLessThan(1.5);
    expect(km).toEqual([...km].sort((a, b) => a - b));
  });

  it("without a point, orders the stores from the store the shopper picked", async () => {
    const { pickup } = await quote([["tee", 1]], { pickupNodeId: w.node("far") });
    expect(pickup?.pickupStores?.map((s) => [s.nodeId, s.distanceKm])).toEqual([
      [w.node("far"), 0],
      [w.node("near"), 6.8],
    ]);
  });

  it("says 'has everything' exactly when routing hands the order over at the store", async () => {
    // A shelf minimum that no routing rule protects: the store hands over from it.
    await db().stockLevel.update({
      where: { nodeId_skuId: { nodeId: w.node("near"), skuId: w.sku("rare") } },
      data: { displayMin: 2 },
    });
    const open = await quote([["rare", 1]], { pickupNodeId: w.node("near") });
    expect(open.pickup?.available).toBe(true);
    expect(open.pickup?.nodes.map((n) => n.nodeId)).toEqual([w.node("near")]);
    expect(open.pickup?.pickupStores?.find((s) => s.nodeId === w.node("near"))?.hasEverything).toBe(
      true,
    );
    // Once stock depth protects display units, neither routing nor the list counts them.
    await db().routingRule.create({
      data: { kind: "STOCK_DEPTH", mode: "SCORE", position: 1, params: {} },
    });
    try {
      const kept = await quote([["rare", 1]], { pickupNodeId: w.node("near") });
      expect(kept.pickup?.available).toBe(false);
      expect(
        kept.pickup?.pickupStores?.find((s) => s.nodeId === w.node("near"))?.hasEverything,
      ).toBe(false);
    } finally {
      await db().routingRule.deleteMany({});
      await db().stockLevel.update({
        where: { nodeId_skuId: { nodeId: w.node("near"), skuId: w.sku("rare") } },
        data: { displayMin: 0 },
      });
    }
  });

  it("1 km from a delivering store that lacks an item: stores deliver here, this is missing", async () => {
    const { sameCity } = await quote(
      [
        ["rare", 3],
        ["tee", 1],
      ],
      { point: NEAR_POINT },
    );
    expect(sameCity?.available).toBe(false);
    expect(sameCity?.sameCity?.verdict).toEqual({
      kind: "MISSING",
      storeCount: 2,
      missing: [{ skuId: w.sku("rare"), requested: 3, available: 2 }],
    });
  });

  it("outside every radius: no store delivers here, naming the nearest", async () => {
    const { sameCity } = await quote([["tee", 1]], { point: SUZHOU_POINT });
    expect(sameCity?.available).toBe(false);
    expect(sameCity?.sameCity?.verdict.kind).toBe("OUTSIDE_EVERY_RADIUS");
    expect(sameCity?.sameCity?.stores.map((s) => s.nodeId)).toEqual([w.node("near")]);
  });

  it("a store with everything at its daily capacity is named as such", async () => {
    await db().routingRule.create({ data: { kind: "CAPACITY", mode: "FILTER", position: 1 } });
    await db().node.updateMany({
      where: { id: { in: [w.node("near"), w.node("far")] } },
      data: { dailyCapacity: 0 },
    });
    try {
      const { sameCity } = await quote([["tee", 1]], { point: NEAR_POINT });
      expect(sameCity?.available).toBe(false);
      expect(sameCity?.sameCity?.verdict.kind).toBe("AT_CAPACITY");
      expect(sameCity?.sameCity?.stores.map((s) => s.nodeId).sort()).toEqual(
        [w.node("near"), w.node("far")].sort(),
      );
    } finally {
      await db().routingRule.deleteMany({});
      await db().node.updateMany({
        where: { id: { in: [w.node("near"), w.node("far")] } },
        data: { dailyCapacity: 100 },
      });
    }
  });

  it("a same-city address without coordinates: a clear refusal, nothing reserved", async () => {
    const { sameCity } = await quote([["tee", 1]]);
    expect(sameCity?.available).toBe(false);
    expect(sameCity?.reason?.refusal.details).toEqual({ reason: "ADDRESS_REQUIRED" });

    const input = checkoutSchema.parse({
      idempotencyKey: "no-coordinates-0001",
      method: "SAME_CITY",
      addressLine: "88 Henan Road Middle",
      city: "Shanghai",
      contactName: "Li",
    });
    expect(() => destinationOf(input)).toThrow(AppError);
    try {
      destinationOf(input);
    } catch (error) {
      expect(error instanceof AppError && error.details).toEqual({ reason: "ADDRESS_REQUIRED" });
    }

    const before = await db().reservation.count();
    await expect(
      placeOrder(db(), {
        idempotencyKey: "no-coordinates-0002",
        channelCode: w.webCode,
        buyer: { kind: "MEMBER", userId: w.memberUserId },
        lines: [{ skuId: w.sku("tee"), quantity: 1 }],
        method: "SAME_CITY",
        destination: { kind: "address", addressLine: "88 Henan Road Middle", city: "Shanghai" },
        contact: { name: "Li Wei" },
        paymentProvider: "DEMO",
      } as unknown as Parameters<typeof placeOrder>[1]),
    ).rejects.toMatchObject({ code: "INVALID_INPUT" });
    expect(await db().reservation.count()).toBe(before);
    expect(await db().order.count()).toBe(0);
  });
});
