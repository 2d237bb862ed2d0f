import "server-only";
import { capacityDayOf } from "@/lib/capacity/capacity-day";
import { claimNodeCapacity, claimWithPromise } from "@/lib/capacity/node-capacity.server";
import type { Tx } from "@/lib/db/transaction.server";
import { expandBundle, type BundlePart } from "@/lib/inventory/bundles";
import { reserveBundle } from "@/lib/reservations/reserve-bundle.server";
import { reserveStock } from "@/lib/reservations/reserve-stock.server";
import { newRowId } from "@/lib/inventory/stock-writes.server";
import type { RESERVE_KINDS } from "@/lib/reservations/rules";
import type { Assignment } from "@/lib/routing/types";
import { newPickupCode } from "./order-codes";
import {
  insertOrderRows,
  type NewFulfilmentEventRow,
  type NewFulfilmentLineRow,
  type NewFulfilmentOrderRow,
} from "./order-rows.server";

export type FulfilmentPlan = {
  orderId: string;
  channelId: string;
  routingDecisionId: string;
  assignments: readonly Assignment[];
  /** Order line id per SKU. */
  lineOfSku: ReadonlyMap<string, string>;
  /** Components of the bundle SKUs among the assignments: a node picks and ships those. */
  bundles?: ReadonlyMap<string, readonly BundlePart[]>;
  kind: (typeof RESERVE_KINDS)[number];
  ttlSeconds?: number;
  /** Daily capacity is a hard limit (a CAPACITY routing filter is on): see `capacityIsLimit`. */
  capacityLimits: boolean;
  /** The pickup store of a pickup order: it gets a fulfilment order (and the code) even empty. */
  pickupNodeId?: string | null;
  /** Keeps the code the customer already has when the pickup store's order is made again. */
  pickupCode?: string | null;
  now: Date;
};

export type CreatedFulfilment = {
  fulfilmentOrderIds: string[];
  holdExpiresAt: Date | null;
  affectedSkuIds: string[];
};

/** A unit of stock a fulfilment order holds: one reservation (a bundle's: one group). */
type Hold = { nodeId: string; skuId: string; quantity: number; orderLineId: string };

/** The rows a routing result becomes, and the holds they need (planFulfilment). */
export type PlannedFulfilment = {
  rows: {
    fulfilmentOrders: NewFulfilmentOrderRow[];
    fulfilmentLines: NewFulfilmentLineRow[];
    fulfilmentEvents: NewFulfilmentEventRow[];
  };
  holds: Hold[];
  nodeIds: string[];
};

/**
 * Turns routing assignments into fulfilment orders (one per node, parcels for a pickup store
 * marked with `shipToNodeId`), their lines and first events, and the holds to reserve at each
 * node: a bundle becomes one fulfilment line per component, all on the bundle's order line. The
 * holds are in SKU order, the order every promise takes SKU locks in, so two checkouts sharing
 * SKUs queue instead of deadlocking.
 */
export function planFulfilment(plan: FulfilmentPlan): PlannedFulfilment {
  const { orderId, routingDecisionId, lineOfSku, now } = plan;
  const groups = new Map<string, Assignment>();
  for (const a of plan.assignments) {
    const key = `${a.nodeId}|${a.shipToNodeId ?? ""}`;
    const group = groups.get(key) ?? { nodeId: a.nodeId, lines: [], shipToNodeId: a.shipToNodeId };
    group.lines.push(...a.lines);
    groups.set(key, group);
  }
  const pickupKey = plan.pickupNodeId ? `${plan.pickupNodeId}|` : null;
  if (pickupKey && plan.pickupNodeId && !groups.has(pickupKey))
    groups.set(pickupKey, { nodeId: plan.pickupNodeId, lines: [] });

  const capacityDay = capacityDayOf(now);
  const rows: PlannedFulfilment["rows"] = {
    fulfilmentOrders: [],
    fulfilmentLines: [],
    fulfilmentEvents: [],
  };
  const holds: Hold[] = [];
  for (const [key, group] of groups) {
    const fulfilmentOrderId = newRowId();
    rows.fulfilmentOrders.push({
      id: fulfilmentOrderId,
      orderId,
      nodeId: group.nodeId,
      shipToNodeId: group.shipToNodeId ?? null,
      routingDecisionId,
      pickupCode: key === pickupKey ? (plan.pickupCode ?? newPickupCode()) : null,
      capacityDay,
    });
    for (const l of group.lines) {
      const orderLineId = lineOf(lineOfSku, l.skuId);
      for (const unit of unitsOf(plan.bundles, l))
        rows.fulfilmentLines.push({
          id: newRowId(),
          fulfilmentOrderId,
          orderLineId,
          skuId: unit.skuId,
          quantity: unit.quantity,
        });
      holds.push({ nodeId: group.nodeId, skuId: l.skuId, quantity: l.quantity, orderLineId });
    }
    rows.fulfilmentEvents.push({
      id: newRowId(),
      fulfilmentOrderId,
      toStatus: "ROUTED",
      note: "routed",
    });
  }
  holds.sort((a, b) =>
    a.skuId === b.skuId ? a.nodeId.localeCompare(b.nodeId) : a.skuId.localeCompare(b.skuId),
  );
  return { rows, holds, nodeIds: [...groups.values()].map((g) => g.nodeId) };
}

