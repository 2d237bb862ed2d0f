import type { NodeType } from "@/lib/generated/prisma/enums";
import { nodeAvailable } from "@/lib/inventory/availability";
import { DEFAULT_SLOW_THRESHOLD_DAYS, isSlowMover } from "./alerts";
import {
  assertCount,
  coverUnits,
  daysOfSupply,
  giveableUnits,
  sellablePosition,
  type DaysOfSupply,
  type GiverFigures,
} from "./metrics";

/** Days of cover a transfer brings a selling node up to, unless configured otherwise. */
export const DEFAULT_TARGET_DAYS = 21;

/** One SKU at one node over the window. The caller passes only nodes that may exchange stock. */
export type TransferRow = GiverFigures & {
  nodeId: string;
  nodeType: NodeType;
  city: string;
  skuId: string;
  /** Units already on their way to the node; they count towards its cover. Default 0. */
  inbound?: number;
  /** Days the SKU has had stock at the node, when known (see `isSlowMover`). */
  daysInStock?: number;
};

export type TransferOptions = {
  /** Length of the sales window the rows' unitsSold cover, whole days. */
  windowDays: number;
  /** Days of cover a destination is brought up to and a source keeps for itself. Default 21. */
  targetDays?: number;
  /** Days of supply above which a node is a source. Default 90; never below targetDays. */
  slowThresholdDays?: number;
};

/** Move `quantity` units of one SKU from a slow node to a node where it sells. */
export type TransferSuggestion = {
  skuId: string;
  fromNodeId: string;
  toNodeId: string;
  quantity: number;
  sameCity: boolean;
  fromCity: string;
  toCity: string;
  /** What the source could give in all, before any suggestion. */
  fromGiveable: number;
  /** What the destination needed in all, before any suggestion. */
  toNeed: number;
  /** Days of supply of node available, before the move. */
  fromDaysOfSupply: DaysOfSupply;
  toDaysOfSupply: DaysOfSupply;
};

type Party = { row: TransferRow; total: number; left: number };

const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * A destination's need = max(0, ⌈unitsSold × targetDays ÷ windowDays⌉ − (position + inbound)),
 * position = onHand − reserved − safetyStock unclamped (`sellablePosition`): the units that bring
 * its available cover up to targetDays at its own rate of sale, a deficit below its safety stock
 * included. 0 for a node that does not sell or is already covered.
 */
export function transferNeed(
  row: TransferRow,
  { windowDays, targetDays = DEFAULT_TARGET_DAYS }: TransferOptions,
): number {
  const inbound = row.inbound ?? 0;
  assertCount(inbound, "inbound");
  const cover = coverUnits({ unitsSold: row.unitsSold, days: windowDays, coverDays: targetDays });
  return Math.max(0, cover - sellablePosition(row) - inbound);
}

/**
 * Transfers between nodes, per SKU:
 * - sources: slow movers (`isSlowMover` with slowThresholdDays) giving
 *   giveable = max(0, onHand − reserved − max(safetyStock, displayMin) − ⌈unitsSold × targetDays ÷ windowDays⌉),
 *   so reserved units, the safety stock, the shelf minimum and the source's own target cover stay;
 * - destinations: nodes with need > 0 (`transferNeed`); a node is never both, because a source's
 *   cover is above slowThresholdDays ≥ targetDays;
 * - each move = min(what the source has left to give, what the destination still needs).
 * Pairing: first same-city pairs, then any city; within each pass destinations by largest need
 * (then node id), each taking from the source with the most left to give (then node id). Output
 * is sorted by SKU, source, destination, whatever the order of the rows.
 */
export function suggestTransfers(
  rows: readonly TransferRow[],
  options: TransferOptions,
): TransferSuggestion[] {
  const {
    windowDays,
    targetDays = DEFAULT_TARGET_DAYS,
    slowThresholdDays = DEFAULT_SLOW_THRESHOLD_DAYS,
  } = options;
  assertCount(windowDays, "windowDays");
  assertCount(targetDays, "targetDays");
  if (slowThresholdDays < targetDays) {
    throw new RangeError(
      `slowThresholdDays (${slowThresholdDays}) is below targetDays (${targetDays})`,
    );
  }

  const bySku = new Map<string, { sources: Party[]; destinations: Party[]; nodes: Set<string> }>();
  for (const row of rows) {
    const sku = bySku.get(row.skuId) ?? { sources: [], destinations: [], nodes: new Set() };
    bySku.set(row.skuId, sku);
    if (sku.nodes.has(row.nodeId)) {
      throw new RangeError(`two rows for SKU ${row.skuId} at node ${row.nodeId}`);
    }
    sku.nodes.add(row.nodeId);
    if (isSlowMover(row, { windowDays, thresholdDays: slowThresholdDays })) {
      const giveable = giveableUnits(row, { days: windowDays, targetDays });
      if (giveable > 0) sku.sources.push({ row, total: giveable, left: giveable });
    } else {
      const need = transferNeed(row, { windowDays, targetDays });
      if (need > 0) sku.destinations.push({ row, total: need, left: need });
    }
  }

  const supply = (row: TransferRow): DaysOfSupply =>
    daysOfSupply({ available: nodeAvailable(row), unitsSold: row.unitsSold, days: windowDays });
  const suggestions: TransferSuggestion[] = [];
  for (const { sources, destinations } of bySku.values()) {
    destinations.sort((a, b) => b.total - a.total || byText(a.row.nodeId, b.row.nodeId));
    for (const sameCityOnly of [true, false]) {
      for (const to of destinations) {
        const candidates = sources
          .filter((from) => !sameCityOnly || from.row.city === to.row.city)
          .sort((a, b) => b.left - a.left || byText(a.row.nodeId, b.row.nodeId));
        for (const from of candidates) {
          const quantity = Math.min(from.left, to.left);
          if (quantity === 0) continue;
          from.left -= quantity;
          to.left -= quantity;
          suggestions.push({
            skuId: to.row.skuId,
            fromNodeId: from.row.nodeId,
            toNodeId: to.row.nodeId,
            quantity,
            sameCity: from.row.city === to.row.city,
            fromCity: from.row.city,
            toCity: to.row.city,
            fromGiveable: from.total,
            toNeed: to.total,
            fromDaysOfSupply: supply(from.row),
            toDaysOfSupply: supply(to.row),
          });
        }
      }
    }
  }
  return suggestions.sort(
    (a, b) =>
      byText(a.skuId, b.skuId) ||
      byText(a.fromNodeId, b.fromNodeId) ||
      byText(a.toNodeId, b.toNodeId),
  );
}
