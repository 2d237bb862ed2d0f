import { z } from "zod";
import { AppError } from "@/lib/errors/app-error";
import type { SettlementRateKind } from "@/lib/generated/prisma/enums";
import { isCalendarDay, startOfShanghaiDay } from "./shanghai-days";
import { shanghaiDayOf } from "@/lib/format/shanghai-day";

/** The rates the books apply: the fulfilling store's fee and the guide's commission. */
export const RATE_KINDS = [
  "FULFILMENT_FEE",
  "GUIDE_COMMISSION",
] as const satisfies readonly SettlementRateKind[];

/** Basis points in 100 % (a rate is a share of the paid goods, never more than all of it). */
export const MAX_BPS = 10_000;

/** A number typed into a form arrives as text; anything else stays as sent, for zod to judge. */
const typedNumber = <S extends z.ZodType>(schema: S) =>
  z.preprocess((v) => (typeof v === "string" && v.trim() !== "" ? Number(v) : v), schema);

const percent = typedNumber(
  z
    .number()
    .min(0)
    .max(100)
    .refine((p) => Math.abs(p * 100 - Math.round(p * 100)) < 1e-6, "At most two decimals."),
);
const bps = typedNumber(z.number().int().min(0).max(MAX_BPS));

/**
 * A rate to schedule: its kind, the rate as a percent (two decimals) or in basis points (one
 * of them), the Shanghai day it starts, and a note. Parsed, it carries basis points only, so
 * that parsing again (action, then use case) gives the same rate.
 */
export const newRateSchema = z
  .object({
    kind: z.enum(RATE_KINDS),
    percent: percent.optional(),
    bps: bps.optional(),
    effectiveFrom: z.string().trim().refine(isCalendarDay, "A day like 2026-12-31."),
    note: z.preprocess(
      (v) => (v === null || (typeof v === "string" && v.trim() === "") ? undefined : v),
      z.string().trim().max(200).optional(),
    ),
  })
  .superRefine((rate, ctx) => {
    if (rate.percent === undefined && rate.bps === undefined)
      ctx.addIssue({
        code: "invalid_type",
        expected: "number",
        input: undefined,
        path: ["percent"],
        message: "Give the rate.",
      });
    else if (rate.percent !== undefined && rate.bps !== undefined)
      ctx.addIssue({
        code: "custom",
        path: ["percent"],
        message: "Give a percent or basis points, not both.",
      });
  })
  .transform(({ percent: p, bps: b, ...rate }) => ({
    ...rate,
    bps: b ?? Math.round((p ?? 0) * 100),
  }));

export type NewRate = z.output<typeof newRateSchema>;

/** A scheduled rate to take back before it starts. */
export const cancelRateSchema = z.object({ id: z.string().trim().min(1).max(64) });

/**
 * When a rate scheduled for `day` starts: the day's Shanghai midnight, or, for today, the
 * moment it is saved, since orders paid earlier today were booked at the rate then in force.
 * A past day is refused: a new rate never rewrites the books.
 */
export function effectiveInstant(day: string, now: Date): Date {
  const today = shanghaiDayOf(now);
  if (day < today)
    throw new AppError("INVALID_INPUT", "A new rate cannot start on a past day.", {
      details: { reason: "RATE_IN_PAST", today },
      fieldErrors: { effectiveFrom: [{ problem: "INVALID" }] },
    });
  return day === today ? now : startOfShanghaiDay(day);
}

export type RateStatus = "SCHEDULED" | "IN_FORCE" | "ENDED";

type RateLike = { kind: SettlementRateKind; effectiveFrom: Date };

/**
 * Each rate with its status at `now` and the instant the next rate of its kind replaces it:
 * per kind, the latest rate started is in force, later ones are scheduled, earlier ones ended.
 * Newest first within a kind, kinds in RATE_KINDS order.
 */
export function rateTimeline<R extends RateLike>(
  rates: readonly R[],
  now: Date,
): (R & { status: RateStatus; until: Date | null })[] {
  return RATE_KINDS.flatMap((kind) => {
    const own = rates
      .filter((r) => r.kind === kind)
      .sort((a, b) => b.effectiveFrom.getTime() - a.effectiveFrom.getTime());
    const current = own.find((r) => r.effectiveFrom <= now);
    return own.map((rate, i) => ({
      ...rate,
      status:
        rate.effectiveFrom > now
          ? ("SCHEDULED" as const)
          : rate === current
            ? ("IN_FORCE" as const)
            : ("ENDED" as const),
      until: i > 0 ? own[i - 1]!.effectiveFrom : null,
    }));
  });
}

/** Whether a rate starts at a Shanghai midnight (a day's rate) rather than when it was saved. */
export function startsAtShanghaiMidnight(at: Date): boolean {
  return startOfShanghaiDay(shanghaiDayOf(at)).getTime() === at.getTime();
}
