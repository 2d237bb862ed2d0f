import { shanghaiDayOf } from "@/lib/format/shanghai-day";

/** Stores and warehouses work Shanghai days: the key of an instant's node load, "YYYY-MM-DD". */
export function capacityDayOf(now: Date): string {
  return shanghaiDayOf(now);
}

/** Units per node, in node order: the order every transaction takes node-day rows in. */
export function countPerNode(nodeIds: readonly string[]): [string, number][] {
  const counts = new Map<string, number>();
  for (const id of nodeIds) counts.set(id, (counts.get(id) ?? 0) + 1);
  return [...counts].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}
