import "server-only";
import { addNodeLoad } from "@/lib/capacity/node-capacity.server";
import type { Tx } from "@/lib/db/transaction.server";

/**
 * Presale units just allocated at a node (receivePresaleInbound turned the waiting reservations
 * into order allocations there) become work for that node: one fulfilment order per order and
 * node, a line per allocated order line, each line's reservation being the allocation itself.
 * Reservations without an order (demand recorded outside checkout) need no fulfilment order.
 * The node takes them whatever its day's load (the goods are here), and they count in it.
 */
export async function fulfilPresaleAllocations(
  tx: Tx,
  input: { reservationIds: readonly string[]; now: Date },
): Promise<{ fulfilmentOrderIds: string[]; orderIds: string[] }> {
  if (input.reservationIds.length === 0) return { fulfilmentOrderIds: [], orderIds: [] };
  const allocated = await tx.reservation.findMany({
    where: {
      id: { in: [...input.reservationIds] },
      status: "ACTIVE",
      kind: "ORDER_ALLOCATION",
      orderId: { not: null },
      orderLineId: { not: null },
      nodeId: { not: null },
    },
    orderBy: { id: "asc" },
  });
  const groups = new Map<string, { orderId: string; nodeId: string; rows: typeof allocated }>();
  for (const r of allocated) {
    if (!r.orderId || !r.nodeId) continue;
    const key = `${r.orderId}|${r.nodeId}`;
    const group = groups.get(key) ?? { orderId: r.orderId, nodeId: r.nodeId, rows: [] };
    group.rows.push(r);
    groups.set(key, group);
  }
  const fulfilmentOrderIds: string[] = [];
  const capacityDay = await addNodeLoad(tx, {
    nodeIds: [...groups.values()].map((g) => g.nodeId),
    now: input.now,
  });
  for (const group of groups.values()) {
    const fo = await tx.fulfilmentOrder.create({
      data: {
        orderId: group.orderId,
        nodeId: group.nodeId,
        capacityDay,
        lines: {
          create: group.rows.map((r) => ({
            skuId: r.skuId,
            quantity: r.quantity,
            orderLineId: r.orderLineId ?? "",
          })),
        },
        events: { create: { toStatus: "ROUTED", note: "presale allocated on receipt" } },
      },
      select: { id: true },
    });
    fulfilmentOrderIds.push(fo.id);
  }
  return {
    fulfilmentOrderIds,
    orderIds: [...new Set([...groups.values()].map((g) => g.orderId))],
  };
}
