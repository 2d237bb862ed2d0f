import { describe, expect, it } from "vitest";
import { fullCounts, receiptOf, receiptSummary } from "./receipt-counts";

const LINES = [
  { id: "l1", skuCode: "RN-101-BLK-42", quantity: 5 },
  { id: "l2", skuCode: "TS-200-WHT-M", quantity: 2 },
];

describe("the receiving form's counts", () => {
  it("starts with every line counted in full", () => {
    expect(fullCounts(LINES)).toEqual({ l1: "5", l2: "2" });
  });

  it("sends each line's count, an empty box as 0 and a typed number as is", () => {
    expect(receiptOf("tr1", LINES, { l1: "4", l2: " " })).toEqual({
      transferId: "tr1",
      lines: [
        { lineId: "l1", receivedQty: 4 },
        { lineId: "l2", receivedQty: 0 },
      ],
    });
    // Above what was shipped: sent as typed, so the server refuses it beside the line.
    expect(receiptOf("tr1", LINES, { l1: "9", l2: "2" }).lines[0]!.receivedQty).toBe(9);
  });

  it("sums what was shipped and counted in and names the short lines", () => {
    expect(
      receiptSummary([
        { skuCode: "RN-101-BLK-42", quantity: 5, receivedQty: 4 },
        { skuCode: "TS-200-WHT-M", quantity: 2, receivedQty: 2 },
      ]),
    ).toEqual({ shipped: 7, received: 6, short: [{ skuCode: "RN-101-BLK-42", short: 1 }] });
  });

  it("has no short lines when everything arrived", () => {
    expect(receiptSummary([{ skuCode: "A", quantity: 3, receivedQty: 3 }]).short).toEqual([]);
  });
});
