import { describe, expect, it } from "vitest";
import { useMigratedDatabase } from "@/lib/db/testing/test-database";
import { isAppError } from "@/lib/errors/app-error";
import { createWorld } from "@/lib/reservations/test-world";
import { capacityDayOf } from "./capacity-day";
import { newRowId, reserveAndRecord } from "@/lib/inventory/stock-writes.server";
import {
  addNodeLoad,
  claimWithPromise,
  giveBackNodeCapacity,
  loadNodeLoads,
  recountNodeLoads,
  takeNodeCapacity,
} from "./node-capacity.server";

const NOW = new Date("2026-12-05T03:00:00.000Z");

describe("node capacity per day", () => {
  const db = useMigratedDatabase("pglite");

  async function world(capacity: number) {
    const prisma = db();
    const w = await createWorld(prisma, {
      nodes: ["store"],
      channels: { web: { priority: 1, policy: { mode: "SHARED" } } },
      skus: { tee: { stock: { store: 5 } } },
    });
    const store = w.node("store");
    await prisma.node.update({ where: { id: store }, data: { dailyCapacity: capacity } });
    return { prisma, store, skuId: w.sku("tee"), channelId: w.channel("web") };
  }

  it("takes capacity up to the node's daily figure and refuses beyond it, changing nothing", async () => {
    const { prisma, store } = await world(3);
    await prisma.$transaction((tx) => takeNodeCapacity(tx, { nodeIds: [store, store], now: NOW }));
    const refused = await prisma
      .$transaction((tx) => takeNodeCapacity(tx, { nodeIds: [store, store], now: NOW }))
      .catch((e: unknown) => e);
    expect(isAppError(refused) && refused.details).toEqual({
      reason: "NODE_AT_CAPACITY",
      nodeId: store,
    });
    expect((await loadNodeLoads(prisma, NOW)).get(store)).toBe(2);
    await prisma.$transaction((tx) => takeNodeCapacity(tx, { nodeIds: [store], now: NOW }));
    expect((await loadNodeLoads(prisma, NOW)).get(store)).toBe(3);
    // The next Shanghai day starts empty.
    const tomorrow = new Date(NOW.getTime() + 24 * 3600_000);
    expect((await loadNodeLoads(prisma, tomorrow)).get(store)).toBeUndefined();
  });

  it("a node with no capacity takes nothing, not even its first order", async () => {
    const { prisma, store } = await world(0);
    const refused = await prisma
      .$transaction((tx) => takeNodeCapacity(tx, { nodeIds: [store], now: NOW }))
      .catch((e: unknown) => e);
    expect(isAppError(refused) && refused.code).toBe("CONFLICT");
  });

  it("gives back a cancelled order's capacity once, and a recount agrees with the orders", async () => {
    const { prisma, store } = await world(5);
    const channel = await prisma.channel.findFirstOrThrow();
    const placed = await prisma.order.create({
      data: {
        orderNo: `CAP-${store}`,
        channelId: channel.id,
        buyerType: "WALK_IN",
        method: "PICKUP",
        contactName: "Li",
        subtotal: 0,
        total: 0,
      },
    });
    const day = capacityDayOf(NOW);
    const fos = await Promise.all(
      [1, 2].map(() =>
        prisma.fulfilmentOrder.create({
          data: { orderId: placed.id, nodeId: store, capacityDay: day, createdAt: NOW },
        }),
      ),
    );
    await prisma.$transaction((tx) => takeNodeCapacity(tx, { nodeIds: [store, store], now: NOW }));
    await prisma.fulfilmentOrder.update({
      where: { id: fos[0]!.id },
      data: { status: "CANCELLED" },
    });
    await prisma.$transaction((tx) => giveBackNodeCapacity(tx, [fos[0]!.id]));
    await prisma.$transaction((tx) => giveBackNodeCapacity(tx, [fos[0]!.id]));
    expect((await loadNodeLoads(prisma, NOW)).get(store)).toBe(1);

    // Receipts count whatever the load; a recount from the orders puts the figure right again.
    await prisma.$transaction((tx) => addNodeLoad(tx, { nodeIds: [store], now: NOW }));
    expect((await loadNodeLoads(prisma, NOW)).get(store)).toBe(2);
    await prisma.$transaction((tx) => recountNodeLoads(tx));
    expect((await loadNodeLoads(prisma, NOW)).get(store)).toBe(1);
  });
  describe("claimed in the promise's statement", () => {
    async function promise(
      prisma: ReturnType<typeof db>,
      at: { store: string; skuId: string; channelId: string },
      quantity: number,
      claim: ReturnType<typeof claimWithPromise>,
    ) {
      return prisma.$transaction(async (tx) => {
        const rows = await reserveAndRecord(
          tx,
          { nodeId: at.store, skuId: at.skuId },
          [
            {
              id: newRowId(),
              channelId: at.channelId,
              quantity,
              kind: "PICKUP_HOLD",
              expiresAt: null,
              orderId: null,
              orderLineId: null,
              idempotencyKey: null,
              reason: "test",
            },
          ],
          NOW,
          claim.also,
        );
        if (rows.length > 0) claim.check();
        return rows.length;
      });
    }

    async function place(capacity: number) {
      const { prisma, store, skuId, channelId } = await world(capacity);
      return { prisma, store, at: { store, skuId, channelId } };
    }

    it("takes the capacity with the units, in node order, and counts without a limit", async () => {
      const { prisma, store, at } = await place(2);
      const claim = claimWithPromise({ nodeIds: [store], now: NOW, limit: true });
      expect(await promise(prisma, at, 1, claim)).toBe(1);
      expect((await loadNodeLoads(prisma, NOW)).get(store)).toBe(1);
      const counted = claimWithPromise({ nodeIds: [store, store], now: NOW, limit: false });
      expect(await promise(prisma, at, 1, counted)).toBe(1);
      expect((await loadNodeLoads(prisma, NOW)).get(store)).toBe(3);
    });

    it("takes no capacity when the units are not promised", async () => {
      const { prisma, store, at } = await place(5);
      const claim = claimWithPromise({ nodeIds: [store], now: NOW, limit: true });
      expect(await promise(prisma, at, 99, claim)).toBe(0);
      expect((await loadNodeLoads(prisma, NOW)).get(store)).toBeUndefined();
      expect(() => claim.check()).toThrow(/not made with the promise/);
    });

    it("refuses a full node and the transaction keeps neither the units nor the capacity", async () => {
      const { prisma, store, at } = await place(1);
      await promise(prisma, at, 1, claimWithPromise({ nodeIds: [store], now: NOW, limit: true }));
      const refused = await promise(
        prisma,
        at,
        1,
        claimWithPromise({ nodeIds: [store], now: NOW, limit: true }),
      ).catch((e: unknown) => e);
      expect(isAppError(refused) && refused.details).toEqual({
        reason: "NODE_AT_CAPACITY",
        nodeId: store,
      });
      expect((await loadNodeLoads(prisma, NOW)).get(store)).toBe(1);
      const level = await prisma.stockLevel.findFirstOrThrow({ where: { nodeId: store } });
      expect(level.reserved).toBe(1);
    });
  });
});
