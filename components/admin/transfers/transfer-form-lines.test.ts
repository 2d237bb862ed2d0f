import { describe, expect, it } from "vitest";
import { addLine, removeLine, toCreateInput } from "./transfer-form-lines";

describe("the new-transfer form's lines", () => {
  it("adds a blank line of 1 under a fresh key", () => {
    expect(addLine([{ key: 3, skuCode: "A", quantity: "2" }])).toEqual([
      { key: 3, skuCode: "A", quantity: "2" },
      { key: 4, skuCode: "", quantity: "1" },
    ]);
  });

  it("removes a line by key and keeps one blank line when the last goes", () => {
    const lines = [
      { key: 1, skuCode: "A", quantity: "1" },
      { key: 2, skuCode: "B", quantity: "5" },
    ];
    expect(removeLine(lines, 1)).toEqual([{ key: 2, skuCode: "B", quantity: "5" }]);
    expect(removeLine([{ key: 7, skuCode: "A", quantity: "1" }], 7)).toEqual([
      { key: 1, skuCode: "", quantity: "1" },
    ]);
  });

  it("sends codes trimmed and upper-cased and quantities as numbers, an empty one as NaN", () => {
    expect(
      toCreateInput({
        fromNodeId: "n1",
        toNodeId: "n2",
        reason: "restock",
        lines: [
          { key: 1, skuCode: " rn-101-blk-42 ", quantity: "4" },
          { key: 2, skuCode: "TS-1", quantity: "" },
        ],
      }),
    ).toEqual({
      fromNodeId: "n1",
      toNodeId: "n2",
      reason: "restock",
      lines: [
        { skuCode: "RN-101-BLK-42", quantity: 4 },
        { skuCode: "TS-1", quantity: Number.NaN },
      ],
    });
  });
});
