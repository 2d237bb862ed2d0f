import type { CreateTransferByCodeInput } from "@/lib/transfers/transfer-rules";

/** A line as the form edits it: the quantity as typed; `key` keeps React's rows apart. */
export type DraftLine = { key: number; skuCode: string; quantity: string };

/** The form's state. */
export type TransferDraft = {
  fromNodeId: string;
  toNodeId: string;
  reason: string;
  lines: DraftLine[];
};

/** A blank line after the given ones, with a key none of them has. */
export function addLine(lines: readonly DraftLine[]): DraftLine[] {
  const key = Math.max(0, ...lines.map((l) => l.key)) + 1;
  return [...lines, { key, skuCode: "", quantity: "1" }];
}

/** The lines without the one keyed `key`; the last line stays, emptied, so the form keeps one. */
export function removeLine(lines: readonly DraftLine[], key: number): DraftLine[] {
  const left = lines.filter((l) => l.key !== key);
  return left.length > 0 ? left : addLine([]);
}

/**
 * What the form sends: codes trimmed and upper-cased as SKU codes are written, quantities as
 * numbers (an empty or partial one is sent as typed, NaN, and refused beside its field).
 */
export function toCreateInput(draft: TransferDraft): CreateTransferByCodeInput {
  return {
    fromNodeId: draft.fromNodeId,
    toNodeId: draft.toNodeId,
    reason: draft.reason,
    lines: draft.lines.map((l) => ({
      skuCode: l.skuCode.trim().toUpperCase(),
      quantity: l.quantity.trim() === "" ? Number.NaN : Number(l.quantity),
    })),
  };
}
