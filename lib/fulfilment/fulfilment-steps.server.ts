import "server-only";
import { recordFulfilmentForChannel } from "@/lib/order-events/record-channel-order-event.server";
import { AppError } from "@/lib/errors/app-error";
import type { FulfilmentStatus } from "@/lib/generated/prisma/enums";
import type { Db, Tx } from "@/lib/db/transaction.server";
import { consumeReservation } from "@/lib/reservations/consume-reservation.server";
import { assertActsFor, type FulfilmentActor } from "./actor";
import { canTransition, isOrderComplete, pathOf } from "./transitions";

const PAID_ORDER_STATUSES = ["PAID", "IN_FULFILMENT"] as const;

/** A fulfilment order with what every step needs to decide. */
export async function loadFulfilment(db: Db, fulfilmentOrderId: string) {
  const fo = await db.fulfilmentOrder.findUnique({
    where: { id: fulfilmentOrderId },
    include: {
      order: { select: { id: true, status: true, method: true, pickupNodeId: true } },
      lines: { orderBy: { id: "asc" } },
    },
  });
  if (!fo)
    throw new AppError("NOT_FOUND", "Unknown fulfilment task.", { details: { reason: "TASK" } });
  return fo;
}
export type LoadedFulfilment = Awaited<ReturnType<typeof loadFulfilment>>;

/**
 * Loads the task, checks the actor's store (`side`: the shipping node, or the receiving store of
 * a parcel) and that the order is paid. Refusals are thrown before anything is written.
 */
export async function loadForActor(
  db: Db,
  fulfilmentOrderId: string,
  actor: FulfilmentActor,
  side: "node" | "receiver" = "node",
): Promise<LoadedFulfilment> {
  const fo = await loadFulfilment(db, fulfilmentOrderId);
  assertActsFor(actor, [side === "node" ? fo.nodeId : fo.shipToNodeId]);
  if (!(PAID_ORDER_STATUSES as readonly string[]).includes(fo.order.status)) {
    throw new AppError("CONFLICT", "This order is not paid or is already closed.", {
      details: { reason: "ORDER_NOT_PAID", orderStatus: fo.order.status },
    });
  }
  return fo;
}

/** Refuses a step the state machine does not allow from the task's current state. */
export function assertCanMove(fo: LoadedFulfilment, to: FulfilmentStatus): void {
  const path = pathOf({ method: fo.order.method, shipToNodeId: fo.shipToNodeId });
  if (!canTransition(path, fo.status, to)) {
    throw new AppError(
      "CONFLICT",
      `Out of order: a task that is ${fo.status} cannot become ${to}.`,
      {
        details: { reason: "TASK_STATE", status: fo.status, wanted: to },
      },
    );
  }
}

/**
 * Moves the task by compare-and-set on its status and logs the event: if someone else moved it
 * meanwhile, 0 rows match and the step is refused (the caller's transaction rolls back).
 */
export async function moveStatus(
  tx: Tx,
  fo: LoadedFulfilment,
  to: FulfilmentStatus,
  actor: FulfilmentActor,
  extra: { note?: string; data?: { courierName?: string; trackingNo?: string } } = {},
): Promise<void> {
  assertCanMove(fo, to);
  const moved = await tx.fulfilmentOrder.updateMany({
    where: { id: fo.id, status: fo.status },
    data: { status: to, ...extra.data },
  });
  if (moved.count === 0) {
    throw new AppError("CONFLICT", "Out of order: this task was changed meanwhile. Reload it.", {
      details: { reason: "CHANGED_MEANWHILE" },
    });
  }
  await tx.fulfilmentEvent.create({
    data: {
      fulfilmentOrderId: fo.id,
      fromStatus: fo.status,
      toStatus: to,
      actorUserId: actor.id,
      note: extra.note ?? null,
    },
  });
  await recordFulfilmentForChannel(tx, { fulfilmentOrderId: fo.id, to });
}

/**
 * Takes the goods of every line out of stock (SALE): the line's reservation is the active one
 * with the same order, order line and node; a bundle's components are consumed as one group.
 */
export async function consumeLineReservations(
  tx: Tx,
  fo: LoadedFulfilment,
  reason: string,
  now: Date,
) {
  if (fo.lines.length === 0) return;
  const reservations = await tx.reservation.findMany({
    where: {
      orderId: fo.orderId,
      nodeId: fo.nodeId,
      status: "ACTIVE",
      orderLineId: { in: fo.lines.map((l) => l.orderLineId) },
    },
    orderBy: { id: "asc" },
  });
  const missing = fo.lines.filter(
    (l) => !reservations.some((r) => r.orderLineId === l.orderLineId),
  );
  if (missing.length > 0) {
    throw new AppError("CONFLICT", "Some lines of this task have no stock promised any more.", {
      details: { reason: "NO_STOCK_PROMISED", orderLineIds: missing.map((l) => l.orderLineId) },
    });
  }
  const groups = new Set<string>();
  for (const r of reservations) {
    if (r.groupId !== null) {
      if (groups.has(r.groupId)) continue;
      groups.add(r.groupId);
      await consumeReservation(tx, { groupId: r.groupId, reason, now });
    } else {
      await consumeReservation(tx, { reservationId: r.id, reason, now });
    }
  }
}

/** First step on an order: a paid order is now being fulfilled. */
export async function markOrderInFulfilment(tx: Tx, orderId: string): Promise<void> {
  await tx.order.updateMany({
    where: { id: orderId, status: "PAID" },
    data: { status: "IN_FULFILMENT" },
  });
}

/** Closes the order once every fulfilment order is terminal and at least one completed. */
export async function completeOrderIfDone(tx: Tx, orderId: string, now: Date): Promise<boolean> {
  const fos = await tx.fulfilmentOrder.findMany({ where: { orderId }, select: { status: true } });
  if (!isOrderComplete(fos.map((f) => f.status))) return false;
  const done = await tx.order.updateMany({
    where: { id: orderId, status: { in: [...PAID_ORDER_STATUSES] } },
    data: { status: "COMPLETED", completedAt: now },
  });
  return done.count > 0;
}
