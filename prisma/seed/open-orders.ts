import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { FulfilmentActor } from "@/lib/fulfilment/actor";
import { acceptFulfilment } from "@/lib/fulfilment/accept-fulfilment.server";
import { markReadyForPickup } from "@/lib/fulfilment/mark-ready-for-pickup.server";
import { packFulfilment } from "@/lib/fulfilment/pack-fulfilment.server";
import { pickLines } from "@/lib/fulfilment/pick-lines.server";
import { confirmOrderPayment } from "@/lib/orders/confirm-order-payment.server";
import { placeOrder } from "@/lib/orders/place-order.server";
import { nodeId } from "./nodes";
import { countSeedTables, type SeedCounts } from "./seed-counts";

/** The code of the demo pickup order waiting (new) at SH-001; the end-to-end test uses it. */
export const DEMO_PICKUP_CODE = "246810";
/** The code of the demo pickup order already ready at SH-001. */
export const DEMO_READY_PICKUP_CODE = "135790";
/** The code of the demo pickup order waiting at BJ-001. */
export const DEMO_BJ_PICKUP_CODE = "975310";

const CONSUMER_USER_ID = "usr_consumer";

type OpenOrderSpec = {
  key: string;
  store: "SH-001" | "BJ-001";
  method: "PICKUP" | "SAME_CITY";
  skuCount: number;
  code?: string;
  /** Advance the store's task this far, as its staff would. */
  ready?: boolean;
  /** Placed this long before the seed's "now", so the queue shows a believable order. */
  minutesAgo: number;
};

export const OPEN_ORDERS: readonly OpenOrderSpec[] = [
  {
    key: "seed-open-sh-pickup",
    store: "SH-001",
    method: "PICKUP",
    skuCount: 2,
    code: DEMO_PICKUP_CODE,
    minutesAgo: 35,
  },
  {
    key: "seed-open-sh-same-city",
    store: "SH-001",
    method: "SAME_CITY",
    skuCount: 1,
    minutesAgo: 20,
  },
  {
    key: "seed-open-sh-ready",
    store: "SH-001",
    method: "PICKUP",
    skuCount: 1,
    code: DEMO_READY_PICKUP_CODE,
    ready: true,
    minutesAgo: 90,
  },
  {
    key: "seed-open-bj-pickup",
    store: "BJ-001",
    method: "PICKUP",
    skuCount: 1,
    code: DEMO_BJ_PICKUP_CODE,
    minutesAgo: 45,
  },
];

/**
 * A few paid online orders still open for the demo consumer, so that store staff find work in
 * their queue: placed and paid through the same use cases as a real checkout. Idempotent: an
 * order whose key exists is only completed (paid, code, steps), never placed again. Rows added
 * are counted into `inserted`.
 */
export async function seedOpenOrders(
  db: PrismaClient,
  options: { now?: Date; inserted?: SeedCounts; log?: (line: string) => void } = {},
): Promise<void> {
  const now = options.now ?? new Date();
  const before = options.inserted ? await countSeedTables(db) : null;
  const used = new Set<string>();
  for (const spec of OPEN_ORDERS) {
    const orderId = await ensurePlaced(
      db,
      spec,
      new Date(now.getTime() - spec.minutesAgo * 60_000),
      used,
    );
    await ensureReady(db, spec, orderId);
  }
  if (before && options.inserted) {
    const after = await countSeedTables(db);
    for (const table of Object.keys(after) as (keyof SeedCounts)[]) {
      options.inserted[table] += after[table] - before[table];
    }
  }
  options.log?.(`${OPEN_ORDERS.length} open orders ready for the stores`);
}

