import { beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { useMigratedDatabase } from "@/lib/db/testing/test-database";
import { getStoreOverview } from "./get-store-overview.server";
import { listStoreTasks, TASK_TABS } from "./list-store-tasks.server";
import { createFulfilmentWorld, createPaidOrder, type FulfilmentWorld } from "./test-orders";

// The store console's summary tiles and its queue tabs count the same tasks.

describe("store console counts", () => {
  const db = useMigratedDatabase("pglite");
  let prisma: PrismaClient;
  let w: FulfilmentWorld;

  beforeAll(async () => {
    prisma = db();
    w = await createFulfilmentWorld(prisma);
  });

  it("tiles and tabs agree: unpaid orders are in neither, parcels coming in are in both", async () => {
    // Two paid tasks at the Shanghai store, one unpaid (its hold may still lapse), and a parcel
    // the warehouse ships to the store for a pickup there.
    await createPaidOrder(prisma, w, {
      method: "PICKUP",
      pickupAt: "sh",
      parts: [{ node: "sh", lines: [{ sku: "a", qty: 1 }] }],
    });
    await createPaidOrder(prisma, w, {
      method: "SAME_CITY",
      parts: [{ node: "sh", lines: [{ sku: "b", qty: 1 }] }],
    });
    await createPaidOrder(prisma, w, {
      method: "PICKUP",
      pickupAt: "sh",
      parts: [{ node: "sh", lines: [{ sku: "a", qty: 2 }] }],
      status: "PENDING_PAYMENT",
    });
    const shipped = await createPaidOrder(prisma, w, {
      method: "PICKUP",
      pickupAt: "sh",
      parts: [{ node: "wh", shipTo: "sh", lines: [{ sku: "b", qty: 1 }] }],
    });
    await prisma.fulfilmentOrder.update({
      where: { id: shipped.fo("wh->sh") },
      data: { status: "HANDED_TO_COURIER" },
    });

    const storeNodeId = w.node("sh");
    const overview = await getStoreOverview(prisma, { storeNodeId });
    for (const tab of TASK_TABS) {
      const queue = await listStoreTasks(prisma, { storeNodeId, tab });
      expect(overview.openTasks[tab]).toBe(queue.counts[tab]);
      expect(queue.counts[tab]).toBe(queue.tasks.length);
    }
    // New: the paid pickup, the paid delivery and the pickup store's own task for the parcel.
    expect(overview.openTasks).toEqual({ new: 3, progress: 0, ready: 0, incoming: 1 });
  });
});
