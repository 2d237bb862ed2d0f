import type { SettlementKind } from "@/lib/generated/prisma/enums";
import { addDaysTo } from "./shanghai-days";
import { shanghaiDayOf } from "@/lib/format/shanghai-day";
import type { StatementPeriod } from "./statement-filter";

/** One organisation's entries of one kind in one period, summed (as the database groups them). */
export type KindSum = {
  organizationId: string;
  period: string;
  kind: SettlementKind;
  amount: number;
};

/** A statement's columns, in fen: one per entry kind, and their sum. */
export type StatementAmounts = {
  sales: number;
  fees: number;
  commissions: number;
  employeeDiscount: number;
  refunds: number;
  net: number;
};

/** One organisation in one period. */
export type StatementRow = StatementAmounts & { organizationId: string; period: string };

const COLUMN_OF_KIND: Record<SettlementKind, Exclude<keyof StatementAmounts, "net">> = {
  SALES_CREDIT: "sales",
  FULFILMENT_FEE: "fees",
  GUIDE_COMMISSION: "commissions",
  EMPLOYEE_DISCOUNT: "employeeDiscount",
  REFUND: "refunds",
};

export const AMOUNT_COLUMNS = [
  "sales",
  "fees",
  "commissions",
  "employeeDiscount",
  "refunds",
  "net",
] as const satisfies readonly (keyof StatementAmounts)[];

/** The entry kind a column sums, for the drill-down of one cell; `net` sums them all. */
export const KIND_OF_COLUMN = Object.fromEntries(
  Object.entries(COLUMN_OF_KIND).map(([kind, column]) => [column, kind]),
) as Record<Exclude<keyof StatementAmounts, "net">, SettlementKind>;

const zero = (): StatementAmounts => ({
  sales: 0,
  fees: 0,
  commissions: 0,
  employeeDiscount: 0,
  refunds: 0,
  net: 0,
});

/** The period a Shanghai day falls in: the day itself, or its month "YYYY-MM". */
export function periodOfDay(day: string, period: StatementPeriod): string {
  return period === "day" ? day : day.slice(0, 7);
}

/** The period an entry booked at `at` is reported in (Shanghai calendar). */
export function periodOf(at: Date, period: StatementPeriod): string {
  return periodOfDay(shanghaiDayOf(at), period);
}

/** The days of a period within a range: a day, or the part of a month the range covers. */
export function daysOfPeriod(
  key: string,
  period: StatementPeriod,
  range: { from: string; to: string },
): { from: string; to: string } {
  if (period === "day") return { from: key, to: key };
  const [y, m] = key.split("-").map(Number) as [number, number];
  const last = addDaysTo(`${m === 12 ? y + 1 : y}-${String((m % 12) + 1).padStart(2, "0")}-01`, -1);
  const first = `${key}-01`;
  return { from: first > range.from ? first : range.from, to: last < range.to ? last : range.to };
}

/** Sums per kind turned into one row per organisation and period, with a column per kind. */
export function pivotStatement(sums: readonly KindSum[]): StatementRow[] {
  const rows = new Map<string, StatementRow>();
  for (const sum of sums) {
    const key = `${sum.organizationId}\u0000${sum.period}`;
    const row = rows.get(key) ?? {
      organizationId: sum.organizationId,
      period: sum.period,
      ...zero(),
    };
    row[COLUMN_OF_KIND[sum.kind]] += sum.amount;
    row.net += sum.amount;
    rows.set(key, row);
  }
  return [...rows.values()].sort((a, b) =>
    a.organizationId === b.organizationId
      ? a.period.localeCompare(b.period)
      : a.organizationId.localeCompare(b.organizationId),
  );
}

/** Column by column sums of rows. */
export function totalOf(rows: readonly StatementAmounts[]): StatementAmounts {
  const total = zero();
  for (const row of rows) for (const column of AMOUNT_COLUMNS) total[column] += row[column];
  return total;
}

/**
 * Rows per organisation, in the order `organizations` are given, each with its total;
 * organisations without entries in the range are left out.
 */
export function groupByOrganization<O extends { id: string }>(
  rows: readonly StatementRow[],
  organizations: readonly O[],
): { organization: O; rows: StatementRow[]; total: StatementAmounts }[] {
  return organizations.flatMap((organization) => {
    const own = rows.filter((r) => r.organizationId === organization.id);
    return own.length === 0 ? [] : [{ organization, rows: own, total: totalOf(own) }];
  });
}
