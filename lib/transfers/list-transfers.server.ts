import "server-only";
import type { Db } from "@/lib/db/transaction.server";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { TransferStatus } from "@/lib/generated/prisma/enums";
import { parseInput } from "@/lib/validation/parse-input";
import { listTransfersSchema, shortBy, type ListTransfersQuery } from "./transfer-rules";

/** Transfers shown per page of the admin list. */
export const TRANSFERS_PER_PAGE = 50;
/** At most this many transfers waiting at one store are listed (oldest shipment first). */
const INCOMING_LIMIT = 200;

type NodeView = { id: string; code: string; name: string; nameZh: string };

export type TransferLineView = {
  id: string;
  skuId: string;
  skuCode: string;
  product: string;
  productZh: string;
  colour: string;
  colourZh: string;
  size: string;
  quantity: number;
  /** Null until received. */
  receivedQty: number | null;
  /** Units lost in transit (quantity − received); null until received. */
  shortBy: number | null;
};

export type TransferView = {
  id: string;
  transferNo: string;
  status: TransferStatus;
  reason: string;
  from: NodeView;
  to: NodeView;
  createdAt: Date;
  shippedAt: Date | null;
  receivedAt: Date | null;
  cancelledAt: Date | null;
  createdBy: string | null;
  receivedBy: string | null;
  lines: TransferLineView[];
  units: number;
  /** True once received with some line short. */
  short: boolean;
};

const node = { select: { id: true, code: true, name: true, nameZh: true } } as const;

const VIEW = {
  id: true,
  transferNo: true,
  status: true,
  reason: true,
  createdAt: true,
  shippedAt: true,
  receivedAt: true,
  cancelledAt: true,
  fromNode: node,
  toNode: node,
  createdBy: { select: { name: true } },
  receivedBy: { select: { name: true } },
  lines: {
    orderBy: { id: "asc" },
    select: {
      id: true,
      skuId: true,
      quantity: true,
      receivedQty: true,
      sku: {
        select: {
          skuCode: true,
          color: true,
          colorZh: true,
          size: true,
          product: { select: { name: true, nameZh: true } },
        },
      },
    },
  },
} as const satisfies Prisma.TransferOrderSelect;

type Row = Prisma.TransferOrderGetPayload<{ select: typeof VIEW }>;

function viewOf(row: Row): TransferView {
  const lines = row.lines.map((l) => ({
    id: l.id,
    skuId: l.skuId,
    skuCode: l.sku.skuCode,
    product: l.sku.product.name,
    productZh: l.sku.product.nameZh,
    colour: l.sku.color,
    colourZh: l.sku.colorZh,
    size: l.sku.size,
    quantity: l.quantity,
    receivedQty: l.receivedQty,
    shortBy: shortBy(l),
  }));
  return {
    id: row.id,
    transferNo: row.transferNo,
    status: row.status,
    reason: row.reason,
    from: row.fromNode,
    to: row.toNode,
    createdAt: row.createdAt,
    shippedAt: row.shippedAt,
    receivedAt: row.receivedAt,
    cancelledAt: row.cancelledAt,
    createdBy: row.createdBy?.name ?? null,
    receivedBy: row.receivedBy?.name ?? null,
    lines,
    units: lines.reduce((sum, l) => sum + l.quantity, 0),
    short: lines.some((l) => (l.shortBy ?? 0) > 0),
  };
}

/**
 * The admin's list of transfers, newest first, optionally of one status and from or to one
 * node, a page at a time. Callers check the role (pages: ADMIN).
 */
export async function listTransfers(
  db: Db,
  query: ListTransfersQuery = {},
): Promise<{ transfers: TransferView[]; total: number; page: number; pageSize: number }> {
  const { status, nodeId, page } = parseInput(listTransfersSchema, query);
  const where: Prisma.TransferOrderWhereInput = {
    ...(status ? { status } : {}),
    ...(nodeId ? { OR: [{ fromNodeId: nodeId }, { toNodeId: nodeId }] } : {}),
  };
  const [rows, total] = await Promise.all([
    db.transferOrder.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * TRANSFERS_PER_PAGE,
      take: TRANSFERS_PER_PAGE,
      select: VIEW,
    }),
    db.transferOrder.count({ where }),
  ]);
  return { transfers: rows.map(viewOf), total, page, pageSize: TRANSFERS_PER_PAGE };
}

/** Transfers shipped to a store and not yet counted in, oldest shipment first. */
export async function listIncomingTransfers(
  db: Db,
  input: { storeNodeId: string },
): Promise<TransferView[]> {
  const rows = await db.transferOrder.findMany({
    where: { toNodeId: input.storeNodeId, status: "SHIPPED" },
    orderBy: [{ shippedAt: "asc" }, { id: "asc" }],
    take: INCOMING_LIMIT,
    select: VIEW,
  });
  return rows.map(viewOf);
}

/** How many received transfers a store's page shows. */
const RECENTLY_RECEIVED = 10;

/** The last transfers counted in at a store, newest receipt first. */
export async function listReceivedTransfers(
  db: Db,
  input: { storeNodeId: string },
): Promise<TransferView[]> {
  const rows = await db.transferOrder.findMany({
    where: { toNodeId: input.storeNodeId, status: "RECEIVED" },
    orderBy: [{ receivedAt: "desc" }, { id: "desc" }],
    take: RECENTLY_RECEIVED,
    select: VIEW,
  });
  return rows.map(viewOf);
}

/** Nodes a transfer can go from or to: every active one, warehouses first, then by code. */
export async function listTransferNodes(db: Db): Promise<NodeView[]> {
  return db.node.findMany({
    where: { active: true },
    orderBy: [{ type: "asc" }, { code: "asc" }],
    select: { id: true, code: true, name: true, nameZh: true },
  });
}
