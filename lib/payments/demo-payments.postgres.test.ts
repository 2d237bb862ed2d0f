import { beforeAll, expect, it } from "vitest";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { describeIfPostgres } from "@/lib/db/testing/databases";
import { useMigratedDatabase } from "@/lib/db/testing/test-database";
import { placeOrder } from "@/lib/orders/place-order.server";
import { createOrderWorld, type OrderWorld } from "@/lib/orders/testing/order-world";
import { payDemoOrder } from "./pay-demo-order.server";
import { recordDemoFailure } from "./record-demo-failure.server";

// The demo provider's buttons pressed twice, or in two tabs at once, on the real PostgreSQL:
// each press is its own request, racing the other on the order row.

let keyNo = 0;

describeIfPostgres("demo payment buttons record one outcome", () => {
  const db = useMigratedDatabase("postgres");
  let prisma: PrismaClient;
  let w: OrderWorld;

  beforeAll(async () => {
    prisma = db();
    w = await createOrderWorld(prisma);
  });

  async function unpaidOrder() {
    return placeOrder(prisma, {
      channelCode: w.webCode,
      buyer: { kind: "MEMBER", userId: w.memberUserId },
      lines: [{ skuId: w.sku("tee"), quantity: 1 }],
      method: "PICKUP",
      destination: { kind: "store", nodeId: w.node("near") },
      contact: { name: "Li Wei" },
      paymentProvider: "DEMO",
      idempotencyKey: `demo-race-${keyNo++}-${Date.now()}`,
    });
  }

  const press = {
    decline: (orderNo: string) =>
      recordDemoFailure(prisma, { orderNo, userId: w.memberUserId, enabled: true }),
    pay: (orderNo: string) =>
      payDemoOrder(prisma, { orderNo, userId: w.memberUserId, enabled: true }),
  };

  async function paymentsOf(orderId: string) {
    return prisma.payment.findMany({ where: { orderId }, orderBy: { createdAt: "asc" } });
  }

  it("declining twice in a row, or eight times at once, records one decline", async () => {
    const order = await unpaidOrder();
    await press.decline(order.orderNo);
    expect(await press.decline(order.orderNo)).toMatchObject({ recorded: false });
    await Promise.all(Array.from({ length: 8 }, () => press.decline(order.orderNo)));
    expect((await paymentsOf(order.orderId)).map((p) => p.status)).toEqual(["FAILED"]);
  });

  it("paying eight times at once records one charge and one paid order", async () => {
    const order = await unpaidOrder();
    const outcomes = await Promise.all(Array.from({ length: 8 }, () => press.pay(order.orderNo)));
    expect(outcomes.filter((o) => o.outcome === "PAID")).toHaveLength(1);
    expect((await paymentsOf(order.orderId)).map((p) => p.status)).toEqual(["SUCCEEDED"]);
  });

  it("pay and decline pressed together in two tabs: a decline after the payment is refused", async () => {
    for (let round = 0; round < 5; round++) {
      const order = await unpaidOrder();
      const [declined, paid] = await Promise.allSettled([
        press.decline(order.orderNo),
        press.pay(order.orderNo),
      ]);
      expect(paid.status).toBe("fulfilled");
      const rows = (await paymentsOf(order.orderId)).map((p) => p.status);
      if (declined.status === "rejected") {
        expect(declined.reason).toMatchObject({ code: "CONFLICT" });
        expect(rows).toEqual(["SUCCEEDED"]);
      } else {
        // Both rows take their time before the order lock is won, so their order is not asserted.
        expect(rows.sort()).toEqual(["FAILED", "SUCCEEDED"]);
      }
      expect(await prisma.order.findUniqueOrThrow({ where: { id: order.orderId } })).toMatchObject({
        status: "PAID",
        paymentStatus: "PAID",
      });
    }
  });

  it("a decline after payment is refused and records nothing", async () => {
    const order = await unpaidOrder();
    await press.pay(order.orderNo);
    await expect(press.decline(order.orderNo)).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await paymentsOf(order.orderId)).toHaveLength(1);
  });
});
