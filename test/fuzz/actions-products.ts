import type { ActionSpec } from "./action-table";

/** The fuzz entries of lib/products/actions.ts (styles, SKUs, prices, bundles, presale). */
export const PRODUCT_ACTIONS: Record<string, ActionSpec> = {};
