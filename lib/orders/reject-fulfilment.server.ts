import "server-only";
import { capacityIsLimit } from "@/lib/routing/rules/capacity";
import { giveBackNodeCapacity } from "@/lib/capacity/node-capacity.server";
import { AppError } from "@/lib/errors/app-error";
import { atLeast, atMost } from "@/lib/errors/field-problem";
import { notifyStockChanged } from "@/lib/feed/feed-publisher.server";
import { withTransaction, type Db, type Tx } from "@/lib/db/transaction.server";
import { routeOrder } from "@/lib/routing/route-order";
import type { Destination, RoutingLine } from "@/lib/routing/types";
import { moveFulfilmentFee } from "@/lib/settlement/move-fulfilment-fee.server";
import { createFulfilment } from "./create-fulfilment.server";
import { logFulfilmentEvent, releaseHolds } from "./order-holds.server";
import { recordRoutingDecision } from "./record-routing-decision.server";
import { loadLineKinds } from "./order-lines.server";
import { stockSkuIds, withBundleStock, type LineKinds } from "./order-lines";
import { loadRoutingInputs } from "./routing-inputs.server";

export type RejectResult = {
  rerouted: boolean;
  newFulfilmentOrderIds: string[];
  refusalCode?: string;
};

/**
 * A node cannot fulfil its part (damaged, miscounted, no staff): the fulfilment order becomes
 * REJECTED by compare-and-set (only before it is picked), its holds are released, and its lines
 * are routed again without every node that already rejected this order. The new run is stored as
 * the next attempt; if no node can take the part, that refusal is stored and the admin sees it.
 * A rejected pickup store stays the pickup point: its part is shipped in and it keeps the code.
 */
export async function rejectFulfilment(
  db: Db,
  input: { fulfilmentOrderId: string; reason: string; actorUserId?: string; now?: Date },
): Promise<RejectResult> {
  const now = input.now ?? new Date();
  const reason = input.reason.trim();
  if (reason.length < 3 || reason.length > 500)
    throw new AppError("INVALID_INPUT", "Say why (3 to 500 characters).", {
      fieldErrors: { reason: [reason.length < 3 ? atLeast(3, "text") : atMost(500, "text")] },
      details: { reason: "REJECT_REASON", minimum: 3, maximum: 500 },
    });
  const result = await withTransaction(db, (tx) =>
    rejectInTransaction(tx, { ...input, reason }, now),
  );
  notifyStockChanged();
  return result;
}

