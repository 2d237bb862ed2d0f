import { TZDate } from "@date-fns/tz";
import { format } from "date-fns";

/** Stores and warehouses work Shanghai days; a day's capacity is counted under this key. */
export const CAPACITY_TIME_ZONE = "Asia/Shanghai";

/** The Shanghai calendar day of an instant, "YYYY-MM-DD": the key of that day's node load. */
export function capacityDayOf(now: Date): string {
  return format(new TZDate(now, CAPACITY_TIME_ZONE), "yyyy-MM-dd");
}

/** Units per node, in node order: the order every transaction takes node-day rows in. */
export function countPerNode(nodeIds: readonly string[]): [string, number][] {
  const counts = new Map<string, number>();
  for (const id of nodeIds) counts.set(id, (counts.get(id) ?? 0) + 1);
  return [...counts].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}
