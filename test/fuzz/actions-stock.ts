import type { ActionSpec } from "./action-table";

/** The fuzz entries of lib/nodes/actions.ts and lib/inventory/actions.ts (nodes, stock adjustments, safety stock, display minimum). */
export const STOCK_ACTIONS: Record<string, ActionSpec> = {};
