import "server-only";
import type { Db } from "@/lib/db/transaction.server";
import type { NodeType } from "@/lib/generated/prisma/enums";
import {
  insightLabels,
  loadInsightRows,
  type InsightFilter,
  type InsightLabels,
} from "./load-insight-rows.server";
import { groupBySupplier, suggestReplenishment, type ReplenishmentGroup } from "./replenishment";
import { suggestTransfers, type TransferSuggestion } from "./transfer-suggestions";

/** Stores that exchange stock among themselves: the brand's own (franchisees own their stock). */
const TRANSFER_NODE_TYPES: readonly NodeType[] = ["STORE_DIRECT"];
const WAREHOUSE_TYPES: readonly NodeType[] = ["CENTRAL_WAREHOUSE", "REGIONAL_WAREHOUSE"];

/** Days from a warehouse's pick to the units on a store's shelf, unless configured otherwise. */
export const DEFAULT_LEAD_TIME_DAYS = 3;

/** Node and SKU names of the rows a suggestion list mentions. */
export type SuggestionLabels = InsightLabels;

/**
 * Store-to-store transfer suggestions (`suggestTransfers`) over the brand's own stores, from the
 * SQL-aggregated rows of the window.
 */
export async function loadTransferSuggestions(
  db: Db,
  input: {
    filter?: Pick<InsightFilter, "categoryId" | "skuQuery">;
    windowDays: number;
    targetDays?: number;
    slowThresholdDays?: number;
    now: Date;
  },
): Promise<{ suggestions: TransferSuggestion[]; labels: SuggestionLabels }> {
  const rows = (
    await loadInsightRows(db, {
      filter: input.filter ?? {},
      window: { days: input.windowDays, now: input.now },
    })
  ).filter((r) => TRANSFER_NODE_TYPES.includes(r.nodeType));
  const suggestions = suggestTransfers(rows, {
    windowDays: input.windowDays,
    targetDays: input.targetDays,
    slowThresholdDays: input.slowThresholdDays,
  });
  return { suggestions, labels: insightLabels(rows) };
}

/**
 * Which warehouse replenishes each of the brand's stores: a regional warehouse in the store's
 * city, else a central warehouse in it, else the central warehouse (lowest code when several).
 */
export function supplierMap(
  nodes: readonly { nodeId: string; nodeType: NodeType; city: string; nodeCode: string }[],
): Map<string, string> {
  const warehouses = nodes
    .filter((n) => WAREHOUSE_TYPES.includes(n.nodeType))
    .sort((a, b) => (a.nodeCode < b.nodeCode ? -1 : a.nodeCode > b.nodeCode ? 1 : 0));
  const central = warehouses.find((w) => w.nodeType === "CENTRAL_WAREHOUSE");
  const supplierOf = new Map<string, string>();
  for (const n of nodes) {
    if (!TRANSFER_NODE_TYPES.includes(n.nodeType) || supplierOf.has(n.nodeId)) continue;
    const local =
      warehouses.find((w) => w.city === n.city && w.nodeType === "REGIONAL_WAREHOUSE") ??
      warehouses.find((w) => w.city === n.city) ??
      central;
    if (local) supplierOf.set(n.nodeId, local.nodeId);
  }
  return supplierOf;
}

/** Replenishment suggestions (`suggestReplenishment`) for the brand's stores, by supplier. */
export async function loadReplenishment(
  db: Db,
  input: {
    filter?: Pick<InsightFilter, "categoryId" | "skuQuery">;
    windowDays: number;
    leadTimeDays?: number;
    targetDays?: number;
    now: Date;
  },
): Promise<{ groups: ReplenishmentGroup[]; labels: SuggestionLabels }> {
  const rows = await loadInsightRows(db, {
    filter: input.filter ?? {},
    window: { days: input.windowDays, now: input.now },
  });
  const suggestions = suggestReplenishment(rows, {
    windowDays: input.windowDays,
    leadTimeDays: input.leadTimeDays ?? DEFAULT_LEAD_TIME_DAYS,
    targetDays: input.targetDays,
    supplierOf: supplierMap(rows),
  });
  return { groups: groupBySupplier(suggestions), labels: insightLabels(rows) };
}

/** Every category, in the catalogue's order, for a suggestion screen's filter. */
export function listSuggestionCategories(db: Db) {
  return db.category.findMany({
    orderBy: [{ position: "asc" }, { slug: "asc" }],
    select: { id: true, name: true, nameZh: true },
  });
}
