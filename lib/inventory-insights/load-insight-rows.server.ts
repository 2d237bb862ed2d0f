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
  cityZh: string;
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

/** A kept level's figures, by ids: the names are read once per node and per SKU. */
type LevelRow = {
  nodeId: string;
  skuId: string;
  onHand: number;
  reserved: number;
  safetyStock: number;
  inbound: number;
  displayMin: number;
  unitsSold: bigint | number;
};
type NodeLabelRow = Pick<
  LoadedInsightRow,
  "nodeId" | "city" | "cityZh" | "nodeCode" | "nodeName" | "nodeNameZh"
> & { nodeType: string };
type SkuLabelRow = Pick<
  LoadedInsightRow,
  "skuId" | "skuCode" | "categoryId" | "productName" | "productNameZh" | "listPrice"
>;

/**
 * Every stock level the filter keeps (active nodes, no bundles), with the units each node sold of
 * each SKU in the window. Units sold = −Σ onHandDelta of the SALE movements created in
 * [now − days, now]: the ledger, not the orders, so a sale is counted where its units left.
 * Aggregated in SQL (one row per level), never a movement loaded into Node. A level's row carries
 * only ids and figures; the names of its node and SKU come from two small reads of the nodes and
 * SKUs seen (the same names repeated on every level cost most of the transfer).
 */
export async function loadInsightRows(
  db: Db,
  { filter, window }: { filter: InsightFilter; window: InsightWindow },
): Promise<LoadedInsightRow[]> {
  const since = windowStart(window);
  const levels = await db.$queryRaw<LevelRow[]>`
    WITH sold AS (
      SELECT m."nodeId", m."skuId", -SUM(m."onHandDelta") AS units
      FROM "StockMovement" m
      WHERE m."kind" = 'SALE' AND m."createdAt" >= ${since} AND m."createdAt" <= ${window.now}
      GROUP BY m."nodeId", m."skuId"
    )
    SELECT s."nodeId", s."skuId", s."onHand", s."reserved", s."safetyStock", s."inbound",
           s."displayMin", GREATEST(COALESCE(sold.units, 0), 0) AS "unitsSold"
    FROM "StockLevel" s
    JOIN "Node" n ON n."id" = s."nodeId"
    JOIN "Sku" k ON k."id" = s."skuId"
    JOIN "Product" p ON p."id" = k."productId"
    LEFT JOIN sold ON sold."nodeId" = s."nodeId" AND sold."skuId" = s."skuId"
    WHERE ${filterSql(filter)}
    ORDER BY n."code", k."skuCode"`;
  if (levels.length === 0) return [];
  const nodeIds = [...new Set(levels.map((l) => l.nodeId))];
  const skuIds = [...new Set(levels.map((l) => l.skuId))];
  const [nodes, skus] = await Promise.all([
    db.$queryRaw<NodeLabelRow[]>`
      SELECT n."id" AS "nodeId", n."type"::text AS "nodeType", n."city" AS "city", n."cityZh" AS "cityZh",
             n."code" AS "nodeCode", n."name" AS "nodeName", n."nameZh" AS "nodeNameZh"
      FROM "Node" n WHERE n."id" = ANY(${nodeIds})`,
    db.$queryRaw<SkuLabelRow[]>`
      SELECT k."id" AS "skuId", k."skuCode" AS "skuCode", p."categoryId" AS "categoryId",
             p."name" AS "productName", p."nameZh" AS "productNameZh",
             COALESCE(k."listPrice", p."listPrice") AS "listPrice"
      FROM "Sku" k JOIN "Product" p ON p."id" = k."productId" WHERE k."id" = ANY(${skuIds})`,
  ]);
  const nodeById = new Map(nodes.map((n) => [n.nodeId, n]));
  const skuById = new Map(skus.map((k) => [k.skuId, k]));
  return levels.map((level) => {
    // Nodes and SKUs are never deleted, so a level read a moment ago still has both.
    const node = nodeById.get(level.nodeId)!;
    const sku = skuById.get(level.skuId)!;
    return {
      nodeId: level.nodeId,
      nodeType: node.nodeType as NodeType,
      city: node.city,
      nodeCode: node.nodeCode,
      nodeName: node.nodeName,
      nodeNameZh: node.nodeNameZh,
      cityZh: node.cityZh,
      skuId: level.skuId,
      skuCode: sku.skuCode,
      categoryId: sku.categoryId,
      productName: sku.productName,
      productNameZh: sku.productNameZh,
      listPrice: sku.listPrice,
      // A negative level (a counting slip) is shown as empty rather than breaking every figure.
      onHand: Math.max(0, level.onHand),
      reserved: Math.max(0, level.reserved),
      safetyStock: level.safetyStock,
      inbound: level.inbound,
      displayMin: level.displayMin,
      unitsSold: Number(level.unitsSold),
    };
  });
}

/** Node and SKU names of the rows a screen mentions, by id. */
export type InsightLabels = {
  nodes: Record<
    string,
    { code: string; name: string; nameZh: string; city: string; cityZh: string }
  >;
  skus: Record<string, { skuCode: string; productName: string; productNameZh: string }>;
};

/** The names of the nodes and SKUs of the rows, each once. */
export function insightLabels(rows: readonly LoadedInsightRow[]): InsightLabels {
  const labels: InsightLabels = { nodes: {}, skus: {} };
  for (const r of rows) {
    labels.nodes[r.nodeId] ??= {
      code: r.nodeCode,
      name: r.nodeName,
      nameZh: r.nodeNameZh,
      city: r.city,
      cityZh: r.cityZh,
    };
    labels.skus[r.skuId] ??= {
      skuCode: r.skuCode,
      productName: r.productName,
      productNameZh: r.productNameZh,
    };
  }
  return labels;
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
  // Stored instants are UTC; China keeps UTC+8 all year, so +8 h gives the Shanghai date. The
  // filter is a semi-join on the kept levels (each movement counts once, as each has one level),
  // so the planner hashes the kept levels against one scan of the window's movements, or, for a
  // narrow filter, looks the few kept levels' movements up by index; days are grouped as dates
  // and formatted once per day, not once per movement.
  const rows = await db.$queryRaw<{ day: string; sold: bigint; delta: bigint }[]>`
    SELECT to_char(d.day, 'YYYY-MM-DD') AS day, d.sold, d.delta
    FROM (
      SELECT (m."createdAt" + interval '8 hours')::date AS day,
             COALESCE(SUM(CASE WHEN m."kind" = 'SALE' THEN -m."onHandDelta" ELSE 0 END), 0) AS sold,
             COALESCE(SUM(m."onHandDelta"), 0) AS delta
      FROM "StockMovement" m
      WHERE m."createdAt" >= ${since} AND m."createdAt" <= ${now} AND EXISTS (
        SELECT 1
        FROM "StockLevel" s
        JOIN "Node" n ON n."id" = s."nodeId"
        JOIN "Sku" k ON k."id" = s."skuId"
        JOIN "Product" p ON p."id" = k."productId"
        WHERE s."nodeId" = m."nodeId" AND s."skuId" = m."skuId" AND ${filterSql(filter)}
      )
      GROUP BY 1
    ) d
    ORDER BY d.day`;
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
    WHERE n."active" = true AND s."skuId" = ANY(${[...skuIds]})
    GROUP BY s."skuId"`;
  return new Map(rows.map((r) => [r.skuId, Number(r.available)]));
}
