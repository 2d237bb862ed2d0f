import { assertCount, sellThrough } from "./metrics";

/** One calendar day of stock flow: units sold and the net change of onHand (any movement). */
export type DayFlow = { day: string; sold: number; onHandDelta: number };

/** One period of the chart: units sold in it, onHand at its end, and its sell-through. */
export type SellThroughPoint = {
  /** First day of the period (YYYY-MM-DD). */
  start: string;
  sold: number;
  onHandEnd: number;
  sellThrough: number | null;
};

const DAY_MS = 86_400_000;

/** The day `offset` days after `day` (both YYYY-MM-DD, calendar arithmetic in UTC). */
export function addDays(day: string, offset: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + offset * DAY_MS).toISOString().slice(0, 10);
}

/**
 * Sell-through per period over the `periods × periodDays` days ending on `lastDay`:
 * sell-through of a period = units sold in it ÷ (units sold in it + onHand at its end), by the
 * same formula as the dashboard's tables (`sellThrough`).
 * onHand at the end of a period is walked back from today's onHand: onHandEnd(day) =
 * currentOnHand − Σ onHandDelta of the days after it, so the series needs no stock snapshots,
 * only the ledger. A negative walk-back (a ledger slip) is shown as 0 rather than breaking the
 * chart. Days missing from `flow` had no movement. Oldest period first.
 */
export function sellThroughSeries(
  flow: readonly DayFlow[],
  {
    currentOnHand,
    lastDay,
    periods,
    periodDays,
  }: { currentOnHand: number; lastDay: string; periods: number; periodDays: number },
): SellThroughPoint[] {
  assertCount(currentOnHand, "currentOnHand");
  if (!Number.isSafeInteger(periods) || periods < 1) throw new RangeError("periods must be ≥ 1");
  if (!Number.isSafeInteger(periodDays) || periodDays < 1) {
    throw new RangeError("periodDays must be ≥ 1");
  }
  const byDay = new Map(flow.map((f) => [f.day, f]));
  const points: SellThroughPoint[] = [];
  // Σ onHandDelta of the days after the current period's end, walking back from today.
  let laterDelta = 0;
  for (const f of flow) if (f.day > lastDay) laterDelta += f.onHandDelta;
  for (let p = 0; p < periods; p += 1) {
    const end = addDays(lastDay, -p * periodDays);
    const start = addDays(end, -(periodDays - 1));
    const onHandEnd = Math.max(0, currentOnHand - laterDelta);
    let sold = 0;
    for (let d = 0; d < periodDays; d += 1) {
      const f = byDay.get(addDays(start, d));
      if (!f) continue;
      sold += Math.max(0, f.sold);
      laterDelta += f.onHandDelta;
    }
    points.push({
      start,
      sold,
      onHandEnd,
      sellThrough: sellThrough({ unitsSold: sold, onHand: onHandEnd }),
    });
  }
  return points.reverse();
}
