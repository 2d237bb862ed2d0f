import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { NodeType } from "@/lib/generated/prisma/enums";
import { createWorld, type World } from "@/lib/reservations/test-world";

// Test support for the suggestion loaders: the brand's stores `sh1`, `sh2` (Shanghai) and `bj1`
// (Beijing), a franchise store `fr1` (Shanghai), the central warehouse `cw` (Hangzhou: no
// warehouse in Shanghai) and the regional warehouse `rwbj` (Beijing). Over the last 28 days:
// - `tee`: sh1 holds 30 (safety 2, shelf minimum 4) and sold nothing (100 units sold 40 days
//   ago are outside the window); sh2 sold 28 with 5 on hand and 3 inbound; bj1 sold 56 with 2;
//   fr1 sold 28 with nothing left; cw holds 100, rwbj 10, neither selling.
// - `cap`: sh1 holds 10, all reserved, no sales; sh2 sold 28 with none left; no warehouse has it.
// Every SKU code carries the world's suffix: filter the loaders by it (`skuQuery`).

export type SuggestionWorld = World & { suffix: string; code: (key: string) => string };

const PLACES: Record<string, { type: NodeType; city: string; cityZh: string }> = {
  sh1: { type: "STORE_DIRECT", city: "Shanghai", cityZh: "上海" },
  sh2: { type: "STORE_DIRECT", city: "Shanghai", cityZh: "上海" },
  bj1: { type: "STORE_DIRECT", city: "Beijing", cityZh: "北京" },
  fr1: { type: "STORE_FRANCHISE", city: "Shanghai", cityZh: "上海" },
  cw: { type: "CENTRAL_WAREHOUSE", city: "Hangzhou", cityZh: "杭州" },
  rwbj: { type: "REGIONAL_WAREHOUSE", city: "Beijing", cityZh: "北京" },
};

const DAY_MS = 86_400_000;

export async function createSuggestionWorld(db: PrismaClient, now: Date): Promise<SuggestionWorld> {
  const world = await createWorld(db, {
    nodes: Object.keys(PLACES),
    channels: { web: { priority: 1, policy: { mode: "SHARED" } } },
    skus: {
      tee: { stock: { sh1: 30, sh2: 5, bj1: 2, fr1: 0, cw: 100, rwbj: 10 } },
      cap: { stock: { sh1: 10, sh2: 0 } },
    },
  });
  for (const [key, place] of Object.entries(PLACES)) {
    await db.node.update({ where: { id: world.node(key) }, data: place });
  }
  const level = (node: string, sku: string) => ({
    nodeId_skuId: { nodeId: world.node(node), skuId: world.sku(sku) },
  });
  await db.stockLevel.update({
    where: level("sh1", "tee"),
    data: { safetyStock: 2, displayMin: 4 },
  });
  await db.stockLevel.update({ where: level("sh2", "tee"), data: { inbound: 3 } });
  await db.stockLevel.update({ where: level("sh1", "cap"), data: { reserved: 10 } });
  const suffix = world.node("sh1").split("_").pop()!;
  await sell(
    db,
    world,
    [
      ["sh2", "tee", 28, 3],
      ["bj1", "tee", 56, 10],
      ["fr1", "tee", 28, 5],
      ["sh2", "cap", 28, 1],
      ["sh1", "tee", 100, 40],
    ],
    now,
  );
  return { ...world, suffix, code: world.node };
}

/** SALE movements: [node, sku, units, days before `now`]. */
async function sell(
  db: PrismaClient,
  world: World,
  sales: [string, string, number, number][],
  now: Date,
): Promise<void> {
  await db.stockMovement.createMany({
    data: sales.map(([node, sku, units, daysAgo]) => ({
      nodeId: world.node(node),
      skuId: world.sku(sku),
      kind: "SALE" as const,
      onHandDelta: -units,
      reason: "test sale",
      documentType: "TEST",
      documentId: `sale-${node}-${sku}`,
      createdAt: new Date(now.getTime() - daysAgo * DAY_MS),
    })),
  });
}
