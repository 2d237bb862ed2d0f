import "server-only";
import { z } from "zod";
import type { Db } from "@/lib/db/transaction.server";
import type { Prisma } from "@/lib/generated/prisma/client";
import { cleanString } from "@/lib/validation/text-characters";

export const ORDER_STATUSES = [
  "PENDING_PAYMENT",
  "PAID",
  "IN_FULFILMENT",
  "COMPLETED",
  "CANCELLED",
] as const;
const PAGE_SIZE = 25;

export const orderListQuery = z.object({
  // A term the database cannot compare (U+0000…) is dropped like an over-long one.
  q: cleanString().trim().max(50).optional().catch(undefined),
  status: z.enum(ORDER_STATUSES).optional().catch(undefined),
  // A channel code; one that names no channel is ignored by listOrders.
  channel: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9_-]{1,32}$/)
    .transform((c) => c.toUpperCase())
    .optional()
    .catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
});
export type OrderListQuery = z.infer<typeof orderListQuery>;

/** The channels HQ filters orders by, by code. */
export async function listOrderChannels(db: Db) {
  return db.channel.findMany({
    orderBy: { code: "asc" },
    select: { code: true, name: true, nameZh: true },
  });
}

/**
 * Orders for HQ, newest first: by order number, buyer or a marketplace's own order id, by
 * status and channel (a code naming no channel filters nothing); 25 per page.
 */
export async function listOrders(db: Db, query: OrderListQuery) {
  const channel = query.channel
    ? await db.channel.findUnique({ where: { code: query.channel }, select: { id: true } })
    : null;
  const where: Prisma.OrderWhereInput = {
    ...(query.status ? { status: query.status } : {}),
    ...(channel ? { channelId: channel.id } : {}),
    ...(query.q
      ? {
          OR: [
            { orderNo: { contains: query.q.toUpperCase() } },
            { contactName: { contains: query.q, mode: "insensitive" } },
            { channelOrderId: { contains: query.q, mode: "insensitive" } },
          ],
        }
      : {}),
  };
  const [total, orders] = await Promise.all([
    db.order.count({ where }),
    db.order.findMany({
      where,
      orderBy: { placedAt: "desc" },
      skip: (query.page - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
      include: {
        channel: { select: { code: true, name: true, nameZh: true } },
        fulfilmentOrders: { select: { node: { select: { code: true } }, status: true } },
        _count: { select: { routingDecisions: true } },
      },
    }),
  ]);
  return {
    channel: channel ? query.channel : undefined,
    total,
    pages: Math.max(1, Math.ceil(total / PAGE_SIZE)),
    orders: orders.map((o) => ({
      orderNo: o.orderNo,
      placedAt: o.placedAt,
      channel: o.channel,
      channelOrderId: o.channelOrderId,
      method: o.method,
      status: o.status,
      total: o.total,
      contactName: o.contactName,
      nodes: [...new Set(o.fulfilmentOrders.map((f) => f.node.code))],
      decisions: o._count.routingDecisions,
    })),
  };
}