/**
 * Reserves a planned fulfilment's holds (its rows written): one reservation per line at its
 * node, a bundle through the stock engine's bundle path (all components at that node or
 * nothing). Each fulfilment order then takes a unit of its node's capacity for the day (after
 * the SKU locks and the stock, in node order; NODE_AT_CAPACITY when the node is full and
 * capacity is a limit, else simply counted). Any refusal throws and the caller's transaction
 * rolls everything back.
 */
export async function reserveFulfilment(
  tx: Tx,
  plan: FulfilmentPlan,
  planned: PlannedFulfilment,
): Promise<CreatedFulfilment> {
  const { orderId, channelId, kind, ttlSeconds, now } = plan;
  const claim = { nodeIds: planned.nodeIds, now, limit: plan.capacityLimits };
  // The capacity rides in the last plain hold's statement: the SKU lock then waits for one
  // round trip less before the commit (a bundle's last hold takes it in a statement of its own).
  const last = planned.holds.at(-1);
  const withLast = last && !plan.bundles?.has(last.skuId) ? claimWithPromise(claim) : null;
  let holdExpiresAt: Date | null = null;
  const affected = new Set<string>();
  for (const hold of planned.holds) {
    const request = {
      channelId,
      skuId: hold.skuId,
      nodeId: hold.nodeId,
      quantity: hold.quantity,
      kind,
      ...(kind === "ORDER_ALLOCATION" ? {} : { ttlSeconds }),
      orderId,
      orderLineId: hold.orderLineId,
      now,
    };
    const reservations = plan.bundles?.has(hold.skuId)
      ? (await reserveBundle(tx, request)).reservations
      : [
          (
            await reserveStock(tx, {
              ...request,
              ...(hold === last && withLast ? { alsoWhenPromised: withLast.also } : {}),
            })
          ).reservation,
        ];
    for (const reservation of reservations) {
      affected.add(reservation.skuId);
      const expires = reservation.expiresAt ? new Date(reservation.expiresAt) : null;
      if (expires && (!holdExpiresAt || expires < holdExpiresAt)) holdExpiresAt = expires;
    }
  }
  if (withLast) withLast.check();
  else await claimNodeCapacity(tx, claim);
  return {
    fulfilmentOrderIds: planned.rows.fulfilmentOrders.map((f) => f.id),
    holdExpiresAt,
    affectedSkuIds: [...affected],
  };
}

/**
 * Turns routing assignments into fulfilment orders with their lines and reservations
 * (planFulfilment, written in one statement, then reserveFulfilment).
 */
export async function createFulfilment(tx: Tx, plan: FulfilmentPlan): Promise<CreatedFulfilment> {
  const planned = planFulfilment(plan);
  await insertOrderRows(tx, planned.rows);
  return reserveFulfilment(tx, plan, planned);
}

/** The units a node picks for a line: a bundle's components, or the SKU itself. */
function unitsOf(
  bundles: FulfilmentPlan["bundles"],
  line: { skuId: string; quantity: number },
): { skuId: string; quantity: number }[] {
  const parts = bundles?.get(line.skuId);
  return parts ? expandBundle(parts, line.quantity) : [line];
}

function lineOf(lineOfSku: ReadonlyMap<string, string>, skuId: string): string {
  const id = lineOfSku.get(skuId);
  if (!id) throw new Error(`routing assigned SKU ${skuId} that the order does not hold`);
  return id;
}
