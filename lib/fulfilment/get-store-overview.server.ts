import "server-only";
import type { Db } from "@/lib/db/transaction.server";
import { AppError } from "@/lib/errors/app-error";
import { countStoreTasks } from "./list-store-tasks.server";

/**
 * A store's landing for its staff: the store, its open tasks counted exactly as the queue's tabs
 * count them (paid orders only, parcels coming in included), and its stock.
 */
export async function getStoreOverview(db: Db, { storeNodeId }: { storeNodeId: string }) {
  const store = await db.node.findUnique({ where: { id: storeNodeId } });
  if (!store)
    throw new AppError("NOT_FOUND", "This store no longer exists.", {
      details: { reason: "STORE" },
    });
  const [tasks, stock, recent] = await Promise.all([
    countStoreTasks(db, { storeNodeId }),
    db.stockLevel.aggregate({
      where: { nodeId: storeNodeId },
      _sum: { onHand: true, reserved: true },
      _count: { _all: true },
    }),
    db.fulfilmentOrder.count({
      where: { nodeId: storeNodeId, status: { in: ["PICKED_UP", "DELIVERED"] } },
    }),
  ]);
  return {
    store: {
      code: store.code,
      name: store.name,
      nameZh: store.nameZh,
      city: store.city,
      cityZh: store.cityZh,
      address: store.address,
    },
    openTasks: tasks,
    completedFulfilments: recent,
    skusStocked: stock._count._all,
    unitsOnHand: stock._sum.onHand ?? 0,
    unitsReserved: stock._sum.reserved ?? 0,
  };
}
