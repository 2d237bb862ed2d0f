import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deployMigrations } from "@/lib/db/migrations/deploy";
import { openDatabase, type Database } from "@/lib/db/open";
import { acceptFulfilment } from "@/lib/fulfilment/accept-fulfilment.server";
import type { FulfilmentActor } from "@/lib/fulfilment/actor";
import { markReadyForPickup } from "@/lib/fulfilment/mark-ready-for-pickup.server";
import { packFulfilment } from "@/lib/fulfilment/pack-fulfilment.server";
import { pickLines } from "@/lib/fulfilment/pick-lines.server";
import { placeWalkInOrder } from "@/lib/fulfilment/place-walk-in-order.server";
import { searchEndlessAisle } from "@/lib/fulfilment/search-endless-aisle.server";
import { rejectStoreTask } from "@/lib/fulfilment/reject-task.server";
import { verifyPickupCode } from "@/lib/fulfilment/verify-pickup-code.server";
import { reconcileLedger } from "@/lib/inventory/reconcile-ledger.server";
import { refusalOf } from "@/lib/reservations/test-world";
import { freshPglite } from "@/lib/db/testing/databases";
import { nodeId } from "./nodes";
import {
  DEMO_PICKUP_CODE,
  DEMO_READY_PICKUP_CODE,
  OPEN_ORDERS,
  seedOpenOrders,
} from "./open-orders";
import { countSeedTables, zeroSeedCounts } from "./seed-counts";
import { seedDemoData } from "./write-seed";

