import { beforeAll, describe, expect, it } from "vitest";
import { useMigratedDatabase } from "@/lib/db/testing/test-database";
import { withTransaction } from "@/lib/db/transaction.server";
import { newRowId } from "@/lib/inventory/stock-writes.server";
import { insertOrderRows, type NewOrderRow } from "./order-rows.server";
import { placeOrder } from "./place-order.server";
import { createOrderWorld, type OrderWorld } from "./testing/order-world";

// An order's rows are written by one statement of JSON rows: the columns must land as Prisma
// would have written them (times in UTC, JSON as JSON, enums), and a bad row must write nothing.

describe("insertOrderRows (PGlite)", () => {
  const db = useMigratedDatabase("pglite");
  let w: OrderWorld;
  beforeAll(async () => {
    w = await createOrderWorld(db());
  });

  it("writes the order, its line, decision, fulfilment order, line and event as an order is placed", async () => {
    const now = new Date("2026-05-01T15:59:30.123Z");
    const before = Date.now();
    const placed = await placeOrder(db(), {
      now,
      channelCode: w.webCode,
      buyer: { kind: "MEMBER", userId: w.memberUserId },
      lines: [{ skuId: w.sku("tee"), quantity: 2 }],
      method: "PICKUP",
      destination: { kind: "store", nodeId: w.node("near") },
      contact: { name: "Li Wei", phone: "+86 138 0000 0000" },
      paymentProvider: "DEMO",
      idempotencyKey: "order-rows-1",
    });
    const order = await db().order.findUniqueOrThrow({
      where: { id: placed.orderId },
      include: {
        lines: true,
        routingDecisions: true,
        fulfilmentOrders: { include: { lines: true, events: true } },
      },
    });
    expect(order).toMatchObject({
      orderNo: placed.orderNo,
      buyerType: "MEMBER",
      method: "PICKUP",
      currency: "CNY",
      status: "PENDING_PAYMENT",
      paymentStatus: "PENDING",
      paymentProvider: "DEMO",
      contactPhone: "+86 138 0000 0000",
      latitude: null,
      placedAt: now,
      total: placed.total,
    });
    expect(order.orderNo.slice(2, 8)).toBe("260501");
    expect(order.lines).toMatchObject([{ skuId: w.sku("tee"), quantity: 2, discount: 0 }]);
    const [decision] = order.routingDecisions;
    expect(decision?.assignments).toEqual([
      { nodeId: w.node("near"), lines: [{ skuId: w.sku("tee"), quantity: 2 }] },
    ]);
    expect(Array.isArray(decision?.candidates)).toBe(true);
    const [fo] = order.fulfilmentOrders;
    // Shanghai's day at 23:59:30 local time.
    expect(fo).toMatchObject({ status: "ROUTED", capacityDay: "2026-05-01" });
    expect(fo?.pickupCode).toMatch(/^\d{6}$/);
    expect(fo?.lines).toMatchObject([{ skuId: w.sku("tee"), quantity: 2, pickedQty: 0 }]);
    expect(fo?.events).toMatchObject([{ toStatus: "ROUTED", note: "routed" }]);
    // Creation times are the database clock's, in UTC like every other row.
    for (const at of [decision?.createdAt, fo?.createdAt, fo?.updatedAt, fo?.events[0]?.createdAt])
      expect(Math.abs((at?.getTime() ?? 0) - before)).toBeLessThan(60_000);
  });

  it("writes nothing when one row cannot be written", async () => {
    const orderId = newRowId();
    const order: NewOrderRow = {
      id: orderId,
      orderNo: `OPTEST${orderId.slice(-6)}`,
      channelId: w.channel("web"),
      buyerType: "MEMBER",
      userId: w.memberUserId,
      memberId: w.memberId,
      employeeId: null,
      guideUserId: null,
      method: "EXPRESS",
      pickupNodeId: null,
      contactName: "Li Wei",
      contactPhone: null,
      addressLine: "1 Nanjing Road",
      city: "Shanghai",
      latitude: 31.2,
      longitude: 121.4,
      subtotal: 100,
      discountTotal: 0,
      shippingFee: 0,
      total: 100,
      pointsRedeemed: 0,
      pointsEarned: 0,
      quotaPeriodKey: null,
      paymentProvider: null,
      idempotencyKey: `rows-${orderId}`,
      channelOrderId: null,
      placedAt: new Date(),
      promisedBy: null,
    };
    const line = {
      id: newRowId(),
      orderId,
      skuId: "sku_that_does_not_exist",
      quantity: 1,
      unitPrice: 100,
      discount: 0,
      lineTotal: 100,
      isPresale: false,
    };
    await expect(
      withTransaction(db(), (tx) => insertOrderRows(tx, { orders: [order], orderLines: [line] })),
    ).rejects.toThrow();
    expect(await db().order.count({ where: { id: orderId } })).toBe(0);
  });
});
