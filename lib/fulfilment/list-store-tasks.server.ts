import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { FulfilmentStatus } from "@/lib/generated/prisma/enums";
import type { Db } from "@/lib/db/transaction.server";

export const TASK_TABS = ["new", "progress", "ready", "incoming"] as const;
export type TaskTab = (typeof TASK_TABS)[number];

// Staff work only on paid orders: an unpaid one may still lapse and release its stock.
const PAID: Prisma.OrderWhereInput = { status: { in: ["PAID", "IN_FULFILMENT"] } };

/** What each tab of a store's queue holds. */
export function tabWhere(storeNodeId: string, tab: TaskTab): Prisma.FulfilmentOrderWhereInput {
  const own = (statuses: FulfilmentStatus[]): Prisma.FulfilmentOrderWhereInput => ({
    nodeId: storeNodeId,
    status: { in: statuses },
    order: PAID,
  });
  switch (tab) {
    case "new":
      return own(["ROUTED"]);
    case "progress":
      // A delivery handed to a courier stays here until the store confirms it arrived.
      return {
        OR: [
          own(["ACCEPTED", "PICKED", "PACKED"]),
          { ...own(["HANDED_TO_COURIER"]), shipToNodeId: null },
        ],
      };
    case "ready":
      return own(["READY_FOR_PICKUP"]);
    case "incoming":
      return {
        shipToNodeId: storeNodeId,
        status: { notIn: ["DELIVERED", "REJECTED", "CANCELLED"] },
        order: PAID,
      };
  }
}

/**
 * How many tasks each tab of a store's queue holds: the one count the tabs and the console's
 * summary tiles both show, so they always agree.
 */
export async function countStoreTasks(
  db: Db,
  input: { storeNodeId: string },
): Promise<Record<TaskTab, number>> {
  const counts = await Promise.all(
    TASK_TABS.map((tab) => db.fulfilmentOrder.count({ where: tabWhere(input.storeNodeId, tab) })),
  );
  return Object.fromEntries(TASK_TABS.map((tab, i) => [tab, counts[i] ?? 0])) as Record<
    TaskTab,
    number
  >;
}

/** One tab of the store's task queue, oldest first (first come, first served), with every tab's count. */
export async function listStoreTasks(db: Db, input: { storeNodeId: string; tab: TaskTab }) {
  const [tasks, counts] = await Promise.all([
    db.fulfilmentOrder.findMany({
      where: tabWhere(input.storeNodeId, input.tab),
      orderBy: { createdAt: "asc" },
      take: 100,
      select: {
        id: true,
        status: true,
        shipToNodeId: true,
        createdAt: true,
        node: { select: { code: true, name: true, nameZh: true } },
        order: { select: { orderNo: true, method: true, contactName: true, placedAt: true } },
        lines: { select: { quantity: true } },
      },
    }),
    countStoreTasks(db, { storeNodeId: input.storeNodeId }),
  ]);
  return {
    counts,
    tasks: tasks.map((t) => ({
      id: t.id,
      status: t.status,
      orderNo: t.order.orderNo,
      method: t.order.method,
      contactName: t.order.contactName,
      placedAt: t.order.placedAt,
      units: t.lines.reduce((sum, l) => sum + l.quantity, 0),
      isParcel: t.shipToNodeId !== null,
      fromNode: t.node,
    })),
  };
}
