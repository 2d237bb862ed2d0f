import { z } from "zod";
import { MAX_RECEIPT_QUANTITY } from "./stock-document";

/** Why an admin corrects a stock level; kept as the ledger movement's reason. */
export const ADJUSTMENT_REASONS = ["COUNT_CORRECTION", "DAMAGE", "FOUND"] as const;
export type AdjustmentReason = (typeof ADJUSTMENT_REASONS)[number];

/** Largest safety stock or display minimum one row may hold. */
export const MAX_STOCK_SETTING = 100_000;

const id = z.string().trim().min(1).max(200);
const version = z.number().int().min(0).max(2_147_483_647);

/**
 * A stock adjustment at one node: a signed change of on hand (never 0) with a required reason
 * and an optional note; `version` is the level's version as the admin saw it (absent for a row
 * that does not exist yet).
 */
export const adjustStockSchema = z.object({
  nodeId: id,
  skuId: id,
  delta: z
    .number()
    .int()
    .min(-MAX_RECEIPT_QUANTITY)
    .max(MAX_RECEIPT_QUANTITY)
    .refine((n) => n !== 0, { message: "Must not be 0." }),
  // A string first, so a missing or empty reason reads "required" rather than "not an option".
  reason: z.string().min(1).pipe(z.enum(ADJUSTMENT_REASONS)),
  note: z.string().trim().max(200).default(""),
  version: version.optional(),
});
export type AdjustStockInput = z.output<typeof adjustStockSchema>;

/** The levels an admin protects at one node: safety stock and the shelf minimum. */
export const stockSettingsSchema = z.object({
  nodeId: id,
  skuId: id,
  safetyStock: z.number().int().min(0).max(MAX_STOCK_SETTING),
  displayMin: z.number().int().min(0).max(MAX_STOCK_SETTING),
  version,
});
export type StockSettingsInput = z.output<typeof stockSettingsSchema>;

/** The ledger movement reason an adjustment writes: the reason code, then the admin's note. */
export function adjustmentMovementReason(reason: AdjustmentReason, note: string): string {
  return note ? `${reason}: ${note}` : reason;
}
