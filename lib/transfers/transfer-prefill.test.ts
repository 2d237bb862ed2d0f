import { describe, expect, it } from "vitest";
import { transferPrefill } from "./transfer-prefill";

const NODES = [
  { id: "node_cw", code: "CW-SH" },
  { id: "node_sh1", code: "SH-001" },
];

describe("transferPrefill", () => {
  it("turns a suggestion's node codes into ids and keeps its SKU, quantity and reason", () => {
    expect(
      transferPrefill(
        { from: "CW-SH", to: "SH-001", sku: "RN-101-BLK-42", qty: "6", reason: "low cover" },
        NODES,
      ),
    ).toEqual({
      fromNodeId: "node_cw",
      toNodeId: "node_sh1",
      reason: "low cover",
      lines: [{ skuCode: "RN-101-BLK-42", quantity: 6 }],
    });
  });

  it("starts empty without parameters: no node chosen, one blank line of 1", () => {
    expect(transferPrefill({}, NODES)).toEqual({
      fromNodeId: "",
      toNodeId: "",
      reason: "",
      lines: [{ skuCode: "", quantity: 1 }],
    });
  });

  it.each([
    ["0", 1],
    ["-3", 1],
    ["2.5", 1],
    ["abc", 1],
    ["10000", 1],
    ["9999", 9999],
    ["1", 1],
  ])("reads qty=%s as %i", (qty, quantity) => {
    expect(transferPrefill({ qty }, NODES).lines[0]!.quantity).toBe(quantity);
  });

  it("ignores a node code that names no active node", () => {
    const prefill = transferPrefill({ from: "XX-999", to: "SH-001" }, NODES);
    expect(prefill.fromNodeId).toBe("");
    expect(prefill.toNodeId).toBe("node_sh1");
  });
});