async function ensurePlaced(
  db: PrismaClient,
  spec: OpenOrderSpec,
  placedAt: Date,
  used: Set<string>,
): Promise<string> {
  const storeId = nodeId(spec.store);
  let order = await db.order.findUnique({ where: { idempotencyKey: spec.key } });
  if (!order) {
    const skuIds = await deepestSkus(db, storeId, spec.skuCount, used);
    const store = await db.node.findUniqueOrThrow({ where: { id: storeId } });
    const placed = await placeOrder(db, {
      channelCode: "WEB",
      buyer: { kind: "MEMBER", userId: CONSUMER_USER_ID },
      lines: skuIds.map((skuId) => ({ skuId, quantity: 1 })),
      method: spec.method,
      destination:
        spec.method === "PICKUP"
          ? { kind: "store", nodeId: storeId }
          : {
              kind: "address",
              addressLine: "88 Demo Lane, Apartment 6",
              city: store.city,
              latitude: store.latitude + 0.004,
              longitude: store.longitude + 0.004,
            },
      contact: { name: "Li Wei", phone: "+86 138 0000 0000" },
      paymentProvider: "DEMO",
      idempotencyKey: spec.key,
      now: placedAt,
    });
    order = await db.order.findUniqueOrThrow({ where: { id: placed.orderId } });
  }
  for (const line of await db.orderLine.findMany({ where: { orderId: order.id } }))
    used.add(line.skuId);
  if (order.paymentStatus === "PENDING") {
    await confirmOrderPayment(db, {
      orderId: order.id,
      provider: "DEMO",
      amount: order.total,
      paidAt: order.placedAt,
    });
  }
  if (spec.code) {
    // The code is random when placed; the demo fixes it so that a guide or a test can type it.
    await db.fulfilmentOrder.updateMany({
      where: { orderId: order.id, nodeId: storeId, shipToNodeId: null, pickupCode: { not: null } },
      data: { pickupCode: spec.code },
    });
  }
  return order.id;
}

/** Walks the ready order's store task to READY_FOR_PICKUP, from wherever it is. */
async function ensureReady(db: PrismaClient, spec: OpenOrderSpec, orderId: string): Promise<void> {
  if (!spec.ready) return;
  const staff = await db.user.findFirst({
    where: { role: "STORE_STAFF", storeNodeId: nodeId(spec.store) },
  });
  const fo = await db.fulfilmentOrder.findFirst({
    where: { orderId, nodeId: nodeId(spec.store), shipToNodeId: null },
    include: { lines: true },
  });
  if (!staff || !fo) return;
  const actor: FulfilmentActor = { id: staff.id, role: staff.role, storeNodeId: staff.storeNodeId };
  const step = { fulfilmentOrderId: fo.id, actor };
  if (fo.status === "ROUTED") await acceptFulfilment(db, step);
  if (fo.status === "ROUTED" || fo.status === "ACCEPTED") {
    await pickLines(db, {
      ...step,
      ticks: fo.lines.map((l) => ({ lineId: l.id, pickedQty: l.quantity })),
    });
  }
  if (["ROUTED", "ACCEPTED", "PICKED"].includes(fo.status)) await packFulfilment(db, step);
  if (fo.status !== "READY_FOR_PICKUP") await markReadyForPickup(db, step);
}

/**
 * Regular in-season SKUs the store holds most of (beyond its shelf minimum), so that routing
 * serves the order from the store itself; deterministic for a given seed.
 */
async function deepestSkus(
  db: PrismaClient,
  storeId: string,
  count: number,
  used: Set<string>,
): Promise<string[]> {
  const levels = await db.stockLevel.findMany({
    where: {
      nodeId: storeId,
      skuId: { notIn: [...used] },
      sku: { isBundle: false, presaleEnabled: false, product: { lifecycle: "IN_SEASON" } },
    },
    select: { skuId: true, onHand: true, reserved: true, safetyStock: true, displayMin: true },
  });
  const spare = (l: (typeof levels)[number]) =>
    l.onHand - l.reserved - l.safetyStock - l.displayMin;
  const chosen = levels
    .filter((l) => spare(l) >= 2)
    .sort((a, b) => spare(b) - spare(a) || a.skuId.localeCompare(b.skuId))
    .slice(0, count)
    .map((l) => l.skuId);
  if (chosen.length < count)
    throw new Error(`seed: ${storeId} has too little stock for an open order`);
  return chosen;
}
