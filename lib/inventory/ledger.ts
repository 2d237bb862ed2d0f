/** The counters of one stock level that the ledger must reproduce. */
export type LevelCounters = {
  nodeId: string;
  skuId: string;
  onHand: number;
  reserved: number;
  inbound: number;
};

/** Sums of movement deltas for one (node, SKU). */
export type LedgerSums = {
  nodeId: string;
  skuId: string;
  onHand: number;
  reserved: number;
  inbound: number;
};

/** Units held by active reservations at one (node, SKU). */
export type HoldSum = { nodeId: string; skuId: string; quantity: number };

/** A counter that does not match: the level's value against what the ledger or holds say. */
export type LedgerMismatch = {
  nodeId: string;
  skuId: string;
  field: "onHand" | "reserved" | "inbound" | "reservedVsHolds";
  level: number;
  expected: number;
};

const key = (nodeId: string, skuId: string): string => `${nodeId}\u0000${skuId}`;

/**
 * Compares stock levels with the movement ledger (onHand, reserved and inbound must each equal
 * the sum of their deltas) and with active reservations (reserved must equal the units they
 * hold). A (node, SKU) that has movements or holds but no level counts as a level of zeros.
 */
export function findLedgerMismatches(
  levels: readonly LevelCounters[],
  sums: readonly LedgerSums[],
  holds: readonly HoldSum[],
): LedgerMismatch[] {
  const levelOf = new Map(levels.map((l) => [key(l.nodeId, l.skuId), l]));
  const sumOf = new Map(sums.map((s) => [key(s.nodeId, s.skuId), s]));
  const holdOf = new Map(holds.map((h) => [key(h.nodeId, h.skuId), h.quantity]));
  const pairs = new Map<string, { nodeId: string; skuId: string }>();
  for (const row of [...levels, ...sums, ...holds]) {
    pairs.set(key(row.nodeId, row.skuId), { nodeId: row.nodeId, skuId: row.skuId });
  }

  const mismatches: LedgerMismatch[] = [];
  const sorted = [...pairs.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  for (const [k, { nodeId, skuId }] of sorted) {
    const level = levelOf.get(k);
    const sum = sumOf.get(k);
    for (const field of ["onHand", "reserved", "inbound"] as const) {
      const have = level?.[field] ?? 0;
      const expected = sum?.[field] ?? 0;
      if (have !== expected) mismatches.push({ nodeId, skuId, field, level: have, expected });
    }
    const reserved = level?.reserved ?? 0;
    const held = holdOf.get(k) ?? 0;
    if (reserved !== held) {
      mismatches.push({ nodeId, skuId, field: "reservedVsHolds", level: reserved, expected: held });
    }
  }
  return mismatches;
}
