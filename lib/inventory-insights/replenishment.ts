import { nodeAvailable } from "@/lib/inventory/availability";
import {
  assertCount,
  coverUnits,
  daysOfSupply,
  giveableUnits,
  sellablePosition,
  type DaysOfSupply,
  type GiverFigures,
} from "./metrics";
import { DEFAULT_TARGET_DAYS } from "./transfer-suggestions";
import { toCsv } from "@/lib/format/csv";

/** One SKU at one node over the window; supplier warehouses are rows too. */
export type ReplenishmentRow = GiverFigures & {
  nodeId: string;
  skuId: string;
  /** Units already on their way to the node. */
  inbound: number;
};

export type ReplenishmentOptions = {
  /** Length of the sales window the rows' unitsSold cover, whole days. */
  windowDays: number;
  /** Days from ordering to the units being available at the node. */
  leadTimeDays: number;
  /** Days of cover after the lead time. Default 21. */
  targetDays?: number;
  /** Node → the warehouse serving its region. A node without one is not replenished here. */
  supplierOf: ReadonlyMap<string, string>;
};

/** Send `quantity` units of one SKU from the supplier warehouse to the node. */
export type ReplenishmentSuggestion = {
  supplierNodeId: string;
  nodeId: string;
  skuId: string;
  /** ⌈velocity × (leadTimeDays + targetDays)⌉ − (onHand − reserved − safetyStock + inbound), > 0. */
  need: number;
  /** What the supplier can send: need capped by what it has left to give; may be 0. */
  quantity: number;
  /** need − quantity: units the supplier cannot cover. */
  shortfall: number;
  available: number;
  inbound: number;
  unitsSold: number;
  /** Days of supply of available + inbound, before the suggestion. */
  daysOfCover: DaysOfSupply;
};

/** The suggestions of one supplier, e.g. one pick list. */
export type ReplenishmentGroup = {
  supplierNodeId: string;
  /** Σ quantity. */
  units: number;
  suggestions: ReplenishmentSuggestion[];
};

const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const days = (s: DaysOfSupply): number => (s.kind === "NO_SALES" ? Infinity : s.days);

/**
 * Replenishment per node and SKU:
 * need = ⌈unitsSold × (leadTimeDays + targetDays) ÷ windowDays⌉ − (position + inbound), where
 * position = onHand − reserved − safetyStock, unclamped (`sellablePosition`: a node below its
 * safety stock needs that deficit too, or the delivery leaves nothing to sell); suggested when need > 0 and the node has a
 * supplier. The supplier's units are its giveable units (`giveableUnits`: never its reserved
 * units, safety stock, shelf minimum or its own targetDays of cover), measured on its current
 * stock; they go to the most urgent node first (fewest days of cover, then largest need, then
 * node id), each taking min(need, what is left). Sorted by supplier, node, SKU.
 */
