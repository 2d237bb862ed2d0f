import { allocateLines, comparePlans, scorePlan, type ScoredPlan } from "./allocate";
import type { EvaluatedNode, Evaluation } from "./evaluate";

/** Shared state of one split search: the eligible nodes, how to score, and what was found. */
export type SearchState = {
  evaluation: Evaluation;
  byId: ReadonlyMap<string, EvaluatedNode>;
  /** The node's worth as a supplier, > 0: its total, or its cheapness when no score rule is set. */
  utility: (node: EvaluatedNode) => number;
  found: Map<string, ScoredPlan>;
};

// Pair search looks at the best few first nodes and, for each, the best few completions: a
// bounded search that finds the best pair in practice while keeping every order well under 1 ms.
const PAIR_FIRSTS = 12;
const PAIR_SECONDS = 6;
const SWAP_POOL = 20;
const SWAP_ROUNDS = 2;

const byUtility = (state: SearchState) => (a: EvaluatedNode, b: EvaluatedNode) =>
  state.utility(b) - state.utility(a) ||
  a.facts.costFen - b.facts.costFen ||
  a.facts.node.code.localeCompare(b.facts.node.code);

/** Scores the plan these nodes make (if they cover the order) and remembers it. */
export function tryNodes(state: SearchState, nodes: readonly EvaluatedNode[]): ScoredPlan | null {
  const ordered = [...nodes].sort(byUtility(state));
  const key = ordered.map((n) => n.facts.node.id).join("|");
  const known = state.found.get(key);
  if (known) return known;
  const plan = allocateLines(ordered, state.evaluation);
  if (!plan) return null;
  const scored = scorePlan(plan, state.evaluation, state.byId);
  state.found.set(key, scored);
  return scored;
}

function coversWith(first: EvaluatedNode, second: EvaluatedNode, evaluation: Evaluation): boolean {
  return evaluation.ctx.lines.every(
    (line, i) => (first.facts.sellable[i] ?? 0) + (second.facts.sellable[i] ?? 0) >= line.quantity,
  );
}

/** Tries two-node plans: each strong first node with the best nodes that complete it. */
export function searchPairs(state: SearchState, pool: readonly EvaluatedNode[]): void {
  const firsts = [...pool]
    .sort(
      (a, b) => b.facts.coveredUnits * state.utility(b) - a.facts.coveredUnits * state.utility(a),
    )
    .slice(0, PAIR_FIRSTS);
  for (const first of firsts) {
    const seconds = pool
      .filter((n) => n !== first && coversWith(first, n, state.evaluation))
      .sort(byUtility(state))
      .slice(0, PAIR_SECONDS);
    for (const second of seconds) tryNodes(state, [first, second]);
  }
}

/**
 * Greedy set cover: repeatedly adds the node that covers the most still-missing units per unit of
 * worth, until the order is covered. Null when the pool cannot cover it.
 */
export function coverGreedily(
  state: SearchState,
  pool: readonly EvaluatedNode[],
): EvaluatedNode[] | null {
  const remaining = state.evaluation.ctx.lines.map((l) => l.quantity);
  const chosen: EvaluatedNode[] = [];
  while (remaining.some((q) => q > 0)) {
    let best: EvaluatedNode | null = null;
    let bestGain = 0;
    for (const node of pool) {
      if (chosen.includes(node)) continue;
      let units = 0;
      remaining.forEach((q, i) => (units += Math.min(q, node.facts.sellable[i] ?? 0)));
      const gain = units * state.utility(node);
      if (gain > bestGain) [best, bestGain] = [node, gain];
    }
    if (!best) return null;
    chosen.push(best);
    remaining.forEach((q, i) => (remaining[i] = Math.max(0, q - (best.facts.sellable[i] ?? 0))));
  }
  return chosen;
}

/**
 * Improves a greedy cover: drops nodes the others can do without, then swaps a node for an
 * unused one while that scores better. Returns the best plan reached.
 */
export function improveCover(
  state: SearchState,
  cover: EvaluatedNode[],
  pool: readonly EvaluatedNode[],
): ScoredPlan | null {
  let nodes = [...cover];
  let best = tryNodes(state, nodes);
  for (const node of [...nodes].sort(byUtility(state)).reverse()) {
    const without = nodes.filter((n) => n !== node);
    const plan = without.length > 0 ? tryNodes(state, without) : null;
    if (plan && (!best || comparePlans(plan, best) <= 0)) [nodes, best] = [without, plan];
  }
  const swapPool = [...pool].sort(byUtility(state)).slice(0, SWAP_POOL);
  for (let round = 0; round < SWAP_ROUNDS; round++) {
    let improved = false;
    for (let i = 0; i < nodes.length; i++) {
      for (const incoming of swapPool) {
        if (nodes.includes(incoming)) continue;
        const swapped = nodes.map((n, j) => (j === i ? incoming : n));
        const plan = tryNodes(state, swapped);
        if (plan && (!best || comparePlans(plan, best) < 0)) {
          [nodes, best, improved] = [swapped, plan, true];
        }
      }
    }
    if (!improved) break;
  }
  return best;
}
