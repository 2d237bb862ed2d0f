import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Tx } from "@/lib/db/transaction.server";

const STORE_TYPES = new Set(["STORE_DIRECT", "STORE_FRANCHISE"]);

export type StoreFulfilment = { nodeId: string; organizationId: string; goods: number };

/**
 * The stores shipping goods of an order (a store shipping its part in to the pickup store did
 * the picking and packing; a pickup handover carries no goods of its own), each with the paid
 * value of what it ships: its share of each line total, rounded down. Warehouses earn no fee.
 */
export async function storeFulfilments(
  tx: Tx,
  where: Prisma.FulfilmentOrderWhereInput,
): Promise<StoreFulfilment[]> {
  const fulfilments = await tx.fulfilmentOrder.findMany({
    where,
    select: {
      nodeId: true,
      node: { select: { type: true, organizationId: true } },
      lines: {
        select: { quantity: true, orderLine: { select: { quantity: true, lineTotal: true } } },
      },
    },
  });
  return fulfilments
    .filter((fo) => STORE_TYPES.has(fo.node.type))
    .map((fo) => ({
      nodeId: fo.nodeId,
      organizationId: fo.node.organizationId,
      goods: fo.lines.reduce(
        (sum, l) => sum + Math.floor((l.orderLine.lineTotal * l.quantity) / l.orderLine.quantity),
        0,
      ),
    }));
}
