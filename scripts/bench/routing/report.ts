import type { Quality } from "./quality";
import type { Throughput } from "./throughput";

/** The targets the benchmark checks. */
export const TARGETS = { ordersPerSecond: 1000, totalCostGapPct: 3 } as const;

const row = (cells: readonly (string | number)[], widths: readonly number[]): string =>
  cells.map((c, i) => String(c).padEnd(widths[i] ?? 12)).join("  ");

/** A table a person reads; the JSON line after it is for machines. */
export function printTables(
  throughput: Record<string, Throughput>,
  quality: Record<string, Quality>,
): void {
  const tw = [16, 8, 10, 8, 8, 8, 8, 40];
  console.log("\nThroughput (500 nodes, 3 cities)");
  console.log(
    row(["rules", "orders", "orders/s", "p50 ms", "p95 ms", "p99 ms", "split", "refusals"], tw),
  );
  for (const [name, t] of Object.entries(throughput)) {
    const refusals =
      Object.entries(t.refusals)
        .map(([code, n]) => `${code} ${n}`)
        .join(", ") || "none";
    console.log(
      row(
        [
          name,
          t.orders,
          t.ordersPerSecond,
          t.latency.p50Ms,
          t.latency.p95Ms,
          t.latency.p99Ms,
          `${Math.round(t.splitShare * 1000) / 10} %`,
          refusals,
        ],
        tw,
      ),
    );
  }
  const qw = [16, 7, 7, 10, 9, 9, 9, 9, 11, 22, 9, 9];
  console.log("\nQuality against the exact optimum (HiGHS MILP, 20–40 nodes per order)");
  console.log(
    row(
      [
        "rules",
        "orders",
        "split",
        "total gap",
        "mean gap",
        "p95 gap",
        "max gap",
        "≤ 3 %",
        "free gap",
        "parcels eng/opt/min",
        "> min",
        "split 1",
      ],
      qw,
    ),
  );
  for (const [name, q] of Object.entries(quality)) {
    console.log(
      row(
        [
          name,
          q.orders,
          q.splitOrders,
          `${q.totalCostGapPct} %`,
          `${q.meanGapPct} %`,
          `${q.p95GapPct} %`,
          `${q.maxGapPct} %`,
          `${Math.round(q.withinTargetShare * 1000) / 10} %`,
          `${q.meanGapToUnconstrainedPct} %`,
          `${q.engineParcels}/${q.optimalParcels}/${q.minParcels}`,
          q.moreParcelsThanMin,
          q.splitWhenOneNodeCould,
        ],
        qw,
      ),
    );
  }
  console.log(
    "\ntotal gap: the engine's plans' summed cost over the optima's; gap: engine cost over the cheapest plan the policy allows (one node whenever one can fill);" +
      "\nfree gap: over the cheapest plan of any shape; > min: orders with more parcels than the fewest possible;" +
      "\nsplit 1: orders one node could fill that the engine split (must be 0).\n",
  );
}