export function suggestReplenishment(
  rows: readonly ReplenishmentRow[],
  options: ReplenishmentOptions,
): ReplenishmentSuggestion[] {
  const { windowDays, leadTimeDays, targetDays = DEFAULT_TARGET_DAYS, supplierOf } = options;
  assertCount(leadTimeDays, "leadTimeDays");
  assertCount(targetDays, "targetDays");

  const rowAt = new Map<string, ReplenishmentRow>();
  const key = (nodeId: string, skuId: string) => JSON.stringify([nodeId, skuId]);
  for (const row of rows) {
    if (rowAt.has(key(row.nodeId, row.skuId))) {
      throw new RangeError(`two rows for SKU ${row.skuId} at node ${row.nodeId}`);
    }
    if (supplierOf.get(row.nodeId) === row.nodeId) {
      throw new RangeError(`node ${row.nodeId} is its own supplier`);
    }
    rowAt.set(key(row.nodeId, row.skuId), row);
  }

  // Needs per supplier and SKU, so each supplier's giveable units are shared out once.
  type Needs = { supplierNodeId: string; skuId: string; lines: ReplenishmentSuggestion[] };
  const needs = new Map<string, Needs>();
  for (const row of rows) {
    const supplierNodeId = supplierOf.get(row.nodeId);
    if (supplierNodeId === undefined) continue;
    assertCount(row.inbound, "inbound");
    const available = nodeAvailable(row);
    const cover = coverUnits({
      unitsSold: row.unitsSold,
      days: windowDays,
      coverDays: leadTimeDays + targetDays,
    });
    const need = cover - sellablePosition(row) - row.inbound;
    if (need <= 0) continue;
    const group = needs.get(key(supplierNodeId, row.skuId)) ?? {
      supplierNodeId,
      skuId: row.skuId,
      lines: [],
    };
    needs.set(key(supplierNodeId, row.skuId), group);
    group.lines.push({
      supplierNodeId,
      nodeId: row.nodeId,
      skuId: row.skuId,
      need,
      quantity: 0,
      shortfall: need,
      available,
      inbound: row.inbound,
      unitsSold: row.unitsSold,
      daysOfCover: daysOfSupply({
        available: available + row.inbound,
        unitsSold: row.unitsSold,
        days: windowDays,
      }),
    });
  }

  const suggestions: ReplenishmentSuggestion[] = [];
  for (const { supplierNodeId, skuId, lines } of needs.values()) {
    const supplier = rowAt.get(key(supplierNodeId, skuId));
    let left = supplier ? giveableUnits(supplier, { days: windowDays, targetDays }) : 0;
    lines.sort(
      (a, b) =>
        days(a.daysOfCover) - days(b.daysOfCover) || b.need - a.need || byText(a.nodeId, b.nodeId),
    );
    for (const line of lines) {
      line.quantity = Math.min(line.need, left);
      line.shortfall = line.need - line.quantity;
      left -= line.quantity;
      suggestions.push(line);
    }
  }
  return suggestions.sort(
    (a, b) =>
      byText(a.supplierNodeId, b.supplierNodeId) ||
      byText(a.nodeId, b.nodeId) ||
      byText(a.skuId, b.skuId),
  );
}

/** Suggestions grouped by supplier, in supplier order, each group's lines in node, SKU order. */
export function groupBySupplier(
  suggestions: readonly ReplenishmentSuggestion[],
): ReplenishmentGroup[] {
  const groups = new Map<string, ReplenishmentGroup>();
  for (const s of suggestions) {
    const group = groups.get(s.supplierNodeId) ?? {
      supplierNodeId: s.supplierNodeId,
      units: 0,
      suggestions: [],
    };
    groups.set(s.supplierNodeId, group);
    group.units += s.quantity;
    group.suggestions.push(s);
  }
  return [...groups.values()].sort((a, b) => byText(a.supplierNodeId, b.supplierNodeId));
}

/**
 * Suggestions as CSV (RFC 4180: header row, CRLF line ends, quoted cells), one line per
 * suggestion in the given order. Nodes and SKUs are written through the labels (e.g. codes);
 * without them, their ids.
 */
export function replenishmentCsv(
  suggestions: readonly ReplenishmentSuggestion[],
  labels: { node?: (nodeId: string) => string; sku?: (skuId: string) => string } = {},
): string {
  const node = labels.node ?? ((id: string) => id);
  const sku = labels.sku ?? ((id: string) => id);
  const lines: (string | number)[][] = [
    [
      "supplier",
      "node",
      "sku",
      "quantity",
      "need",
      "shortfall",
      "available",
      "inbound",
      "units_sold",
    ],
    ...suggestions.map((s) => [
      node(s.supplierNodeId),
      node(s.nodeId),
      sku(s.skuId),
      s.quantity,
      s.need,
      s.shortfall,
      s.available,
      s.inbound,
      s.unitsSold,
    ]),
  ];
  return toCsv(lines);
}
