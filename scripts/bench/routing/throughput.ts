import { routeOrder } from "@/lib/routing/route-order";
import type { CandidateNode, RoutingRequest, RoutingRule } from "@/lib/routing/types";
import { latencyOf, perSecond, round, type Latency } from "../stats";

/** Orders routed per second over one network, with latency, splits and refusals by code. */
export type Throughput = {
  orders: number;
  ordersPerSecond: number;
  latency: Latency;
  splitShare: number;
  refusals: Record<string, number>;
};

/** Routes `warmUp` orders unmeasured, then every order once, timing each. */
export function measureThroughput(
  orders: readonly RoutingRequest[],
  nodes: readonly CandidateNode[],
  rules: readonly RoutingRule[],
  warmUp: number,
): Throughput {
  for (const order of orders.slice(0, warmUp)) routeOrder(order, nodes, rules);
  const latencies: number[] = [];
  const refusals: Record<string, number> = {};
  let splits = 0;
  const started = performance.now();
  for (const order of orders) {
    const t = performance.now();
    const result = routeOrder(order, nodes, rules);
    latencies.push(performance.now() - t);
    if (!result.ok) refusals[result.code] = (refusals[result.code] ?? 0) + 1;
    else if (new Set(result.assignments.map((a) => a.nodeId)).size > 1) splits += 1;
  }
  const wallMs = performance.now() - started;
  return {
    orders: orders.length,
    ordersPerSecond: perSecond(orders.length, wallMs),
    latency: latencyOf(latencies),
    splitShare: round(splits / Math.max(1, orders.length), 3),
    refusals,
  };
}
