import "server-only";
import type { Db } from "@/lib/db/transaction.server";
import type { ReturnStatus } from "@/lib/generated/prisma/enums";
import { RETURN_WAREHOUSE_TYPES } from "./return-counter.server";

/** A return on the HQ worklist: a parcel on its way back, or goods received and not yet paid back. */
export type AwaitingReturn = {
  returnId: string;
  rmaNo: string;
  orderNo: string;
  status: ReturnStatus;
  atStore: boolean;
  createdAt: Date;
  receivedAt: Date | null;
  units: number;
  refundAmount: number;
  receivingNode: { code: string; name: string; nameZh: string } | null;
};

const LIST_LIMIT = 100;

const SUMMARY = {
  id: true,
  rmaNo: true,
  status: true,
  atStore: true,
  createdAt: true,
  receivedAt: true,
  refundAmount: true,
  order: { select: { orderNo: true } },
  receivingNode: { select: { code: true, name: true, nameZh: true } },
  lines: { select: { quantity: true } },
} as const;

/**
 * HQ's returns worklist: parcels asked to be sent back by courier and not received yet (oldest
 * first, they are the ones overdue), and returns received anywhere that still await their
 * refund (oldest receipt first), so that none is left unpaid.
 */
export async function listOnlineReturnsAwaiting(
  db: Db,
): Promise<{ parcels: AwaitingReturn[]; toRefund: AwaitingReturn[] }> {
  const [parcels, toRefund] = await Promise.all([
    db.return.findMany({
      where: { status: "REQUESTED", atStore: false },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      take: LIST_LIMIT,
      select: SUMMARY,
    }),
    db.return.findMany({
      where: { status: "RECEIVED" },
      orderBy: [{ receivedAt: "asc" }, { id: "asc" }],
      take: LIST_LIMIT,
      select: SUMMARY,
    }),
  ]);
  return { parcels: parcels.map(summaryOf), toRefund: toRefund.map(summaryOf) };
}

/** The warehouses an admin may receive a parcel at, by code. */
export async function listReturnWarehouses(
  db: Db,
): Promise<{ id: string; code: string; name: string; nameZh: string }[]> {
  return db.node.findMany({
    where: { type: { in: [...RETURN_WAREHOUSE_TYPES] }, active: true },
    orderBy: { code: "asc" },
    select: { id: true, code: true, name: true, nameZh: true },
  });
}

function summaryOf(r: {
  id: string;
  rmaNo: string;
  status: ReturnStatus;
  atStore: boolean;
  createdAt: Date;
  receivedAt: Date | null;
  refundAmount: number;
  order: { orderNo: string };
  receivingNode: AwaitingReturn["receivingNode"];
  lines: { quantity: number }[];
}): AwaitingReturn {
  return {
    returnId: r.id,
    rmaNo: r.rmaNo,
    orderNo: r.order.orderNo,
    status: r.status,
    atStore: r.atStore,
    createdAt: r.createdAt,
    receivedAt: r.receivedAt,
    units: r.lines.reduce((s, l) => s + l.quantity, 0),
    refundAmount: r.refundAmount,
    receivingNode: r.receivingNode,
  };
}
