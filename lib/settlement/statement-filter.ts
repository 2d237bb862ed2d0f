import { z } from "zod";
import type { SettlementKind } from "@/lib/generated/prisma/enums";
import { cleanParam, type RawParam } from "@/lib/validation/route-params";
import { addDaysTo, daysFromTo, isCalendarDay } from "./shanghai-days";
import { shanghaiDayOf } from "@/lib/format/shanghai-day";

/** How a statement buckets its entries: by Shanghai day or by Shanghai month. */
export const STATEMENT_PERIODS = ["day", "month"] as const;
export type StatementPeriod = (typeof STATEMENT_PERIODS)[number];

/** The longest range each period shows, in days: a year of days, ten years of months. */
export const MAX_RANGE_DAYS: Record<StatementPeriod, number> = { day: 366, month: 3_660 };

/** Entry kinds in the order a statement shows them. */
export const SETTLEMENT_KINDS = [
  "SALES_CREDIT",
  "FULFILMENT_FEE",
  "GUIDE_COMMISSION",
  "EMPLOYEE_DISCOUNT",
  "REFUND",
] as const satisfies readonly SettlementKind[];

/** A statement's scope: one organisation or all, a period, first and last Shanghai day. */
export type StatementFilter = {
  organizationId?: string;
  period: StatementPeriod;
  from: string;
  to: string;
};

/** The drill-down's scope: a statement's scope narrowed to a kind, and a page of entries. */
export type EntriesFilter = Omit<StatementFilter, "period"> & {
  kind?: SettlementKind;
  page: number;
};

/** This month so far, on the Shanghai calendar. */
export function defaultRange(now: Date): { from: string; to: string } {
  const today = shanghaiDayOf(now);
  return { from: `${today.slice(0, 7)}-01`, to: today };
}

function dayParam(value: RawParam): string | undefined {
  const text = cleanParam(value, { maxLength: 10 });
  return text && isCalendarDay(text) ? text : undefined;
}

/** The range a page asked for: reversed ends swapped, a range too long cut at its start. */
function readRange(query: Record<string, RawParam>, now: Date, maxDays: number) {
  const fallback = defaultRange(now);
  let from = dayParam(query.from) ?? fallback.from;
  let to = dayParam(query.to) ?? fallback.to;
  if (from > to) [from, to] = [to, from];
  if (daysFromTo(from, to) >= maxDays) from = addDaysTo(to, -(maxDays - 1));
  return { from, to };
}

const organizationParam = (value: RawParam) => cleanParam(value, { maxLength: 64 }) ?? undefined;

/** A statement page's query as a filter; values it cannot use give way to the defaults. */
export function readStatementFilter(query: Record<string, RawParam>, now: Date): StatementFilter {
  const asked = cleanParam(query.period, { maxLength: 10 });
  const period: StatementPeriod = asked === "day" ? "day" : "month";
  return {
    organizationId: organizationParam(query.org),
    period,
    ...readRange(query, now, MAX_RANGE_DAYS[period]),
  };
}

/** The entries page's query as a filter, like the statement's, with a kind and a page. */
export function readEntriesFilter(query: Record<string, RawParam>, now: Date): EntriesFilter {
  const kind = cleanParam(query.kind, { maxLength: 20 });
  const page = Number(cleanParam(query.page, { maxLength: 6 }) ?? "1");
  return {
    organizationId: organizationParam(query.org),
    ...readRange(query, now, MAX_RANGE_DAYS.month),
    kind: SETTLEMENT_KINDS.find((k) => k === kind),
    page: Number.isInteger(page) && page >= 1 ? page : 1,
  };
}

const day = z.string().trim().refine(isCalendarDay, "A day like 2026-12-31.");

/** A statement download's query: every part explicit, refused rather than guessed. */
export const statementQuerySchema = z
  .object({
    org: z.string().trim().min(1).max(64).optional(),
    period: z.enum(STATEMENT_PERIODS).default("month"),
    from: day,
    to: day,
  })
  .superRefine((q, ctx) => {
    if (!isCalendarDay(q.from) || !isCalendarDay(q.to)) return;
    if (q.from > q.to)
      ctx.addIssue({ code: "custom", path: ["to"], message: "The last day is before the first." });
    else if (daysFromTo(q.from, q.to) >= MAX_RANGE_DAYS[q.period])
      ctx.addIssue({ code: "custom", path: ["from"], message: "The range is too long." });
  });

/** The filter a parsed download query names. */
export function statementFilterOf(query: z.output<typeof statementQuerySchema>): StatementFilter {
  return { organizationId: query.org, period: query.period, from: query.from, to: query.to };
}

/** A statement's scope as the query of a page or download link. */
export function statementQuery(filter: StatementFilter): string {
  return new URLSearchParams({
    ...(filter.organizationId ? { org: filter.organizationId } : {}),
    period: filter.period,
    from: filter.from,
    to: filter.to,
  }).toString();
}

/** The entries page's query for a scope, a kind and a page. */
export function entriesQuery(filter: EntriesFilter): string {
  return new URLSearchParams({
    ...(filter.organizationId ? { org: filter.organizationId } : {}),
    from: filter.from,
    to: filter.to,
    ...(filter.kind ? { kind: filter.kind } : {}),
    ...(filter.page > 1 ? { page: String(filter.page) } : {}),
  }).toString();
}
