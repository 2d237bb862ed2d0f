/**
 * Splits `amount` across `weights` in proportion, in whole units, so that the parts add up to
 * exactly `amount` (largest remainder: floor every share, then hand the leftover units to the
 * largest fractions, earlier lines first on ties). No part exceeds its weight when amount ≤ Σ weights.
 */
export function spreadProportionally(amount: number, weights: readonly number[]): number[] {
  const total = weights.reduce((sum, w) => sum + w, 0);
  if (amount === 0 || total === 0) return weights.map(() => 0);
  // BigInt keeps amount × weight exact even for very large orders.
  const big = BigInt(amount);
  const bigTotal = BigInt(total);
  const parts = weights.map((w) => {
    const product = big * BigInt(w);
    return { floor: Number(product / bigTotal), remainder: product % bigTotal };
  });
  let left = amount - parts.reduce((sum, p) => sum + p.floor, 0);
  const order = parts
    .map((p, index) => ({ index, remainder: p.remainder }))
    .sort((a, b) =>
      a.remainder === b.remainder ? a.index - b.index : a.remainder > b.remainder ? -1 : 1,
    );
  const shares = parts.map((p) => p.floor);
  for (const { index } of order) {
    if (left === 0) break;
    shares[index]! += 1;
    left -= 1;
  }
  return shares;
}
