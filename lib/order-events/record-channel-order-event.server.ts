import "server-only";
import { beforeCommit, type Tx } from "@/lib/db/transaction.server";
import { channelEventOfFulfilment, type ChannelOrderEventKind } from "./channel-order-event-kinds";

/** The cursor row every writer of channel order events locks, so ids commit in order. */
export const ORDER_EVENTS_CURSOR = "channel-order-events";

/**
 * Publishes a status change of a marketplace order to its channel's event log, in the caller's
 * transaction (orders that did not come from a channel are left alone). Writers take the log's
 * cursor row lock before inserting, so event ids commit in increasing order and a connector
 * reading `id > since` never skips one. The write waits until the transaction's other work is
 * done: the cursor is then its last lock, so a store's step and a channel's intake touching the
 * same stock rows cannot deadlock on it. The dedupe key makes a replayed step publish nothing new.
 */
export async function recordChannelOrderEvent(
  tx: Tx,
  event: {
    orderId: string;
    kind: ChannelOrderEventKind;
    dedupeKey: string;
    fulfilmentOrderId?: string;
    courierName?: string | null;
    trackingNo?: string | null;
    amount?: number;
  },
): Promise<void> {
  const order = await tx.order.findUnique({
    where: { id: event.orderId },
    select: { channelId: true, channelOrderId: true },
  });
  if (!order?.channelOrderId) return;
  const channelOrderId = order.channelOrderId;
  await beforeCommit(tx, (tx) =>
    writeEvent(tx, { ...event, channelId: order.channelId, channelOrderId }),
  );
}

async function writeEvent(
  tx: Tx,
  event: Parameters<typeof recordChannelOrderEvent>[1] & {
    channelId: string;
    channelOrderId: string;
  },
): Promise<void> {
  await tx.logCursor.upsert({
    where: { name: ORDER_EVENTS_CURSOR },
    create: { name: ORDER_EVENTS_CURSOR, position: 0 },
    update: { position: { increment: 1 } },
  });
  await tx.channelOrderEvent.createMany({
    data: [
      {
        channelId: event.channelId,
        orderId: event.orderId,
        channelOrderId: event.channelOrderId,
        kind: event.kind,
        dedupeKey: event.dedupeKey,
        fulfilmentOrderId: event.fulfilmentOrderId ?? null,
        courierName: event.courierName ?? null,
        trackingNo: event.trackingNo ?? null,
        amount: event.amount ?? null,
      },
    ],
    skipDuplicates: true,
  });
}

/**
 * A fulfilment order moved: the channel hears of it when the move means something to its
 * customer (ready for pickup, picked up, shipped with courier and tracking, delivered,
 * cancelled — once per order).
 */
export async function recordFulfilmentForChannel(
  tx: Tx,
  move: { fulfilmentOrderId: string; to: string },
): Promise<void> {
  const fo = await tx.fulfilmentOrder.findUnique({
    where: { id: move.fulfilmentOrderId },
    select: {
      id: true,
      orderId: true,
      shipToNodeId: true,
      courierName: true,
      trackingNo: true,
      order: { select: { channelOrderId: true } },
    },
  });
  if (!fo?.order.channelOrderId) return;
  const kind = channelEventOfFulfilment(move.to, fo);
  if (!kind) return;
  await recordChannelOrderEvent(tx, {
    orderId: fo.orderId,
    kind,
    dedupeKey: kind === "CANCELLED" ? `CANCELLED:${fo.orderId}` : `${kind}:${fo.id}`,
    fulfilmentOrderId: fo.id,
    ...(kind === "SHIPPED" ? { courierName: fo.courierName, trackingNo: fo.trackingNo } : {}),
  });
}
