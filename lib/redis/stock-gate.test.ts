import { describe, expect, it } from "vitest";
import { parseAdmitReply, parseGiveBackReply, stockGateKey } from "./stock-gate";

describe("stock gate replies", () => {
  it("keys one hash per SKU, with the SKU as the cluster hash tag", () => {
    expect(stockGateKey("sku_1")).toBe("onepool:stock-gate:{sku_1}");
  });

  it.each([
    [[1, 4], { kind: "admitted", left: 4 }],
    [[0, 2], { kind: "refused", left: 2 }],
    [[-1, 0], { kind: "missing" }],
    [["1", "0"], { kind: "admitted", left: 0 }],
  ])("reads the admit reply %j", (reply, expected) => {
    expect(parseAdmitReply(reply)).toEqual(expected);
  });

  it.each([[null], [[1]], [[2, 1]], [[1, 1.5]], ["OK"], [[1, "x"]]])(
    "refuses the unexpected admit reply %j",
    (reply) => {
      expect(() => parseAdmitReply(reply)).toThrow(/unexpected stock gate reply/);
    },
  );

  it("reads the give-back reply: the count, or null when there was none", () => {
    expect(parseGiveBackReply(7)).toBe(7);
    expect(parseGiveBackReply("0")).toBe(0);
    expect(parseGiveBackReply(-1)).toBeNull();
    expect(() => parseGiveBackReply("x")).toThrow(/unexpected stock gate reply/);
  });
});
