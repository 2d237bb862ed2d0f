import type { LatLng } from "./distance";
import { mergeLines } from "./facts";
import { planForMethod } from "./plan-for-method";
import type { CandidateNode, RoutingLine, RoutingRequest, RoutingRule } from "./types";

/** A node that may take part in a delivery plan: what it may send per line, and its cost (fen). */
export type EligibleNode = { nodeId: string; costFen: number; sellable: number[] };

/**
 * The nodes a delivery order (EXPRESS or SAME_CITY) may be planned over, exactly as `routeOrder`
 * sees them: after method limits, filters and display protection. For checking plans against an
 * exact solver; null for a pickup, an unknown store, or rules that do not validate.
 */
export function listEligibleNodes(
  request: RoutingRequest,
  candidates: readonly CandidateNode[],
  rules: readonly RoutingRule[],
): { lines: RoutingLine[]; nodes: EligibleNode[] } | null {
  if (request.method === "PICKUP") return null;
  const lines = mergeLines(request.lines);
  const { destination } = request;
  let point: LatLng | undefined;
  if (destination.kind === "point") point = { lat: destination.lat, lng: destination.lng };
  else point = candidates.find((c) => c.id === destination.nodeId);
  if (!point) return null;
  const result = planForMethod({
    lines,
    method: request.method,
    destination: point,
    candidates,
    rules,
    excludedNodeIds: new Set(request.excludedNodeIds ?? []),
  });
  if ("invalidRules" in result) return null;
  const nodes = result.evaluation.eligible.map((e) => ({
    nodeId: e.facts.node.id,
    costFen: e.facts.costFen,
    sellable: [...e.facts.sellable],
  }));
  return { lines, nodes };
}
