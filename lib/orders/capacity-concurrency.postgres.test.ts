import { expect, it } from "vitest";
import { describeIfPostgres } from "@/lib/db/testing/databases";
import { useMigratedDatabase } from "@/lib/db/testing/test-database";
import { isAppError } from "@/lib/errors/app-error";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { reconcileLedger } from "@/lib/inventory/reconcile-ledger.server";
import { cancelUnpaidOrder } from "./cancel-unpaid-order.server";
import { placeOrder } from "./place-order.server";
import { NEAR_POINT, createOrderWorld, type OrderWorld } from "./testing/order-world";

/** Fulfilment orders a node holds capacity for, and the load its day row says it has. */
async function loadOf(prisma: PrismaClient, nodeId: string) {
  const [holding, rows] = await Promise.all([
    prisma.fulfilmentOrder.count({ where: { nodeId, capacityDay: { not: null } } }),
    prisma.nodeDayLoad.findMany({ where: { nodeId } }),
  ]);
  return { holding, used: rows.reduce((sum, r) => sum + r.used, 0) };
}

function pickupAt(w: OrderWorld, prisma: PrismaClient, i: number, tag: string) {
  return placeOrder(prisma, {
    channelCode: w.webCode,
    buyer: { kind: "MEMBER", userId: w.memberUserId },
    lines: [{ skuId: w.sku("tee"), quantity: 1 }],
    method: "PICKUP",
    destination: { kind: "store", nodeId: w.node("near") },
    contact: { name: `Shopper ${i}` },
    paymentProvider: "DEMO",
    idempotencyKey: `${tag}-${i}-${w.node("near")}`,
  });
}

/** Daily capacity is a limit while the CAPACITY filter is on, as the demo brand has it. */
async function capacityFilterOn(prisma: PrismaClient) {
  await prisma.routingRule.upsert({
    where: { id: "rr_capacity_filter" },
    create: { id: "rr_capacity_filter", kind: "CAPACITY", mode: "FILTER", position: 1, params: {} },
    update: {},
  });
}

const outcome = (e: unknown) =>
  isAppError(e) ? `${e.code}/${String(e.details?.reason ?? "")}` : String(e);

describeIfPostgres("daily capacity under concurrent checkouts on PostgreSQL", () => {
  const db = useMigratedDatabase("postgres", { poolSize: 20 });

  it("a store with capacity 8 gets exactly 8 of 30 concurrent pickups; a cancelled one frees a place", async () => {
    const prisma = db();
    const w = await createOrderWorld(prisma);
    await capacityFilterOn(prisma);
    await prisma.node.update({ where: { id: w.node("near") }, data: { dailyCapacity: 8 } });
    const outcomes = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        pickupAt(w, prisma, i, "cap").then((placed) => placed.orderId, outcome),
      ),
    );
    const placed = outcomes.filter((o) => !o.includes("/"));
    expect(placed).toHaveLength(8);
    // Refused by routing once it sees the store full, or by the capacity's compare-and-set when
    // two checkouts raced for its last place and routing again still found it full.
    for (const refusal of outcomes.filter((o) => o.includes("/")))
      expect(["UNDELIVERABLE/PICKUP_NOT_AVAILABLE", "CONFLICT/NODE_AT_CAPACITY"]).toContain(
        refusal,
      );
    expect(await prisma.fulfilmentOrder.count({ where: { nodeId: w.node("near") } })).toBe(8);
    expect(await loadOf(prisma, w.node("near"))).toEqual({ holding: 8, used: 8 });

    // One shopper cancels: the store's place for the day is free again, once.
    await cancelUnpaidOrder(prisma, { orderId: placed[0]!, reason: "CANCELLED_BY_SHOPPER" });
    await cancelUnpaidOrder(prisma, { orderId: placed[0]!, reason: "CANCELLED_BY_SHOPPER" });
    expect(await loadOf(prisma, w.node("near"))).toEqual({ holding: 7, used: 7 });
    const again = await Promise.all(
      Array.from({ length: 5 }, (_, i) =>
        pickupAt(w, prisma, i, "cap-again").then(() => "placed", outcome),
      ),
    );
    expect(again.filter((o) => o === "placed")).toHaveLength(1);
    expect(await loadOf(prisma, w.node("near"))).toEqual({ holding: 8, used: 8 });
    expect(await reconcileLedger(prisma)).toEqual([]);
  });

  it("deliveries routed to a full store go to the next node instead: every order is placed", async () => {
    const prisma = db();
    const w = await createOrderWorld(prisma);
    await capacityFilterOn(prisma);
    await prisma.node.update({ where: { id: w.node("near") }, data: { dailyCapacity: 5 } });
    const outcomes = await Promise.all(
      Array.from({ length: 24 }, (_, i) =>
        placeOrder(prisma, {
          channelCode: w.webCode,
          buyer: { kind: "MEMBER", userId: w.memberUserId },
          lines: [{ skuId: w.sku("tee"), quantity: 1 }],
          method: "EXPRESS",
          destination: {
            kind: "address",
            addressLine: "1 Nanjing Road",
            city: "Shanghai",
            ...NEAR_POINT,
          },
          contact: { name: `Shopper ${i}` },
          paymentProvider: "DEMO",
          idempotencyKey: `cap-express-${i}-${w.node("near")}`,
        }).then(() => "placed", outcome),
      ),
    );
    expect(
      outcomes.every((o) => o === "placed"),
      outcomes.join(", "),
    ).toBe(true);
    const near = await loadOf(prisma, w.node("near"));
    expect(near.used).toBeLessThanOrEqual(5);
    expect(near).toEqual({ holding: near.used, used: near.used });
    const all = await prisma.fulfilmentOrder.count({ where: { order: { channelId: w.webCode } } });
    expect(all).toBe(24);
  });
});
