import type { ReservationKind, ReservationStatus } from "@/lib/generated/prisma/enums";

/** What callers get back about a reservation. */
export type ReservationSummary = {
  id: string;
  channelId: string;
  skuId: string;
  nodeId: string | null;
  quantity: number;
  kind: ReservationKind;
  status: ReservationStatus;
  expiresAt: Date | null;
  orderId: string | null;
  groupId: string | null;
};

/**
 * The result of every use case that changes stock. `affectedSkuIds` lists the SKUs whose pool
 * changed: every channel's ATS for them, and for the bundles containing them, may have moved, so
 * the channel stock feed recomputes those SKUs (computeChannelAts) and publishes the differences.
 */
export type StockChange = { affectedSkuIds: string[] };

/** What a reservation attempt returns. */
export type ReserveStockResult = StockChange & {
  reservation: ReservationSummary;
  /** True when the idempotency key matched an earlier identical request: nothing changed. */
  replayed: boolean;
};

/** Picks the summary fields from a reservation row. */
export function summarise(row: ReservationSummary): ReservationSummary {
  return {
    id: row.id,
    channelId: row.channelId,
    skuId: row.skuId,
    nodeId: row.nodeId,
    quantity: row.quantity,
    kind: row.kind,
    status: row.status,
    expiresAt: row.expiresAt,
    orderId: row.orderId,
    groupId: row.groupId,
  };
}
