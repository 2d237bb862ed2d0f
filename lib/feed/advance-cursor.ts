/** A ledger row the publisher has read: its id and when it was written. */
export type PendingMovement = { id: number; createdAt: Date };

/**
 * How long a hole in the ledger's ids may stay open before the publisher treats it as a rolled-back
 * insert. Ids come from a sequence when a row is inserted, not when it commits, so a transaction
 * can commit id 10 after id 11 is already visible; skipping 10 then would lose that change for
 * good. Stock transactions time out after 30 s (lib/inventory/transaction.server.ts) and the row
 * after a hole was written at most one transaction length before it, so two minutes leaves room
 * for clock skew between app servers.
 */
export const GAP_GRACE_MS = 120_000;

/**
 * The furthest position the cursor may move to after reading `movements` (ids above `position`,
 * ascending): past every row read, but never past a hole that is younger than the grace, so a
 * late commit inside the hole is read again next time. Rows past such a hole are still published
 * now; publishing is idempotent, so reading them again later only costs a recomputation.
 */
export function advanceCursor(input: {
  position: number;
  movements: readonly PendingMovement[];
  now: Date;
  gapGraceMs?: number;
}): number {
  const grace = input.gapGraceMs ?? GAP_GRACE_MS;
  let position = input.position;
  for (const m of input.movements) {
    if (m.id <= position) continue;
    const hole = m.id !== position + 1;
    if (hole && input.now.getTime() - m.createdAt.getTime() < grace) break;
    position = m.id;
  }
  return position;
}
