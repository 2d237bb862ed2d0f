import "server-only";
import type { Db } from "@/lib/db/transaction.server";
import type { ChannelLineRefusal } from "@/lib/errors/error-details";
import type { ChannelOrderReceiptBody } from "./channel-api-schemas";

/**
 * What a connector is told about its order: OnePool's number and state, and what was taken. The
 * shape is the documented answer's (channel-api-schemas.ts), so the two cannot drift.
 */
export type ChannelOrderReceipt = ChannelOrderReceiptBody;

/** A channel's order by the channel's own id, with its lines, or null. */
export async function findChannelOrder(db: Db, key: { channelId: string; channelOrderId: string }) {
  return db.order.findUnique({
    where: { channelId_channelOrderId: key },
    include: {
      channel: { select: { code: true } },
      lines: { include: { sku: { select: { skuCode: true } } }, orderBy: { skuId: "asc" } },
      reservations: {
        where: { status: { in: ["ACTIVE", "WAITING"] }, expiresAt: { not: null } },
        select: { expiresAt: true },
      },
    },
  });
}

export type ChannelOrderRow = NonNullable<Awaited<ReturnType<typeof findChannelOrder>>>;

/** The receipt of an order as it stands. */
export function channelOrderReceipt(
  order: ChannelOrderRow,
  extra: { created: boolean; refused?: ChannelLineRefusal[] },
): ChannelOrderReceipt {
  return {
    channel: order.channel.code,
    channelOrderId: order.channelOrderId ?? "",
    orderNo: order.orderNo,
    status: order.status,
    paymentStatus: order.paymentStatus,
    total: order.total,
    created: extra.created,
    lines: order.lines.map((l) => ({
      sku: l.sku.skuCode,
      quantity: l.quantity,
      unitPrice: l.unitPrice,
    })),
    refused: extra.refused ?? [],
    holdExpiresAt: unpaidHoldEnd(order),
  };
}

/** When an unpaid order gives its stock back unless the channel says it is paid; null once paid. */
function unpaidHoldEnd(order: ChannelOrderRow): string | null {
  if (order.paymentStatus !== "PENDING") return null;
  const ends = order.reservations.flatMap((r) => (r.expiresAt ? [r.expiresAt.getTime()] : []));
  return ends.length > 0 ? new Date(Math.min(...ends)).toISOString() : null;
}
