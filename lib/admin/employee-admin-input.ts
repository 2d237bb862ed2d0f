import { z } from "zod";

/** Fen per yuan: the console shows yuan, the database keeps integer fen. */
const FEN_PER_YUAN = 100;

/**
 * A yuan amount typed by the admin, at most two decimals. It stays in yuan through validation
 * (so parsing twice, in the action and the use case, changes nothing); `yuanToFen` stores it.
 */
export const yuanAmount = z.coerce
  .number()
  .nonnegative()
  .max(10_000_000)
  .refine((yuan) => Number.isInteger(Math.round(yuan * 1000) / 10), "At most two decimals.");

export const yuanToFen = (yuan: number): number => Math.round(yuan * FEN_PER_YUAN);

export const QUOTA_PERIODS = ["MONTH", "QUARTER", "YEAR"] as const;

/** A quota policy as the console edits it; `id` absent creates one. */
export const quotaPolicySchema = z.object({
  id: z.string().min(1).max(64).optional(),
  name: z.string().trim().min(1).max(80),
  period: z.enum(QUOTA_PERIODS),
  maxUnits: z.coerce.number().int().min(1).max(10_000),
  maxSpendYuan: yuanAmount,
  maxPerSku: z.coerce.number().int().min(1).max(10_000),
  /** Discount in whole percent off list price; kept as basis points. */
  discountPercent: z.coerce.number().int().min(0).max(100),
});

export const deleteQuotaPolicySchema = z.object({ id: z.string().min(1).max(64) });

export const assignEmployeePolicySchema = z.object({
  employeeId: z.string().min(1).max(64),
  quotaPolicyId: z.string().min(1).max(64),
});

/**
 * An explicit employee price for a style, or for one SKU of it when `skuCode` is given (a SKU's
 * price comes before its style's); `priceYuan` null clears it.
 */
export const employeePriceSchema = z.object({
  styleCode: z.string().trim().min(1).max(64),
  skuCode: z.preprocess(
    (v) => (typeof v === "string" && v.trim() === "" ? undefined : v),
    z.string().trim().min(1).max(64).optional(),
  ),
  priceYuan: yuanAmount.nullable(),
});

/** Switches an employee's access to the employee store on or off. */
export const employeeActiveSchema = z.object({
  employeeId: z.string().min(1).max(64),
  active: z.boolean(),
});

/** The purchase totals' period: "2026-11", "2026-Q4" or "2026". */
export const periodKeySchema = z
  .string()
  .regex(
    /^\d{4}(-(0[1-9]|1[0-2])|-Q[1-4])?$/,
    "A month, quarter or year like 2026-11, 2026-Q4, 2026.",
  );

/** The purchase totals' CSV download: a period and which table. */
export const purchaseTotalsQuerySchema = z.object({
  period: periodKeySchema,
  by: z.enum(["employee", "sku"]).default("employee"),
});
