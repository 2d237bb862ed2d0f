import { z } from "zod";
import { cleanParam, type RawParam } from "@/lib/validation/route-params";
import { DEFAULT_SLOW_THRESHOLD_DAYS } from "./alerts";
// The screens' own choices live with their readers; this file is only used on the server.
import { WINDOW_DAYS_CHOICES } from "./load-inventory-dashboard.server";
import { DEFAULT_LEAD_TIME_DAYS } from "./load-suggestions.server";
import { DEFAULT_TARGET_DAYS } from "./transfer-suggestions";

/** Bounds of the settings a suggestion screen accepts, in whole days. */
export const SUGGESTION_BOUNDS = {
  targetDays: { min: 7, max: 90 },
  /** The slow threshold's minimum is the target (a node is never both source and destination). */
  slowThresholdDays: { max: 365 },
  leadTimeDays: { min: 0, max: 60 },
} as const;

/** The longest SKU search and category id a query may carry. */
const MAX_SKU_QUERY = 60;
const MAX_CATEGORY_ID = 64;

/** What a transfer or replenishment screen (or its CSV) was asked for. */
export type SuggestionQuery = {
  /** Part of a SKU code or style name. */
  skuQuery?: string;
  categoryId?: string;
  windowDays: number;
  targetDays: number;
  slowThresholdDays: number;
  leadTimeDays: number;
};

const DEFAULT_WINDOW_DAYS: number = WINDOW_DAYS_CHOICES[0];

/** A whole number of days written plainly ("14"), or null. */
function wholeDays(value: RawParam): number | null {
  const text = cleanParam(value, { maxLength: 4 });
  return text !== null && /^\d+$/.test(text) ? Number(text) : null;
}

function within(value: number | null, min: number, max: number): number | null {
  return value !== null && value >= min && value <= max ? value : null;
}

/**
 * A screen's query (`q`, `category`, `window`, `target`, `slow`, `lead`) as settings: a value it
 * cannot use gives way to the default (window 28, target 21, slow max(90, target), lead 3).
 */
export function readSuggestionQuery(query: Record<string, RawParam>): SuggestionQuery {
  const { targetDays: target, slowThresholdDays: slow, leadTimeDays: lead } = SUGGESTION_BOUNDS;
  const window = wholeDays(query.window);
  const targetDays = within(wholeDays(query.target), target.min, target.max) ?? DEFAULT_TARGET_DAYS;
  return {
    skuQuery: cleanParam(query.q, { maxLength: MAX_SKU_QUERY }) ?? undefined,
    categoryId: cleanParam(query.category, { maxLength: MAX_CATEGORY_ID }) ?? undefined,
    windowDays: WINDOW_DAYS_CHOICES.find((d) => d === window) ?? DEFAULT_WINDOW_DAYS,
    targetDays,
    slowThresholdDays:
      within(wholeDays(query.slow), targetDays, slow.max) ??
      Math.max(DEFAULT_SLOW_THRESHOLD_DAYS, targetDays),
    leadTimeDays: within(wholeDays(query.lead), lead.min, lead.max) ?? DEFAULT_LEAD_TIME_DAYS,
  };
}

/** An optional text parameter: an empty one (a form's "any") counts as absent. */
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .transform((v) => (v ? v : undefined));

/** An optional whole number of days in [min, max], written plainly. */
const optionalDays = (min: number, max: number, fallback: number) =>
  z
    .string()
    .regex(/^\d{1,4}$/)
    .transform(Number)
    .pipe(z.number().int().min(min).max(max))
    .optional()
    .transform((v) => v ?? fallback);

/**
 * The replenishment CSV's query: the screen's parameters, but a value out of bounds is refused
 * (INVALID_INPUT) rather than replaced, so a download never silently differs from what was asked.
 */
export const replenishmentQuerySchema = z
  .object({
    q: optionalText(MAX_SKU_QUERY),
    category: optionalText(MAX_CATEGORY_ID),
    window: z
      .enum(WINDOW_DAYS_CHOICES.map(String) as [string, ...string[]])
      .optional()
      .transform((v) => (v === undefined ? DEFAULT_WINDOW_DAYS : Number(v))),
    target: optionalDays(
      SUGGESTION_BOUNDS.targetDays.min,
      SUGGESTION_BOUNDS.targetDays.max,
      DEFAULT_TARGET_DAYS,
    ),
    lead: optionalDays(
      SUGGESTION_BOUNDS.leadTimeDays.min,
      SUGGESTION_BOUNDS.leadTimeDays.max,
      DEFAULT_LEAD_TIME_DAYS,
    ),
  })
  .transform((q): Omit<SuggestionQuery, "slowThresholdDays"> => ({
    skuQuery: q.q,
    categoryId: q.category,
    windowDays: q.window,
    targetDays: q.target,
    leadTimeDays: q.lead,
  }));

/**
 * The search string of a screen's settings (for links to the other screen and the CSV); defaults
 * are left out, so a plain link stays plain.
 */
export function suggestionSearch(
  query: SuggestionQuery,
  keys: readonly ("slow" | "lead")[] = [],
): string {
  const params = new URLSearchParams();
  if (query.skuQuery) params.set("q", query.skuQuery);
  if (query.categoryId) params.set("category", query.categoryId);
  if (query.windowDays !== DEFAULT_WINDOW_DAYS) params.set("window", String(query.windowDays));
  if (query.targetDays !== DEFAULT_TARGET_DAYS) params.set("target", String(query.targetDays));
  if (keys.includes("slow") && query.slowThresholdDays !== DEFAULT_SLOW_THRESHOLD_DAYS) {
    params.set("slow", String(query.slowThresholdDays));
  }
  if (keys.includes("lead") && query.leadTimeDays !== DEFAULT_LEAD_TIME_DAYS) {
    params.set("lead", String(query.leadTimeDays));
  }
  return params.toString();
}
