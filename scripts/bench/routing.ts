import { parseArgs } from "node:util";
import { buildSmallInstances } from "./routing/instances";
import { buildNetwork } from "./routing/network";
import { loadSolver } from "./routing/optimum";
import { buildOrders } from "./routing/orders";
import { measureQuality, type Quality } from "./routing/quality";
import { printTables, TARGETS } from "./routing/report";
import { costFocusedRules, seededRules } from "./routing/rule-sets";
import { measureThroughput, type Throughput } from "./routing/throughput";

// Routing quality benchmark: throughput of routeOrder on a 500-node network, and plan cost
// against exact MILP optima on small instances. The last line of stdout is one JSON object.
const { values } = parseArgs({
  options: {
    orders: { type: "string", default: "10000" },
    warmup: { type: "string", default: "1000" },
    small: { type: "string", default: "300" },
    seed: { type: "string", default: "bench" },
  },
});
const orders = Number(values.orders);
const warmUp = Number(values.warmup);
const small = Number(values.small);
if (![orders, warmUp, small].every((n) => Number.isInteger(n) && n > 0)) {
  console.error(
    "usage: npm run bench:routing -- [--orders 10000] [--warmup 1000] [--small 300] [--seed bench]",
  );
  process.exit(2);
}

const network = buildNetwork(values.seed);
const requests = buildOrders(network, orders, values.seed);
const ruleSets = { "cost-focused": costFocusedRules(), "seeded default": seededRules() };
const throughput: Record<string, Throughput> = {};
for (const [name, rules] of Object.entries(ruleSets)) {
  throughput[name] = measureThroughput(requests, network.nodes, rules, warmUp);
}
const solver = await loadSolver();
const instances = buildSmallInstances(small, values.seed);
const quality: Record<string, Quality> = {};
for (const [name, rules] of Object.entries(ruleSets))
  quality[name] = measureQuality(solver, instances, rules);

printTables(throughput, quality);
const target = quality["cost-focused"];
const slowest = Math.min(...Object.values(throughput).map((t) => t.ordersPerSecond));
const pass =
  target !== undefined &&
  slowest >= TARGETS.ordersPerSecond &&
  target.totalCostGapPct <= TARGETS.totalCostGapPct &&
  target.splitWhenOneNodeCould === 0 &&
  target.feasibilityMismatches === 0;
console.log(
  JSON.stringify({
    bench: "routing",
    seed: values.seed,
    nodes: network.nodes.length,
    throughput,
    quality,
    targets: TARGETS,
    pass,
  }),
);
