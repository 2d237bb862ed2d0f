/** A shipped line as the receiving form counts it. */
export type CountLine = { id: string; skuCode: string; quantity: number };

/** Every line counted in full: what the form starts with. */
export function fullCounts(lines: readonly CountLine[]): Record<string, string> {
  return Object.fromEntries(lines.map((l) => [l.id, String(l.quantity)]));
}

/**
 * The receipt the form sends: each line's count as typed (an empty box is 0 — nothing of it
 * arrived); a count outside 0..shipped is sent as typed and refused beside its line.
 */
export function receiptOf(
  transferId: string,
  lines: readonly CountLine[],
  counts: Readonly<Record<string, string>>,
): { transferId: string; lines: { lineId: string; receivedQty: number }[] } {
  return {
    transferId,
    lines: lines.map((l) => {
      const typed = (counts[l.id] ?? "").trim();
      return { lineId: l.id, receivedQty: typed === "" ? 0 : Number(typed) };
    }),
  };
}

/** The outcome of a receipt as the page tells it: units shipped and counted, and short lines. */
export function receiptSummary(
  lines: readonly { skuCode: string; quantity: number; receivedQty: number }[],
): { shipped: number; received: number; short: { skuCode: string; short: number }[] } {
  return {
    shipped: lines.reduce((sum, l) => sum + l.quantity, 0),
    received: lines.reduce((sum, l) => sum + l.receivedQty, 0),
    short: lines
      .filter((l) => l.receivedQty < l.quantity)
      .map((l) => ({ skuCode: l.skuCode, short: l.quantity - l.receivedQty })),
  };
}
