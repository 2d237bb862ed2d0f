import type { ScoredPlan } from "./allocate";
import type { PlanChoice } from "./choose-plan";
import { formatFen, roundKm, roundPercent } from "./format";
import { message } from "./messages";
import type { MessagePart, MessageParam, RoutingRuleKind } from "./types";

const EPSILON = 1e-9;

/** How a plan is named in a sentence: its node, or its nodes joined with "+". */
export function nameOf(scored: ScoredPlan): string {
  return scored.plan.parts.map((p) => p.facts.node.name).join(" + ");
}

const farthestKm = (s: ScoredPlan): number =>
  Math.max(0, ...s.plan.parts.map((p) => p.facts.distanceKm));
const shallowest = (s: ScoredPlan): number =>
  Math.min(...s.plan.parts.map((p) => p.facts.spareUnits));

function busiest(s: ScoredPlan): { used: number; capacity: number } {
  const nodes = s.plan.parts.map((p) => p.facts.node);
  const load = (n: { shipmentsToday: number; dailyCapacity: number }): number =>
    n.dailyCapacity > 0 ? n.shipmentsToday / n.dailyCapacity : 1;
  const node = nodes.reduce((a, b) => (load(b) > load(a) ? b : a));
  return { used: node.shipmentsToday, capacity: node.dailyCapacity };
}

/** The figures that back a comparison on one rule between `subject` and `other`. */
function compareParams(
  kind: RoutingRuleKind,
  subject: ScoredPlan,
  other: ScoredPlan,
): Record<string, MessageParam> {
  switch (kind) {
    case "NEAREST":
      return { distanceKm: roundKm(farthestKm(subject)) };
    case "LOWEST_COST": {
      const base = Math.max(1, other.plan.costFen);
      return { percent: Math.max(1, roundPercent(Math.abs(subject.plan.costFen - base) / base)) };
    }
    case "STOCK_DEPTH":
      return { units: shallowest(subject) };
    case "CAPACITY":
      return busiest(subject);
    case "FEWEST_SPLITS":
      return { parcels: subject.plan.parts.length };
    case "NODE_TYPES":
      return {};
  }
}

/** The rule on which `a` beats `b` by the most weighted score, if any. */
function biggestEdge(
  a: ScoredPlan,
  b: ScoredPlan,
  kinds?: ReadonlySet<RoutingRuleKind>,
): RoutingRuleKind | null {
  let best: RoutingRuleKind | null = null;
  let bestEdge = EPSILON;
  for (const [kind, score] of Object.entries(a.scores) as [
    RoutingRuleKind,
    { value: number; weight: number },
  ][]) {
    if (kinds && !kinds.has(kind)) continue;
    const edge = score.weight * (score.value - (b.scores[kind]?.value ?? 0));
    if (edge > bestEdge) [best, bestEdge] = [kind, edge];
  }
  return best;
}

/** Rules on which the winner is at least as good as every contender. */
function leadingRules(winner: ScoredPlan, contenders: readonly ScoredPlan[]): Set<RoutingRuleKind> {
  const kinds = Object.keys(winner.scores) as RoutingRuleKind[];
  return new Set(
    kinds.filter((kind) =>
      contenders.every(
        (c) => (c.scores[kind]?.value ?? 0) <= (winner.scores[kind]?.value ?? 0) + EPSILON,
      ),
    ),
  );
}

/** "X was 4 % cheaper but 820 km away.", or nothing when the runner-up is better at nothing. */
export function describeRunnerUp(winner: ScoredPlan, runnerUp: ScoredPlan): MessagePart | null {
  const advantage = biggestEdge(runnerUp, winner);
  if (!advantage) return null;
  const drawback = biggestEdge(winner, runnerUp);
  return message("routing.summary.runnerUp", {
    runnerUp: nameOf(runnerUp),
    advantage: message(
      `routing.advantage.${advantage}`,
      compareParams(advantage, runnerUp, winner),
    ),
    drawback: drawback
      ? message(`routing.drawback.${drawback}`, compareParams(drawback, runnerUp, winner))
      : message("routing.drawback.overall"),
  });
}

/** The sentences that explain a plan choice to a merchandiser. */
export function summarizeChoice(choice: PlanChoice, units: number): MessagePart[] {
  const { best, runnerUp, singles } = choice;
  const parts: MessagePart[] = [];
  const first = best.plan.parts[0];
  if (!choice.split && first) {
    const distanceKm = roundKm(first.facts.distanceKm);
    if (choice.contenders === 1) {
      parts.push(
        message("routing.summary.onlyOption", { winner: first.facts.node.name, distanceKm, units }),
      );
    } else {
      const leading = leadingRules(best, singles);
      const heaviest = [...leading].sort(
        (a, b) => (best.scores[b]?.weight ?? 0) - (best.scores[a]?.weight ?? 0),
      )[0];
      const strength = (runnerUp ? biggestEdge(best, runnerUp, leading) : null) ?? heaviest ?? null;
      parts.push(
        message("routing.summary.single", {
          winner: first.facts.node.name,
          distanceKm,
          units,
          strength: message(strength ? `routing.strength.${strength}` : "routing.strength.overall"),
        }),
      );
    }
  } else {
    parts.push(message("routing.summary.split", { units, parcels: best.plan.parts.length }));
    for (const part of best.plan.parts) {
      parts.push(
        message("routing.summary.parcel", {
          node: part.facts.node.name,
          distanceKm: roundKm(part.facts.distanceKm),
          units: part.units,
        }),
      );
    }
    parts.push(message("routing.summary.planCost", { cost: formatFen(best.plan.costFen) }));
  }
  const versus = runnerUp ? describeRunnerUp(best, runnerUp) : null;
  if (versus) parts.push(versus);
  return parts;
}