// The demo brand, then the open orders placed and paid through placeOrder/confirmOrderPayment:
// this is also the fulfilment flow's end-to-end integration test on a real order.
describe("open demo orders and store fulfilment on the demo brand (embedded PGlite)", () => {
  let db: Database;
  let cleanup: () => Promise<void>;
  const now = new Date();
  const sh: FulfilmentActor = {
    id: "usr_staff",
    role: "STORE_STAFF",
    storeNodeId: nodeId("SH-001"),
  };
  const bj: FulfilmentActor = {
    id: "usr_staff_bj",
    role: "STORE_STAFF",
    storeNodeId: nodeId("BJ-001"),
  };

  beforeAll(async () => {
    const fresh = await freshPglite();
    cleanup = fresh.cleanup;
    await deployMigrations(fresh.target);
    db = await openDatabase(fresh.target);
    await seedDemoData(db.prisma, { now });
  });
  afterAll(async () => {
    await db?.close();
    await cleanup?.();
  });

  const orderOf = (key: string) =>
    db.prisma.order.findUniqueOrThrow({
      where: { idempotencyKey: key },
      include: { fulfilmentOrders: { include: { lines: true } }, reservations: true },
    });

  it("the demo seed places paid open orders for the demo consumer; placing them again adds nothing", async () => {
    expect(
      await db.prisma.order.count({
        where: { idempotencyKey: { in: OPEN_ORDERS.map((o) => o.key) } },
      }),
    ).toBe(OPEN_ORDERS.length);
    const inserted = zeroSeedCounts();
    const before = await countSeedTables(db.prisma);
    await seedOpenOrders(db.prisma, { now, inserted });
    const after = await countSeedTables(db.prisma);
    expect(inserted.orders).toBe(0);
    expect(after).toEqual(before);
    for (const spec of OPEN_ORDERS) {
      const order = await orderOf(spec.key);
      expect(order.userId).toBe("usr_consumer");
      expect(order.paymentStatus).toBe("PAID");
      expect(order.placedAt.getTime()).toBeLessThan(now.getTime());
      expect(
        order.reservations.every((r) => r.kind === "ORDER_ALLOCATION" && r.status === "ACTIVE"),
      ).toBe(true);
    }
    const waiting = await orderOf("seed-open-sh-pickup");
    const store = waiting.fulfilmentOrders.find(
      (f) => f.nodeId === nodeId("SH-001") && !f.shipToNodeId,
    );
    expect(store).toMatchObject({ status: "ROUTED", pickupCode: DEMO_PICKUP_CODE });
    expect(store?.lines.length).toBe(2);
    const ready = await orderOf("seed-open-sh-ready");
    expect(ready.fulfilmentOrders.find((f) => f.pickupCode)).toMatchObject({
      status: "READY_FOR_PICKUP",
      pickupCode: DEMO_READY_PICKUP_CODE,
    });
    expect(await reconcileLedger(db.prisma)).toEqual([]);
  });

  it("adds nothing when run again the next day", async () => {
    const inserted = zeroSeedCounts();
    const before = await countSeedTables(db.prisma);
    await seedOpenOrders(db.prisma, { now: new Date(now.getTime() + 86_400_000), inserted });
    expect(await countSeedTables(db.prisma)).toEqual(before);
    expect(Object.values(inserted).every((n) => n === 0)).toBe(true);
  });

  it("lets the store fulfil a placed and paid order end to end, stock and ledger right", async () => {
    const order = await orderOf("seed-open-sh-pickup");
    const fo = order.fulfilmentOrders.find((f) => f.pickupCode)!;
    const skuIds = fo.lines.map((l) => l.skuId);
    const levels = () =>
      db.prisma.stockLevel.findMany({
        where: { nodeId: fo.nodeId, skuId: { in: skuIds } },
        orderBy: { skuId: "asc" },
      });
    const start = await levels();
    const step = { fulfilmentOrderId: fo.id, actor: sh };
    expect((await refusalOf(acceptFulfilment(db.prisma, { ...step, actor: bj }))).code).toBe(
      "FORBIDDEN",
    );
    await acceptFulfilment(db.prisma, step);
    for (const line of fo.lines) {
      const sku = await db.prisma.sku.findUniqueOrThrow({ where: { id: line.skuId } });
      await pickLines(db.prisma, { ...step, barcode: sku.barcode });
    }
    await packFulfilment(db.prisma, step);
    await markReadyForPickup(db.prisma, step);
    expect(await levels()).toEqual(start);
    expect((await refusalOf(verifyPickupCode(db.prisma, { ...step, code: "000000" }))).code).toBe(
      "INVALID_INPUT",
    );
    expect(await verifyPickupCode(db.prisma, { ...step, code: DEMO_PICKUP_CODE })).toEqual({
      status: "PICKED_UP",
      orderCompleted: true,
    });
    const end = await levels();
    end.forEach((level, i) => {
      expect(level.onHand).toBe(start[i]!.onHand - 1);
      expect(level.reserved).toBe(start[i]!.reserved - 1);
    });
    expect((await db.prisma.order.findUniqueOrThrow({ where: { id: order.id } })).status).toBe(
      "COMPLETED",
    );
    expect(await reconcileLedger(db.prisma, { skuIds })).toEqual([]);
  });

  it("re-routes a task the store rejects, and refuses a rejection by another store", async () => {
    const order = await orderOf("seed-open-bj-pickup");
    const fo = order.fulfilmentOrders.find(
      (f) => f.nodeId === nodeId("BJ-001") && f.lines.length > 0,
    )!;
    const step = { fulfilmentOrderId: fo.id, reason: "Box damaged" };
    expect((await refusalOf(rejectStoreTask(db.prisma, { ...step, actor: sh }))).code).toBe(
      "FORBIDDEN",
    );
    const result = await rejectStoreTask(db.prisma, { ...step, actor: bj });
    expect(result.rerouted).toBe(true);
    expect(
      (await db.prisma.fulfilmentOrder.findUniqueOrThrow({ where: { id: fo.id } })).status,
    ).toBe("REJECTED");
    expect(await reconcileLedger(db.prisma)).toEqual([]);
  });
  it("places endless-aisle orders for walk-in customers, credited to the staff member and paid at the till", async () => {
    const [style] = await searchEndlessAisle(db.prisma, {
      query: "RN-101",
      storeNodeId: nodeId("SH-001"),
    });
    const sku = style!.skus.find((s) => s.atThisStore + s.elsewhere > 2)!;
    expect(sku.otherNodes.length).toBeGreaterThan(0);
    expect(sku.otherNodes.map((n) => n.id)).not.toContain(nodeId("SH-001"));
    const base = { skuId: sku.id, quantity: 1, contactName: "Walk-in Zhang" };
    const pickup = await placeWalkInOrder(db.prisma, {
      actor: sh,
      order: { ...base, method: "PICKUP", idempotencyKey: "aisle-test-pickup" },
    });
    expect(pickup.pickupCode).toMatch(/^\d{6}$/);
    const express = await placeWalkInOrder(db.prisma, {
      actor: sh,
      order: {
        ...base,
        method: "EXPRESS",
        addressLine: "1 Huaihai Road",
        idempotencyKey: "aisle-test-express",
      },
    });
    expect(express.pickupCode).toBeNull();
    for (const placed of [pickup, express]) {
      const order = await db.prisma.order.findUniqueOrThrow({
        where: { id: placed.orderId },
        include: { channel: true },
      });
      expect(order).toMatchObject({
        buyerType: "WALK_IN",
        guideUserId: "usr_staff",
        paymentStatus: "PAID",
        paymentProvider: "IN_STORE",
      });
      expect(order.channel.code).toBe("STORE_O2O");
    }
    const consumer: FulfilmentActor = { id: "usr_consumer", role: "CONSUMER", storeNodeId: null };
    const refused = await refusalOf(
      placeWalkInOrder(db.prisma, {
        actor: consumer,
        order: { ...base, method: "PICKUP", idempotencyKey: "aisle-test-refused" },
      }),
    );
    expect(refused.code).toBe("FORBIDDEN");
    expect(
      await db.prisma.order.count({
        where: { idempotencyKey: { contains: "aisle-test-refused" } },
      }),
    ).toBe(0);
    expect(await reconcileLedger(db.prisma)).toEqual([]);
  });
});
