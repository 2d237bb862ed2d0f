import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import type { NodeType } from "@/lib/generated/prisma/enums";
import type { Db } from "@/lib/db/transaction.server";
import type { InsightRow } from "./metrics";

/** Which stock the dashboard looks at; every given condition must hold. */
export type InsightFilter = {
  city?: string;
  nodeId?: string;
  categoryId?: string;
  /** Part of a SKU code or style name, case-insensitive. */
  skuQuery?: string;
};

/** A sales window of `days` whole days ending at `now`. */
export type InsightWindow = { days: number; now: Date };

/** One SKU at one node with its figures, what transfers need, and the names a screen shows. */
export type LoadedInsightRow = InsightRow & {
  inbound: number;
  displayMin: number;
  nodeCode: string;
  nodeName: string;
  nodeNameZh: string;
  skuCode: string;
  productName: string;
  productNameZh: string;
};

const DAY_MS = 86_400_000;

/** The start of the window: `days` whole days before `now`. */
export function windowStart({ days, now }: InsightWindow): Date {
  return new Date(now.getTime() - days * DAY_MS);
}

// Conditions on the aliases n (Node), s (StockLevel), k (Sku) and p (Product).
function filterSql(filter: InsightFilter): Prisma.Sql {
  const parts: Prisma.Sql[] = [Prisma.sql`n."active" = true`, Prisma.sql`k."isBundle" = false`];
  if (filter.city) parts.push(Prisma.sql`n."city" = ${filter.city}`);
  if (filter.nodeId) parts.push(Prisma.sql`n."id" = ${filter.nodeId}`);
  if (filter.categoryId) parts.push(Prisma.sql`p."categoryId" = ${filter.categoryId}`);
  if (filter.skuQuery) {
    // LIKE's own wildcards in the query are matched literally.
    const pattern = `%${filter.skuQuery.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    parts.push(
      Prisma.sql`(k."skuCode" ILIKE ${pattern} OR p."name" ILIKE ${pattern} OR p."nameZh" ILIKE ${pattern})`,
    );
  }
  return Prisma.join(parts, " AND ");
}

type RawRow = Omit<LoadedInsightRow, "unitsSold"> & { unitsSold: bigint | number };

/**
 * Every stock level the filter keeps (active nodes, no bundles), with the units each node sold of
 * each SKU in the window. Units sold = −Σ onHandDelta of the SALE movements created in
 * [now − days, now]: the ledger, not the orders, so a sale is counted where its units left.
 * Aggregated in SQL (one row per level), never a movement loaded into Node.
 */
export async function loadInsightRows(
  db: Db,
  { filter, window }: { filter: InsightFilter; window: InsightWindow },
): Promise<LoadedInsightRow[]> {
  const since = windowStart(window);
  const rows = await db.$queryRaw<RawRow[]>`
    WITH sold AS (
      SELECT m."nodeId", m."skuId", -SUM(m."onHandDelta") AS units
      FROM "StockMovement" m
      WHERE m."kind" = 'SALE' AND m."createdAt" >= ${since} AND m."createdAt" <= ${window.now}
      GROUP BY m."nodeId", m."skuId"
    )
    SELECT n."id" AS "nodeId", n."type"::text AS "nodeType", n."city" AS "city",
           n."code" AS "nodeCode", n."name" AS "nodeName", n."nameZh" AS "nodeNameZh",
           k."id" AS "skuId", k."skuCode" AS "skuCode", p."categoryId" AS "categoryId",
           p."name" AS "productName", p."nameZh" AS "productNameZh",
           COALESCE(k."listPrice", p."listPrice") AS "listPrice",
           s."onHand", s."reserved", s."safetyStock", s."inbound", s."displayMin",
           GREATEST(COALESCE(sold.units, 0), 0) AS "unitsSold"
    FROM "StockLevel" s
    JOIN "Node" n ON n."id" = s."nodeId"
    JOIN "Sku" k ON k."id" = s."skuId"
    JOIN "Product" p ON p."id" = k."productId"
    LEFT JOIN sold ON sold."nodeId" = s."nodeId" AND sold."skuId" = s."skuId"
    WHERE ${filterSql(filter)}
    ORDER BY n."code", k."skuCode"`;
  return rows.map((row) => ({
    ...row,
    nodeType: row.nodeType as NodeType,
    // A negative level (a counting slip) is shown as empty rather than breaking every figure.
    onHand: Math.max(0, row.onHand),
    reserved: Math.max(0, row.reserved),
    unitsSold: Number(row.unitsSold),
  }));
}

/** One Shanghai calendar day of the filtered stock: units sold and the net change of onHand. */
export type DailyStockFlow = { day: string; sold: number; onHandDelta: number };

/**
 * Per Shanghai day from `since` to `now`: units sold (SALE movements) and the net onHand change
 * of every movement, over the stock the filter keeps. Days without a movement are absent.
 */
export async function loadDailyStockFlow(
  db: Db,
  { filter, since, now }: { filter: InsightFilter; since: Date; now: Date },
): Promise<DailyStockFlow[]> {
  // Stored instants are UTC; China keeps UTC+8 all year, so +8 h gives the Shanghai date.
  const rows = await db.$queryRaw<{ day: string; sold: bigint; delta: bigint }[]>`
    SELECT to_char(m."createdAt" + interval '8 hours', 'YYYY-MM-DD') AS day,
           COALESCE(SUM(CASE WHEN m."kind" = 'SALE' THEN -m."onHandDelta" ELSE 0 END), 0) AS sold,
           COALESCE(SUM(m."onHandDelta"), 0) AS delta
    FROM "StockMovement" m
    JOIN "StockLevel" s ON s."nodeId" = m."nodeId" AND s."skuId" = m."skuId"
    JOIN "Node" n ON n."id" = m."nodeId"
    JOIN "Sku" k ON k."id" = m."skuId"
    JOIN "Product" p ON p."id" = k."productId"
    WHERE m."createdAt" >= ${since} AND m."createdAt" <= ${now} AND ${filterSql(filter)}
    GROUP BY 1 ORDER BY 1`;
  return rows.map((r) => ({ day: r.day, sold: Number(r.sold), onHandDelta: Number(r.delta) }));
}

/** Pool available per SKU over every active node (the tier switch's figure), for the given SKUs. */
export async function loadPoolAvailable(
  db: Db,
  skuIds: readonly string[],
): Promise<Map<string, number>> {
  if (skuIds.length === 0) return new Map();
  const rows = await db.$queryRaw<{ skuId: string; available: bigint }[]>`
    SELECT s."skuId" AS "skuId",
           COALESCE(SUM(GREATEST(s."onHand" - s."reserved" - s."safetyStock", 0)), 0) AS available
    FROM "StockLevel" s JOIN "Node" n ON n."id" = s."nodeId"
    WHERE n."active" = true AND s."skuId" IN (${Prisma.join([...skuIds])})
    GROUP BY s."skuId"`;
  return new Map(rows.map((r) => [r.skuId, Number(r.available)]));
}
