import { TZDate } from "@date-fns/tz";

/** Settlement periods are Shanghai days and months, whatever the server's clock zone. */
export const SETTLEMENT_TIME_ZONE = "Asia/Shanghai";

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

/** Whether a text is a calendar day "YYYY-MM-DD" that exists (no 2026-02-30). */
export function isCalendarDay(text: string): boolean {
  const match = DAY.exec(text);
  if (!match) return false;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  if (y < 2000 || y > 2999) return false;
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** The instant a Shanghai day ("YYYY-MM-DD") begins. */
export function startOfShanghaiDay(day: string): Date {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  return new Date(new TZDate(y, m - 1, d, SETTLEMENT_TIME_ZONE).getTime());
}

/** The calendar day `days` after `day` (before, when negative). */
export function addDaysTo(day: string, days: number): string {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d) + days * MS_PER_DAY).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (0 for the same day). */
export function daysFromTo(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / MS_PER_DAY);
}

/** The instants a range of Shanghai days spans: from the first day's start to the day after the last. */
export function shanghaiDayRange(from: string, to: string): { gte: Date; lt: Date } {
  return { gte: startOfShanghaiDay(from), lt: startOfShanghaiDay(addDaysTo(to, 1)) };
}
