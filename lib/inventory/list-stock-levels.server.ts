import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { MovementKind } from "@/lib/generated/prisma/enums";
import type { Db } from "@/lib/db/transaction.server";
import { nodeAvailable } from "./availability";

/** Stock levels shown per page of the stock console. */
export const STOCK_PAGE_SIZE = 50;

/** One node × SKU row of the stock console. */
export type StockLevelRow = {
  nodeId: string;
  nodeCode: string;
  nodeName: string;
  nodeNameZh: string;
  skuId: string;
  skuCode: string;
  product: string;
  productZh: string;
  colour: string;
  colourZh: string;
  size: string;
  onHand: number;
  reserved: number;
  safetyStock: number;
  inbound: number;
  displayMin: number;
  available: number;
  version: number;
};

const LEVEL_INCLUDE = {
  node: { select: { code: true, name: true, nameZh: true } },
  sku: {
    select: {
      skuCode: true,
      color: true,
      colorZh: true,
      size: true,
      product: { select: { name: true, nameZh: true } },
    },
  },
} as const;

type LevelWithNames = Prisma.StockLevelGetPayload<{ include: typeof LEVEL_INCLUDE }>;

function toRow(l: LevelWithNames): StockLevelRow {
  return {
    nodeId: l.nodeId,
    nodeCode: l.node.code,
    nodeName: l.node.name,
    nodeNameZh: l.node.nameZh,
    skuId: l.skuId,
    skuCode: l.sku.skuCode,
    product: l.sku.product.name,
    productZh: l.sku.product.nameZh,
    colour: l.sku.color,
    colourZh: l.sku.colorZh,
    size: l.sku.size,
    onHand: l.onHand,
    reserved: l.reserved,
    safetyStock: l.safetyStock,
    inbound: l.inbound,
    displayMin: l.displayMin,
    available: nodeAvailable(l),
    version: l.version,
  };
}

/** One node × SKU level with its names, or null when the node holds no row for the SKU. */
export async function getStockLevelRow(
  db: Db,
  at: { nodeId: string; skuId: string },
): Promise<StockLevelRow | null> {
  const level = await db.stockLevel.findUnique({
    where: { nodeId_skuId: at },
    include: LEVEL_INCLUDE,
  });
  return level ? toRow(level) : null;
}

export type StockLevelFilter = {
  nodeId?: string;
  /** A SKU code, barcode or style code, or the start of one. */
  search?: string;
  page?: number;
};

/** Node × SKU levels with what each node can give (onHand − reserved − safety), by node then SKU. */
export async function listStockLevels(
  db: Db,
  filter: StockLevelFilter = {},
): Promise<{ rows: StockLevelRow[]; total: number; page: number; pageSize: number }> {
  const page = Math.max(1, Math.floor(filter.page ?? 1));
  const search = filter.search?.trim();
  const where = {
    ...(filter.nodeId ? { nodeId: filter.nodeId } : {}),
    ...(search
      ? {
          sku: {
            OR: [
              { skuCode: { startsWith: search, mode: "insensitive" as const } },
              { barcode: { startsWith: search } },
              { product: { styleCode: { startsWith: search, mode: "insensitive" as const } } },
            ],
          },
        }
      : {}),
  };
  const [levels, total] = await Promise.all([
    db.stockLevel.findMany({
      where,
      orderBy: [{ node: { code: "asc" } }, { sku: { skuCode: "asc" } }],
      skip: (page - 1) * STOCK_PAGE_SIZE,
      take: STOCK_PAGE_SIZE,
      include: LEVEL_INCLUDE,
    }),
    db.stockLevel.count({ where }),
  ]);
  const rows = levels.map(toRow);
  return { rows, total, page, pageSize: STOCK_PAGE_SIZE };
}

/** One ledger row of a stock level. */
export type MovementRowView = {
  id: number;
  kind: MovementKind;
  onHandDelta: number;
  reservedDelta: number;
  inboundDelta: number;
  reason: string;
  documentType: string;
  documentId: string;
  createdAt: Date;
};

/** The newest movements of one node × SKU, newest first. */
export async function listStockMovements(
  db: Db,
  at: { nodeId: string; skuId: string },
  limit = 50,
): Promise<MovementRowView[]> {
  return db.stockMovement.findMany({
    where: { nodeId: at.nodeId, skuId: at.skuId },
    orderBy: { id: "desc" },
    take: Math.min(Math.max(1, limit), 200),
    select: {
      id: true,
      kind: true,
      onHandDelta: true,
      reservedDelta: true,
      inboundDelta: true,
      reason: true,
      documentType: true,
      documentId: true,
      createdAt: true,
    },
  });
}
