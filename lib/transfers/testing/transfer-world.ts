import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Role } from "@/lib/generated/prisma/enums";
import { createWorld, type World } from "@/lib/reservations/test-world";
import type { TransferActor } from "../transfer-rules";

// Test support for transfer orders: stores `a` and `b` and warehouse `wh`, one WEB channel
// selling everything (SHARED), SKUs `tee` (a: 20, b: 5, wh: 50), `cap` (a: 10, nowhere else)
// and the bundle `kit` (tee + cap). Opening stock arrives as RECEIPT movements, so the ledger
// reconciles from the start. Actors: an admin, staff of `a` and of `b`, a consumer.

export type TransferWorld = World & {
  admin: TransferActor;
  staffA: TransferActor;
  staffB: TransferActor;
  consumer: TransferActor;
};

export async function createTransferWorld(db: PrismaClient): Promise<TransferWorld> {
  const world = await createWorld(db, {
    nodes: ["a", "b", "wh"],
    channels: { web: { priority: 1, policy: { mode: "SHARED" } } },
    skus: {
      tee: { stock: { a: 20, b: 5, wh: 50 } },
      cap: { stock: { a: 10 } },
    },
    bundles: { kit: { tee: 1, cap: 1 } },
  });
  const suffix = world.node("a").split("_").pop();
  const actor = async (key: string, role: Role, store: string | null) => {
    const storeNodeId = store ? world.node(store) : null;
    const user = await db.user.create({
      data: { email: `${key}-${suffix}@test.dev`, name: key, passwordHash: "-", role, storeNodeId },
    });
    return { id: user.id, role, storeNodeId } satisfies TransferActor;
  };
  return {
    ...world,
    admin: await actor("admin", "ADMIN", null),
    staffA: await actor("staff-a", "STORE_STAFF", "a"),
    staffB: await actor("staff-b", "STORE_STAFF", "b"),
    consumer: await actor("consumer", "CONSUMER", null),
  };
}

/** Sets a level's shelf minimum and safety stock (no movement: neither is a stock count). */
export async function setFloors(
  db: PrismaClient,
  at: { nodeId: string; skuId: string },
  floors: { displayMin?: number; safetyStock?: number },
): Promise<void> {
  await db.stockLevel.update({ where: { nodeId_skuId: at }, data: floors });
}

/** One level's counters, or null when the node never held the SKU. */
export async function countersOf(db: PrismaClient, nodeId: string, skuId: string) {
  return db.stockLevel.findUnique({
    where: { nodeId_skuId: { nodeId, skuId } },
    select: { onHand: true, reserved: true, inbound: true },
  });
}

/** Everything a refused transfer step must leave untouched: levels, ledger, transfers. */
export async function transferBooks(db: PrismaClient) {
  const [levels, movements, transfers] = await Promise.all([
    db.stockLevel.findMany({ orderBy: [{ nodeId: "asc" }, { skuId: "asc" }] }),
    db.stockMovement.findMany({ orderBy: { id: "asc" } }),
    db.transferOrder.findMany({
      orderBy: { id: "asc" },
      include: { lines: { orderBy: { id: "asc" } } },
    }),
  ]);
  return { levels, movements, transfers };
}
