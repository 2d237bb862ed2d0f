import type { Prisma } from "@/lib/generated/prisma/client";
import type { Assortment, LocalSku } from "./assortment";
import { daysBefore } from "./clock";
import { HISTORY_DAYS } from "./history-plan";
import type { Sale } from "./history-rows";
import type { NodeFacts } from "./nodes";
import { createRandom, type Random } from "./random";

/** A stock level and the movements that build it up; written together or not at all. */
export type StockEntry = {
  level: Prisma.StockLevelCreateManyInput & { id: string };
  movements: Prisma.StockMovementCreateManyInput[];
};

/** Document type of the movements that set up initial stock. */
export const SEED_DOCUMENT = "SEED";

/** The stock level's row id. */
export const stockLevelId = (nodeCode: string, skuCode: string): string =>
  `stk_${nodeCode}_${skuCode}`;

type Shape = { onHand: number; safetyStock: number; displayMin: number; inbound: number };

/**
 * Stock per node and SKU. Each level is what is left after the history: the initial receipt is
 * the closing stock plus everything the node sold, so on-hand never dips below zero and the
 * ledger (receipt − sales, plus inbound) reproduces every level exactly.
 */
export function buildStock(input: {
  nodes: readonly NodeFacts[];
  assortment: Assortment;
  sales: readonly Sale[];
  now: Date;
}): StockEntry[] {
  const random = createRandom("stock");
  const salesByLevel = new Map<string, Sale[]>();
  for (const sale of input.sales) {
    const key = `${sale.nodeId}|${sale.skuId}`;
    const list = salesByLevel.get(key);
    if (list) list.push(sale);
    else salesByLevel.set(key, [sale]);
  }
  const maxDemand = Math.max(...[...input.assortment.values()].flat().map((l) => l.sku.demand));
  const receivedAt = daysBefore(input.now, HISTORY_DAYS + 7);
  const inboundAt = daysBefore(input.now, 2);
  const entries: StockEntry[] = [];

  for (const node of input.nodes) {
    for (const local of input.assortment.get(node.id) ?? []) {
      const sales = salesByLevel.get(`${node.id}|${local.sku.id}`) ?? [];
      const sold = sales.reduce((sum, s) => sum + s.quantity, 0);
      const shape =
        node.kind === "STORE"
          ? storeShape(random, node, sold)
          : warehouseShape(random, node, local, local.sku.demand / maxDemand);
      const received = shape.onHand + sold;
      const movements: Prisma.StockMovementCreateManyInput[] = [];
      const base = { nodeId: node.id, skuId: local.sku.id };
      if (received > 0) {
        movements.push({
          ...base,
          kind: "RECEIPT",
          onHandDelta: received,
          reason: "Initial stock receipt",
          documentType: SEED_DOCUMENT,
          documentId: "initial-receipt",
          createdAt: receivedAt,
        });
      }
      for (const sale of sales) {
        movements.push({
          ...base,
          kind: "SALE",
          onHandDelta: -sale.quantity,
          reason: `Sold on order ${sale.orderNo}`,
          documentType: "ORDER",
          documentId: sale.orderId,
          createdAt: sale.at,
        });
      }
      if (shape.inbound > 0) {
        movements.push({
          ...base,
          kind: "INBOUND",
          inboundDelta: shape.inbound,
          reason: node.kind === "STORE" ? "Replenishment in transit" : "Purchase order in transit",
          documentType: SEED_DOCUMENT,
          documentId: "initial-inbound",
          createdAt: inboundAt,
        });
      }
      entries.push({
        level: {
          id: stockLevelId(node.code, local.sku.skuCode),
          ...base,
          onHand: shape.onHand,
          reserved: 0,
          safetyStock: shape.safetyStock,
          inbound: shape.inbound,
          displayMin: shape.displayMin,
        },
        movements,
      });
    }
  }
  return entries;
}

function warehouseShape(
  random: Random,
  node: NodeFacts,
  local: LocalSku,
  demandShare: number,
): Shape {
  const central = node.code.startsWith("CW-");
  const { sku } = local;
  if (sku.presale) {
    // Presale stock exists only as the production run on its way to the central warehouse.
    return { onHand: 0, safetyStock: 0, displayMin: 0, inbound: central ? 300 : 0 };
  }
  const safetyStock = central ? 10 : 5;
  if (sku.lifecycle === "CLEARANCE") {
    // Plenty left over: this is what the employee store and the outlet channel sell.
    return {
      onHand: central ? random.int(120, 300) : random.int(30, 90),
      safetyStock,
      displayMin: 0,
      inbound: 0,
    };
  }
  const depth = central ? 30 + 260 * demandShare : 10 + 120 * demandShare;
  // Now and then a regional warehouse has run dry of a size, for the stock-out alerts.
  const onHand = !central && random.chance(0.03) ? 0 : Math.round(depth * random.between(0.6, 1.4));
  let inbound = 0;
  if (sku.lifecycle === "NEW" && central) inbound = random.int(100, 240);
  else if (!central && demandShare > 0.4 && random.chance(0.3)) inbound = random.int(40, 120);
  return { onHand, safetyStock, displayMin: 0, inbound };
}

function storeShape(random: Random, node: NodeFacts, sold: number): Shape {
  // Unsold lines still sit on the shelf; lines that sell are often down to their last units.
  let onHand: number;
  if (sold === 0) onHand = random.int(1, 5);
  else if (random.chance(0.12)) onHand = 0;
  else onHand = random.int(1, 3 + Math.round(node.traffic));
  const inbound = onHand <= 1 && random.chance(0.15) ? random.int(2, 6) : 0;
  // Busy stores lose the odd unit to miscounts, so they keep one back from online orders.
  return { onHand, safetyStock: node.traffic >= 1.5 ? 1 : 0, displayMin: 1, inbound };
}