async function rejectInTransaction(
  tx: Tx,
  input: { fulfilmentOrderId: string; reason: string; actorUserId?: string },
  now: Date,
): Promise<RejectResult> {
  const fo = await tx.fulfilmentOrder.findUnique({
    where: { id: input.fulfilmentOrderId },
    include: { lines: true, order: true },
  });
  if (!fo)
    throw new AppError("NOT_FOUND", "Unknown fulfilment order.", { details: { reason: "TASK" } });
  // The pickup store's handover of parcels shipped in holds no stock of its own to give up.
  if (fo.lines.length === 0)
    throw new AppError(
      "CONFLICT",
      "This order's goods are shipped in; there is nothing here to reject.",
      { details: { reason: "NOTHING_TO_REJECT" } },
    );
  const flipped = await tx.fulfilmentOrder.updateMany({
    where: { id: fo.id, status: { in: ["ROUTED", "ACCEPTED"] } },
    data: { status: "REJECTED", rejectReason: input.reason },
  });
  if (flipped.count === 0)
    throw new AppError(
      "CONFLICT",
      `A fulfilment order that is ${fo.status} can no longer be rejected.`,
      {
        details: { reason: "TASK_STATE", status: fo.status },
      },
    );
  // The rejecting node did not do the work: its day's capacity is free again.
  await giveBackNodeCapacity(tx, [fo.id]);
  await logFulfilmentEvent(tx, {
    fulfilmentOrderId: fo.id,
    from: fo.status,
    to: "REJECTED",
    actorUserId: input.actorUserId,
    note: input.reason,
  });

  const holds = await tx.reservation.findMany({
    where: {
      orderId: fo.orderId,
      nodeId: fo.nodeId,
      status: "ACTIVE",
      orderLineId: { in: fo.lines.map((l) => l.orderLineId) },
    },
  });
  await releaseHolds(tx, holds, `rejected by ${fo.nodeId}: ${input.reason}`, now);

  const order = fo.order;
  const isPickupHandover =
    order.method === "PICKUP" && fo.nodeId === order.pickupNodeId && !fo.shipToNodeId;

  const rejected = await tx.fulfilmentOrder.findMany({
    where: { orderId: order.id, status: "REJECTED" },
    select: { nodeId: true },
  });
  const destination: Destination =
    order.method === "PICKUP" && order.pickupNodeId
      ? { kind: "store", nodeId: order.pickupNodeId }
      : { kind: "point", lat: order.latitude ?? 0, lng: order.longitude ?? 0 };
  const part = await partToReroute(tx, fo.lines);
  const inputs = await loadRoutingInputs(tx, {
    channelId: order.channelId,
    skuIds: stockSkuIds(part.lines, part.kinds),
    now,
  });
  const candidates = withBundleStock(inputs.candidates, part.kinds.bundles);
  const rules = inputs.rules;
  const attempts = await tx.routingDecision.count({ where: { orderId: order.id } });
  const routed = routeOrder(
    {
      lines: part.lines,
      method: order.method,
      destination,
      excludedNodeIds: rejected.map((r) => r.nodeId),
    },
    candidates,
    rules,
  );
  const decision = await recordRoutingDecision(tx, {
    orderId: order.id,
    attempt: attempts + 1,
    method: order.method,
    rules,
    result: routed,
  });
  if (!routed.ok) return { rerouted: false, newFulfilmentOrderIds: [], refusalCode: routed.code };
  const created = await createFulfilment(tx, {
    orderId: order.id,
    channelId: order.channelId,
    routingDecisionId: decision.id,
    assignments: routed.assignments,
    lineOfSku: part.lineOfSku,
    bundles: part.kinds.bundles,
    kind: order.paymentStatus === "PAID" ? "ORDER_ALLOCATION" : "CHECKOUT_HOLD",
    // The pickup store itself gave up its part: a new handover there keeps the customer's code.
    pickupNodeId: isPickupHandover ? order.pickupNodeId : null,
    pickupCode: isPickupHandover ? fo.pickupCode : null,
    capacityLimits: capacityIsLimit(rules, order.method),
    now,
  });
  await moveFulfilmentFee(tx, {
    orderId: order.id,
    fromNodeId: fo.nodeId,
    toFulfilmentOrderIds: created.fulfilmentOrderIds,
    now,
  });
  return { rerouted: true, newFulfilmentOrderIds: created.fulfilmentOrderIds };
}

/**
 * The rejected part as the order sold it: a bundle's component lines become the bundle again, so
 * it is routed as a set to one node that holds every component and reserved as a group; anything
 * else (presale units allocated on receipt included) is routed as the stock it now is.
 */
async function partToReroute(
  tx: Tx,
  lines: readonly { skuId: string; quantity: number; orderLineId: string }[],
): Promise<{ lines: RoutingLine[]; kinds: LineKinds; lineOfSku: Map<string, string> }> {
  const orderLines = await tx.orderLine.findMany({
    where: { id: { in: [...new Set(lines.map((l) => l.orderLineId))] } },
    select: { id: true, skuId: true },
  });
  const { bundles } = await loadLineKinds(
    tx,
    orderLines.map((l) => l.skuId),
  );
  const kinds: LineKinds = { bundles, presale: new Set() };
  const quantities = new Map<string, number>();
  const lineOfSku = new Map<string, string>();
  for (const orderLine of orderLines) {
    const mine = lines.filter((l) => l.orderLineId === orderLine.id);
    const parts = bundles.get(orderLine.skuId);
    const first = parts?.[0];
    const quantity = first
      ? Math.floor(
          mine
            .filter((l) => l.skuId === first.componentSkuId)
            .reduce((sum, l) => sum + l.quantity, 0) / first.quantity,
        )
      : mine.reduce((sum, l) => sum + l.quantity, 0);
    const skuId = parts ? orderLine.skuId : (mine[0]?.skuId ?? orderLine.skuId);
    quantities.set(skuId, (quantities.get(skuId) ?? 0) + quantity);
    lineOfSku.set(skuId, orderLine.id);
  }
  return {
    lines: [...quantities].map(([skuId, quantity]) => ({ skuId, quantity })),
    kinds,
    lineOfSku,
  };
}
