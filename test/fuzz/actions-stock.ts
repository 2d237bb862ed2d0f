import type { ActionSpec } from "./action-table";
import { ADJUSTMENT_REASONS } from "@/lib/inventory/stock-admin-input";
import { NODE_TYPES } from "@/lib/nodes/node-input";
import { bool, id, int, num, oneOf, text } from "./input-shapes";

const node = {
  code: text(40),
  name: text(120),
  nameZh: text(120),
  type: oneOf(NODE_TYPES),
  organizationId: text(200),
  city: text(80),
  cityZh: text(80),
  district: text(80),
  address: text(200),
  latitude: num(-90, 90),
  longitude: num(-180, 180),
  shipsExpress: bool,
  offersPickup: bool,
  offersSameCity: bool,
  sameCityRadiusKm: num(0, 500),
  dailyCapacity: int(0, 100_000_000),
  costPerShipment: int(0, 100_000_000),
  costPerKm: int(0, 100_000_000),
};

/** The fuzz entries of lib/nodes/actions.ts (nodes, stock adjustments, safety stock, display minimum). */
export const STOCK_ACTIONS: Record<string, ActionSpec> = {
  "nodes/saveNodeAction": {
    callers: ["ADMIN"],
    shapes: [node, { ...node, id: id("nodeIds"), fingerprint: text(200) }],
  },
  "nodes/setNodeActiveAction": {
    callers: ["ADMIN"],
    shapes: [{ nodeId: id("nodeIds"), active: bool, fingerprint: text(200) }],
  },
  "nodes/adjustStockAction": {
    callers: ["ADMIN"],
    shapes: [
      {
        nodeId: id("nodeIds"),
        skuId: id("skuIds"),
        delta: int(-1_000_000, 1_000_000),
        reason: oneOf(ADJUSTMENT_REASONS),
        note: text(200),
        version: int(0, 1_000_000),
      },
    ],
  },
  "nodes/setStockSettingsAction": {
    callers: ["ADMIN"],
    shapes: [
      {
        nodeId: id("nodeIds"),
        skuId: id("skuIds"),
        safetyStock: int(0, 100_000),
        displayMin: int(0, 100_000),
        version: int(0, 1_000_000),
      },
    ],
  },
};
