/** A stock level's counters at one node. */
export type LevelCounters = { nodeId: string; onHand: number; reserved: number };

/** Movement deltas summed per node. */
export type LevelDeltas = { nodeId: string; onHand: number; reserved: number };

/** Units held beyond what is on hand, summed over the nodes (must be 0). */
export function oversoldUnits(levels: readonly LevelCounters[]): number {
  return levels.reduce((sum, l) => sum + Math.max(0, l.reserved - l.onHand), 0);
}

/**
 * The nodes whose counters moved by other amounts than the movements booked meanwhile say: the
 * ledger is balanced when this is empty.
 */
export function ledgerMismatches(
  before: readonly LevelCounters[],
  after: readonly LevelCounters[],
  deltas: readonly LevelDeltas[],
): string[] {
  const nodes = new Set([...before, ...after, ...deltas].map((l) => l.nodeId));
  const find = <T extends { nodeId: string }>(rows: readonly T[], nodeId: string) =>
    rows.find((r) => r.nodeId === nodeId);
  const problems: string[] = [];
  for (const nodeId of [...nodes].sort()) {
    const b = find(before, nodeId) ?? { onHand: 0, reserved: 0 };
    const a = find(after, nodeId) ?? { onHand: 0, reserved: 0 };
    const d = find(deltas, nodeId) ?? { onHand: 0, reserved: 0 };
    if (a.onHand - b.onHand !== d.onHand || a.reserved - b.reserved !== d.reserved) {
      problems.push(
        `${nodeId}: onHand ${b.onHand}→${a.onHand} (movements ${d.onHand}), reserved ${b.reserved}→${a.reserved} (movements ${d.reserved})`,
      );
    }
  }
  return problems;
}

/** Everything checked in the database after a run. */
export type CheckoutChecks = {
  /** Orders the server answered as placed. */
  successes: number;
  /** What the run should have sold: the channel's ATS (sell-out) or every shopper (ample). */
  expectedSuccesses: number;
  /** Units beyond on hand (at the end, or at the lowest point sampled during the run). */
  oversold: number;
  /** Stock-level changes the movements do not account for, and counters the ledger disputes. */
  ledgerProblems: readonly string[];
  /** Orders per bench shopper that has any. */
  ordersPerShopper: readonly number[];
  /** Units of the SKU held by the shoppers' orders. */
  heldUnits: number;
  /** Units each order takes. */
  unitsPerOrder: number;
};

/** What is wrong with the run; empty when it is sound. */
export function problemsOf(c: CheckoutChecks): string[] {
  const problems: string[] = [];
  if (c.successes !== c.expectedSuccesses)
    problems.push(`${c.successes} orders placed, expected ${c.expectedSuccesses}`);
  if (c.oversold !== 0) problems.push(`${c.oversold} units oversold`);
  if (c.ledgerProblems.length > 0)
    problems.push(`ledger: ${c.ledgerProblems.slice(0, 3).join("; ")}`);
  if (c.ordersPerShopper.some((n) => n !== 1)) problems.push("a shopper has more than one order");
  if (c.ordersPerShopper.length !== c.successes)
    problems.push(`${c.ordersPerShopper.length} shoppers have orders, ${c.successes} succeeded`);
  if (c.heldUnits !== c.successes * c.unitsPerOrder)
    problems.push(`${c.heldUnits} units held, ${c.successes * c.unitsPerOrder} sold`);
  return problems;
}
